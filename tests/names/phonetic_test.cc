// Sound keys: what transcription systems keep of a name, and how keys are compared.
#include "names/phonetic.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace interdict {
namespace {

TEST(NamesSound, RojasMeetsItsTranscriptions) {
  const std::string rojas = sound_key("rojas", Spelling::kLatin);
  EXPECT_EQ(rojas, "RS");
  EXPECT_EQ(sound_key("luohasi", Spelling::kPinyin), rojas);  // 罗哈斯
  EXPECT_EQ(sound_key("rohasu", Spelling::kKana), rojas);     // ロハス
  EXPECT_EQ(sound_key("lohaseu", Spelling::kHangul), rojas);  // 로하스
}

TEST(NamesSound, LiquidsLabialsAndDentalsMerge) {
  EXPECT_EQ(sound_key("vladimir", Spelling::kLatin), sound_key("beulladimileu", Spelling::kHangul));  // 블라디미르
  EXPECT_EQ(sound_key("barkin", Spelling::kLatin), "BRKN");
  EXPECT_EQ(sound_key("parkin", Spelling::kLatin), "BRKN");
}

TEST(NamesSound, PinyinLettersReadAsPinyin) {
  // x and q are sibilants in pinyin, velars in Latin; j is Gi-/Ki- in pinyin (吉 for Giretto).
  EXPECT_EQ(sound_key("xi", Spelling::kPinyin), "S");
  EXPECT_EQ(sound_key("qie", Spelling::kPinyin), "S");
  EXPECT_EQ(sound_key("jilietuo", Spelling::kPinyin), sound_key("giretto", Spelling::kLatin));
  EXPECT_EQ(sound_key("q", Spelling::kLatin), "K");
}

TEST(NamesSound, ChineseWaIsV) {
  EXPECT_EQ(sound_key("nawaluo", Spelling::kPinyin), sound_key("navarro", Spelling::kLatin));  // 纳瓦罗
}

TEST(NamesSound, AbjadWawInsideAWordIsAVowel) {
  EXPECT_EQ(sound_key("bwtyn", Spelling::kAbjad), sound_key("putin", Spelling::kLatin));  // بوتين
  EXPECT_EQ(sound_key("wldymyr", Spelling::kAbjad), sound_key("vladimir", Spelling::kLatin));
  EXPECT_EQ(sound_key("rwkhas", Spelling::kAbjad), "RKS");  // روخاس
  EXPECT_EQ(sound_key("rwkhas", Spelling::kPinyin), "RBKS");
}

TEST(NamesSound, GreekMpAndNtAreBAndD) {
  EXPECT_EQ(sound_key("mpant", Spelling::kGreek), "BNT");  // μπαντ
  EXPECT_EQ(sound_key("mpant", Spelling::kLatin), "NBNT");
  EXPECT_EQ(sound_key("ntora", Spelling::kGreek), sound_key("dora", Spelling::kLatin));
}

TEST(NamesSound, CyrillicCIsTs) {
  EXPECT_EQ(sound_key("urvancev", Spelling::kCyrillic), sound_key("urvantsev", Spelling::kLatin));
  EXPECT_EQ(sound_key("carev", Spelling::kLatin).front(), 'K');
}

TEST(NamesSound, SimilarityCountsEditsOverTheLongerKey) {
  EXPECT_DOUBLE_EQ(sound_similarity("BRKN", "BRKN"), 1.0);
  EXPECT_DOUBLE_EQ(sound_similarity("BRTNT", "BTNT"), 0.8);
  EXPECT_DOUBLE_EQ(sound_similarity("BRKN", "TSNR"), 0.0);
}

TEST(NamesSound, ShortKeysNeverCount) {
  // Most Chinese and Korean given names have keys of one or two classes.
  EXPECT_DOUBLE_EQ(sound_similarity("SN", "SN"), 0.0);
  EXPECT_DOUBLE_EQ(sound_similarity("", ""), 0.0);
  std::vector<std::string> keys;
  sound_postings("SN", keys);
  EXPECT_TRUE(keys.empty());
}

TEST(NamesSound, PostingsHoldEachOneClassDeletion) {
  std::vector<std::string> keys;
  sound_postings("BRRK", keys);  // a key never repeats a class, but postings must not care
  sound_postings("BRKN", keys);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "BRKN"), keys.end());
  for (const char* shorter : {"RKN", "BKN", "BRN", "BRK"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), shorter), keys.end()) << shorter;
}

TEST(NamesSound, NonLettersSkipped) { EXPECT_EQ(sound_key("b-r\xc3\xa9k 9n", Spelling::kLatin), "BRKN"); }

}  // namespace
}  // namespace interdict
