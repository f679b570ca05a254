// The letters the query respellings of fold_kin.cc and fold_foreign.cc read (Cyrillic,
// Greek, Georgian, ASCII), and the word-by-word respelling they share: a text respelled
// there is read as a list name is, as one query reading more. Internal to those files.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "base/utf8.h"

namespace interdict::respelling {

inline char32_t lower(char32_t c) {
  if (c >= U'А' && c <= U'Я') return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c == U'Ґ') return U'ґ';
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= U'Α' && c <= U'Ω' && c != 0x3A2) return c + 0x20;
  if (c == U'Ό') return U'ό';
  return c;
}

inline bool is_cyrillic(char32_t c) { return (c >= 0x400 && c <= 0x4FF); }
inline bool is_greek(char32_t c) { return c >= 0x386 && c <= 0x3CE; }
inline bool is_latin(char32_t c) { return c >= U'a' && c <= U'z'; }
inline bool is_georgian(char32_t c) { return c >= 0x10D0 && c <= 0x10FF; }

inline bool is_vowel(char32_t c) {
  constexpr std::u32string_view kVowels = U"аеёиоуыэюяіїєaeiouy";
  return kVowels.find(c) != std::u32string_view::npos;
}
inline bool is_consonant(char32_t c) {
  constexpr std::u32string_view kGreekVowels = U"αεηιουωάέήίόύώϊϋΐΰ";
  if (is_greek(c)) return kGreekVowels.find(c) == std::u32string_view::npos;
  return (is_cyrillic(c) || is_latin(c)) && !is_vowel(c) && c != U'ь' && c != U'ъ' && c != U'й' && c != U'j';
}

// `text` with each word of Cyrillic or Latin letters, lowered, as `read` gives it, or ""
// when none changes.
template <typename Read>
inline std::string respell_words(const std::u32string& text, Read read, bool greek = false) {
  std::string out;
  out.reserve(text.size() * 2);
  std::u32string word;
  bool changed = false;
  auto flush = [&] {
    const std::u32string respelled = read(word);
    changed = changed || respelled != word;
    for (char32_t c : respelled) append_utf8(c, out);
    word.clear();
  };
  for (char32_t c : text) {
    const char32_t l = lower(c);
    if (is_cyrillic(l) || is_latin(l) || (greek && is_greek(l))) {
      word += l;
      continue;
    }
    flush();
    append_utf8(c, out);
  }
  flush();
  return changed ? out : std::string();
}

}  // namespace interdict::respelling
