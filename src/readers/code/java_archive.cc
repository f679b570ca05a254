// Java archives: classes by entry name, Maven coordinates by pom.properties.
#include "readers/code/java_archive.h"

#include <string>
#include <vector>

namespace interdict {
namespace {

constexpr int kMaxDepth = 2;

bool is_nested_archive(std::string_view name) {
  return name.ends_with(".jar") || name.ends_with(".aar") || name.ends_with(".war");
}

// "META-INF/versions/11/com/a/B.class" is a multi-release JAR's copy of com/a/B.class.
std::string_view class_path(std::string_view name) {
  if (name.starts_with("META-INF/versions/")) {
    const std::size_t slash = name.find('/', 18);
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  }
  if (name.starts_with("BOOT-INF/classes/")) name.remove_prefix(17);  // Spring Boot
  if (name.starts_with("WEB-INF/classes/")) name.remove_prefix(16);
  return name;
}

// The value of `key` in a .properties text ("version=6.8.0"), or "".
std::string_view property(std::string_view text, std::string_view key) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with(key) && line.size() > key.size() && (line[key.size()] == '=' || line[key.size()] == ':')) {
      std::string_view value = line.substr(key.size() + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      return value;
    }
    pos = end + 1;
  }
  return {};
}

}  // namespace

bool is_java_archive(const ZipArchive& zip) {
  for (const ZipEntry& e : zip.entries()) {
    if (e.name.ends_with(".class") || e.name == "classes.jar" || e.name.starts_with("META-INF/maven/")) return true;
  }
  return false;
}

void decode_java_archive(const ZipArchive& zip, CodeSink& sink, int depth) {
  std::size_t poms = 0;
  for (const ZipEntry& e : zip.entries()) poms += e.name.ends_with("/pom.properties") ? 1 : 0;
  std::vector<std::byte> scratch;
  std::string name;
  for (const ZipEntry& e : zip.entries()) {
    if (e.unsafe_name) {
      sink.damage(
          {e.name, 0, e.local_header_offset, "entry name escapes the archive (path traversal); read, never extracted"});
    }
    if (e.is_directory()) continue;
    const std::string_view path = class_path(e.name);
    if (path.ends_with(".class")) {
      std::string_view stem = path.substr(0, path.size() - 6);
      if (stem.ends_with("module-info") || stem.ends_with("package-info")) continue;
      name.assign(stem);
      for (char& c : name) c = c == '/' ? '.' : c;
      sink.item({CodeKind::kClass, name, "", "", "class", e.name, 0, e.local_header_offset});
      continue;
    }
    const bool pom = e.name.starts_with("META-INF/maven/") && e.name.ends_with("/pom.properties");
    const bool nested = is_nested_archive(e.name) && depth < kMaxDepth;
    if (!pom && !nested) continue;
    auto bytes = zip.read(e, scratch);
    if (!bytes) {
      sink.damage({e.name, 0, e.local_header_offset, bytes.error().message()});
      continue;
    }
    if (pom) {
      const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
      const std::string_view group = property(text, "groupId");
      const std::string_view artifact = property(text, "artifactId");
      const std::string_view version = property(text, "version");
      if (group.empty() || artifact.empty()) {
        sink.damage({e.name, 0, e.local_header_offset, "pom.properties without groupId and artifactId"});
        continue;
      }
      std::string purl = "pkg:maven/" + std::string(group) + "/" + std::string(artifact);
      if (!version.empty()) purl += "@" + std::string(version);
      const std::string component = std::string(group) + ":" + std::string(artifact);
      sink.item({CodeKind::kPackage, purl, version, component, depth == 0 && poms == 1 ? "self" : "embedded", e.name, 0,
                 e.local_header_offset});
      continue;
    }
    // A nested archive: its bytes live in `scratch` (or the outer mapping) while it is read.
    std::vector<std::byte> own(bytes->begin(), bytes->end());
    auto inner = ZipArchive::open(own, e.name);
    if (!inner) {
      sink.damage({e.name, 0, e.local_header_offset, inner.error().message()});
      continue;
    }
    // Items inside name the nested entry as their path's first part.
    class Prefixed final : public CodeSink {
     public:
      Prefixed(CodeSink& out, std::string_view prefix) : out_(out), prefix_(prefix) {}
      void item(const CodeItem& item) override {
        path_ = prefix_ + "!/" + std::string(item.path);
        CodeItem copy = item;
        copy.path = path_;
        if (copy.role == "self") copy.role = "embedded";
        out_.item(copy);
      }
      void damage(const CodeDamage& damage) override {
        path_ = prefix_ + "!/" + std::string(damage.path);
        CodeDamage copy = damage;
        copy.path = path_;
        copy.fatal = false;
        out_.damage(copy);
      }

     private:
      CodeSink& out_;
      std::string prefix_;
      std::string path_;
    } prefixed(sink, e.name);
    for (const Error& d : inner->damage()) {
      prefixed.damage({"", 0, d.where().byte_offset.value_or(0), d.message()});
    }
    decode_java_archive(*inner, prefixed, depth + 1);
  }
}

}  // namespace interdict
