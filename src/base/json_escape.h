// JSON string escaping (RFC 8259), below every layer that writes JSON: the sinks, and the
// engine's cached reasons (engine/engine.h, JsonReasons). Free functions, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace interdict {

namespace json_escape_internal {

// Whether a byte must be escaped: '"', '\\' and the control bytes.
inline bool must_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Whether any of the eight bytes of `w` must be escaped.
inline bool any_must_escape(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  return (((w - kOnes * 0x20) & ~w & kHighs) | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'))) != 0;
}

// Appends s escaped. REQUIRES: no byte of s before `from` must be escaped.
inline void append_escaped_from(std::string& out, std::string_view s, std::size_t from) {
  out.reserve(out.size() + s.size() + 8);
  const char* data = s.data();
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = from; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (!must_escape(c)) continue;
    out.append(data + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(escaped, 6);
      }
    }
  }
  out.append(data + run, s.size() - run);
}

}  // namespace json_escape_internal

// Appends `s` escaped for the inside of a JSON string literal, without the quotes: '"', '\\'
// and control bytes are escaped, every other byte is copied (UTF-8 passes through). Escaping
// works byte by byte, so escaping two texts and joining them equals escaping them joined.
inline void append_json_escaped(std::string& out, std::string_view s) {
  // Nearly every text `check` writes (ids, rules, identifiers) has nothing to escape: look for
  // the first byte that must be, eight at a time, and copy the text in one go when none does.
  const char* data = s.data();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, data + i, 8);
    if (json_escape_internal::any_must_escape(w)) break;
  }
  while (i < s.size() && !json_escape_internal::must_escape(static_cast<unsigned char>(data[i]))) ++i;
  if (i == s.size()) {
    out.append(data, s.size());
    return;
  }
  json_escape_internal::append_escaped_from(out, s, i);
}

}  // namespace interdict
