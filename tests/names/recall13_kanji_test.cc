// Japanese readings of kanji names, session 13 (issue 6, recall): a name has readings the
// dictionary's first one leaves out. 綱木 is a surname Tsunaki and a place Tsunagi in
// IPAdic; 寿一 Juichi, 圭悟 Keigo and 山極 Yamagiwa are read by their characters' KANJIDIC
// readings, both Sino-Japanese or both native with the second voiced. Each name is one
// rigour lists, or one a Chinese name must not be taken for.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "expect_hits.h"
#include "names/kanji_readings.h"
#include "names/names.h"
#include "names/normalise.h"
#include "names/transcribe_kanji.h"

namespace interdict {
namespace {

using Tokens = std::vector<std::string>;
constexpr double kMatch = 0.92;

bool has(const std::vector<Tokens>& readings, const Tokens& reading) {
  return std::find(readings.begin(), readings.end(), reading) != readings.end();
}

bool has(const std::vector<std::string>& readings, const std::string& reading) {
  return std::find(readings.begin(), readings.end(), reading) != readings.end();
}

TEST(NamesRecall13Kanji, KanjidicIsInstalled) { ASSERT_TRUE(kanjidic_loaded()); }

TEST(NamesRecall13Kanji, EveryWholeWordNameEntryIsAReading) {
  // 綱木: the surname entry ツナキ is the first reading, the place entry ツナギ another.
  EXPECT_EQ(japanese_reading("綱木"), Tokens{"tsunaki"});
  EXPECT_TRUE(has(japanese_other_readings("綱木"), Tokens{"tsunagi"}));
}

TEST(NamesRecall13Kanji, TwoKanjiReadByTheirCharacters) {
  // Both Sino-Japanese: 寿 ジュ + 一 イチ, 圭 ケイ + 悟 ゴ, 裕 ユウ + 毅 キ.
  EXPECT_TRUE(has(composed_kanji_readings("寿一"), "ジュイチ"));
  EXPECT_TRUE(has(composed_kanji_readings("圭悟"), "ケイゴ"));
  EXPECT_TRUE(has(composed_kanji_readings("裕毅"), "ユウキ"));
  // Both native, the second voiced: 山 やま + 極 きわ -> ヤマギワ.
  EXPECT_TRUE(has(composed_kanji_readings("山極"), "ヤマギワ"));
  EXPECT_TRUE(has(composed_kanji_readings("山極"), "ヤマキワ"));
  // One kanji, three, or a character KANJIDIC lacks: nothing composed.
  EXPECT_TRUE(composed_kanji_readings("山").empty());
  EXPECT_TRUE(composed_kanji_readings("山極山").empty());
  EXPECT_TRUE(composed_kanji_readings("山a").empty());
  EXPECT_LE(composed_kanji_readings("寿一").size(), kMaxComposed);
}

TEST(NamesRecall13Kanji, OtherReadingsAreQueryReadings) {
  const auto query = normalise_query("寿一").readings;
  EXPECT_TRUE(has(query, Tokens{"iuichi"}));  // Juichi, j folded as lists fold it
  for (const auto& reading : normalise_name("寿一")) EXPECT_NE(reading, Tokens{"iuichi"});
  // Two words: one read another way, the other by its first reading (山極 splits into
  // two IPAdic entries, 山 ヤマ and 極 キョク), in the kana table's letters.
  EXPECT_TRUE(has(japanese_other_readings("山極 寿一"), (Tokens{"iamagiva", "hisaichi"})));
  EXPECT_TRUE(has(japanese_other_readings("山極 寿一"), (Tokens{"iama", "kioku", "iuichi"})));
}

TEST(NamesRecall13Kanji, ChineseNamesGetNoOtherReading) {
  // 伟 is not in IPAdic: the name is not read as Japanese at all.
  EXPECT_TRUE(japanese_other_readings("王伟").empty());
  // A word in Latin letters: the name is not all kanji.
  EXPECT_TRUE(japanese_other_readings("山極 Juichi").empty());
  // A Chinese name, one of its words a single character, whose characters IPAdic does
  // know: its first reading only (桂花 李 had keika ri, katsura hana sumomo...).
  const auto chinese = normalise_query("桂花 李").readings;
  EXPECT_FALSE(has(chinese, Tokens{"keika", "ri"}));
  EXPECT_TRUE(has(chinese, Tokens{"gui", "hua", "li"}));
  // A Japanese name of two-character words keeps them.
  EXPECT_TRUE(has(normalise_query("和也 斎藤").readings, Tokens{"kazua", "saito"}));
}

TEST(NamesRecall13Kanji, RigourSpellingsMatch) {
  const NameIndex index = index_of({"tsunagi", "juichi", "keigo", "yamagiwa", "yuki"});
  expect_top_matches(index, {{"綱木", "tsunagi"},
                             {"寿一", "juichi"},
                             {"壽一", "juichi"},
                             {"圭悟", "keigo"},
                             {"山極", "yamagiwa"},
                             {"裕毅", "yuki"}});
}

TEST(NamesRecall13Kanji, ChineseNameKeepsItsReading) {
  const NameIndex index = index_of({"Li Guihua", "Juichi"});
  EXPECT_GE(score_of(index, "李桂花", "Li Guihua"), kMatch);
  EXPECT_LT(score_of(index, "王伟", "Juichi"), kMatch);
}

}  // namespace
}  // namespace interdict
