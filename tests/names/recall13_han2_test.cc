// The rules of issue 6, session 13, round 4 for Han: Chinese writes no voicing, so a Chinese pattern's b, d, g
// meet a list's p, t, k (and its p, t, k a b, d, g) for less than katakana's, which writes voicing, and its z is an
// unaspirated ts; and -ward is 华 without its d (爱德华 Edward). Each case is a rigour spelling missed at the match
// threshold before its rule, or a pair the rule must keep apart.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "expect_hits.h"
#include "names/names.h"
#include "names/normalise.h"
#include "names/transcribe.h"
#include "names/transcribe_bound.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.92;

// A pattern as the scorer compares one read from Chinese characters.
double chinese_similarity(std::u32string_view word, std::string_view token) {
  return transcription_similarity(han_pattern(word), token, PatternSource::kChinese);
}

TEST(NamesRecall13Han2, HanPatternsAreChinese) {
  const auto han = normalise_query("杰罗达");
  ASSERT_EQ(han.transcribed.size(), 1U);
  EXPECT_EQ(han.transcribed[0].text, "ieroda");
  EXPECT_EQ(han.transcribed[0].source, PatternSource::kChinese);
  const auto kana = normalise_query("ジェロダ");
  ASSERT_EQ(kana.transcribed.size(), 1U);
  EXPECT_EQ(kana.transcribed[0].source, PatternSource::kOther);
  // A Chinese name has no pattern.
  EXPECT_EQ(han_pattern(U"王秀英"), "");
  EXPECT_TRUE(normalise_query("王秀英").transcribed.empty());
}

TEST(NamesRecall13Han2, ChineseWritesNoVoicing) {
  EXPECT_GE(chinese_similarity(U"杰罗达", "ialota"), kMatch);  // Jalota
  EXPECT_GE(chinese_similarity(U"唐特兹", "dontez"), kMatch);  // Dontez
  EXPECT_GE(chinese_similarity(U"都铎", "tudor"), kMatch);     // Tudor
  // Not read as Chinese, the pattern is katakana's as much as Chinese's, and katakana writes voicing.
  EXPECT_LT(transcription_similarity(han_pattern(U"杰罗达"), "ialota"), kMatch);
  EXPECT_LT(transcription_similarity(kana_pattern(U"ジェロダ"), "ialota"), kMatch);
  EXPECT_LT(transcription_similarity(kana_pattern(U"アンコラ"), "angara"), kMatch);
  // Only voicing: a d is still no n, nor a t an s.
  EXPECT_LT(chinese_similarity(U"杰罗达", "ialona"), kMatch);
  EXPECT_LT(chinese_similarity(U"唐特兹", "donsez"), kMatch);
}

TEST(NamesRecall13Han2, ChineseZIsAnUnaspiratedTs) {
  EXPECT_GE(chinese_similarity(U"席兹", "shets"), 0.83);  // Sheets
  EXPECT_GE(chinese_similarity(U"邦佐拉基斯", "bontzolakis"), kMatch);
  EXPECT_LT(transcription_similarity(han_pattern(U"席兹"), "shets"), 0.7);
  // Only ts and tz: a t before another letter is said.
  EXPECT_LT(chinese_similarity(U"席兹", "shetr"), 0.7);
  // The bound leaves the pair to the alignment.
  EXPECT_TRUE(transcription_may_reach(han_pattern(U"佐"), "tso", 0.9));
}

TEST(NamesRecall13Han2, EnglishWardIsHua) {
  EXPECT_GE(chinese_similarity(U"爱德华", "edvard"), 0.9);      // Edward
  EXPECT_GE(chinese_similarity(U"爱德华兹", "edvards"), 0.85);  // Edwards (兹 z for s)
  // Only the d of a final -ward: katakana writes it (エドワード), and another final d is said.
  EXPECT_LT(transcription_similarity(han_pattern(U"爱德华"), "edvard"), 0.85);
  EXPECT_LT(chinese_similarity(U"爱德华", "edvand"), 0.85);
  EXPECT_LT(chinese_similarity(U"爱德华", "edvarda"), 0.85);
  // The bound leaves the pair to the alignment.
  EXPECT_TRUE(transcription_may_reach(han_pattern(U"霍华"), "hovard", 0.9));
}

TEST(NamesRecall13Han2, ReachedThroughTheIndex) {
  const NameIndex index = index_of({"Jalota", "Jolanda", "Dontez", "Tudor-Hart", "Tudor Hartmann", "Robert Edward",
                                    "Robert Edwin", "Sheets Cook", "Sheen Cook"});
  expect_top_matches(index, {{"杰罗达", "Jalota"},
                             {"唐特兹", "Dontez"},
                             {"都铎-哈特", "Tudor-Hart"},
                             {"罗伯特·爱德华", "Robert Edward"},
                             {"席兹·库克", "Sheets Cook"}});
  EXPECT_GE(score_of(index, "杰罗达", "Jalota"), kMatch);
  // The explanation shows the pattern without its mark.
  const auto hits = index.search("杰罗达", {}, 1);
  ASSERT_FALSE(hits.empty());
  ASSERT_FALSE(hits[0].why.pairs.empty());
  EXPECT_EQ(hits[0].why.pairs[0].query_token, "ieroda");
  EXPECT_GE(score_of(index, "唐特兹", "Dontez"), kMatch);
}

}  // namespace
}  // namespace interdict
