// Internal to lockfile/: one parser per format, and the line walk the text formats share.
//
// Thread-safety: free functions; one call per input.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "readers/sbom/emitter.h"

namespace interdict::manifest {

// One line of a text file, without its '\n' (a trailing '\r' is kept; trim() drops it).
struct Line {
  std::string_view text;
  std::uint64_t number = 0;  // 1-based
  std::uint64_t offset = 0;  // of the line's first byte
};

// Calls `visit(const Line&)` for every line of `text`.
template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
  Line line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    line = {text.substr(pos, end - pos), line.number + 1, pos};
    pos = end + 1;
    visit(line);
  }
}

// The number of leading spaces.
[[nodiscard]] inline std::size_t indent_of(std::string_view text) {
  const std::size_t n = text.find_first_not_of(' ');
  return n == std::string_view::npos ? text.size() : n;
}

// Each reads a whole file (contract of parse_lockfile in lockfile.h).
void parse_npm_lock(std::string_view text, Emitter& out);
void parse_swift_resolved(std::string_view text, Emitter& out);
void parse_yarn_lock(std::string_view text, Emitter& out);
void parse_pnpm_lock(std::string_view text, Emitter& out);
void parse_podfile_lock(std::string_view text, Emitter& out);
void parse_gradle_lock(std::string_view text, Emitter& out);
void parse_gradle_build(std::string_view text, Emitter& out);
void parse_maven_pom(std::string_view text, Emitter& out);

}  // namespace interdict::manifest
