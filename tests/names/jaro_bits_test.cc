// jaro_winkler_bits must give jaro_winkler's value bit for bit: the pattern ranking picks
// which list tokens are aligned by it, so a last-bit difference could change an answer.
// Checked on real name tokens (yente's list and query spellings and its negatives, read
// as the index reads them) and on the edges: empty, one letter, past 64 bytes, bytes
// above 127.
#include "names/jaro_bits.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "names/names.h"

namespace interdict {
namespace {

const std::string kFixtures =
    std::string(INTERDICT_SHARED_DATA) + "/yente/contrib/candidate_generation_benchmark/fixtures/";

// The tokens of the first column of `file` (after its header), `limit` lines at most,
// every reading of every name.
std::vector<std::string> tokens_of_file(const std::string& file, std::size_t limit) {
  std::ifstream in(kFixtures + file);
  std::vector<std::string> out;
  std::string line;
  std::getline(in, line);
  for (std::size_t n = 0; n < limit && std::getline(in, line); ++n) {
    // The first field, quoted when it holds a comma.
    std::string name;
    if (!line.empty() && line[0] == '"') {
      name = line.substr(1, line.find('"', 1) - 1);
    } else {
      name = line.substr(0, line.find(','));
    }
    for (const auto& reading : normalise_name(name))
      for (const auto& token : reading) out.push_back(token);
  }
  return out;
}

// Counts the pairs compared and the pairs whose values differ (printing the first few).
struct Tally {
  std::size_t pairs = 0;
  std::size_t differ = 0;
  std::size_t high = 0;  // pairs at Jaro-Winkler 0.84 or more: the scorer's floor
  void check(const std::string& a, const std::string& b) {
    const double want = jaro_winkler(a, b);
    const double got = jaro_winkler_bits(a, b);
    ++pairs;
    if (want >= 0.84) ++high;
    if (want != got && ++differ <= 5) ADD_FAILURE() << a << " / " << b << ": " << want << " vs " << got;
  }
};

TEST(NamesJaroBits, EqualsJaroWinklerOnListAndQuerySpellings) {
  const auto listed = tokens_of_file("positives_un_untreated.csv", 700);
  const auto queried = tokens_of_file("positives_un_treated.csv", 700);
  ASSERT_GT(listed.size(), 1000U);
  ASSERT_GT(queried.size(), 1000U);
  Tally tally;
  // Each query token against the list tokens near it (the same and the next names) and
  // a stride through the rest.
  for (std::size_t i = 0; i < queried.size(); ++i)
    for (std::size_t j = i > 8 ? i - 8 : 0; j < listed.size() && j < i + 8; ++j) tally.check(queried[i], listed[j]);
  for (std::size_t i = 0; i < queried.size(); i += 3)
    for (std::size_t j = 0; j < listed.size(); j += 17) tally.check(queried[i], listed[j]);
  EXPECT_EQ(tally.differ, 0U);
  EXPECT_GT(tally.pairs, 50000U);
  EXPECT_GT(tally.high, 1000U);  // close pairs, where the value decides, are among them
}

TEST(NamesJaroBits, EqualsJaroWinklerOnNegatives) {
  const auto names = tokens_of_file("negatives_global.csv", 3000);
  ASSERT_GT(names.size(), 5000U);
  Tally tally;
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = i + 1; j < names.size() && j < i + 12; ++j) {
      tally.check(names[i], names[j]);
      tally.check(names[j], names[i]);  // the value is not symmetric in general
    }
  EXPECT_EQ(tally.differ, 0U);
}

TEST(NamesJaroBits, EqualsJaroWinklerOnEdges) {
  Tally tally;
  const std::string long_a(70, 'a');
  const std::string long_b = std::string(63, 'a') + "bcdefgh";
  const std::vector<std::string> edges = {"",         "a",        "b",     "ab",       "ba",         "abc",
                                          "\xe8\xae", "\xff\x80", long_a,  long_b,     "martha",     "marhta",
                                          "dwayne",   "duane",    "dixon", "dicksonx", "aaaaaaaaab", "baaaaaaaaa"};
  for (const auto& a : edges)
    for (const auto& b : edges) tally.check(a, b);
  EXPECT_EQ(tally.differ, 0U);
  EXPECT_EQ(jaro_winkler_bits("", ""), 1.0);
  EXPECT_EQ(jaro_winkler_bits("abc", ""), 0.0);
  EXPECT_EQ(jaro_winkler_bits("abc", "xyz"), 0.0);
}

// jaro_winkler_may_reach may say yes to a pair below the floor, never no to one at it; and
// it says no to most pairs of unrelated names, which is what it is for.
TEST(NamesJaroBits, MayReachMissesNoPairAtTheFloor) {
  const auto listed = tokens_of_file("positives_un_untreated.csv", 400);
  const auto queried = tokens_of_file("positives_un_treated.csv", 400);
  const auto negatives = tokens_of_file("negatives_global.csv", 400);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 0; i < queried.size(); ++i)
    for (std::size_t j = i > 8 ? i - 8 : 0; j < listed.size() && j < i + 8; ++j)
      pairs.emplace_back(queried[i], listed[j]);
  for (std::size_t i = 0; i < negatives.size(); i += 2)
    for (std::size_t j = 0; j < listed.size(); j += 7) pairs.emplace_back(negatives[i], listed[j]);
  const std::vector<std::string> edges = {"", "a", "ab", "abc", "\xe8\xae", std::string(70, 'a'), "martha", "marhta"};
  for (const auto& a : edges)
    for (const auto& b : edges) pairs.emplace_back(a, b);
  ASSERT_GT(pairs.size(), 20000U);
  for (double floor : {0.0, 0.5, 0.84, 0.9, 0.97, 1.0}) {
    std::size_t rejected = 0;
    for (const auto& [a, b] : pairs) {
      if (jaro_winkler_may_reach(a, b, floor)) continue;
      ++rejected;
      ASSERT_LT(jaro_winkler(a, b), floor) << a << " / " << b << " at " << floor;
    }
    if (floor == 0.84) {
      EXPECT_GT(rejected, pairs.size() / 2);
    }
  }
}

