// The rules of issue 6, session 14, round 6 for Han and kana: 盖, the table's ge, is pinyin's
// gai, and transcribers write a foreign ga, gai and gei with it as well; a Chinese pattern is
// never an Indic one. Each case is a rigour spelling missed at the match threshold before its
// rule, or a pair the rule must keep.
#include <gtest/gtest.h>

#include <string>

#include "expect_hits.h"
#include "names/names.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.92;
constexpr PatternSource kChinese = PatternSource::kChinese;

TEST(NamesRecall14Han2, GaiIsGeGaAndGei) {
  // Hungarian Gejza (folded geiza) and Italian Caiozzi (folded kaozi, its glide i dropped).
  EXPECT_GE(transcription_similarity(han_pattern(U"盖佐"), "geiza", kChinese), kMatch);
  EXPECT_GE(transcription_similarity(han_pattern(U"盖约齐"), "kaozi", kChinese), kMatch);
  // The table's ge stays: 乌戈盖 Urgeghe, 谢尔盖 Sergei.
  EXPECT_GE(transcription_similarity(han_pattern(U"乌戈盖"), "urgeghe", kChinese), kMatch);
  EXPECT_GE(transcription_similarity(han_pattern(U"谢尔盖"), "sergei", kChinese), kMatch);
  // 盖 is a g still: not a k or a d, nor two vowels where it writes one syllable.
  EXPECT_LT(transcription_similarity(han_pattern(U"盖佐"), "dezo", kChinese), kMatch);
  EXPECT_LT(transcription_similarity(han_pattern(U"盖佐"), "gaeoza", kChinese), kMatch);
}

TEST(NamesRecall14Han2, AChinesePatternIsNeverIndic) {
  // 盖's optional a is an A, which marks a Devanagari or Bengali pattern only when the
  // pattern is not Chinese: a Han pair under kIndicFloor keeps its score.
  const double greaza = transcription_similarity(han_pattern(U"盖佐"), "greaza", kChinese);
  EXPECT_GT(greaza, 0.8);
  EXPECT_LT(greaza, kIndicFloor);
}

TEST(NamesRecall14Han2, ReachedThroughTheIndex) {
  const NameIndex index = index_of({"Gejza", "Caiozzi", "Urgeghe", "Girosi", "Greaza"});
  expect_top_matches(index, {{"盖佐", "Gejza"}, {"盖约齐", "Caiozzi"}, {"乌戈盖", "Urgeghe"}});
}

}  // namespace
}  // namespace interdict
