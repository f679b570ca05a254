// Native Arabic, Persian and Hebrew names in their own script (a word with ح ع ص ض ط ظ ق,
// Hebrew ח ע) against the lists' Latin spellings: their abjad patterns meet them, but only
// to review, since the script leaves the short vowels unwritten (محمد is Muhammad or
// Mahmud, علي Ali or Eli). Each name below met nothing before.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "names/names.h"
#include "names/normalise.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

TEST(NamesArabic11, NativeWordsGetAPatternOfTheirOwn) {
  EXPECT_EQ(abjad_native_pattern(U"محمد"), "mXhXmXd");
  EXPECT_EQ(abjad_native_pattern(U"قاسم"), "qasXm");
  EXPECT_EQ(abjad_native_pattern(U"علي"), "XlY");
  EXPECT_EQ(abjad_native_pattern(U"אחמד"), "XhXmXd");
  // A word without a native letter keeps its plain pattern, and no native one.
  EXPECT_EQ(abjad_native_pattern(U"كولمان"), "");
  EXPECT_EQ(abjad_pattern(U"كولمان"), "kWlXman");
  // The plain pattern of a native word stays empty: it is not to confirm a name.
  EXPECT_EQ(abjad_pattern(U"محمد"), "");
}

TEST(NamesArabic11, TheReviewReadingHoldsNativePatterns) {
  const NormalisedName q = normalise_query("محمد علي");
  EXPECT_TRUE(q.transcribed.empty());
  ASSERT_EQ(q.transcribed_review.size(), 2U);
  EXPECT_EQ(q.transcribed_review[0].text, "mXhXmXd");
  EXPECT_TRUE(q.transcribed_review[1].pattern);
  // A European name in Arabic letters has its plain pattern and no review reading.
  EXPECT_TRUE(normalise_query("كولمان").transcribed_review.empty());
  // A native word beside a European one: the European word's pattern is in both.
  const NormalisedName mixed = normalise_query("كولمان محمد");
  ASSERT_EQ(mixed.transcribed.size(), 2U);
  ASSERT_EQ(mixed.transcribed_review.size(), 2U);
  EXPECT_FALSE(mixed.transcribed[1].pattern);
  EXPECT_EQ(mixed.transcribed_review[0].text, "kWlXman");
  EXPECT_EQ(mixed.transcribed_review[1].text, "mXhXmXd");
}

TEST(NamesArabic11, ATransliterationsAyinSignCostsNothing) {
  // ʿ (U+02BF) is a letter the fold keeps: ʿAllush.
  EXPECT_DOUBLE_EQ(abjad_similarity(abjad_native_pattern(U"علوش"), "\u02BFalush"), 1.0);
  // Nor is a token with it folded: its doubled l is one letter, as the script writes it.
  EXPECT_DOUBLE_EQ(abjad_similarity(abjad_native_pattern(U"علوش"), "\u02BFallush"), 1.0);
  EXPECT_DOUBLE_EQ(abjad_similarity(abjad_native_pattern(U"علوش"), "alush"), 1.0);
}

NameIndex native_names() {
  NameIndex index;
  // SALEH before 'ALI: the cap ties them for محمد علي, and the uncapped score must rank
  // 'ALI, Muhammad, all of whose words it meets, first.
  for (const char* name : {"SALEH, Ali Mohamad", "QASIM, Mohammed", "'ALI, Muhammad", "ALLOUCH, Aziz", "RABIA",
                           "Coleman", "John Smith", "Maria Garcia", "COHEN, Ahmad"})
    index.add({name, EntityKind::kPerson, {}, {name}});
  index.freeze();
  return index;
}

TEST(NamesArabic11, ANativeNameMeetsItsLatinSpellingToReview) {
  const NameIndex index = native_names();
  for (const auto& [query, id] : std::vector<std::pair<std::string, std::string>>{
           {"محمد علي", "'ALI, Muhammad"}, {"علي محمد", "'ALI, Muhammad"}, {"אחמד כהן", "COHEN, Ahmad"}}) {
    const auto hits = index.search(query, {}, 3);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].id, id) << query;
    EXPECT_EQ(hits[0].verdict, NameVerdict::kReview) << query << " " << hits[0].score;
    EXPECT_TRUE(hits[0].why.review_only) << query;
    EXPECT_LE(hits[0].score, 0.88) << query;
  }
}

TEST(NamesArabic11, WhatConfirmedANameStillDoes) {
  const NameIndex index = native_names();
  EXPECT_EQ(index.search("Muhammad Ali", {}, 1).at(0).verdict, NameVerdict::kMatch);
  const auto coleman = index.search("كولمان", {}, 1);
  ASSERT_FALSE(coleman.empty());
  EXPECT_EQ(coleman[0].verdict, NameVerdict::kMatch);
  EXPECT_FALSE(coleman[0].why.review_only);
  // A native name still meets only what it spells: محمد is no Smith nor Garcia.
  for (const auto& hit : index.search("محمد", {}, 5)) EXPECT_TRUE(hit.id != "John Smith" && hit.id != "Maria Garcia");
}

}  // namespace
}  // namespace interdict
