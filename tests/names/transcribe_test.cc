// Transcription readings (issue 6, recall): Han and katakana spellings of European
// surnames read as the transcription tables wrote them. Each case is a spelling from
// rigour's groups that the matcher missed before, or one it must keep apart.
#include "names/transcribe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "names/names.h"
#include "names/normalise.h"

namespace interdict {
namespace {

TEST(NamesTranscribe, KatakanaEpentheticVowelsAreOptional) {
  EXPECT_EQ(kana_pattern(U"ロハス"), "rohasU");                // Rojas: ス is a bare s
  EXPECT_EQ(kana_pattern(U"スパダーノ"), "sUpadaRno");         // Spadano: ー after a may write an r
  EXPECT_EQ(kana_pattern(U"ニコラエヴィチ"), "nikoraevichI");  // ヴ+ィ is vi, チ a bare ch
  EXPECT_EQ(kana_pattern(U"ラヴカン"), "ravUkan");
  EXPECT_EQ(kana_pattern(U"トッツォーリ"), "tOtsori");  // ッ adds nothing, ツ+ォ is tso
}

TEST(NamesTranscribe, KatakanaSmallLettersCombine) {
  EXPECT_EQ(kana_pattern(U"ファム"), "famU");           // フ+ァ
  EXPECT_EQ(kana_pattern(U"ティ"), "ti");               // テ+ィ
  EXPECT_EQ(kana_pattern(U"キャ"), "kia");              // a glide after an i-column letter
  EXPECT_EQ(kana_pattern(U"シャ"), "sha");              // sh holds the glide already
  EXPECT_EQ(kana_pattern(U"ボッジャーリ"), "boiaRri");  // ジャ ja, folded as lists fold j; ー an optional r
  EXPECT_EQ(kana_pattern(U"ウィ"), "vi");               // ウ+ィ wi, folded to v
}

TEST(NamesTranscribe, HiraganaReadsAsKatakana) { EXPECT_EQ(kana_pattern(U"ろはす"), kana_pattern(U"ロハス")); }

TEST(NamesTranscribe, HanBareConsonantsFromTheTable) {
  EXPECT_EQ(han_pattern(U"科萨托"), "kosato");         // 科 ko, not pinyin ke
  EXPECT_EQ(han_pattern(U"罗德里格斯"), "rodErigEs");  // 格 g(e) and 斯 s bare, 德 d(e)
  EXPECT_EQ(han_pattern(U"帕杜阿尔特"), "paduartE");
}

TEST(NamesTranscribe, HanWordOutsideTheTableHasNoPattern) {
  EXPECT_EQ(han_pattern(U"王秀英"), "");  // a Chinese name: read by its pinyin only
  EXPECT_EQ(han_pattern(U""), "");
}

TEST(NamesTranscribe, OptionalVowelsCostNothing) {
  EXPECT_DOUBLE_EQ(transcription_similarity("rohasU", "rohas"), 1.0);
  EXPECT_DOUBLE_EQ(transcription_similarity("sUpadaRno", "spadano"), 1.0);
  EXPECT_DOUBLE_EQ(transcription_similarity("nikoraevichI", "nikolaevich"), 1.0);  // and one liquid
  // A vowel the name does not have, written by the script, costs: "s" is not "su".
  EXPECT_LT(transcription_similarity("rohasu", "rohas"), 1.0);
}

TEST(NamesTranscribe, AnUnwrittenRCostsLittle) {
  // 科萨托 for Corsato: transcriptions drop an r before a consonant.
  EXPECT_NEAR(transcription_similarity("kosato", "korsato"), 1.0 - kUnwrittenR / 7, 1e-9);
  EXPECT_LT(transcription_similarity("kosato", "kontato"), transcription_similarity("kosato", "korsato"));
}

TEST(NamesTranscribe, ItalianSpellingsOfOneSound) {
  EXPECT_DOUBLE_EQ(transcription_similarity("pitsorante", "pizolante"), 1.0);  // z is ts
  EXPECT_DOUBLE_EQ(transcription_similarity("bolaki", "bolachi"), 1.0);        // ch before i is k
  EXPECT_DOUBLE_EQ(transcription_similarity("iulio", "giulio"), 1.0);          // gi before a vowel is j
  EXPECT_LT(transcription_similarity("iulio", "gulio"), 1.0);
}

TEST(NamesTranscribe, ShortTokensOnlyEqual) {
  EXPECT_DOUBLE_EQ(transcription_similarity("mE", "ma"), 0.0);
  EXPECT_DOUBLE_EQ(transcription_similarity("la", "li"), 0.0);
  EXPECT_DOUBLE_EQ(transcription_similarity("bud", "bud"), 1.0);
  EXPECT_DOUBLE_EQ(transcription_similarity("ma", "ma"), 1.0);
}

TEST(NamesTranscribe, UnrelatedNamesStayApart) {
  EXPECT_LT(transcription_similarity("kosato", "martinez"), 0.5);
  EXPECT_LT(transcription_similarity("paduart", "patriot"), 0.8);
}

TEST(NamesTranscribe, QueryReadingsOfKanaUseOurRomaji) {
  // ICU's Katakana-Latin split ヴァ ("ravu ateri") and lost ッジャ ("boari").
  const auto q = normalise_query("ラヴァテッリ");
  ASSERT_FALSE(q.readings.empty());
  EXPECT_EQ(q.readings.front(), (NameTokens{"ravateri"}));
  ASSERT_EQ(q.transcribed.size(), 1U);
  EXPECT_TRUE(q.transcribed[0].pattern);
  EXPECT_EQ(q.transcribed[0].text, "ravateri");
}

TEST(NamesTranscribe, OnlyForeignLookingWordsGetPatterns) {
  EXPECT_TRUE(normalise_query("王秀英").transcribed.empty());  // characters outside the table
  EXPECT_TRUE(normalise_query("文 苏").transcribed.empty());   // one character is a Chinese name
  EXPECT_TRUE(normalise_query("さゆり").transcribed.empty());  // hiragana writes Japanese words
  EXPECT_TRUE(normalise_query("Corsato").transcribed.empty());
  const auto mixed = normalise_query("Mario 科萨托");
  ASSERT_EQ(mixed.transcribed.size(), 2U);
  EXPECT_FALSE(mixed.transcribed[0].pattern);
  EXPECT_EQ(mixed.transcribed[0].text, "mario");
  EXPECT_TRUE(mixed.transcribed[1].pattern);
}

NameIndex surnames() {
  NameIndex index;
  for (const char* name : {"CORSATO", "PADUART", "LAVATELLI", "IERARDO", "KONTATO", "PATRIOT", "WANG, Xiuying"})
    index.add({name, EntityKind::kPerson, {}, {name}});
  index.freeze();
  return index;
}

TEST(NamesTranscribe, TranscriptionsMatchTheirSurnames) {
  const auto index = surnames();
  for (const auto& [query, id] : std::vector<std::pair<std::string, std::string>>{
           {"科萨托", "CORSATO"}, {"帕杜阿尔特", "PADUART"}, {"ラヴァテッリ", "LAVATELLI"}, {"耶拉尔多", "IERARDO"}}) {
    const auto hits = index.search(query, {}, 3);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits.front().id, id) << query;
    EXPECT_EQ(hits.front().verdict, NameVerdict::kMatch) << query;
  }
}

TEST(NamesTranscribe, AChineseNameIsReadByItsPinyin) {
  const auto index = surnames();  // hits view the index's strings: it must outlive them
  const auto hits = index.search("王秀英", {}, 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().id, "WANG, Xiuying");
}

}  // namespace
}  // namespace interdict
