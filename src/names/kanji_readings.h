// Per-character readings of kanji from KANJIDIC, composed into the readings of a
// two-kanji Japanese name.
//
// IPAdic holds the readings of the names it lists, but not every reading a name is given:
// 寿一 is Juichi as well as Toshikazu, 圭悟 Keigo, 山極 Yamagiwa. Those readings follow
// from the characters: both read by their Sino-Japanese reading (on'yomi: 寿 ジュ + 一 イチ),
// or both by their native reading or name reading (kun'yomi, nanori: 山 やま + 極 きわ),
// the second then often voiced (rendaku: きわ -> ぎわ). KANJIDIC (EDRDG, Debian package
// kanjidic, EUC-JP text) lists those readings per character.
//
// The file is read once per process, on first use, from the path the build names
// (INTERDICT_KANJIDIC). Without it no reading is composed.
//
// Thread-safety: safe from any thread (the table is built once and then only read).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace interdict {

// The katakana readings of a word of exactly two kanji (UTF-8), at most kMaxComposed: each
// character's first two Sino-Japanese readings paired, and its first two native readings
// paired, the second voiced and plain, the commonest first. Every reading is one more
// reading of the query, and too many crowd the right name out of the candidates (a query
// keeps 400). Empty for any other word, or when a character is not in KANJIDIC.
[[nodiscard]] std::vector<std::string> composed_kanji_readings(std::string_view word);
inline constexpr std::size_t kMaxComposed = 6;

// True when KANJIDIC was found and read (it is read by this call if not yet).
[[nodiscard]] bool kanjidic_loaded();

// What KANJIDIC text (EUC-JP) reads as: characters with readings, the readings kept (at
// most two of each kind a character), and lines that named no character and were skipped.
// The process's own table is read from INTERDICT_KANJIDIC; this is for tests and fuzzing.
struct KanjidicParse {
  std::size_t characters = 0;
  std::size_t readings = 0;
  std::size_t skipped_lines = 0;
};
[[nodiscard]] KanjidicParse parse_kanjidic(std::string_view text);

}  // namespace interdict
