// Internal to the manifest readers (sbom/ and lockfile/): building package URLs and handing
// CodeItems and CodeDamage to the sink with the line worked out from the byte offset.
//
// Thread-safety: an Emitter is one per input, not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "readers/code/code_item.h"

namespace interdict::manifest {

// Strips ASCII whitespace at both ends.
[[nodiscard]] std::string_view trim(std::string_view text);

// Strips one pair of matching quotes ('...' or "..."), if present.
[[nodiscard]] std::string_view unquote(std::string_view text);

// Appends `segment` percent-encoded as purl-spec asks of each namespace segment, name,
// version and subpath segment: everything but ASCII letters, digits and ".-_~" is encoded
// (so npm's "@scope" becomes "%40scope").
void append_encoded(std::string& out, std::string_view segment);

// The parts of a package URL, unencoded. `ns` may hold several '/'-separated segments
// ("github.com/owner"), each encoded alone; empty parts are left out.
struct PurlParts {
  std::string_view type;        // lowercase: "maven", "npm", "cocoapods", "swift"...
  std::string_view ns;          // "com.tencent.mm.opensdk", "@scope", ""
  std::string_view name;        // "wechat-sdk-android"
  std::string_view version;     // "6.8.0", "" when unknown
  std::string_view qualifiers;  // already encoded "k=v&k2=v2", sorted by key, or ""
  std::string_view subpath;     // "Subspec", '/'-separated segments, or ""
};

// Writes the canonical purl for `parts` into `out` (replacing what was there).
void build_purl(const PurlParts& parts, std::string& out);

// The version of a purl ("pkg:npm/a@1.0?x=y#p" -> "1.0"), as written, or "".
[[nodiscard]] std::string_view purl_version(std::string_view purl);

// Counts lines lazily: each query walks from the previous offset to the new one, forward or
// back, so offsets that mostly grow cost about one pass over the text in all.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}
  // The 1-based line that holds byte `offset` (offsets past the end count as the end).
  [[nodiscard]] std::uint64_t line_at(std::uint64_t offset);

 private:
  std::string_view text_;
  std::uint64_t pos_ = 0;
  std::uint64_t line_ = 1;
};

// Sends what a reader finds to the sink, with path, line and offset filled in.
class Emitter {
 public:
  Emitter(std::string_view text, std::string_view path, CodeSink& sink) : lines_(text), path_(path), sink_(sink) {}
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  // A package whose purl the evidence gave; `purl` is trimmed.
  void package(std::string_view purl, std::string_view version, std::string_view component, std::string_view role,
               std::uint64_t offset);
  // A package whose purl is built from its parts; parts.version is the item's version.
  void package(const PurlParts& parts, std::string_view component, std::string_view role, std::uint64_t offset);
  // A URL (role "repository" for a package repository).
  void url(std::string_view url, std::string_view role, std::uint64_t offset);
  // Line-oriented readers give the line they already know.
  void package_at_line(const PurlParts& parts, std::string_view component, std::string_view role, std::uint64_t line,
                       std::uint64_t offset);
  void url_at_line(std::string_view url, std::string_view role, std::uint64_t line, std::uint64_t offset);

  // At most one fatal damage reaches the sink: later ones are dropped.
  void damage(std::uint64_t offset, std::string_view reason, bool fatal = false);
  void damage_at_line(std::uint64_t line, std::uint64_t offset, std::string_view reason, bool fatal = false);

  [[nodiscard]] std::uint64_t line_at(std::uint64_t offset) { return lines_.line_at(offset); }
  [[nodiscard]] std::uint64_t items() const { return items_; }

 private:
  LineIndex lines_;
  std::string_view path_;
  CodeSink& sink_;
  std::string purl_;  // scratch, reused for every built purl
  std::uint64_t items_ = 0;
  bool ended_ = false;  // a fatal damage was reported
};

// Maven coordinates "group:artifact[:version[:classifier]][@type]", as Gradle writes them.
struct MavenCoordinates {
  std::string_view group;
  std::string_view artifact;
  std::string_view version;
  std::string_view classifier;
  std::string_view type;
};
// Splits `text`; false when it has no group or artifact.
[[nodiscard]] bool parse_maven_coordinates(std::string_view text, MavenCoordinates& out);

// Emits Maven coordinates as pkg:maven/group/artifact@version, with classifier and type as
// qualifiers and "group:artifact" as the component; `qualifiers` and `component` are scratch.
void emit_maven(Emitter& out, const MavenCoordinates& coordinates, std::string_view role, std::uint64_t line,
                std::uint64_t offset, std::string& qualifiers, std::string& component);

// An npm package name "@scope/name" or "name" as purl parts (type "npm").
[[nodiscard]] PurlParts npm_parts(std::string_view name, std::string_view version);

}  // namespace interdict::manifest
