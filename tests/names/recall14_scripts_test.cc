// The rules of issue 6, session 14 for the other scripts (latin_reading.cc): a reading of
// Khmer, which ICU cannot read, Burmese vowels, tones and -င် as names are romanised, and
// Greek's μπ, ντ and γκ last in a word as b, d and g. Each reading is checked on its own and
// where it makes a labelled query meet its name, and beside a name it must not meet.
#include <gtest/gtest.h>

#include <string>

#include "expect_hits.h"
#include "names/latin_reading.h"
#include "names/names.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.92;

std::string latin(const char* utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  to_latin_icu(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

TEST(NamesRecall14Scripts, KhmerIsRead) {
  if (!latin_available()) GTEST_SKIP() << "no ICU data";
  EXPECT_EQ(latin("ពូទីន"), "putin");
  // The coeng's subscript is read as its letter, the muusikatoan is no letter.
  EXPECT_EQ(latin("វ៉្លាឌីមៀរ"), "vladimier");
  // The inherent vowel: a before a consonant in the first series, o in the second, none
  // last; the triisap moves ហ to the second series.
  EXPECT_EQ(latin("សម"), "sam");
  EXPECT_EQ(latin("រង្ស៊ី"), "rongsi");
  EXPECT_EQ(latin("ហ៊ុន សែន"), "hun sen");
  EXPECT_EQ(latin("ម៉ាណែត"), "manet");
  // A consonant after a vowel closes its syllable: no inherent vowel (not "bunohieng").
  EXPECT_EQ(latin("ប៊ុនហៀង"), "bunhieng");
  // ុ and ូ are o after a consonant of the first series, u after one of the second.
  EXPECT_EQ(latin("ហ៊ុន តូ"), "hun to");
  EXPECT_EQ(latin("ណាំហុង"), "namhong");
  EXPECT_EQ(latin("ហោ"), "ho");
}

TEST(NamesRecall14Scripts, KhmerPutinMeetsHisName) {
  if (!latin_available()) GTEST_SKIP() << "no ICU data";
  const NameIndex index = index_of({"Vladimir Putin", "Vladimir Potanin"});
  // Met first: Potanin shares his given name and a p.
  expect_top_matches(index, {{"វ៉្លាឌីមៀរ ពូទីន", "Vladimir Putin"}});
  const NameIndex hing = index_of({"Hing Bunhieng", "Hing Bunheng"});
  EXPECT_GE(score_of(hing, "ហ៊ីង ប៊ុនហៀង", "Hing Bunhieng"), kMatch);
  EXPECT_GE(score_of(index, "វ៉្លាឌីមៀរ ពូទីន", "Vladimir Putin"), kMatch);
}

TEST(NamesRecall14Scripts, BurmeseVowelsTonesAndIn) {
  if (!latin_available()) GTEST_SKIP() << "no ICU data";
  // ICU: "puutain", "htainkyaw", "mainn".
  EXPECT_EQ(latin("ပူတင်"), "putin");
  EXPECT_EQ(latin("ထင်ကျော်"), "htinkyaw");
  EXPECT_EQ(latin("မင်း"), "min");
  // ေ with ာ is aw, not an a.
  EXPECT_EQ(latin("ဒေါ်"), "daw");
}

TEST(NamesRecall14Scripts, GreekLastMpNtGkAreBDG) {
  if (!latin_available()) GTEST_SKIP() << "no ICU data";
  // The rules write the letters lower case: the tokeniser folds case.
  EXPECT_EQ(latin("Ρόναλντ"), "Ronald");
  EXPECT_EQ(latin("Μπομπ"), "bob");
  EXPECT_EQ(latin("Μπαντ Σμιθ"), "bad Smith");
  // Inside a word they stay mb, nd, ng.
  EXPECT_EQ(latin("Κολόμπο"), "Kolombo");
  EXPECT_EQ(latin("Βλαντίμιρ"), "vlandimir");
}

}  // namespace
}  // namespace interdict
