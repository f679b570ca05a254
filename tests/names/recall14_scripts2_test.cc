// The rules of issue 6, session 14's second round for other scripts: Bengali and Hindi
// write English soft g with their j (জ, ज). Each case is a labelled spelling missed at the
// match threshold before its rule, or a pair the rule must keep apart.
#include <gtest/gtest.h>

#include <string>

#include "expect_hits.h"
#include "names/names.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

constexpr double kMatch = 0.92;

TEST(NamesRecall14Scripts2, BengaliJIsEnglishSoftG) {
  const std::string george = indic_pattern(U"জর্জ");
  EXPECT_EQ(george, "iAriA");
  EXPECT_GE(transcription_similarity(george, "george"), kMatch);
  // Only a soft g: before a, o, u or a consonant the g is hard, and no জ.
  EXPECT_LT(transcription_similarity(george, "gorgo"), kMatch);
  EXPECT_LT(transcription_similarity(george, "gargar"), kMatch);
  // A Devanagari ज before i is the j itself: Gilbert.
  EXPECT_GE(transcription_similarity(indic_pattern(U"गिलबर्ट"), "gilbert"), kMatch);
}

TEST(NamesRecall14Scripts2, BengaliGeorgeFranklinMeetsHisEntry) {
  const NameIndex index = index_of({"George Franklin", "Gary Frank"});
  EXPECT_GE(score_of(index, "জর্জ ফ্রাঙ্কলিন", "George Franklin"), kMatch);
  EXPECT_LT(score_of(index, "জর্জ ফ্রাঙ্কলিন", "Gary Frank"), kMatch);
}

}  // namespace
}  // namespace interdict
