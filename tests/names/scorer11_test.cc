// The scorer and reading rules of issue 6, session 11: a full name that lacks a word of the
// list's pays more for it than a lone surname does; names whose words line up are compared
// word by word, their joined readings only to forgive a typo; a Chinese name meets its
// spelling word by word and its syllables are never weak; abjad and Indic patterns pair from
// a higher floor; a query's initials are a name's short form; German's voiced s is z. Each
// negative is a pair yente's non-sanctioned names met at 0.90 or above before the rule; each
// positive a pair it must keep or a rigour spelling it found.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_hits.h"
#include "names/names.h"
#include "names/score.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

const std::vector<std::string> kListed = {
    "Joel Robert Stone", "RODRIGUEZ-DIAZ, Joaquin", "PUTIN, Vladimir Vladimirovich", "Richard Hudson", "Charles Carper",
    "KIM SOK CHOL", "Ahmed al-Idrissi", "Maria Lopez Garcia", "John Smith", "Ali Hassan", "Peter Brown", "Anna Schmidt",
    "Su Bin", "XIE Mingde", "Al Jundi", "MING XIE", "Q.C. Chen",
    // Patronymics are common on a list: each is shared.
    "IVANOV, Sergei Vladimirovich", "PETROV, Oleg Vladimirovich", "SIDOROV, Pavel Vladimirovich"};

TEST(NamesPrecision11, AFullNameLackingAListWordIsReview) {
  const auto index = index_of(kListed);
  // Half the missing word's weight put these at 0.90 to 0.91.
  EXPECT_LT(score_of(index, "Robert Stone", "Joel Robert Stone"), 0.88);
  EXPECT_LT(score_of(index, "Joaquin Diaz", "RODRIGUEZ-DIAZ, Joaquin"), 0.88);
  // Still review, not dropped.
  EXPECT_GE(score_of(index, "Robert Stone", "Joel Robert Stone"), 0.80);
  // A patronymic, which a payment leaves out, pays half, as before.
  EXPECT_GE(score_of(index, "Vladimir Putin", "PUTIN, Vladimir Vladimirovich"), 0.92);
}

TEST(NamesRecall11, GermanSBetweenVowelsIsZInShortNames) {
  // Musil is said Muzil, which Russian writes Музиль: four letters kept suffice there.
  EXPECT_TRUE(equal_but_german_sibilant("musil", "muzil"));
  // Elsewhere five: a final s or z is no voiced s (Faras / Faraz), nor Rosa / Roza short.
  EXPECT_FALSE(equal_but_german_sibilant("faras", "faraz"));
  EXPECT_FALSE(equal_but_german_sibilant("rosa", "roza"));
}

TEST(NamesRecall11, AQueryOfInitialsIsTheNamesShortForm) {
  const auto index = index_of(kListed);
  // Russian writes a name short as surname and initials: each initial is worth 0.9 when two
  // or more pair, not 0.6, which left these at 0.798.
  EXPECT_GE(score_of(index, "Путин В. В.", "PUTIN, Vladimir Vladimirovich"), 0.92);
  EXPECT_GE(score_of(index, "В. В. Путин", "PUTIN, Vladimir Vladimirovich"), 0.92);
  // A middle initial for a patronymic, too.
  EXPECT_GE(score_of(index, "Vladimir V. Putin", "PUTIN, Vladimir Vladimirovich"), 0.92);
  // A list's initials abbreviate too much to confirm a full name.
  EXPECT_LT(score_of(index, "Qiang Chao Chen", "Q.C. Chen"), 0.92);
}

TEST(NamesPrecision11, PatronymicsAreKnown) {
  for (const char* p : {"vladimirovich", "sergeevna", "ilinichna", "mamedoglu", "aliqizi"})
    EXPECT_TRUE(is_patronymic(p)) << p;
  for (const char* p : {"vladimir", "ivanov", "ivanova", "vich", "petrovski"}) EXPECT_FALSE(is_patronymic(p)) << p;
}

TEST(NamesPrecision11, WordsThatLineUpAreComparedWordByWord) {
  const auto index = index_of(kListed);
  // Joined, richardhuston / richardhudson was 0.91: the long first name hid the other word.
  EXPECT_LT(score_of(index, "Richard Houston", "Richard Hudson"), 0.90);
  // A typo of one letter, or two swapped, across the joined reading still meets it.
  EXPECT_GE(score_of(index, "KIM SKO CHOL", "KIM SOK CHOL"), 0.92);
  EXPECT_GE(score_of(index, "Charles Carpr", "Charles Carper"), 0.92);
  // A name split otherwise keeps its joined reading.
  EXPECT_GE(score_of(index, "Kim Sokchol", "KIM SOK CHOL"), 0.92);
  EXPECT_GE(score_of(index, "수빈", "Su Bin"), 0.92);
  // But a word of one syllable is no typo: Subin Lee, joined "subini", is not Su Bin.
  EXPECT_LT(score_of(index, "수빈 이", "Su Bin"), 0.88);
}

TEST(NamesPrecision11, AChineseNameMeetsItsSpellingWordByWord) {
  const auto index = index_of(kListed);
  // Its given name's syllables joined, its words in either order.
  EXPECT_GE(score_of(index, "謝 明德", "XIE Mingde"), 0.92);
  EXPECT_GE(score_of(index, "明德 謝", "XIE Mingde"), 0.92);
  // But never its surname joined to its given name: 军 翟 is Zhai Jun, not Al Jundi.
  EXPECT_LT(score_of(index, "军 翟", "Al Jundi"), 0.80);
}

TEST(NamesPrecision11, ASyllableOfAnIdeographIsNeverWeak) {
  const auto index = index_of(kListed);
  // 德 is de, which the Romance particle list holds: read as one, 谢明德 lost its de.
  EXPECT_GE(score_of(index, "谢明德", "XIE Mingde"), 0.92);
  EXPECT_LT(score_of(index, "明德 謝", "MING XIE"), 0.92);  // 0.989 when de weighed nothing
}

TEST(NamesPrecision11, AnAbjadPatternPairsFromOneConsonantInSevenOff) {
  // yente's negatives: Persian شبیری Shabiri met SHIPPING at 0.807, مهنا Mohanna MUHAMMAD
  // at 0.807, کابلی Kaboli CABY at 0.800.
  EXPECT_EQ(transcription_similarity(abjad_pattern(U"شبیری"), "shiping"), 0.0);
  EXPECT_EQ(transcription_similarity(abjad_pattern(U"مهنا"), "muhamad"), 0.0);
  EXPECT_EQ(transcription_similarity(abjad_pattern(U"کابلی"), "kabi"), 0.0);
  // What rigour spells alike still pairs.
  EXPECT_GE(transcription_similarity(abjad_pattern(U"كولمان"), "koleman"), 0.85);
  EXPECT_GE(transcription_similarity(abjad_pattern(U"تيجل"), "teagle"), 0.85);  // 0.9
}

TEST(NamesPrecision11, AnIndicPatternPairsFromOneSoundInTenOff) {
  // yente's negatives: हर्श Harsh met Akhilesh at 0.864, जैन Jain IRAN at 0.825.
  EXPECT_EQ(transcription_similarity(indic_pattern(U"हर्श"), "ahilesh"), 0.0);
  EXPECT_EQ(transcription_similarity(indic_pattern(U"जैन"), "iran"), 0.0);
  // rigour's भ्लादिमिर for Vladimir, at 0.922, still pairs.
  EXPECT_GE(transcription_similarity(indic_pattern(U"भ्लादिमिर"), "vladimir"), 0.9);
}

}  // namespace
}  // namespace interdict