// liquid_jaro_winkler_bound is never under the value it stands in for (the ranking would
// drop a token that belongs in its cut), and is under 1 for most unrelated pairs, which is
// what it is for.
TEST(NamesJaroBits, LiquidBoundIsNeverUnderTheValue) {
  const auto listed = tokens_of_file("positives_un_untreated.csv", 400);
  const auto queried = tokens_of_file("positives_un_treated.csv", 400);
  std::vector<std::string> as = queried;
  for (const auto& edge : {"", "a", "lr", "rl", "lara", "rara", "\xe8\xae"}) as.emplace_back(edge);
  as.emplace_back(70, 'l');
  std::size_t pairs = 0;
  std::size_t useful = 0;
  for (std::size_t i = 0; i < as.size(); i += 2) {
    const std::uint64_t letters = liquid_letters(as[i]);
    for (std::size_t j = (i * 7) % 11; j < listed.size(); j += 11) {
      const double bound = liquid_jaro_winkler_bound(as[i], letters, listed[j]);
      ASSERT_GE(bound, liquid_jaro_winkler(as[i], listed[j])) << as[i] << " / " << listed[j];
      ++pairs;
      if (bound < 0.8) ++useful;
    }
  }
  EXPECT_GT(pairs, 20000U);
  EXPECT_GT(useful, pairs / 4);
  EXPECT_EQ(liquid_jaro_winkler_bound("lara", liquid_letters("lara"), "rara"), 1.0);  // one liquid
}

// A string's letters leave no mark for the next call (the masks are per-thread scratch).
TEST(NamesJaroBits, OneCallLeavesNothingForTheNext) {
  const double alone = jaro_winkler_bits("karl", "carl");
  (void)jaro_winkler_bits("xkrlqwe", "karlovic");
  EXPECT_EQ(jaro_winkler_bits("karl", "carl"), alone);
  EXPECT_EQ(alone, jaro_winkler("karl", "carl"));
}

}  // namespace
}  // namespace interdict
