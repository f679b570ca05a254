// The transcription alignment's letter rules as a table (transcribe_rules.h): the first rule
// that holds prices a pair, a rule asks all of its pattern places, and an inner rule never
// prices a token's first letter.
#include <gtest/gtest.h>

#include "names/transcribe.h"
#include "names/transcribe_rules.h"

namespace interdict::transcription_rules {
namespace {

TEST(LetterRules13, NoPlaceNoRule) { EXPECT_LT(letter_rule_cost('s', 0, 0, false), 0.0); }

TEST(LetterRules13, TheFirstRuleThatHoldsPrices) {
  // A soft c is s for nothing even where the s between vowels would be voiced.
  EXPECT_DOUBLE_EQ(letter_rule_cost('s', kSoftC | kVoicedZ, 0, false), 0.0);
  EXPECT_DOUBLE_EQ(letter_rule_cost('s', kVoicedZ, 0, false), kSameSoundCost);
  // Katakana ジ for a d before i costs nothing, before the voiced-s rule's near cost.
  EXPECT_DOUBLE_EQ(letter_rule_cost('j', kKanaDi | kVoicedS, 0, false), 0.0);
  // A letter no rule names falls through to the letters' classes.
  EXPECT_LT(letter_rule_cost('t', kSoftC, 0, false), 0.0);
}

TEST(LetterRules13, PatternPlacesAndInnerRulesAreAsked) {
  EXPECT_DOUBLE_EQ(letter_rule_cost('a', kVowelBeforeR, kBeforeLongMark, false), 0.0);
  EXPECT_LT(letter_rule_cost('a', kVowelBeforeR, 0, false), 0.0);  // an a with no ー after it
  EXPECT_DOUBLE_EQ(letter_rule_cost('o', kEnglishWa, kAfterV | kBeforeLongMark, false), kSameSoundCost);
  EXPECT_LT(letter_rule_cost('o', kEnglishWa, kBeforeLongMark, false), 0.0);
  EXPECT_DOUBLE_EQ(letter_rule_cost('j', kVoicedS, 0, false), kNearCost);
  EXPECT_LT(letter_rule_cost('j', kVoicedS, 0, true), 0.0);  // a word's first s is no ジ
}

}  // namespace
}  // namespace interdict::transcription_rules

namespace interdict {
namespace {

TEST(LetterRules13, BengaliBhWritesAForeignV) {
  // ডেভিড: its ভ is the pattern's b with an optional h. Before, an Indic b met v at a near
  // consonant's cost, and the pair fell under kIndicFloor (0.88).
  EXPECT_GE(transcription_similarity("debHidA", "david"), 0.92);
  EXPECT_DOUBLE_EQ(transcription_similarity("bHaratA", "bharat"), 1.0);
  // Devanagari's b (ब) is b: no v.
  EXPECT_EQ(transcription_similarity("debidA", "david"), 0.0);
}

}  // namespace
}  // namespace interdict
