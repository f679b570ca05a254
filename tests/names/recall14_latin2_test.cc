// The rules of issue 6, session 14, round 2 for Latin and Cyrillic: a Cyrillic word that
// writes French u as Russian does (ю after a consonant) is read back into French spelling.
// Each case is a rigour spelling missed before its rule, or a pair the rule must keep apart.
#include <gtest/gtest.h>

#include <string>

#include "names/names.h"
#include "names/normalise.h"

namespace interdict {
namespace {

// Whether some reading of the query `utf8` is the one token `token`.
bool reads_as(const std::string& utf8, const std::string& token) {
  for (const auto& reading : normalise_query(utf8).readings)
    if (reading.size() == 1 && reading.front() == token) return true;
  return false;
}

TEST(NamesRecall14Latin2, CyrillicFrenchNameReadsAsFrench) {
  // Сантюль Centule: тю is French tu, ан before t the nasal en, the first с before e a c
  // (0.833 -> 0.917 against rigour's Centule, whose mute e the scorer weighs).
  EXPECT_TRUE(reads_as("Сантюль", "centul"));
  // Without ю after a consonant a word is read as Russian: Сантоль's ан stays an, its с
  // an s.
  EXPECT_FALSE(reads_as("Сантоль", "centol"));
  // ю after л is Russian's too (Людмила): Санлюль has no French reading.
  EXPECT_FALSE(reads_as("Санлюль", "cenlul"));
  // A Slavic surname's ending keeps the word Russian: Тюленев is no French name.
  EXPECT_FALSE(reads_as("Сантюлев", "centulev"));
}

}  // namespace
}  // namespace interdict
