// DomainMatcher against the plainest reading of its contract, on generated names: the
// matcher finds label boundaries eight bytes at a time and hashes and compares the probe
// lowercased as it reads it, so dots and capitals are put at every offset a word can
// split them at.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The contract, read directly: exact rules on the whole name first, then the longest suffix
// rule starting at a label boundary (the name itself included); case and one trailing dot
// do not count; the first rule added for a name and kind keeps it.
class Reference {
 public:
  void add(const std::string& rule, bool exact, std::uint32_t target) {
    (exact ? exact_ : suffix_).emplace(lower(rule), target);  // emplace keeps the first
  }
  [[nodiscard]] std::optional<std::uint32_t> match(std::string host) const {
    host = lower(host);
    if (!host.empty() && host.back() == '.') host.pop_back();
    if (host.empty()) return std::nullopt;
    if (const auto it = exact_.find(host); it != exact_.end()) return it->second;
    for (std::size_t start = 0; start < host.size();) {
      if (const auto it = suffix_.find(host.substr(start)); it != suffix_.end()) return it->second;
      const std::size_t dot = host.find('.', start);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return std::nullopt;
  }

 private:
  std::map<std::string, std::uint32_t> exact_;
  std::map<std::string, std::uint32_t> suffix_;
};

// A label of 1 to `longest` letters and digits, some capitals.
std::string label(std::mt19937& rng, std::size_t longest) {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
  std::string out(std::uniform_int_distribution<std::size_t>(1, longest)(rng), 'a');
  for (char& c : out) c = kChars[std::uniform_int_distribution<std::size_t>(0, sizeof kChars - 2)(rng)];
  return out;
}

TEST(DomainReference, GeneratedNamesAnswerAsTheContractSays) {
  std::mt19937 rng(20261129);
  DomainMatcher matcher;
  Reference reference;
  // Rules are a few short labels (so probes share them); probes are rules with labels put
  // in front, rules' parents, and names of their own, with and without a trailing dot.
  std::vector<std::string> rules;
  for (std::uint32_t target = 0; target < 400; ++target) {
    std::string rule = label(rng, 4);
    const std::size_t labels = std::uniform_int_distribution<std::size_t>(1, 4)(rng);
    for (std::size_t i = 1; i < labels; ++i) rule = label(rng, 9) + "." + rule;
    const bool exact = rng() % 4 == 0;
    ASSERT_TRUE(matcher.add(rule, exact, target));
    reference.add(rule, exact, target);
    rules.push_back(rule);
  }
  std::size_t hits = 0;
  for (std::size_t i = 0; i < 20000; ++i) {
    std::string probe;
    const std::string& rule = rules[rng() % rules.size()];
    switch (rng() % 3) {
      case 0:
        probe = rule;
        for (std::size_t k = rng() % 4; k > 0; --k) probe = label(rng, 12) + "." + probe;
        break;
      case 1:
        probe = rule.substr(std::min(rule.size() - 1, rule.find('.') == std::string::npos ? 0 : rule.find('.') + 1));
        break;
      default:
        probe = label(rng, 12);
        for (std::size_t k = rng() % 5; k > 0; --k) probe += "." + label(rng, 12);
        break;
    }
    if (rng() % 5 == 0) probe += '.';
    const std::optional<MatchHit> got = matcher.match(probe);
    const std::optional<std::uint32_t> want = reference.match(probe);
    ASSERT_EQ(got.has_value(), want.has_value()) << probe;
    if (got) {
      EXPECT_EQ(got->target, *want) << probe;
      ++hits;
    }
  }
  EXPECT_GT(hits, 5000u);  // the probes reach the rules, so the comparison means something
}

// Every length from 1 to 40 with a dot at every position: the word-at-a-time search for
// dots has a loop, an overlapping last word and a byte loop for short names.
TEST(DomainReference, DotsAtEveryOffsetOfEveryLengthAreLabelBoundaries) {
  DomainMatcher matcher;
  ASSERT_TRUE(matcher.add("b", false, 1));
  ASSERT_TRUE(matcher.add("bb", false, 2));
  Reference reference;
  reference.add("b", false, 1);
  reference.add("bb", false, 2);
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t dot = 0; dot < length; ++dot) {
      for (const char tail : {'b', 'B'}) {
        std::string probe(length, 'a');
        probe[dot] = '.';
        for (std::size_t k = dot + 1; k < length; ++k) probe[k] = tail;
        const std::optional<MatchHit> got = matcher.match(probe);
        const std::optional<std::uint32_t> want = reference.match(probe);
        ASSERT_EQ(got.has_value(), want.has_value()) << probe;
        if (got) {
          EXPECT_EQ(got->target, *want) << probe;
        }
      }
    }
  }
}

}  // namespace
}  // namespace interdict
