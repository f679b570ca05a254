// The transcription rules of session 10 for Han and kana: what the tables write for an r
// after a vowel, a vowel digraph, a nasal before a consonant, dz, m before b, a voiced s,
// Italian sch, German ch and st, sh, 乔's ch, katakana's アー and シュ, English short u.
// Each pair is a rigour spelling that scored under the match threshold (0.93) before its
// rule; the pairs after them are ones the rule must keep apart (Chinese given names the
// negatives hold, short tokens).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "names/score.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.93;

double han(std::u32string_view word, std::string_view token) {
  return transcription_similarity(han_pattern(word), token);
}

double kana(std::u32string_view word, std::string_view token) {
  return transcription_similarity(kana_pattern(word), token);
}

TEST(NamesRecall10Han, AnRAfterAVowelIsLeftOut) {
  EXPECT_GE(han(U"埃策尔斯托弗", "etzelstorfer"), kMatch);
  EXPECT_GE(han(U"奥提兹格尔斯", "ortizgris"), kMatch);
  EXPECT_GE(kana(U"フォーマリー", "formeri"), kMatch);
  // Before a vowel the r is said, and written.
  EXPECT_LT(transcription_similarity("kosato", "korasato"), transcription_similarity("kosato", "korsato"));
}

TEST(NamesRecall10Han, VowelDigraphsAreOneVowel) {
  EXPECT_GE(han(U"埃拉勒迪", "airaldi"), kMatch);  // French ai as e
  EXPECT_GE(han(U"扎罗扎", "zarauza"), kMatch);    // au as o
  EXPECT_GE(han(U"博格拉斯", "beugras"), kMatch);  // eu as o
  EXPECT_GE(han(U"宾坦", "bintein"), kMatch);      // German ei
  EXPECT_GE(han(U"卡涅罗", "karnielo"), kMatch);   // Italian ie
  EXPECT_GE(kana(U"メニエル", "mainiel"), kMatch);
  // Only in tokens of six letters or more: 文杰 Wenjie is not Wayne, 明德 Mingde not
  // Raymond (ai is no i).
  EXPECT_LT(han(U"文杰", "vaine"), kMatch);
  EXPECT_LT(han(U"明德", "raimond"), kMatch);
  EXPECT_LT(han(U"丽丽", "lei"), kMatch);
}

TEST(NamesRecall10Han, NasalsBeforeConsonantsAndDz) {
  EXPECT_GE(han(U"塞贝内利", "sembeneli"), kMatch);
  EXPECT_GE(han(U"泽巴蒂", "zembati"), kMatch);
  EXPECT_GE(han(U"迪库奥佐", "dikuonzo"), kMatch);
  EXPECT_GE(han(U"亚戈津斯卡", "iagodzinska"), kMatch);
  EXPECT_GE(han(U"尚巴尔德", "chambard"), kMatch);  // m before b, an n-final syllable
  // A nasal the name says between vowels is no syllable's end.
  EXPECT_LT(han(U"塞贝内利", "semeneli"), kMatch);
}

TEST(NamesRecall10Han, GermanAndPortugueseVoicedS) {
  EXPECT_GE(han(U"佐尔夫", "solf"), kMatch);
  EXPECT_GE(kana(U"ゾルフ", "solf"), kMatch);
  EXPECT_GE(kana(U"ゼークト", "sekt"), kMatch);
  // Before a consonant an s is voiceless: z stays a near miss.
  EXPECT_LT(transcription_similarity("zdan", "sdan"), kMatch);
}

TEST(NamesRecall10Han, ConsonantSpellingsOfOneSound) {
  EXPECT_GE(han(U"贝尔纳代斯基", "bernardeshi"), kMatch);  // Italian sch is sk
  EXPECT_GE(kana(U"ブルスケッリ", "brusheli"), kMatch);
  EXPECT_GE(han(U"里希特", "richter"), kMatch);  // German ch is 希's h
  EXPECT_GE(han(U"弗洛里希", "frohlich"), kMatch);
  EXPECT_GE(han(U"拉希迪安", "rashidian"), kMatch);  // Chinese x for sh
  EXPECT_GE(han(U"谢尼亚温", "seniavine"), kMatch);  // 谢 writes Russian се
  EXPECT_GE(han(U"卡马乔", "kamacho"), kMatch);      // 乔 writes cho
  EXPECT_GE(han(U"乔佩雷娜", "choperena"), kMatch);
  // German ch before a vowel is no h; 乔 for ch only in longer tokens.
  EXPECT_LT(transcription_similarity("rihe", "riche"), kMatch);
  EXPECT_LT(transcription_similarity("ion", "chon"), kTranscriptionFloor);
}

TEST(NamesRecall10Han, KatakanaLongAIsEr) {
  EXPECT_EQ(kana_pattern(U"バンカー"), "bankaR");
  EXPECT_GE(kana(U"バンカー", "bunker"), kMatch);
  EXPECT_GE(kana(U"ウェクスラー", "veksler"), kMatch);
  EXPECT_GE(kana(U"シュテーガーヴァルト", "stegervald"), kMatch);  // and シュ before t is sh
  EXPECT_GE(kana(U"ヴィンテルシュタイナー", "vintersteiner"), kMatch);
  // The r is optional, never a letter of the reading.
  EXPECT_EQ(pattern_letters(kana_pattern(U"バンカー")), "banka");
  // A long a before no r is a long a.
  EXPECT_LT(kana(U"バンカー", "bunkel"), kana(U"バンカー", "bunker"));
}

TEST(NamesRecall10Han, EnglishShortU) {
  EXPECT_GE(kana(U"バド", "bud"), kMatch);
  EXPECT_GE(han(U"巴德", "bud"), kMatch);
  EXPECT_GE(han(U"邦克", "bunker"), kMatch);
  // Only a first vowel: Latin -us is another u (詹纳斯 Jennas is not Janus).
  EXPECT_NEAR(han(U"詹纳斯", "ianus"), 1.0 - kVowelCost / 5, 1e-9);
}

}  // namespace
}  // namespace interdict
