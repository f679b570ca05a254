// The recall rules of issue 6, session 8: the e a Han transcription leaves unwritten,
// Spanish j and final z in transcriptions, doubled letters in a pattern, ck, the
// transcription costs, German spellings of Slavic sibilants, and Cyrillic г as h. Each
// case is a rigour spelling the matcher missed before the rule, or a pair the rule must
// keep apart.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "names/names.h"
#include "names/normalise.h"
#include "names/score.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

NameTokens first(std::string_view name) {
  const auto readings = normalise_name(name);
  return readings.empty() ? NameTokens{} : readings.front();
}

TEST(NamesRecall8, HanBareConsonantsMayWriteAGermanFinalE) {
  // 克 is both the table's bare k and its ke: 赫尔克 is Helke.
  EXPECT_EQ(han_pattern(U"赫尔克"), "hErkE");
  EXPECT_DOUBLE_EQ(transcription_similarity(han_pattern(U"赫尔克"), "helke"), 1.0);
  EXPECT_DOUBLE_EQ(transcription_similarity(han_pattern(U"格拉西奥"), "gerasio"), 1.0);  // Guerrasio
}

TEST(NamesRecall8, SpanishJIsWrittenH) {
  // Rojas folds to "roias", José to "iose", Jiménez keeps its j before i.
  EXPECT_NEAR(transcription_similarity(han_pattern(U"罗哈斯"), "roias"), 1.0 - kNearCost / 5, 1e-9);
  EXPECT_NEAR(transcription_similarity("hosE", "iose"), 1.0 - kNearCost / 4, 1e-9);
  EXPECT_GE(transcription_similarity(kana_pattern(U"ヒメネス"), "jimenez"), kTranscriptionFloor);
  // An i before a consonant is a vowel, not a j: h does not stand for it, and the pair
  // costs an h and a vowel left out.
  EXPECT_NEAR(transcription_similarity("mahta", "maita"), 1.0 - (kNearCost + kVowelCost + 0.1) / 5, 1e-9);
}

TEST(NamesRecall8, SpanishFinalZIsS) {
  EXPECT_DOUBLE_EQ(transcription_similarity("gomis", "gomiz"), 1.0);  // 戈米斯 Gómiz
  EXPECT_DOUBLE_EQ(transcription_similarity(kana_pattern(U"ベルムデス"), "vermudez"),
                   transcription_similarity(kana_pattern(U"ベルムデス"), "vermudes"));
  // Inside a word z is not Spanish s here; German final z is ts.
  EXPECT_LT(transcription_similarity("gomisa", "gomiza"), 1.0);
  EXPECT_LT(transcription_similarity("hains", "hainz"), 1.0);
}

TEST(NamesRecall8, PatternsWriteDoubledLettersOnce) {
  EXPECT_EQ(single_letters("menni"), "meni");
  EXPECT_EQ(single_letters("bOOk"), "bOOk");    // optional letters stay
  EXPECT_EQ(han_pattern(U"曾诺尼"), "zenoni");  // 曾 zen + 诺 no: Zennoni folds to zenoni
  EXPECT_DOUBLE_EQ(transcription_similarity(han_pattern(U"曾诺尼"), first("Zennoni")[0]), 1.0);
  EXPECT_EQ(kana_pattern(U"アンナ"), "ana");
}

TEST(NamesRecall8, CkIsOneK) {
  // Italian cc before a, o, u folds to "ck" (Seccaroni "seckaroni"), like German ck.
  ASSERT_EQ(first("Seccaroni")[0], "seckaroni");
  EXPECT_DOUBLE_EQ(transcription_similarity(kana_pattern(U"セッカローニ"), "seckaroni"), 1.0);
}

TEST(NamesRecall8, GermanSpellingsOfSlavicSibilants) {
  EXPECT_DOUBLE_EQ(token_similarity(first("Osolin")[0], first("Озолин")[0]), kAffricateSimilarity);
  EXPECT_DOUBLE_EQ(token_similarity(first("Bespaly")[0], first("Bezpaly")[0]), kAffricateSimilarity);
  EXPECT_DOUBLE_EQ(token_similarity(first("Pustynzew")[0], first("Pustyncev")[0]), kAffricateSimilarity);
  EXPECT_DOUBLE_EQ(token_similarity(first("Urwanzew")[0], first("Urvantsev")[0]), kAffricateSimilarity);
  EXPECT_FALSE(equal_but_german_sibilant("urvancev", "urvansev"));  // s is not c
  EXPECT_FALSE(equal_but_german_sibilant("rosa", "roza"));          // too short to tell
  EXPECT_FALSE(equal_but_german_sibilant("osolin", "osolin"));      // equal is not a variant
  EXPECT_FALSE(equal_but_german_sibilant("kasem", "katem"));        // t is no sibilant
}

TEST(NamesRecall8, CyrillicGeIsAlsoReadH) {
  // Ukrainian г is h (Головінський Holovinskyi); Russian writes a foreign h with it.
  // (A Ukrainian query has a reading as Russian after it: recall11_latin_test.)
  const auto q = normalise_query("Головінський");
  ASSERT_GE(q.readings.size(), 2U);
  EXPECT_EQ(q.readings.front(), (NameTokens{"golovinski"}));
  EXPECT_EQ(q.readings[1], (NameTokens{"holovinski"}));
  // A list name is read as before, and a query without г gets no such reading.
  EXPECT_EQ(normalise_name("Головінський").size(), 1U);
  EXPECT_EQ(normalise_query("Іванов").readings.size(), 1U);
}

NameIndex listed(std::initializer_list<const char*> names) {
  NameIndex index;
  for (const char* name : names) index.add({name, EntityKind::kPerson, {}, {name}});
  index.freeze();
  return index;
}

TEST(NamesRecall8, TranscriptionsOfSpanishSurnamesMatch) {
  const auto index = listed({"ROJAS ALVARADO", "RUIZ JIMENEZ", "HELKE", "ZENNONI", "SECCARONI", "HOLOVINSKYI"});
  for (const auto& [query, id] :
       std::vector<std::pair<std::string, std::string>>{{"罗哈斯-阿尔瓦拉多", "ROJAS ALVARADO"},
                                                        {"ルイス・ヒメネス", "RUIZ JIMENEZ"},
                                                        {"赫尔克", "HELKE"},
                                                        {"曾诺尼", "ZENNONI"},
                                                        {"セッカローニ", "SECCARONI"},
                                                        {"Головінський", "HOLOVINSKYI"}}) {
    const auto hits = index.search(query, {}, 3);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits.front().id, id) << query;
    EXPECT_EQ(hits.front().verdict, NameVerdict::kMatch) << query;
  }
}

TEST(NamesRecall8, ChineseGivenNamesStayBelowMatch) {
  // The costs were lowered as far as this holds: at 0.2 a vowel and 0.3 a near consonant,
  // 丽丽 ("lili") met the listed Lei and 丽华 met Ivy.
  // Since session 10 a name with a word of one ideograph is read as Chinese, not as a
  // transcription, so the pairs are asked of the patterns themselves.
  EXPECT_LT(transcription_similarity(han_pattern(U"丽丽"), "lei"), 0.93);
  EXPECT_LT(transcription_similarity(han_pattern(U"丽华"), "ivi"), 0.93);
  const auto index = listed({"ZHANG, Lei"});
  for (const auto& hit : index.search("丽丽 张", {}, 3)) EXPECT_NE(hit.verdict, NameVerdict::kMatch);
}

}  // namespace
}  // namespace interdict
