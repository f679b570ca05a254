// The recall rules of issue 6, session 13, for Cyrillic, Hebrew and Hangul spellings: Russian
// ль before an iotated vowel for Spanish ll, a family's plural surname as its men's, Hebrew's
// particles de and del, and Hangul ㅍ as a foreign f. Each case is a rigour spelling the
// matcher missed before the rule, or a pair the rule must keep apart.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "expect_hits.h"
#include "names/fold_readings.h"
#include "names/names.h"
#include "names/normalise.h"

namespace interdict {
namespace {

TEST(NamesRecall13Latin, RussianLlAndFamilyPlural) {
  EXPECT_EQ(russian_transcription_as_latin("де Куэльяр"), "де куэлар");
  EXPECT_EQ(russian_transcription_as_latin("Падилья Мурильё"), "падила мурило");
  EXPECT_EQ(russian_transcription_as_latin("Конецпольские Вишневецкие"), "конецпольский вишневецкий");
  // After a consonant ль is soft as ever, and a short word's -кие is no plural surname.
  EXPECT_EQ(russian_transcription_as_latin("Сальников Кие Таские"), "");
  const NameIndex index = index_of({"de Cuéllar", "Koniecpolski", "Henry Cuellar"});
  expect_top_matches(index, {{"де куэльяр", "de Cuéllar"}, {"конецпольские", "Koniecpolski"}});
}

TEST(NamesRecall13Latin, EnglishOBeforeTwoConsonants) {
  EXPECT_EQ(russian_transcription_as_latin("Коулман"), "колеман");
  EXPECT_EQ(russian_transcription_as_latin("Κόουλμαν"), "κόλεμαν");
  // English -man, which Russian writes -мен, as well (and Кармен is Carmen).
  EXPECT_EQ(russian_transcription_as_latin("Коулмен Кармен"), "колеман кармин");
  // Before one consonant and a vowel the e would be a syllable too many (Боуман Bowman).
  EXPECT_EQ(russian_transcription_as_latin("Боуман Κόουλα"), "");
  const NameIndex index = index_of({"Coleman", "Kalume"});
  expect_top_matches(index, {{"коулман", "Coleman"}, {"коулмен", "Coleman"}, {"κόουλμαν", "Coleman"}});
}

TEST(NamesRecall13Latin, HebrewParticles) {
  const NameIndex index = index_of({"de Rakoff", "del Castagno", "Castagno", "Rakoff"});
  expect_top_matches(index, {{"דה רקוף", "de Rakoff"}, {"דל קסטאנו", "del Castagno"}});
  // Another two-letter word still gets no pattern of its own (דב Dov, not any d-v name).
  EXPECT_EQ(score_of(index_of({"Davis"}), "דב", "Davis"), 0.0);
}

TEST(NamesRecall13Latin, AbjadChNearTs) {
  const NameIndex index = index_of({"Gontzal", "Consol"});
  expect_top_matches(index, {{"גונצ'ל", "Gontzal"}});
  // At a near sound's cost, not nothing: ch is no ts.
  EXPECT_LT(score_of(index, "גונצ'ל", "Gontzal"), 0.99);
}

TEST(NamesRecall13Latin, AbjadYehIsEnglishEa) {
  const NameIndex index = index_of({"Teagle", "Thajil"});
  expect_top_matches(index, {{"تيجل", "Teagle"}});
  // A final ea is two vowels: ינאי Yanai is no Inea.
  EXPECT_LT(score_of(index_of({"Inea"}), "ינאי", "Inea"), 0.92);
}

TEST(NamesRecall13Latin, GeorgianSonOfIsAPatronymic) {
  EXPECT_EQ(georgian_as_foreign("ივანე პავლეს ძე"), "ივანე პავლოვიჩ");
  EXPECT_EQ(georgian_as_foreign("ნიკოლოზის ძე"), "ნიკოლოზოვიჩ");
  // ძე alone, or inside a word, is no patronymic.
  EXPECT_EQ(georgian_as_foreign("ძე ძეძე"), "");
  const NameIndex index = index_of({"Pavlovich", "Pavles"});
  expect_top_matches(index, {{"პავლეს ძე", "Pavlovich"}});
}

TEST(NamesRecall13Latin, HangulPieupIsAForeignF) {
  EXPECT_EQ(hangul_pieup_as_f("팜 박"), "f암 박");
  EXPECT_EQ(hangul_pieup_as_f("김철수"), "");
  const NameIndex index = index_of({"Phạm", "Pak"});
  expect_top_matches(index, {{"팜", "Phạm"}});
}

TEST(NamesRecall13Latin, HangulWiIsPinyinU) {
  EXPECT_EQ(hangul_pinyin_u("쥔량 쉬 위안"), "준량 수 위안");
  // ㅟ after another consonant is Korean's own (귀 Gwi, 뒤), and so is the surname 위 Wi.
  EXPECT_EQ(hangul_pinyin_u("귀남 준 위"), "");
  const NameIndex index = index_of({"Junliang", "Nolan"});
  expect_top_matches(index, {{"쥔량", "Junliang"}});
}

}  // namespace
}  // namespace interdict
