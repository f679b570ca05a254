// DomainMatcher's bucketed table: rules that share a bucket and a fingerprint byte, rules
// that are suffixes of one another or the same name in both kinds, the text handed back on
// a hit, and building again after a lookup.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

std::string numbered(const char* prefix, std::uint32_t i) { return prefix + std::to_string(i) + ".example.org"; }

TEST(DomainTable, RulesSharingAFingerprintAreToldApartByTheirText) {
  // 200,000 rules in about 50,000 buckets of about four: a 7-bit fingerprint and two filter
  // bits let some thousands of the misses below through to a text compare, so a table that
  // trusted its fingerprints would answer some of them.
  constexpr std::uint32_t kRules = 200000;
  DomainMatcher m;
  for (std::uint32_t i = 0; i < kRules; ++i) ASSERT_TRUE(m.add(numbered("h", i), false, i));
  ASSERT_EQ(m.size(), kRules);
  for (std::uint32_t i = 0; i < kRules; ++i) {
    const std::string miss = numbered("g", i);
    ASSERT_FALSE(m.match(miss)) << miss;
  }
  for (std::uint32_t i = 0; i < kRules; i += 7) {
    const auto hit = m.match(numbered("h", i));
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->target, i);
  }
}

TEST(DomainTable, RuleTextOnAHitEqualsTheRuleAsAdded) {
  DomainMatcher m;
  std::vector<std::string> names;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    names.push_back(numbered(i % 2 == 0 ? "cdn-" : "api.", i));
    ASSERT_TRUE(m.add(names.back(), i % 3 == 0, i));
  }
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    const auto hit = m.match(names[i]);
    ASSERT_TRUE(hit) << names[i];
    EXPECT_EQ(hit->rule, names[i]);
    EXPECT_EQ(hit->target, i);
    EXPECT_TRUE(hit->exact);
  }
}

TEST(DomainTable, RuleTextIsStoredLowercaseWithoutTheTrailingDot) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("Pay.WeiXin.QQ.com.", false, 3));
  const auto hit = m.match("a.pay.weixin.qq.com");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "pay.weixin.qq.com");
  EXPECT_FALSE(hit->exact);
}

TEST(DomainTable, RuleWhoseSuffixIsAnotherRuleWinsOnlyBelowItself) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("example.com", false, 1));
  ASSERT_TRUE(m.add("b.example.com", false, 2));
  ASSERT_TRUE(m.add("a.b.example.com", false, 3));
  EXPECT_EQ(m.match("x.a.b.example.com")->target, 3u);
  EXPECT_EQ(m.match("a.b.example.com")->target, 3u);
  EXPECT_EQ(m.match("y.b.example.com")->target, 2u);
  EXPECT_EQ(m.match("b.example.com")->target, 2u);
  EXPECT_EQ(m.match("ab.example.com")->target, 1u);
  EXPECT_EQ(m.match("ab.example.com")->rule, "example.com");
}

TEST(DomainTable, ExactAndSuffixRuleOnTheSameNameAreTwoRules) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("cdn.example.net", true, 1));
  ASSERT_TRUE(m.add("cdn.example.net", false, 2));
  EXPECT_EQ(m.size(), 2u);
  const auto whole = m.match("CDN.example.net.");
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->target, 1u);
  EXPECT_TRUE(whole->exact);
  const auto below = m.match("img.cdn.example.net");
  ASSERT_TRUE(below);
  EXPECT_EQ(below->target, 2u);
  EXPECT_FALSE(below->exact);
  EXPECT_EQ(below->rule, "cdn.example.net");
}

TEST(DomainTable, UnicodeRuleTextIsItsALabelForm) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("微信.中国", false, 5));
  ASSERT_TRUE(m.add("bücher.example", true, 6));
  const auto hit = m.match("pay.微信.中国");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "xn--vuqz89a.xn--fiqs8s");
  const auto exact = m.match("xn--bcher-kva.example");
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->target, 6u);
  EXPECT_EQ(exact->rule, "xn--bcher-kva.example");
  EXPECT_FALSE(m.match("a.bücher.example"));
}

TEST(DomainTable, RulesAddedAfterALookupAreFoundAndEarlierOnesKept) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("tiktok.com", false, 1));
  EXPECT_EQ(m.match("www.tiktok.com")->target, 1u);
  ASSERT_TRUE(m.add("tiktokv.com", false, 2));
  ASSERT_TRUE(m.add("TIKTOK.com", false, 9));  // the first rule for a name keeps it, across lookups
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ(m.match("api.tiktokv.com")->target, 2u);
  EXPECT_EQ(m.match("www.tiktok.com")->target, 1u);
  EXPECT_EQ(m.match("www.tiktok.com")->rule, "tiktok.com");
}

TEST(DomainTable, ACopyAnswersAsTheOriginal) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("weixin.qq.com", false, 1));
  ASSERT_TRUE(m.add("tiktokcdn.com.akamaized.net", true, 2));
  const DomainMatcher copy = m;
  EXPECT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy.match("pay.weixin.qq.com")->target, 1u);
  EXPECT_EQ(copy.match("tiktokcdn.com.akamaized.net")->target, 2u);
  EXPECT_FALSE(copy.match("a.tiktokcdn.com.akamaized.net"));
}

TEST(DomainTable, SuffixRuleEndingInADotMatchesItselfAndBelow) {
  // Found by fuzz_domain: "weixin.." is stored as "weixin." (one trailing dot dropped), a
  // name whose last label is empty; its label count must be the one a probe counts.
  DomainMatcher m;
  ASSERT_TRUE(m.add("weixin..", false, 1));
  ASSERT_TRUE(m.match("weixin.."));
  EXPECT_EQ(m.match("weixin..")->rule, "weixin.");
  ASSERT_TRUE(m.match("pay.weixin.."));
  EXPECT_FALSE(m.match("weixin."));
}

TEST(DomainTable, EmptyMatcherMatchesNothingAndHoldsNothing) {
  DomainMatcher m;
  EXPECT_EQ(m.size(), 0u);
  EXPECT_FALSE(m.match("tiktok.com"));
  EXPECT_FALSE(m.add("", false, 1));
  EXPECT_FALSE(m.match("tiktok.com"));
}

TEST(DomainTable, FirstLookupsFromManyThreadsBuildTheTableOnce) {
  DomainMatcher m;
  for (std::uint32_t i = 0; i < 20000; ++i) ASSERT_TRUE(m.add(numbered("t", i), false, i));
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m, &found, t] {
      for (std::uint32_t i = 0; i < 20000; i += 13)
        found[static_cast<std::size_t>(t)] += m.match(numbered("t", i)) ? 1 : 0;
    });
  }
  for (std::thread& th : threads) th.join();
  for (int f : found) EXPECT_EQ(f, (20000 + 12) / 13);
  EXPECT_EQ(m.size(), 20000u);
}

}  // namespace
}  // namespace interdict
