// The lexical classes the JavaScript scanner dispatches on, and the few word lists it
// needs (keywords, the names of the global object).
//
// Thread-safety: constants and pure functions.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace interdict::web::lexical {

// What each byte can start, so that the main loop dispatches once per byte. Bytes above
// 0x7F belong to identifiers, so that a non-ASCII name is skipped whole; NUL is blank.
enum CharClass : std::uint8_t {
  kPunct,
  kBlank,
  kNewline,
  kIdent,
  kDigit,
  kQuote,
  kSlash,
  kBacktick,
  kDot,
  kQuestion,
  kCloseBrace,
};

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = kPunct;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0) k = kBlank;
    if (c == '\n') k = kNewline;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80) k = kIdent;
    if (c >= '0' && c <= '9') k = kDigit;
    if (c == '"' || c == '\'') k = kQuote;
    if (c == '/') k = kSlash;
    if (c == '`') k = kBacktick;
    if (c == '.') k = kDot;
    if (c == '?') k = kQuestion;
    if (c == '}') k = kCloseBrace;
    classes[static_cast<std::size_t>(c)] = k;
  }
  return classes;
}
inline constexpr std::array<std::uint8_t, 256> kClasses = make_classes();

inline bool is_digit(unsigned char c) { return kClasses[c] == kDigit; }
inline bool is_ident_part(unsigned char c) { return kClasses[c] == kIdent || kClasses[c] == kDigit; }
inline bool is_blank(unsigned char c) { return c == ' ' || c == '\t'; }

inline bool is_ascii_identifier(std::string_view s) {
  if (s.empty() || is_digit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x80 && is_ident_part(c);
  });
}

inline bool is_global_object(std::string_view name) {
  return name == "window" || name == "globalThis" || name == "self";
}

// Keywords after which an expression, so a regular expression literal, may follow.
inline bool is_operator_keyword(std::string_view name) {
  static constexpr std::array<std::string_view, 26> kWords = {
      "return", "typeof", "instanceof", "in",     "of",     "new",   "delete",  "void",    "throw",
      "case",   "do",     "else",       "yield",  "await",  "if",    "for",     "while",   "with",
      "var",    "let",    "const",      "export", "import", "class", "extends", "function"};
  return std::find(kWords.begin(), kWords.end(), name) != kWords.end();
}
inline bool is_value_keyword(std::string_view name) {
  return name == "this" || name == "super" || name == "true" || name == "false" || name == "null";
}

}  // namespace interdict::web::lexical
