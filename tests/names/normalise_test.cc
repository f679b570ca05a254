// Normalisation across scripts, weak tokens and the token similarity.
#include <gtest/gtest.h>

#include "names/names.h"

namespace interdict {
namespace {

NameTokens first(std::string_view name) {
  auto readings = normalise_name(name);
  return readings.empty() ? NameTokens{} : readings.front();
}

TEST(NamesNormalise, AsciiFoldsCaseAndPunctuation) {
  EXPECT_EQ(first("PUTIN, Vladimir V."), (NameTokens{"putin", "vladimir", "v"}));
}

TEST(NamesNormalise, ApostropheJoinsInsteadOfSplitting) { EXPECT_EQ(first("O'Brien"), (NameTokens{"obrien"})); }

TEST(NamesNormalise, AccentsRemoved) { EXPECT_EQ(first("Zìjié Tiàodòng"), (NameTokens{"zijie", "tiaodong"})); }

TEST(NamesNormalise, FullWidthLettersReadAsAscii) { EXPECT_EQ(first("ＴＥＮＣＥＮＴ"), (NameTokens{"tencent"})); }

TEST(NamesNormalise, HanToPinyinSyllables) { EXPECT_EQ(first("腾讯"), (NameTokens{"teng", "xun"})); }

TEST(NamesNormalise, TraditionalMeetsSimplified) { EXPECT_EQ(first("騰訊"), first("腾讯")); }

TEST(NamesNormalise, HanJoinedReadingMatchesWesternSpelling) {
  auto readings = normalise_name("字节跳动");
  ASSERT_EQ(readings.size(), 2U);
  EXPECT_EQ(readings[0], (NameTokens{"zi", "jie", "tiao", "dong"}));
  EXPECT_EQ(readings[1], (NameTokens{"zijietiaodong"}));
}

TEST(NamesNormalise, ChineseLegalFormBecomesWeakWords) {
  EXPECT_EQ(first("腾讯控股有限公司"), (NameTokens{"teng", "xun", "konggu", "youxian", "gongsi"}));
  EXPECT_EQ(first("北京字节跳动科技有限公司").back(), "gongsi");
  EXPECT_TRUE(is_weak_token("konggu"));
}

TEST(NamesNormalise, JoinedReadingKeepsWeakTokens) {
  auto readings = normalise_name("Byte Dance Ltd");
  ASSERT_EQ(readings.size(), 2U);
  EXPECT_EQ(readings[1], (NameTokens{"bitedance", "ltd"}));  // spelling folded: y -> i
}

TEST(NamesNormalise, RomanisationVariantsFoldAlike) {
  EXPECT_EQ(first("Owssej"), first("Ovsey"));
  EXPECT_EQ(first("Tschernyschewski"), (NameTokens{"chernishevski"}));
  EXPECT_EQ(first("Sergej"), first("Sergey"));
  EXPECT_EQ(first("Poutine"), (NameTokens{"putine"}));
}

TEST(NamesNormalise, CyrillicToLatin) { EXPECT_EQ(first("Владимир Путин"), (NameTokens{"vladimir", "putin"})); }

TEST(NamesNormalise, GreekToLatin) { EXPECT_EQ(first("Ζήτα"), (NameTokens{"zeta"})); }

TEST(NamesNormalise, ArabicToLatin) {
  const auto tokens = first("حسین موسوی");
  ASSERT_EQ(tokens.size(), 2U);
  for (const auto& t : tokens)
    for (char c : t) EXPECT_TRUE(c >= 'a' && c <= 'z') << t;
}

TEST(NamesNormalise, KatakanaMiddleDotSeparates) {
  const auto tokens = first("ウラジーミル・プーチン");
  EXPECT_EQ(tokens.size(), 2U);
}

TEST(NamesNormalise, NoLettersGivesNoReading) {
  EXPECT_TRUE(normalise_name("").empty());
  EXPECT_TRUE(normalise_name(" ,.;- ").empty());
}

TEST(NamesNormalise, InvalidUtf8DoesNotThrow) {
  const std::string bad =
      "Ten\xff\xfe"
      "cent \xc3";
  const auto readings = normalise_name(bad);
  ASSERT_FALSE(readings.empty());
}

TEST(NamesNormalise, WeakTokens) {
  for (const char* w : {"ltd", "limited", "co", "inc", "llc", "pte", "gmbh", "ooo", "pjsc", "plc", "holdings", "group"})
    EXPECT_TRUE(is_weak_token(w)) << w;
  for (const char* s : {"tencent", "bytedance", "putin", "bank"}) EXPECT_FALSE(is_weak_token(s)) << s;
}

TEST(NamesSimilarity, JaroWinklerKnownValues) {
  // The textbook pairs from Winkler (1990).
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.840, 0.001);
  EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_EQ(jaro_winkler("abc", "xyz"), 0.0);
  EXPECT_EQ(jaro_winkler("same", "same"), 1.0);
}

}  // namespace
}  // namespace interdict
