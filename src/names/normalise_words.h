// The words of a name as normalise.cc reads them before transliteration: which script
// each is in, its transcription pattern, and afterwards its sound key. Internal to
// normalise.cc (split from it for its length).
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "names/normalise.h"
#include "names/phonetic.h"

namespace interdict::words {

inline bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == '`'; }

// What a conversion to a narrower character set leaves for a letter it cannot write (Mus’ab
// as "Mus?ab", Muñoz as "Mu?oz"): between two letters it is a lost letter or apostrophe, and
// the word stays one word.
inline bool is_lost_letter(UChar32 c) { return c == '?' || c == 0xFFFD; }
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Combining marks (Devanagari vowel signs, Arabic harakat) belong to the letter before:
// "شُكُر" is one word, not "sh k r".
inline bool is_mark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// `text` with " | " between its words, so the words survive transliteration (Han-Latin
// puts spaces between syllables, and 罗哈斯 is one word); the script of each word's first
// letter goes to `spellings`, its transcription pattern (transcribe.h) or "" to
// `patterns` and the script that wrote it to `pattern_sources`, the abjad pattern of a native word
// (abjad_native_pattern) or "" to `native_patterns`, and whether it holds a kanji to `han_words`. A word all in kana is
// written here by its own romaji (the pattern with its vowels): ICU's Katakana-Latin splits ヴァ and drops ッジャ
// ("boari" for ボッジャーリ). The katakana length mark adds nothing.
[[nodiscard]] icu::UnicodeString mark_words(const icu::UnicodeString& text, std::vector<Spelling>& spellings,
                                            std::vector<std::string>& patterns,
                                            std::vector<PatternSource>& pattern_sources,
                                            std::vector<std::string>& native_patterns, std::vector<bool>& han_words);

// The strong words of a transliterated, marked text with their sound keys (maybe empty).
[[nodiscard]] std::vector<QuerySound> sound_words(const icu::UnicodeString& marked,
                                                  const std::vector<Spelling>& spellings);

}  // namespace interdict::words
