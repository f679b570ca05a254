#include <gtest/gtest.h>

#include <string>

#include "match/match.h"

namespace interdict {
namespace {

constexpr std::uint32_t kTikTok = 1;
constexpr std::uint32_t kWeixin = 2;
constexpr std::uint32_t kPay = 3;
constexpr std::uint32_t kCdn = 4;

class DomainMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_.add("tiktok.com", false, kTikTok));
    ASSERT_TRUE(m_.add("weixin.qq.com", false, kWeixin));
    ASSERT_TRUE(m_.add("pay.weixin.qq.com", false, kPay));
    ASSERT_TRUE(m_.add("tiktokcdn.com.akamaized.net", true, kCdn));
  }
  DomainMatcher m_;
};

TEST_F(DomainMatcherTest, SuffixRuleMatchesItselfExactly) {
  const auto hit = m_.match("tiktok.com");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, kTikTok);
  EXPECT_EQ(hit->rule, "tiktok.com");
  EXPECT_TRUE(hit->exact);
}

TEST_F(DomainMatcherTest, SuffixRuleMatchesSubdomains) {
  const auto hit = m_.match("a.b.tiktok.com");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, kTikTok);
  EXPECT_EQ(hit->rule, "tiktok.com");
  EXPECT_FALSE(hit->exact);
}

TEST_F(DomainMatcherTest, NoMatchAcrossLabelBoundary) {
  EXPECT_FALSE(m_.match("xtiktok.com"));
  EXPECT_FALSE(m_.match("notweixin.qq.com"));
  EXPECT_FALSE(m_.match("tiktok.comx"));
}

TEST_F(DomainMatcherTest, RuleAsPrefixOfAnotherDomainDoesNotMatch) {
  EXPECT_FALSE(m_.match("tiktok.com.example.net"));
  EXPECT_FALSE(m_.match("tiktok.com.evil.net"));
}

TEST_F(DomainMatcherTest, CaseAndTrailingDotIgnored) {
  const auto hit = m_.match("TIKTOK.COM.");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, kTikTok);
  EXPECT_TRUE(hit->exact);
  EXPECT_TRUE(m_.match("WwW.TikTok.Com"));
}

TEST_F(DomainMatcherTest, RulesNormalisedOnAdd) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("WeChat.COM.", false, 9));
  const auto hit = m.match("web.wechat.com");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "wechat.com");
}

TEST_F(DomainMatcherTest, ExactRuleMatchesOnlyItself) {
  const auto hit = m_.match("tiktokcdn.com.akamaized.net");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, kCdn);
  EXPECT_TRUE(hit->exact);
  EXPECT_FALSE(m_.match("a.tiktokcdn.com.akamaized.net"));
  EXPECT_FALSE(m_.match("akamaized.net"));
}

TEST_F(DomainMatcherTest, LongestSuffixWins) {
  const auto pay = m_.match("x.pay.weixin.qq.com");
  ASSERT_TRUE(pay);
  EXPECT_EQ(pay->target, kPay);
  EXPECT_EQ(pay->rule, "pay.weixin.qq.com");
  const auto weixin = m_.match("x.weixin.qq.com");
  ASSERT_TRUE(weixin);
  EXPECT_EQ(weixin->target, kWeixin);
}

TEST_F(DomainMatcherTest, ExactBeatsSuffix) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("qq.com", false, 1));
  ASSERT_TRUE(m.add("mail.qq.com", true, 2));
  EXPECT_EQ(m.match("mail.qq.com")->target, 2u);
  EXPECT_EQ(m.match("a.mail.qq.com")->target, 1u);
}

TEST_F(DomainMatcherTest, ParentOfRuleDoesNotMatch) {
  EXPECT_FALSE(m_.match("qq.com"));
  EXPECT_FALSE(m_.match("com"));
}

TEST_F(DomainMatcherTest, EmptyAndDotOnlyDoNotMatch) {
  EXPECT_FALSE(m_.match(""));
  EXPECT_FALSE(m_.match("."));
}

TEST_F(DomainMatcherTest, AddRejectsEmptyAndTooLong) {
  DomainMatcher m;
  EXPECT_FALSE(m.add("", false, 1));
  EXPECT_FALSE(m.add(".", false, 1));
  EXPECT_FALSE(m.add(std::string(254, 'a'), false, 1));
  EXPECT_TRUE(m.add(std::string(253, 'a'), false, 1));
  EXPECT_EQ(m.size(), 1u);
}

TEST_F(DomainMatcherTest, LongestValidNameMatchesWithTrailingDot) {
  DomainMatcher m;
  const std::string name = std::string(249, 'a') + ".com";
  ASSERT_EQ(name.size(), 253u);
  ASSERT_TRUE(m.add("com", false, 1));
  EXPECT_TRUE(m.match(name));
  EXPECT_TRUE(m.match(name + "."));
}

TEST_F(DomainMatcherTest, OverlongProbeDoesNotMatch) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("com", false, 1));
  EXPECT_FALSE(m.match(std::string(250, 'a') + ".com"));
  EXPECT_FALSE(m.match(std::string(4000, 'a') + ".com"));
}

TEST_F(DomainMatcherTest, FirstRuleForANameKeepsIt) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("tiktok.com", false, 1));
  ASSERT_TRUE(m.add("TikTok.com", false, 2));
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(m.match("tiktok.com")->target, 1u);
}

TEST_F(DomainMatcherTest, EmptyLabelsStillRespectBoundaries) {
  EXPECT_TRUE(m_.match(".tiktok.com"));
  EXPECT_TRUE(m_.match("a..tiktok.com"));
  EXPECT_FALSE(m_.match("tiktok..com"));
}

}  // namespace
}  // namespace interdict
