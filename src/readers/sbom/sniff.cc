// Content first: each manifest format has a marker near its top (a JSON key, an XML root,
// a first line); the file name decides only where the content has none.
#include <array>
#include <utility>

#include "readers/sbom/emitter.h"
#include "readers/sbom/sbom.h"

namespace interdict {
namespace {

using manifest::trim;

bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

bool ends_with_icase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  text = text.substr(text.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != suffix[i]) return false;
  }
  return true;
}

ManifestFormat sniff_json(std::string_view text) {
  if (contains(text, "\"bomFormat\"") || contains(text, "cyclonedx.org/schema")) return ManifestFormat::kCycloneDxJson;
  if (contains(text, "\"spdxVersion\"")) return ManifestFormat::kSpdxJson;
  if ((contains(text, "\"@context\"") || contains(text, "\"@graph\"")) && contains(text, "spdx")) {
    return ManifestFormat::kSpdx3JsonLd;
  }
  if (contains(text, "\"lockfileVersion\"")) return ManifestFormat::kNpmLock;
  if (contains(text, "\"pins\"")) return ManifestFormat::kSwiftResolved;
  return ManifestFormat::kUnknown;
}

// The local name of the first element, past the XML declaration, comments and DOCTYPE.
std::string_view xml_root(std::string_view text) {
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    if (pos + 1 < text.size() && text[pos + 1] != '?' && text[pos + 1] != '!') break;
    ++pos;
  }
  if (pos == std::string_view::npos) return {};
  std::string_view name = text.substr(pos + 1);
  name = name.substr(0, name.find_first_of(" \t\r\n/>"));
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

ManifestFormat sniff_lines(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with("SPDXVersion:")) return ManifestFormat::kSpdxTagValue;
    if (line.starts_with("# yarn lockfile v1") || line.starts_with("__metadata:")) return ManifestFormat::kYarnLock;
    if (line.starts_with("lockfileVersion:")) return ManifestFormat::kPnpmLock;
    if (line.starts_with("PODS:")) return ManifestFormat::kPodfileLock;
    if (line.starts_with("# This is a Gradle generated file")) return ManifestFormat::kGradleLock;
  }
  return ManifestFormat::kUnknown;
}

ManifestFormat sniff_name(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  static constexpr std::array<std::pair<std::string_view, ManifestFormat>, 18> kNames{{
      {"package-lock.json", ManifestFormat::kNpmLock},
      {"npm-shrinkwrap.json", ManifestFormat::kNpmLock},
      {"yarn.lock", ManifestFormat::kYarnLock},
      {"pnpm-lock.yaml", ManifestFormat::kPnpmLock},
      {"podfile.lock", ManifestFormat::kPodfileLock},
      {"package.resolved", ManifestFormat::kSwiftResolved},
      {".lockfile", ManifestFormat::kGradleLock},
      {"pom.xml", ManifestFormat::kMavenPom},
      {".pom", ManifestFormat::kMavenPom},
      {".gradle", ManifestFormat::kGradleBuild},
      {".gradle.kts", ManifestFormat::kGradleBuild},
      {".spdx", ManifestFormat::kSpdxTagValue},
      {".spdx.json", ManifestFormat::kSpdxJson},
      {".spdx3.json", ManifestFormat::kSpdx3JsonLd},
      {".cdx.json", ManifestFormat::kCycloneDxJson},
      {"bom.json", ManifestFormat::kCycloneDxJson},
      {".cdx.xml", ManifestFormat::kCycloneDxXml},
      {"bom.xml", ManifestFormat::kCycloneDxXml},
  }};
  ManifestFormat best = ManifestFormat::kUnknown;
  std::size_t best_length = 0;
  for (const auto& [suffix, format] : kNames) {
    if (suffix.size() > best_length && ends_with_icase(name, suffix)) {
      best = format;
      best_length = suffix.size();
    }
  }
  return best;
}

}  // namespace

std::string_view manifest_format_name(ManifestFormat format) {
  switch (format) {
    case ManifestFormat::kUnknown: return "unknown";
    case ManifestFormat::kCycloneDxJson: return "cyclonedx-json";
    case ManifestFormat::kCycloneDxXml: return "cyclonedx-xml";
    case ManifestFormat::kSpdxJson: return "spdx-json";
    case ManifestFormat::kSpdxTagValue: return "spdx-tag-value";
    case ManifestFormat::kSpdx3JsonLd: return "spdx3-jsonld";
    case ManifestFormat::kNpmLock: return "npm-lock";
    case ManifestFormat::kYarnLock: return "yarn-lock";
    case ManifestFormat::kPnpmLock: return "pnpm-lock";
    case ManifestFormat::kPodfileLock: return "podfile-lock";
    case ManifestFormat::kSwiftResolved: return "swift-resolved";
    case ManifestFormat::kGradleLock: return "gradle-lock";
    case ManifestFormat::kMavenPom: return "maven-pom";
    case ManifestFormat::kGradleBuild: return "gradle-build";
  }
  return "unknown";
}

bool is_sbom_format(ManifestFormat format) {
  return format == ManifestFormat::kCycloneDxJson || format == ManifestFormat::kCycloneDxXml ||
         format == ManifestFormat::kSpdxJson || format == ManifestFormat::kSpdxTagValue ||
         format == ManifestFormat::kSpdx3JsonLd;
}

ManifestFormat sniff_manifest_format(std::string_view file_name, std::span<const std::byte> head) {
  std::string_view text(reinterpret_cast<const char*>(head.data()), head.size());
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::string_view start = trim(text);
  ManifestFormat format = ManifestFormat::kUnknown;
  const ManifestFormat by_name = sniff_name(file_name);
  if (start.starts_with('{')) {
    format = sniff_json(text);
  } else if (start.starts_with('<')) {
    const std::string_view root = xml_root(text);
    if (root == "bom") format = ManifestFormat::kCycloneDxXml;
    if (root == "project") format = ManifestFormat::kMavenPom;
  } else {
    format = sniff_lines(text);
  }
  return format != ManifestFormat::kUnknown ? format : by_name;
}

}  // namespace interdict
