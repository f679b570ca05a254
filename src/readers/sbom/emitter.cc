// Package URLs as purl-spec (github.com/package-url/purl-spec, PURL-SPECIFICATION.rst)
// writes them: pkg:type/namespace/name@version?qualifiers#subpath, each component
// percent-encoded, the type lowercase.
#include "readers/sbom/emitter.h"

#include <algorithm>

namespace interdict::manifest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_' || c == '~';
}

// Appends '/'-separated segments, each encoded, skipping empty ones.
void append_segments(std::string& out, std::string_view segments) {
  bool first = true;
  while (!segments.empty()) {
    const std::size_t slash = segments.find('/');
    const std::string_view segment = segments.substr(0, slash);
    if (!segment.empty()) {
      if (!first) out.push_back('/');
      append_encoded(out, segment);
      first = false;
    }
    if (slash == std::string_view::npos) break;
    segments.remove_prefix(slash + 1);
  }
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string_view unquote(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

void append_encoded(std::string& out, std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : segment) {
    if (is_unreserved(c)) {
      out.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xf]);
    }
  }
}

void build_purl(const PurlParts& parts, std::string& out) {
  out.assign("pkg:");
  for (const char c : parts.type) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  out.push_back('/');
  if (!parts.ns.empty()) {
    append_segments(out, parts.ns);
    out.push_back('/');
  }
  append_encoded(out, parts.name);
  if (!parts.version.empty()) {
    out.push_back('@');
    append_encoded(out, parts.version);
  }
  if (!parts.qualifiers.empty()) {
    out.push_back('?');
    out.append(parts.qualifiers);
  }
  if (!parts.subpath.empty()) {
    out.push_back('#');
    append_segments(out, parts.subpath);
  }
}

std::string_view purl_version(std::string_view purl) {
  purl = purl.substr(0, purl.find('#'));
  purl = purl.substr(0, purl.find('?'));
  const std::size_t slash = purl.rfind('/');
  const std::size_t at = purl.find('@', slash == std::string_view::npos ? 0 : slash);
  return at == std::string_view::npos ? std::string_view{} : purl.substr(at + 1);
}

std::uint64_t LineIndex::line_at(std::uint64_t offset) {
  offset = std::min<std::uint64_t>(offset, text_.size());
  const auto at = [this](std::uint64_t i) { return text_.begin() + static_cast<std::ptrdiff_t>(i); };
  // Walking back is as cheap as walking forward: a parent component reported after its
  // nested ones costs the distance between them, not a rescan from the top.
  if (offset < pos_) {
    line_ -= static_cast<std::uint64_t>(std::count(at(offset), at(pos_), '\n'));
  } else {
    line_ += static_cast<std::uint64_t>(std::count(at(pos_), at(offset), '\n'));
  }
  pos_ = offset;
  return line_;
}

void Emitter::package(std::string_view purl, std::string_view version, std::string_view component,
                      std::string_view role, std::uint64_t offset) {
  CodeItem item;
  item.kind = CodeKind::kPackage;
  item.value = trim(purl);
  item.version = trim(version);
  item.component = component;
  item.role = role;
  item.path = path_;
  item.line = lines_.line_at(offset);
  item.offset = offset;
  ++items_;
  sink_.item(item);
}

void Emitter::package(const PurlParts& parts, std::string_view component, std::string_view role, std::uint64_t offset) {
  package_at_line(parts, component, role, lines_.line_at(offset), offset);
}

void Emitter::package_at_line(const PurlParts& parts, std::string_view component, std::string_view role,
                              std::uint64_t line, std::uint64_t offset) {
  build_purl(parts, purl_);
  CodeItem item;
  item.kind = CodeKind::kPackage;
  item.value = purl_;
  item.version = parts.version;
  item.component = component;
  item.role = role;
  item.path = path_;
  item.line = line;
  item.offset = offset;
  ++items_;
  sink_.item(item);
}

void Emitter::url(std::string_view url, std::string_view role, std::uint64_t offset) {
  url_at_line(url, role, lines_.line_at(offset), offset);
}

void Emitter::url_at_line(std::string_view url, std::string_view role, std::uint64_t line, std::uint64_t offset) {
  CodeItem item;
  item.kind = CodeKind::kUrl;
  item.value = trim(url);
  item.role = role;
  item.path = path_;
  item.line = line;
  item.offset = offset;
  ++items_;
  sink_.item(item);
}

void Emitter::damage(std::uint64_t offset, std::string_view reason, bool fatal) {
  damage_at_line(lines_.line_at(offset), offset, reason, fatal);
}

void Emitter::damage_at_line(std::uint64_t line, std::uint64_t offset, std::string_view reason, bool fatal) {
  // Fatal damage ends the artefact: a second cause found on the way out (a truncated
  // document that is also of the wrong type) is not a second end.
  if (fatal && ended_) return;
  ended_ = ended_ || fatal;
  CodeDamage damage;
  damage.path = path_;
  damage.line = line;
  damage.offset = offset;
  damage.reason = reason;
  damage.fatal = fatal;
  sink_.damage(damage);
}

bool parse_maven_coordinates(std::string_view text, MavenCoordinates& out) {
  out = {};
  const std::size_t at = text.find('@');
  if (at != std::string_view::npos) {
    out.type = text.substr(at + 1);
    text = text.substr(0, at);
  }
  std::string_view* const fields[] = {&out.group, &out.artifact, &out.version, &out.classifier};
  std::size_t n = 0;
  while (n < 4) {
    const std::size_t colon = text.find(':');
    *fields[n++] = trim(text.substr(0, colon));
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
    if (n == 4) return false;  // a fifth field: not coordinates
  }
  return !out.group.empty() && !out.artifact.empty() && out.group.find_first_of(" \t/\\") == std::string_view::npos &&
         out.artifact.find_first_of(" \t/\\") == std::string_view::npos;
}

void emit_maven(Emitter& out, const MavenCoordinates& coordinates, std::string_view role, std::uint64_t line,
                std::uint64_t offset, std::string& qualifiers, std::string& component) {
  qualifiers.clear();
  if (!coordinates.classifier.empty()) {
    qualifiers.append("classifier=");
    append_encoded(qualifiers, coordinates.classifier);
  }
  if (!coordinates.type.empty()) {
    if (!qualifiers.empty()) qualifiers.push_back('&');
    qualifiers.append("type=");
    append_encoded(qualifiers, coordinates.type);
  }
  const PurlParts parts{"maven", coordinates.group, coordinates.artifact, coordinates.version, qualifiers, ""};
  component.assign(coordinates.group).append(":").append(coordinates.artifact);
  out.package_at_line(parts, component, role, line, offset);
}

PurlParts npm_parts(std::string_view name, std::string_view version) {
  PurlParts parts{"npm", "", name, version, "", ""};
  if (name.starts_with('@')) {
    const std::size_t slash = name.find('/');
    if (slash != std::string_view::npos) {
      parts.ns = name.substr(0, slash);
      parts.name = name.substr(slash + 1);
    }
  }
  return parts;
}

}  // namespace interdict::manifest
