// IPA archives: Payload/<App>.app/ with its Info.plist and executable, and the bundles it
// embeds (Frameworks/<X>.framework/, PlugIns/<Y>.appex/), each read through the same
// Info.plist and Mach-O readers. One entry is inflated at a time into one scratch buffer,
// so memory follows the largest binary, not the archive.
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "readers/ios/bundle.h"
#include "readers/ios/ios.h"

namespace interdict {
namespace {

enum class BundleKind : std::uint8_t { kApp, kFramework, kExtension };

constexpr std::string_view kPayload = "Payload/";

// The length of the bundle directory "<segment>.<suffix>/" that starts at `from` in `name`,
// or 0.
std::size_t bundle_segment(std::string_view name, std::size_t from, std::string_view suffix) {
  const std::size_t slash = name.find('/', from);
  if (slash == std::string_view::npos || slash == from) return 0;
  const std::string_view segment = name.substr(from, slash - from);
  return segment.size() > suffix.size() && segment.ends_with(suffix) ? slash + 1 - from : 0;
}

// "Payload/<App>.app/" when `name` lies in an app bundle, else "".
std::string_view app_dir(std::string_view name) {
  if (!name.starts_with(kPayload)) return {};
  const std::size_t length = bundle_segment(name, kPayload.size(), ".app");
  return length == 0 ? std::string_view{} : name.substr(0, kPayload.size() + length);
}

// The bundle's name without its suffix: "Shop" for ".../Shop.app/".
std::string_view bundle_name(std::string_view dir) {
  dir.remove_suffix(1);
  dir = dir.substr(dir.rfind('/') + 1);
  return dir.substr(0, dir.rfind('.'));
}

class IpaReader {
 public:
  IpaReader(const ZipArchive& zip, CodeSink& sink) : zip_(zip), sink_(sink) {}

  void run() {
    for (const Error& e : zip_.damage()) damage("", e.where().byte_offset.value_or(0), e.message(), false);
    for (const ZipEntry& entry : zip_.entries()) index(entry);
    if (bundles_.empty()) return damage("", 0, "no Payload/<name>.app bundle", true);
    for (const auto& [dir, kind] : bundles_) read_bundle(dir, kind);
  }

 private:
  void damage(std::string_view path, std::uint64_t offset, std::string_view reason, bool fatal) {
    CodeDamage d;
    d.path = path;
    d.offset = offset;
    d.reason = reason;
    d.fatal = fatal;
    sink_.damage(d);
  }

  void index(const ZipEntry& entry) {
    const std::string_view app = app_dir(entry.name);
    if (app.empty()) return;
    if (!entry.is_directory()) files_.emplace(entry.name, &entry);
    bundles_.emplace(app, BundleKind::kApp);
    const std::string_view rest = entry.name.substr(app.size());
    for (const auto& [folder, suffix, kind] :
         {std::tuple{std::string_view("Frameworks/"), std::string_view(".framework"), BundleKind::kFramework},
          std::tuple{std::string_view("PlugIns/"), std::string_view(".appex"), BundleKind::kExtension}}) {
      if (!rest.starts_with(folder)) continue;
      const std::size_t length = bundle_segment(rest, folder.size(), suffix);
      if (length != 0) bundles_.emplace(entry.name.substr(0, app.size() + folder.size() + length), kind);
    }
  }

  // The entry's bytes in scratch_, or an empty span after a local damage naming it.
  std::span<const std::byte> read(const ZipEntry& entry) {
    auto bytes = zip_.read(entry, scratch_);
    if (!bytes) {
      damage(entry.name, bytes.error().where().byte_offset.value_or(entry.local_header_offset), bytes.error().message(),
             false);
      return {};
    }
    return *bytes;
  }

  void read_bundle(std::string_view dir, BundleKind kind) {
    ios::BundleInfo info;
    std::string plist_path = std::string(dir) + "Info.plist";
    if (auto it = files_.find(plist_path); it != files_.end()) {
      auto bytes = read(*it->second);
      if (!bytes.empty()) {
        const std::string_view role = kind == BundleKind::kApp         ? "self"
                                      : kind == BundleKind::kExtension ? "extension"
                                                                       : "";
        (void)ios::emit_info_plist(bytes, it->second->name, role, sink_, &info, /*fatal=*/false);
      }
    } else if (kind == BundleKind::kApp) {
      damage(dir, 0, "no Info.plist in the app bundle", false);
    }
    const std::string_view name = bundle_name(dir);
    if (kind == BundleKind::kFramework) {
      CodeItem item;
      item.kind = CodeKind::kFramework;
      item.value = name;
      item.version = info.version;
      item.component = info.identifier;
      item.role = "embedded";
      item.path = dir.substr(0, dir.size() - 1);
      sink_.item(item);
    }
    // A bundle names its executable; without a plist, Xcode's default is the bundle's name.
    const std::string executable = std::string(dir) + (info.executable.empty() ? std::string(name) : info.executable);
    auto it = files_.find(executable);
    if (it == files_.end()) {
      if (kind != BundleKind::kFramework || !info.executable.empty()) {
        damage(dir, 0, "executable `" + executable.substr(dir.size()) + "` not in the bundle", false);
      }
      return;
    }
    auto bytes = read(*it->second);
    if (!bytes.empty()) decode_macho(bytes, it->second->name, sink_);
  }

  const ZipArchive& zip_;
  CodeSink& sink_;
  // Bundle directories in name order, so an app comes before what it embeds.
  std::map<std::string_view, BundleKind> bundles_;
  std::unordered_map<std::string_view, const ZipEntry*> files_;
  std::vector<std::byte> scratch_;
};

}  // namespace

bool is_ipa(const ZipArchive& zip) {
  for (const ZipEntry& entry : zip.entries()) {
    if (!app_dir(entry.name).empty()) return true;
  }
  return false;
}

void decode_ipa(const ZipArchive& zip, CodeSink& sink) { IpaReader(zip, sink).run(); }

}  // namespace interdict
