// Info.plist identifiers: the bundle id, the URL schemes it registers, and the schemes it
// queries (LSApplicationQueriesSchemes, which SDK integrations such as WeChat's and TikTok's
// require the app to declare).
#include "readers/ios/bundle.h"
#include "readers/ios/ios.h"
#include "readers/ios/plist.h"

namespace interdict::ios {
namespace {

void emit(CodeSink& sink, CodeKind kind, std::string_view value, std::string_view version, std::string_view role,
          std::string_view path, std::uint64_t offset) {
  if (value.empty()) return;
  CodeItem item;
  item.kind = kind;
  item.value = value;
  item.version = version;
  item.role = role;
  item.path = path;
  item.offset = offset;
  sink.item(item);
}

void emit_strings(const Plist& plist, const PlistNode* array, std::string_view role, std::string_view path,
                  CodeSink& sink) {
  if (array == nullptr || array->type != PlistType::kArray) return;
  for (std::uint32_t index : array->items) {
    const PlistNode& scheme = plist.node(index);
    if (scheme.type == PlistType::kString) emit(sink, CodeKind::kScheme, scheme.text, {}, role, path, scheme.offset);
  }
}

}  // namespace

bool emit_info_plist(std::span<const std::byte> bytes, std::string_view path, std::string_view self_role,
                     CodeSink& sink, BundleInfo* info, bool fatal) {
  auto decoded = Plist::decode(bytes);
  if (!decoded) {
    const std::string reason = decoded.error().message();
    CodeDamage damage;
    damage.path = path;
    damage.offset = decoded.error().where().byte_offset.value_or(0);
    damage.reason = reason;
    damage.fatal = fatal;
    sink.damage(damage);
    return false;
  }
  const Plist& plist = *decoded;
  for (const PlistDamage& d : plist.damage()) {
    CodeDamage damage;
    damage.path = path;
    damage.offset = d.offset;
    damage.reason = d.reason;
    sink.damage(damage);
  }
  const PlistNode& root = plist.root();
  std::string_view version = plist.find_string(root, "CFBundleShortVersionString");
  if (version.empty()) version = plist.find_string(root, "CFBundleVersion");
  const std::string_view identifier = plist.find_string(root, "CFBundleIdentifier");
  if (info != nullptr) {
    info->identifier = identifier;
    info->version = version;
    info->executable = plist.find_string(root, "CFBundleExecutable");
  }
  if (!self_role.empty()) {
    const PlistNode* id = plist.find(root, "CFBundleIdentifier");
    emit(sink, CodeKind::kApp, identifier, version, self_role, path, id == nullptr ? 0 : id->offset);
  }
  const PlistNode* url_types = plist.find(root, "CFBundleURLTypes");
  if (url_types != nullptr && url_types->type == PlistType::kArray) {
    for (std::uint32_t index : url_types->items) {
      emit_strings(plist, plist.find(plist.node(index), "CFBundleURLSchemes"), "url-scheme", path, sink);
    }
  }
  emit_strings(plist, plist.find(root, "LSApplicationQueriesSchemes"), "queries", path, sink);
  return true;
}

}  // namespace interdict::ios

namespace interdict {

void decode_info_plist(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink) {
  (void)ios::emit_info_plist(bytes, path, "self", sink, nullptr, /*fatal=*/true);
}

}  // namespace interdict
