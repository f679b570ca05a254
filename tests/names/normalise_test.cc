// Normalisation across scripts, weak tokens and the token similarity.
#include "names/normalise.h"

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

// Pinyin x is folded to ks like every x, on both sides ("Tengxun" reads "tengksun").
TEST(NamesNormalise, HanToPinyinSyllables) { EXPECT_EQ(first("腾讯"), (NameTokens{"teng", "ksun"})); }

TEST(NamesNormalise, TraditionalMeetsSimplified) { EXPECT_EQ(first("騰訊"), first("腾讯")); }

TEST(NamesNormalise, HanJoinedReadingMatchesWesternSpelling) {
  auto readings = normalise_name("字节跳动");
  ASSERT_EQ(readings.size(), 2U);
  EXPECT_EQ(readings[0], (NameTokens{"zi", "jie", "tiao", "dong"}));
  EXPECT_EQ(readings[1], (NameTokens{"zijietiaodong"}));
}

TEST(NamesNormalise, ChineseLegalFormBecomesWeakWords) {
  EXPECT_EQ(first("腾讯控股有限公司"), (NameTokens{"teng", "ksun", "konggu", "youxian", "gongsi"}));
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

// Modern Greek, as ELOT 743 romanises it: η is i (Zita, not the classical Zeta).
TEST(NamesNormalise, GreekToLatin) { EXPECT_EQ(first("Ζήτα"), (NameTokens{"zita"})); }

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

TEST(NamesNormalise, TitlesAreWeak) {
  for (const char* w : {"mr", "dr", "president", "presidente", "prasident", "prezident", "predsjednik", "gospodin"})
    EXPECT_TRUE(is_weak_token(w)) << w;
  EXPECT_EQ(first("Президент Путин"), (NameTokens{"prezident", "putin"}));
}

TEST(NamesNormalise, CombiningMarksStayInTheirWord) {
  // Arabic harakat and Devanagari vowel signs are marks, not separators.
  EXPECT_EQ(first("شُكُر").size(), 1U);
  EXPECT_EQ(first("बारकिन").size(), 1U);
}

TEST(NamesNormalise, LatinNamesHaveNoSounds) {
  EXPECT_TRUE(normalise_query("Vladimir Putin").sounds.empty());
  EXPECT_TRUE(normalise_query("José Núñez").sounds.empty());
  EXPECT_FALSE(normalise_query("José Núñez").by_sound);
}

TEST(NamesNormalise, HanWordsKeepTheirBoundariesForSound) {
  // 罗哈斯-阿尔瓦拉多 is Rojas-Alvarado: two words of syllables, each one sound.
  const auto q = normalise_query("罗哈斯-阿尔瓦拉多");
  ASSERT_EQ(q.sounds.size(), 2U);
  EXPECT_EQ(q.sounds[0].word, "luohasi");
  EXPECT_EQ(q.sounds[0].key, "RS");
  EXPECT_EQ(q.sounds[1].word, "aerwaladuo");
  EXPECT_TRUE(q.by_sound);
}

TEST(NamesNormalise, KanaLengthMarkVanishes) {
  const auto q = normalise_query("ウラジーミル・プーチン");
  ASSERT_EQ(q.sounds.size(), 2U);
  EXPECT_EQ(q.sounds[0].word.find_first_not_of("abcdefghijklmnopqrstuvwxyz"), std::string::npos);
  EXPECT_EQ(q.sounds[1].key, "BSN");
}

TEST(NamesNormalise, CyrillicHasSoundsAndIsScoredBySound) {
  const auto q = normalise_query("Путин");
  ASSERT_EQ(q.sounds.size(), 1U);
  EXPECT_EQ(q.sounds[0].key, "BTN");
  EXPECT_TRUE(q.by_sound);
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
