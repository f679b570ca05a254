// Sound keys: the consonant skeleton of a name as a transcription system hears it.
//
// Chinese, Japanese, Korean, Arabic and Hebrew spell a European surname by sound
// (罗哈斯 "luo ha si" for Rojas, ロハス "rohasu", 로하스 "lohaseu", روخاس "rwkhas").
// Transliteration reads those letters back but cannot undo the transcription: it adds
// syllable vowels, swaps r and l, b and v, drops letters the script lacks. What survives
// is the order of consonant classes, so a key keeps one letter per class (labials B,
// dentals T, velars K, sibilants and affricates S, nasals N, liquids R) and drops vowels,
// h, j, w and y, which transcriptions add, drop or read as vowels. How a word's Latin
// letters were made (pinyin, kana romaji, Hangul romanisation, an abjad) decides how
// some letters are read: pinyin x and q are sibilants, j a velar; in an abjad w and y
// inside a word are vowels.
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interdict {

// How a word's ASCII letters were produced: decides how a few letters are read.
enum class Spelling : std::uint8_t { kLatin, kPinyin, kKana, kHangul, kAbjad, kCyrillic, kGreek };

// The sound key of `word` (ASCII lowercase letters; anything else is skipped), e.g.
// "rojas" -> "RS", ("luohasi", kPinyin) -> "RS", ("fivrila", kAbjad) -> "BRR" -> "BR".
// Repeated classes collapse. Empty when the word has no consonant.
[[nodiscard]] std::string sound_key(std::string_view word, Spelling spelling);

// Similarity of two sound keys in [0,1]: 1 - edits / longer length; 0 when either has
// fewer than kMinSoundKey classes (too many names share them).
inline constexpr std::size_t kMinSoundKey = 3;
[[nodiscard]] double sound_similarity(std::string_view a, std::string_view b);

// The postings keys of a sound key: itself and each key with one class deleted, so two
// keys within one edit share a key. Appends them to `out`, each once; none for a key
// shorter than kMinSoundKey.
void sound_postings(std::string_view key, std::vector<std::string>& out);

}  // namespace interdict
