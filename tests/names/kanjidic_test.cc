// The KANJIDIC reader (kanji_readings.h) on well-formed and malformed text: a line it cannot
// read names no character and is counted, and never stops the lines after it.
#include <gtest/gtest.h>

#include <string>

#include "names/kanji_readings.h"

namespace interdict {
namespace {

// 寿 as KANJIDIC writes it (EUC-JP): its JIS code, its code point, two on'yomi in katakana
// (ジュ, ス), a kun'yomi in hiragana with okurigana after the dot (ことぶき), then the
// nanori after T1, which the reader leaves out.
const std::string kJu =
    "\xBC\xF7 3C77 U5bff B41 \xA5\xB8\xA5\xE5 \xA5\xB9 \xA4\xB3\xA4\xC8.\xA4\xD6\xA4\xAD T1 \xA4\xAB\xA4\xBA "
    "{longevity}\n";

TEST(Kanjidic13, ReadsACharactersReadingsAndSkipsTheNanori) {
  const auto parsed = parse_kanjidic("# KANJIDIC header\n" + kJu);
  EXPECT_EQ(parsed.characters, 1U);
  EXPECT_EQ(parsed.readings, 3U);  // two on'yomi, one kun'yomi stem; not the nanori かず
  EXPECT_EQ(parsed.skipped_lines, 0U);
}

TEST(Kanjidic13, MalformedLinesAreCountedAndTheRestRead) {
  const std::string text = std::string("\xBC\xF7 3C77 B41 \xA5\xB8\n") +  // no U field
                           "\xBC\xF7 3C77 U110000 \xA5\xB8\n" +           // past Unicode
                           "\xBC\xF7 3C77 Uzz \xA5\xB8\n" +               // not hex
                           "\xBC\xF7 3C77 U5bfe \xA5\n" +                 // kana cut short
                           "\xBC\xF7 3C77 U5bfd \xB0\xA1 \xA5\xFF\n" +    // not kana
                           "\n" + kJu + "\xBC";                           // truncated last line
  const auto parsed = parse_kanjidic(text);
  EXPECT_EQ(parsed.skipped_lines, 4U);  // no U, past Unicode, not hex, the one-byte last line
  EXPECT_EQ(parsed.characters, 3U);     // 5bfe and 5bfd named, with no reading; 5bff read
  EXPECT_EQ(parsed.readings, 3U);
}

TEST(Kanjidic13, EmptyTextReadsNothing) {
  const auto parsed = parse_kanjidic("");
  EXPECT_EQ(parsed.characters, 0U);
  EXPECT_EQ(parsed.skipped_lines, 0U);
}

}  // namespace
}  // namespace interdict
