// The rules of issue 6, session 14 for Han and kana: a vowel kana repeating the vowel before
// is optional, au is one vowel in tokens of five letters, Chinese 温 (pinyin's uen) writes
// a first un, and 官 and 关 are guan. Each case is a rigour spelling missed at the match threshold before
// its rule, or a pair the rule must keep apart.
#include <gtest/gtest.h>

#include <string>

#include "expect_hits.h"
#include "names/names.h"
#include "names/transcribe.h"
#include "names/transcribe_bound.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.92;

TEST(NamesRecall14Han, RepeatedVowelKanaIsOptional) {
  EXPECT_EQ(kana_pattern(U"グボオ"), "gUboO");
  EXPECT_GE(transcription_similarity(kana_pattern(U"グボオ"), "gboho"), kMatch);  // Gboho
  // A long vowel written twice still meets the list's one vowel.
  EXPECT_GE(transcription_similarity(kana_pattern(U"オオタ"), "ota"), kMatch);
  // Not a, whose optional A would mark an Indic pattern: サアベドラ Saavedra keeps one a.
  EXPECT_EQ(kana_pattern(U"サアベドラ"), "sabedOra");
  // Only the same vowel: ボア writes two.
  EXPECT_EQ(kana_pattern(U"グボア"), "gUboa");
  EXPECT_LT(transcription_similarity(kana_pattern(U"グボア"), "gbo"), kMatch);
}

TEST(NamesRecall14Han, AuIsOInFiveLetters) {
  EXPECT_GE(transcription_similarity(kana_pattern(U"オーベック"), "aubek"), kMatch);  // Auböck
  // Only au: ai is pinyin's own final in a short token.
  EXPECT_LT(transcription_similarity(kana_pattern(U"オーベック"), "aibek"), kMatch);
  // Not in four letters.
  EXPECT_LT(transcription_similarity(kana_pattern(U"オベク"), "aubk"), kMatch);
}

TEST(NamesRecall14Han, WenWritesAFirstUn) {
  const std::string unzelte = han_pattern(U"温泽尔特");
  constexpr PatternSource kChinese = PatternSource::kChinese;
  EXPECT_GE(transcription_similarity(unzelte, "unzelte", kChinese), kMatch);  // Unzelte
  // The bound lets the pair through.
  EXPECT_TRUE(transcription_may_reach(unzelte, "unzelte", kMatch));
  // Only a first u before n, and only for a Chinese pattern: katakana writes ウン.
  EXPECT_LT(transcription_similarity(unzelte, "urzelte", kChinese), kMatch);
  EXPECT_LT(transcription_similarity(unzelte, "unzelte"), kMatch);
  EXPECT_LT(transcription_similarity(han_pattern(U"泽温"), "zeun", kChinese), kMatch);
  // The bound's v meets a u only there: 维拉 "vira" against Ula leaves the v alone.
  EXPECT_GE(transcription_cost_floor(han_pattern(U"维拉"), "ula"), 1.0);
}

TEST(NamesRecall14Han, GuanIsInTheTable) {
  // 官 and 关 (pinyin guan) write the syllable as 瓜 writes gua: 贾官德 Jaguande.
  EXPECT_EQ(han_pattern(U"贾官德"), "iaguandE");
  EXPECT_GE(transcription_similarity(han_pattern(U"贾官德"), "iaguande"), kMatch);
  EXPECT_EQ(han_pattern(U"关"), "guan");
}

}  // namespace
}  // namespace interdict
