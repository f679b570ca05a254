// Whether text is well-formed UTF-8, and where it stops being so: for inputs that must say
// which byte of which line is bad (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace interdict {

// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence
// (a stray continuation byte, a sequence cut short, an overlong form, a surrogate, a code
// point past U+10FFFF), or nullopt when all of it is well formed.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto continuation = [&](std::size_t i) { return i < text.size() && (at(i) & 0xc0) == 0x80; };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b = at(i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    // The bounds of the second byte: they rule out overlong forms, surrogates and > U+10FFFF.
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b == 0xe0) low = 0xa0;
      if (b == 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b == 0xf0) low = 0x90;
      if (b == 0xf4) high = 0x8f;
    } else {
      return i;
    }
    if (i + 1 >= text.size() || at(i + 1) < low || at(i + 1) > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (!continuation(i + k)) return i;
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace interdict
