// The recall rules of issue 6, session 13, round 2, for Latin, Cyrillic, Greek and Hangul
// spellings: German's long-vowel h, which Russian leaves out, and Persian's -eh for
// Arabic's feminine -a, Greek σ for French ch and Bengali ভ for v. Each case is a rigour spelling
// the matcher missed before the rule, or a pair the rule must keep apart.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "expect_hits.h"
#include "names/fold_readings.h"
#include "names/names.h"
#include "names/normalise.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

TEST(NamesRecall13Latin2, GermanLongVowelH) {
  EXPECT_EQ(russian_transcription_as_latin("Фрёлих"), "фрохлих");
  EXPECT_EQ(russian_transcription_as_latin("Бёмер Кёлер"), "бохмер кохлер");
  // A doubled consonant follows a short vowel, and ё before another consonant has no h.
  EXPECT_EQ(russian_transcription_as_latin("Мёллер Гёте Шрёдер"), "");
  const NameIndex index = index_of({"Fröhlich", "Frolov"});
  expect_top_matches(index, {{"фрёлих", "Fröhlich"}});
}

TEST(NamesRecall13Latin2, ArabicFeminineAsPersian) {
  EXPECT_EQ(arabic_feminine_as_persian("Масума Фатима"), "масумех фатимех");
  // After two consonants or in a short word the -а is no Arabic name's ending.
  EXPECT_EQ(arabic_feminine_as_persian("Анна Ада Zahra"), "");
  const NameIndex index = index_of({"Ma'soumeh", "Masna"});
  expect_top_matches(index, {{"масума", "Ma'soumeh"}});
}

TEST(NamesRecall13Latin2, GreekSigmaForFrenchCh) {
  const NameIndex index = index_of({"Chirvani", "Sarvin"});
  expect_top_matches(index, {{"σιρβανί", "Chirvani"}});
  // Not in a word of three letters, as often a Chinese syllable's s (Σαν San, not Chan).
  EXPECT_LT(score_of(index_of({"Chan"}), "Σαν", "Chan"), 0.92);
}

TEST(NamesRecall13Latin2, BengaliBhaForV) {
  // Bengali writes a foreign v with ভ, its bh: the h is optional.
  EXPECT_GT(transcription_similarity(indic_pattern(U"ভ্লাদিমির"), "vladimir"), 0.95);
  EXPECT_GT(transcription_similarity(indic_pattern(U"ভারত"), "bharat"), 0.95);
  // Devanagari has व for v, and its भ stays bh.
  EXPECT_LT(transcription_similarity(indic_pattern(U"भ्लादिमिर"), "vladimir"), 0.95);
}

}  // namespace
}  // namespace interdict
