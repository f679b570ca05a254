// Letter classes of folded ASCII name text, shared by the spelling fold, the index keys and
// the transcription alignments. Internal to src/names.
#pragma once

#include <algorithm>
#include <string_view>

namespace interdict::letters {

// a, e, i, o, u: the vowels a transcription writes (its y is a consonant: ヤ ya, 亚 ya).
constexpr bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The same and y, a vowel as Latin spellings write one (Kyiv, Yuri's fold iuri).
constexpr bool is_vowel_or_y(char c) { return is_vowel(c) || c == 'y'; }

constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// A byte of a letter in UTF-8 text: ASCII a-z, A-Z, or any byte of a character past ASCII.
constexpr bool is_letter_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// Every byte below 0x80: text the fold and the ASCII fast paths read as it is.
inline bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace interdict::letters
