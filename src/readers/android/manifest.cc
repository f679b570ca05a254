#include "readers/android/manifest.h"

#include <algorithm>

#include "readers/android/axml_format.h"

namespace interdict::android {
namespace {

bool is_component(std::string_view name) {
  return name == "activity" || name == "activity-alias" || name == "service" || name == "receiver" ||
         name == "provider";
}

const ManifestAttribute* find(std::span<const ManifestAttribute> attributes, std::uint32_t id, std::string_view name) {
  for (const auto& a : attributes) {
    if (is_android_attribute(a, id, name)) return &a;
  }
  return nullptr;
}

}  // namespace

bool is_android_attribute(const ManifestAttribute& a, std::uint32_t id, std::string_view name) {
  if (a.resource_id != 0) return a.resource_id == id;
  return a.android_namespace && a.name == name;
}

bool ManifestWalker::inside(Kind kind) const { return std::find(open_.begin(), open_.end(), kind) != open_.end(); }

bool ManifestWalker::start(std::string_view name, std::span<const ManifestAttribute> attributes, std::uint64_t offset) {
  if (open_.size() >= kMaxDepth) return false;
  Kind kind = Kind::kOther;
  if (name == "manifest" && open_.empty()) {
    kind = Kind::kManifest;
    const ManifestAttribute* version = find(attributes, axml::kAttrVersionName, "versionName");
    for (const auto& a : attributes) {
      // `package` has neither a namespace nor a resource id.
      if (a.name == "package" && !a.android_namespace && a.is_string && !a.value.empty()) {
        package_.assign(a.value);
        emit(CodeKind::kApp, package_, "self", offset,
             version != nullptr && version->is_string ? version->value : std::string_view{});
      }
    }
  } else if (name == "queries") {
    kind = Kind::kQueries;
  } else if (name == "package" && !open_.empty() && open_.back() == Kind::kQueries) {
    const ManifestAttribute* a = find(attributes, axml::kAttrName, "name");
    if (a != nullptr && a->is_string && !a->value.empty()) emit(CodeKind::kApp, a->value, "queries", offset);
  } else if (is_component(name) && !inside(Kind::kQueries)) {
    kind = Kind::kComponent;
    const ManifestAttribute* a = find(attributes, axml::kAttrName, "name");
    if (a != nullptr && a->is_string && !a->value.empty()) {
      // ".Foo" and "Foo" are relative to the package; "com.x.Foo" is whole.
      if (a->value.front() == '.') {
        name_ = package_ + std::string(a->value);
      } else if (a->value.find('.') == std::string_view::npos && !package_.empty()) {
        name_ = package_ + "." + std::string(a->value);
      } else {
        name_.assign(a->value);
      }
      emit(CodeKind::kClass, name_, name, offset);
    }
  } else if (name == "data") {
    const ManifestAttribute* a = find(attributes, axml::kAttrScheme, "scheme");
    if (a != nullptr && a->is_string && !a->value.empty()) {
      emit(CodeKind::kScheme, a->value, inside(Kind::kQueries) ? "queries" : "url-scheme", offset);
    }
  }
  open_.push_back(kind);
  return true;
}

void ManifestWalker::end() {
  if (!open_.empty()) open_.pop_back();
}

void ManifestWalker::emit(CodeKind kind, std::string_view value, std::string_view role, std::uint64_t offset,
                          std::string_view version) {
  CodeItem item;
  item.kind = kind;
  item.value = value;
  item.version = version;
  item.role = role;
  item.path = path_;
  item.offset = offset;
  sink_.item(item);
}

void ManifestWalker::damage(std::uint64_t offset, std::string_view reason, bool fatal) {
  CodeDamage d;
  d.path = path_;
  d.offset = offset;
  d.reason = reason;
  d.fatal = fatal;
  sink_.damage(d);
}

}  // namespace interdict::android
