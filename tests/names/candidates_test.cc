// Candidate selection (issue 6, speed): the index must reach every name that scoring every
// name finds, transcription patterns included (the memo has its own test,
// pair_memo_test.cc). The transcription cases are spellings from rigour's groups that the index missed
// on the speed sample while brute force found them.
#include "names/candidates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "names/names.h"

namespace interdict {
namespace {

TEST(NamesCandidates, TranscriptionKeyKeepsConsonantClassesOnly) {
  EXPECT_EQ(transcription_key("rodErigs"), "RTRKS");   // 罗德里格斯's pattern
  EXPECT_EQ(transcription_key("rodriguez"), "RTRKS");  // vowels dropped, z a sibilant
  EXPECT_EQ(transcription_key("badO"), "BT");          // an optional vowel is a vowel
  EXPECT_EQ(transcription_key("bud"), "BT");
  EXPECT_EQ(transcription_key("aia"), "");
}

TEST(NamesCandidates, TranscriptionKeyHearsOneLiquidAndNoH) {
  EXPECT_EQ(transcription_key("ielardo"), transcription_key("ierardo"));
  EXPECT_EQ(transcription_key("kasugi"), transcription_key("kasughi"));
  EXPECT_EQ(transcription_key("langini"), transcription_key("ranjini"));  // j is heard as g
}

TEST(NamesCandidates, TranscriptionKeyTellsOtherConsonantsApart) {
  EXPECT_NE(transcription_key("kosato"), transcription_key("kontato"));
  EXPECT_NE(transcription_key("badO"), transcription_key("bak"));
}

// Hits' scores by the index and by scoring every name, for one query.
void expect_same_answers(const NameIndex& index, const char* query) {
  const auto by_index = index.search(query, {}, 5);
  const auto by_all = index.search_all(query, {}, 5);
  ASSERT_EQ(by_index.size(), by_all.size()) << query;
  for (std::size_t i = 0; i < by_index.size(); ++i) {
    EXPECT_EQ(by_index[i].id, by_all[i].id) << query;
    EXPECT_DOUBLE_EQ(by_index[i].score, by_all[i].score) << query;
  }
}

NameIndex surnames() {
  NameIndex index;
  for (const char* name : {"BUD",      "DEVORET",  "BOGGIONI",   "RANJINI", "CARSUGHI", "FERMANDOIS",       "PAGLIAINI",
                           "PORTIOLI", "DEL REAL", "SEMBENELLI", "CELIL",   "AIRALDI",  "MARCOS-CARTAGENA", "BAKER",
                           "DEVON",    "BOGDAN",   "RANGEL",     "CARSON",  "PORTILLO", "CELINE",           "ROJAS"})
    index.add({name, EntityKind::kPerson, {}, {name}});
  index.freeze();
  return index;
}

TEST(NamesCandidates, ShortKatakanaNameReachedByItsTranscriptionKey) {
  // バド reads "badO": no token, prefix, consonant or sound key (two classes) of it is
  // BUD's, and before transcription keys the index never scored BUD.
  const auto index = surnames();
  const auto hits = index.search("バド", {}, 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().id, "BUD");
  EXPECT_GE(hits.front().score, 0.85);
}

TEST(NamesCandidates, IndexFindsWhatScoringEveryNameFinds) {
  const auto index = surnames();
  for (const char* query : {"デボレ", "バド", "ボッジョーニ", "兰吉尼", "卡苏吉", "费曼多斯", "帕利亚尼", "波蒂奥利",
                            "戴尔·雷阿尔", "塞贝内利", "塞利尔", "埃拉勒迪", "马科斯-卡塔赫纳", "ロハス"})
    expect_same_answers(index, query);
}

}  // namespace
}  // namespace interdict
