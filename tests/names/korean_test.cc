// Korean names in Hangul against the lists' romanisation (korean_reading.h): syllable by
// syllable, as North Korea romanises (KIM Jong Un) or as McCune-Reischauer without its
// marks does, and only to review: the romanisation loses what Hangul tells apart.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "names/korean_reading.h"
#include "names/names.h"

namespace interdict {
namespace {

TEST(NamesKorean, SyllablesAsTheNorthRomanises) {
  EXPECT_EQ(korean_as_lists_write("김정은", KoreanSpelling::kNorth), "kim jong un");
  EXPECT_EQ(korean_as_lists_write("최룡해", KoreanSpelling::kNorth), "choe ryong hae");
  EXPECT_EQ(korean_as_lists_write("전명국", KoreanSpelling::kNorth), "jon myong guk");
  EXPECT_EQ(korean_as_lists_write("김경희", KoreanSpelling::kNorth), "kim kyong hui");  // not at the given name's start
  EXPECT_EQ(korean_as_lists_write("리병철", KoreanSpelling::kNorth), "ri pyong chol");
  EXPECT_EQ(korean_as_lists_write("박 봉주", KoreanSpelling::kNorth), "pak pong ju");
  EXPECT_EQ(korean_as_lists_write("Kim 여정", KoreanSpelling::kNorth), "Kim yo jong");
  EXPECT_EQ(korean_as_lists_write("Kim Jong Un", KoreanSpelling::kNorth), "");
}

TEST(NamesKorean, TheNorthVoicesInsideAGivenName) {
  EXPECT_EQ(korean_as_lists_write("전명국", KoreanSpelling::kNorth), "jon myong guk");
  // Not at the given name's start, after the surname.
  EXPECT_EQ(korean_as_lists_write("김경희", KoreanSpelling::kNorth), "kim kyong hui");
}

TEST(NamesKorean, McCuneWritesChAndPutsTheDroppedRBack) {
  EXPECT_EQ(korean_as_lists_write("장창봉", KoreanSpelling::kMcCune), "chang chang pong");
  // The South writes 최용해 and 이병철 for the North's 최룡해 and 리병철.
  EXPECT_EQ(korean_as_lists_write("최용해", KoreanSpelling::kMcCune), "choe ryong hae");
  EXPECT_EQ(korean_as_lists_write("이병철", KoreanSpelling::kMcCune), "ri pyong chol");
}

TEST(NamesKorean, AHangulNameMeetsItsRomanisationToReview) {
  NameIndex index;
  for (const char* name : {"KIM Jong Un", "CHOE Ryong Hae", "JON Myong Guk", "RI Pyong Chol", "KIM Yo Jong",
                           "John Smith", "Maria Garcia", "LI Wei", "PAK Pong Ju"})
    index.add({name, EntityKind::kPerson, {}, {name}});
  index.freeze();
  for (const auto& [query, id] : std::vector<std::pair<std::string, std::string>>{{"김정은", "KIM Jong Un"},
                                                                                  {"김 정은", "KIM Jong Un"},
                                                                                  {"최용해", "CHOE Ryong Hae"},
                                                                                  {"전명국", "JON Myong Guk"},
                                                                                  {"이병철", "RI Pyong Chol"},
                                                                                  {"박봉주", "PAK Pong Ju"}}) {
    const auto hits = index.search(query, {}, 3);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].id, id) << query;
    EXPECT_EQ(hits[0].verdict, NameVerdict::kReview) << query << " " << hits[0].score;
  }
  // The romanised name itself is a match.
  EXPECT_EQ(index.search("Kim Jong Un", {}, 1).at(0).verdict, NameVerdict::kMatch);
}

}  // namespace
}  // namespace interdict
