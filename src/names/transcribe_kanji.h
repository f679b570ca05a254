// Japanese readings of names written in kanji.
//
// Pinyin reads 綱木 as "gang mu" and 田井中 as "tian jing zhong"; the lists write those
// Japanese surnames Tsunaki and Tainaka. No transliteration rule gives a Japanese name's
// reading: it is a fact about each name, kept in dictionaries. This module asks the IPA
// dictionary (IPAdic, as packaged by Debian in mecab-ipadic-utf8), whose person-name
// entries (人名: 姓 surname, 名 given name) and place names carry their katakana reading,
// through MeCab's morphological analyser, which also splits a run of kanji into the
// entries it holds (田中角栄 -> 田中 タナカ, 角栄 カクエイ). The katakana then goes the way
// of every kana name (transcribe.h).
//
// The dictionary is loaded once per process, on first use, from the directory the build
// names (INTERDICT_MECAB_DIC, Debian's /var/lib/mecab/dic/ipadic-utf8); it is mapped
// read-only and shared by all threads. Without it a kanji name simply has no Japanese
// reading.
//
// Thread-safety: safe from any thread (one MeCab model shared, one lattice per thread).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace interdict {

// The Japanese reading of `word` (UTF-8, one word holding at least one kanji, in the
// characters the writer used, not simplified), as romaji tokens, one per dictionary
// entry the word splits into (田中角栄 -> "tanaka", "kakuei"), in Hepburn spelling with
// long vowels written once (佐藤 サトウ -> "sato", as lists write Satō). Empty when the
// dictionary is missing, when the word is longer than kMaxKanjiWord bytes, or when any part
// of it is not in the dictionary (a Chinese transcription such as 卡里略 is not Japanese).
[[nodiscard]] std::vector<std::string> japanese_reading(std::string_view word);
inline constexpr std::size_t kMaxKanjiWord = 64;

// One word of a name as the dictionary reads it. Its first reading and its other
// whole-word entries come from the same MeCab parse: the lattice holds both.
struct JapaneseWord {
  std::string text;                // the word after NFKC
  bool kanji = false;              // it holds a kanji
  std::vector<std::string> first;  // japanese_reading(text); empty when not read
  std::vector<std::string> whole;  // its other whole-word person and place entries, as romaji
};

// Every word of `utf8` with a letter, in order, read from the text as written after NFKC:
// a Traditional-Simplified step first would turn Japanese 綱 into Chinese 纲, which the
// dictionary does not hold. Words are split as normalise_name splits them: letters,
// digits, apostrophes, combining marks and ー hold a word together. A word with a kanji is
// parsed once; the others are not parsed. Invalid UTF-8 is replaced, never an error.
[[nodiscard]] std::vector<JapaneseWord> japanese_words(std::string_view utf8);

// The other Japanese readings of a name whose every word is in kanji and read by the
// dictionary (japanese_words), each as the tokens of the whole name: one word read
// another way, the others by their first reading. A word's other readings are its other
// whole-word person and place entries in IPAdic (綱木: Tsunaki, and Tsunagi), then for a
// word of two kanji their characters' readings (kanji_readings.h: 寿一 Juichi, 山極
// Yamagiwa). At most kMaxOtherReadings, taken from each word in turn: every one is a
// reading the query is searched by, and too many crowd the right name out of the
// candidates. Empty for a name of more than kMaxOtherWords words.
[[nodiscard]] std::vector<std::vector<std::string>> japanese_other_readings(const std::vector<JapaneseWord>& words);
// The same for a name not yet split (tests, tools).
[[nodiscard]] std::vector<std::vector<std::string>> japanese_other_readings(std::string_view utf8);
inline constexpr std::size_t kMaxOtherWords = 4;
inline constexpr std::size_t kMaxOtherReadings = 8;

// True when the dictionary was found and loaded (it is loaded by this call if not yet).
[[nodiscard]] bool japanese_dictionary_loaded();

// Katakana (UTF-8) as the romaji tokens of japanese_reading: the kana table's letters
// (transcribe.h) with each vowel sounded, and a long vowel once (ou, uu, ー).
[[nodiscard]] std::string katakana_romaji(std::string_view katakana);

}  // namespace interdict
