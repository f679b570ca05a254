// JSON string escaping (RFC 8259), below every layer that writes JSON: the sinks, and the
// engine's cached reasons (engine/engine.h, JsonReasons). Free functions, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace interdict {

// Appends `s` escaped for the inside of a JSON string literal, without the quotes: '"', '\\'
// and control bytes are escaped, every other byte is copied (UTF-8 passes through). Escaping
// works byte by byte, so escaping two texts and joining them equals escaping them joined.
inline void append_json_escaped(std::string& out, std::string_view s) {
  // Reserve once for the common case of nothing to escape, then copy runs in bulk.
  out.reserve(out.size() + s.size());
  const char* data = s.data();
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight bytes at a time while none needs escaping: most text is long plain runs.
    if (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, data + i, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
      constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
      auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
      std::uint64_t hits =
          ((w - kOnes * 0x20) & ~w & kHighs) | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'));
      if (hits == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(data[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
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
    ++i;
  }
  out.append(data + run, s.size() - run);
}

}  // namespace interdict
