// Whether text is well-formed UTF-8, and where it stops being so: for inputs that must say
// which byte of which line is bad, or mend it (RFC 3629: no overlong forms, no surrogates,
// nothing past U+10FFFF). And code points to UTF-8 and back, for readers that turn other
// encodings into UTF-8 and for the name rules that read a word a code point at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace interdict {

// The length (1-4) of the well-formed UTF-8 sequence that starts at `text[i]`, or 0 when none
// does there (a stray continuation byte, a sequence cut short, an overlong form, a
// surrogate, a code point past U+10FFFF). REQUIRES: i < text.size().
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = at(i);
  if (b < 0x80) return 1;
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
    return 0;
  }
  if (i + length > text.size() || at(i + 1) < low || at(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((at(i + k) & 0xc0) != 0x80) return 0;
  }
  return length;
}

// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence,
// or nullopt when all of it is well formed. ASCII is skipped eight bytes at a time.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      while (i + 8 <= text.size()) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if ((word & 0x8080808080808080ULL) != 0) break;
        i += 8;
      }
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

// Appends code point `cp` as UTF-8. REQUIRES: cp <= 0x10FFFF. Surrogates are written as
// they are (callers pair them first).
inline void append_utf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | cp >> 6));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | cp >> 12));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | cp >> 18));
    out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code points of `text`; a byte that starts no complete sequence is kept as a code point
// of its own, so text already checked reads exactly and broken text still reads somehow.
inline std::u32string utf32_lenient(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    char32_t c = lead;
    if (lead >= 0xF0) {
      length = 4, c = lead & 0x07;
    } else if (lead >= 0xE0) {
      length = 3, c = lead & 0x0F;
    } else if (lead >= 0xC0) {
      length = 2, c = lead & 0x1F;
    }
    if (i + length > text.size()) length = 1, c = lead;
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out += c;
    i += length;
  }
  return out;
}

}  // namespace interdict
