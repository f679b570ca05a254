// Japanese readings of kanji names (issue 6, recall): a Japanese surname written in kanji
// has a reading pinyin cannot give (綱木 is Tsunaki, not "gang mu"). Each name here is one
// rigour lists, or one a Chinese name must not be taken for.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "expect_hits.h"
#include "names/names.h"
#include "names/normalise.h"
#include "names/transcribe_kanji.h"

namespace interdict {
namespace {

using Tokens = std::vector<std::string>;

TEST(NamesKanji, DictionaryIsInstalled) { ASSERT_TRUE(japanese_dictionary_loaded()); }

TEST(NamesKanji, SurnamesReadAsJapanese) {
  EXPECT_EQ(japanese_reading("綱木"), Tokens{"tsunaki"});    // a surname entry (人名,姓)
  EXPECT_EQ(japanese_reading("田井中"), Tokens{"tainaka"});  // a place name read as one
  EXPECT_EQ(japanese_reading("永谷"), Tokens{"nagatani"});
}

TEST(NamesKanji, RunOfKanjiSplitsIntoDictionaryEntries) {
  EXPECT_EQ(japanese_reading("田中角栄"), (Tokens{"tanaka", "kakuei"}));
}

TEST(NamesKanji, LongVowelsAreWrittenOnce) {
  EXPECT_EQ(katakana_romaji("サトウ"), "sato");  // Satō
  EXPECT_EQ(katakana_romaji("ユウキ"), "iuki");  // Yūki, y folded to i as lists fold it
  EXPECT_EQ(katakana_romaji("サトー"), "sato");
  EXPECT_EQ(katakana_romaji("エイ"), "ei");  // ei is two letters in Hepburn as lists write it
  EXPECT_EQ(katakana_romaji("abc"), "");     // not katakana: no reading
}

TEST(NamesKanji, ChineseTranscriptionHasNoJapaneseReading) {
  // 略 is a Chinese transcription character; the dictionary does not know the word.
  EXPECT_TRUE(japanese_reading("卡里略").empty());
  EXPECT_TRUE(japanese_reading("").empty());
}

TEST(NamesKanji, LongWordIsNotRead) {
  std::string long_word;
  while (long_word.size() <= kMaxKanjiWord) long_word += "田";
  EXPECT_TRUE(japanese_reading(long_word).empty());
}

TEST(NamesKanji, OnlyQueriesGetTheJapaneseReading) {
  const auto query = normalise_query("綱木").readings;
  ASSERT_FALSE(query.empty());
  EXPECT_EQ(query.back(), Tokens{"tsunaki"});
  // The list side is read as before, so an index file keeps its meaning.
  for (const auto& reading : normalise_name("綱木")) EXPECT_NE(reading, Tokens{"tsunaki"});
}

TEST(NamesKanji, OtherWordsKeepTheirReading) {
  const auto query = normalise_query("綱木 Taro").readings;
  ASSERT_FALSE(query.empty());
  EXPECT_EQ(query.back(), (Tokens{"tsunaki", "taro"}));
}

TEST(NamesKanji, TraditionalKanjiAreReadAsWritten) {
  // Traditional-Simplified would make 綱 Chinese 纲, which the dictionary does not hold.
  const auto query = normalise_query("綱木").readings;
  EXPECT_TRUE(std::find(query.begin(), query.end(), Tokens{"tsunaki"}) != query.end());
}

NameIndex japanese_list() {
  NameIndex index;
  index.add({"tsunaki", EntityKind::kPerson, {}, {"TSUNAKI"}});
  index.add({"tainaka", EntityKind::kPerson, {}, {"TAINAKA, Ritsu"}});
  index.add({"tanaka", EntityKind::kPerson, {}, {"Kakuei Tanaka"}});
  index.add({"wang", EntityKind::kPerson, {}, {"WANG, Xiuying"}});
  index.freeze();
  return index;
}

TEST(NamesKanji, KanjiQueryMatchesTheListsRomaji) {
  const NameIndex index = japanese_list();
  expect_top_matches(index, {{"綱木", "tsunaki"}, {"田井中 律", "tainaka"}, {"田中角栄", "tanaka"}});
}

TEST(NamesKanji, ChineseNameStillReadByPinyin) {
  const NameIndex index = japanese_list();
  const auto hits = index.search("王秀英", {}, 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].id, "wang");
  EXPECT_EQ(hits[0].verdict, NameVerdict::kMatch);
}

}  // namespace
}  // namespace interdict
