// Candidate selection (issue 6, speed): the index must reach every name that scoring every
// name finds, transcription patterns included, and the per-query memo must not change a
// score. The transcription cases are spellings from rigour's groups that the index missed
// on the speed sample while brute force found them.
#include "names/candidates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "names/names.h"
#include "names/pair_memo.h"

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

TEST(NamesCandidates, MemoComputesEachPairOnce) {
  PairMemo memo;
  memo.clear();
  const int a = 0;
  const int b = 0;
  const auto slot_a = memo.slot(&a, 0);
  EXPECT_EQ(memo.slot(&a, 0), slot_a);
  EXPECT_NE(memo.slot(&a, 1), slot_a);  // the same token compared another way
  EXPECT_NE(memo.slot(&b, 0), slot_a);
  int calls = 0;
  auto compute = [&calls] {
    ++calls;
    return 0.5;
  };
  EXPECT_DOUBLE_EQ(memo.get(slot_a, 7, compute), 0.5);
  EXPECT_DOUBLE_EQ(memo.get(slot_a, 7, compute), 0.5);
  EXPECT_EQ(calls, 1);
  (void)memo.get(slot_a, 8, compute);
  EXPECT_EQ(calls, 2);
}

TEST(NamesCandidates, MemoForgetsAtClearAndKeepsValuesWhenItGrows) {
  PairMemo memo;
  memo.clear();
  const auto slot = memo.slot(&memo, 0);
  // Far more values than the table's first size: it grows and keeps each one.
  for (std::uint32_t t = 0; t < 20000; ++t) (void)memo.get(slot, t, [t] { return t * 0.5; });
  int calls = 0;
  for (std::uint32_t t = 0; t < 20000; ++t) {
    EXPECT_DOUBLE_EQ(memo.get(slot, t,
                              [&calls] {
                                ++calls;
                                return -1.0;
                              }),
                     t * 0.5);
  }
  EXPECT_EQ(calls, 0);
  memo.clear();
  EXPECT_DOUBLE_EQ(memo.get(memo.slot(&memo, 0), 3, [] { return 2.0; }), 2.0);
}

TEST(NamesCandidates, MemoForgetsWhenItsGenerationWraps) {
  PairMemo memo;
  memo.clear();
  (void)memo.get(memo.slot(&memo, 0), 5, [] { return 1.0; });
  // 2^16 queries later the generation number has come round to this one's again.
  for (int i = 0; i < 0x10000; ++i) memo.clear();
  EXPECT_DOUBLE_EQ(memo.get(memo.slot(&memo, 0), 5, [] { return 2.0; }), 2.0);
}

}  // namespace
}  // namespace interdict
