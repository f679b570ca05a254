// Letter classes of folded ASCII name text, shared by the spelling fold, the index keys and
// the transcription alignments. Internal to src/names.
#pragma once

namespace interdict::letters {

// a, e, i, o, u: the vowels a transcription writes (its y is a consonant: ヤ ya, 亚 ya).
constexpr bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The same and y, a vowel as Latin spellings write one (Kyiv, Yuri's fold iuri).
constexpr bool is_vowel_or_y(char c) { return is_vowel(c) || c == 'y'; }

constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace interdict::letters
