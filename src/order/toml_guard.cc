// A guard in front of toml++ 3.3.0; see toml_table.h.
#include <algorithm>
#include <optional>

#include "order/toml_table.h"

namespace interdict {
namespace {

// // toml++ 3.3.0 classifies some code points as whitespace or not through a table that ends
// in __builtin_unreachable(): U+00A1..U+0499 and U+FBA6..U+FEFE reach it, which is
// undefined behaviour (marzer/tomlplusplus#190 and #295, fixed upstream by #305). It asks
// only where a code point can be whitespace: outside strings and comments, where TOML 1.0
// allows no non-ASCII character at all, and inside a multi-line basic string right after a
// backslash. find_unsafe_code_point() finds those places first, so that toml++ never sees
// them; everywhere else a file is left to toml++.

// Decodes the UTF-8 sequence at text[i]; 0 when it is not well formed (toml++ reports it).
char32_t decode_utf8(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  if (length == 0 || i + length > text.size()) return length = 1, 0;
  if (length == 1) return lead;
  char32_t c = lead & (0x7f >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return length = 1, 0;
    c = (c << 6) | (byte(i + k) & 0x3f);
  }
  return c;
}

// toml++ 3.3.0's non-ASCII horizontal whitespace, which it skips like a space.
bool tomlpp_whitespace(char32_t c) {
  return c == 0xa0 || c == 0x1680 || c == 0x180e || (c >= 0x2000 && c <= 0x200b) || c == 0x202f ||
         (c >= 0x205f && c <= 0x2060) || c == 0x3000 || c == 0xfeff;
}

// The code points toml++ 3.3.0 cannot classify without undefined behaviour.
bool tomlpp_unclassifiable(char32_t c) { return (c >= 0xa1 && c <= 0x499) || (c >= 0xfba6 && c <= 0xfefe); }

}  // namespace

std::optional<UnsafeCodePoint> find_unsafe_code_point(std::string_view text) {
  enum class In { kCode, kComment, kBasic, kLiteral, kMultiBasic, kMultiLiteral } in = In::kCode;
  std::size_t i = text.substr(0, 3) == "\xef\xbb\xbf" ? 3 : 0;  // toml++ skips a byte-order mark
  auto at = [&](std::size_t k) { return k < text.size() ? text[k] : '\0'; };
  auto run_of = [&](std::size_t k, char q) {
    std::size_t n = 0;
    while (at(k + n) == q) ++n;
    return n;
  };
  while (i < text.size()) {
    const char c = text[i];
    switch (in) {
      case In::kCode:
        if (static_cast<unsigned char>(c) >= 0x80) {
          std::size_t length = 0;
          decode_utf8(text, i, length);
          return UnsafeCodePoint{
              i, "unexpected character `" + std::string(text.substr(i, length)) + "` outside a string or comment"};
        }
        if (c == '#') {
          in = In::kComment;
        } else if (c == '"' || c == '\'') {
          const bool multi = run_of(i, c) >= 3;
          in = c == '"' ? (multi ? In::kMultiBasic : In::kBasic) : (multi ? In::kMultiLiteral : In::kLiteral);
          i += multi ? 3 : 1;
          continue;
        }
        ++i;
        continue;
      case In::kComment:
        if (c == '\n') in = In::kCode;
        ++i;
        continue;
      case In::kBasic:
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == '"' || c == '\n') in = In::kCode;
        ++i;
        continue;
      case In::kLiteral:
        if (c == '\'' || c == '\n') in = In::kCode;
        ++i;
        continue;
      case In::kMultiLiteral:
      case In::kMultiBasic: {
        const char quote = in == In::kMultiBasic ? '"' : '\'';
        if (c == quote && run_of(i, quote) >= 3) {
          i += std::min<std::size_t>(run_of(i, quote), 5);  // up to two quotes of content, then the end
          in = In::kCode;
          continue;
        }
        if (c != '\\' || in == In::kMultiLiteral) {
          ++i;
          continue;
        }
        // After a backslash toml++ asks whether the next code point is whitespace; after a
        // line-ending backslash it skips whitespace and asks again of each code point.
        std::size_t j = i + 1;
        if (j >= text.size()) return std::nullopt;  // toml++ reports the unterminated string
        std::size_t length = 0;
        char32_t next = decode_utf8(text, j, length);
        if (next == ' ' || next == '\t' || next == '\r' || next == '\n') {
          while (j < text.size()) {
            next = decode_utf8(text, j, length);
            if (next != ' ' && next != '\t' && next != '\r' && next != '\n' && !tomlpp_whitespace(next)) break;
            j += length;
          }
          if (j < text.size() && tomlpp_unclassifiable(next)) {
            return UnsafeCodePoint{j, "the TOML reader cannot start a line after a line-ending backslash with `" +
                                          std::string(text.substr(j, length)) + "`: write it as a \\u escape"};
          }
          i = j;
          continue;
        }
        if (tomlpp_unclassifiable(next)) {
          return UnsafeCodePoint{j, "invalid escape `\\" + std::string(text.substr(j, length)) + "`"};
        }
        i += 1 + length;
        continue;
      }
    }
  }
  return std::nullopt;
}

// 1-based line and column (in code points) of `offset`, as toml++ counts them.
Location location_of(const std::string& file, std::string_view text, std::size_t offset) {
  Location where{file, 1, 1, std::nullopt};
  for (std::size_t k = 0; k < offset && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++where.line;
      where.column = 1;
    } else if ((static_cast<unsigned char>(text[k]) & 0xc0) != 0x80) {
      ++where.column;
    }
  }
  return where;
}

}  // namespace interdict
