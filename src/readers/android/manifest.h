// ManifestWalker: what an AndroidManifest.xml says about the app's code, whichever encoding
// carried it (binary XML in an APK, protobuf in an AAB). The decoders feed it elements in
// document order; it emits the CodeItems android.h lists.
//
// Thread-safety: one walker per manifest; not thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "readers/code/code_item.h"

namespace interdict::android {

// One attribute as the document gives it. `resource_id` is 0 when unknown.
struct ManifestAttribute {
  std::string_view name;
  std::uint32_t resource_id = 0;
  bool android_namespace = false;
  bool is_string = false;  // `value` holds a literal string (not a reference or a number)
  std::string_view value;
};

class ManifestWalker {
 public:
  // Elements nested deeper than this end the document (fatal damage).
  static constexpr std::size_t kMaxDepth = 64;

  ManifestWalker(std::string_view path, CodeSink& sink) : path_(path), sink_(sink) {}

  // An element opens at byte `offset` of the entry. Returns false when it nests deeper than
  // kMaxDepth: the caller reports and stops.
  [[nodiscard]] bool start(std::string_view name, std::span<const ManifestAttribute> attributes, std::uint64_t offset);
  // The innermost open element closes; an unmatched close is ignored.
  void end();

  // Reports damage for this manifest.
  void damage(std::uint64_t offset, std::string_view reason, bool fatal);

 private:
  enum class Kind : std::uint8_t { kOther, kManifest, kQueries, kComponent };
  void emit(CodeKind kind, std::string_view value, std::string_view role, std::uint64_t offset,
            std::string_view version = {});
  [[nodiscard]] bool inside(Kind kind) const;

  std::string_view path_;
  CodeSink& sink_;
  std::vector<Kind> open_;
  std::string package_;
  std::string name_;  // a resolved class name
};

// Identifies android:name, android:scheme and android:versionName by resource id, or by name
// in the android namespace when the id is unknown.
[[nodiscard]] bool is_android_attribute(const ManifestAttribute& a, std::uint32_t id, std::string_view name);

}  // namespace interdict::android
