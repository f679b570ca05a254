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

TEST_F(DomainMatcherTest, UppercaseRuleAndProbeWithTrailingDot) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("WEIXIN.QQ.COM.", false, kWeixin));
  const auto hit = m.match("Pay.WEIXIN.qq.COM.");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "weixin.qq.com");
  EXPECT_FALSE(hit->exact);
  EXPECT_FALSE(m.match("WEIXIN.QQ.COM.."));
}

TEST_F(DomainMatcherTest, SiblingUnderSameParentDoesNotMatch) {
  EXPECT_FALSE(m_.match("notweixin.qq.com"));
  EXPECT_FALSE(m_.match("mail.qq.com"));
  EXPECT_EQ(m_.match("weixin.qq.com")->target, kWeixin);
}

TEST_F(DomainMatcherTest, ExactCdnRuleIsNotASuffixRule) {
  EXPECT_EQ(m_.match("TIKTOKCDN.com.akamaized.net.")->target, kCdn);
  EXPECT_FALSE(m_.match("a.tiktokcdn.com.akamaized.net"));
  EXPECT_FALSE(m_.match("xtiktokcdn.com.akamaized.net"));
  EXPECT_FALSE(m_.match("com.akamaized.net"));
}

TEST_F(DomainMatcherTest, NameOfExactly253BytesMatchesAnd254DoesNot) {
  std::string name;
  while (name.size() + 64 < 253 - std::string(".tiktok.com").size()) name += std::string(62, 'a') + ".";
  name += std::string(253 - name.size() - std::string(".tiktok.com").size(), 'b') + ".tiktok.com";
  ASSERT_EQ(name.size(), 253u);
  EXPECT_EQ(m_.match(name)->target, kTikTok);
  EXPECT_EQ(m_.match(name + ".")->target, kTikTok);
  EXPECT_FALSE(m_.match("c" + name));
}

TEST_F(DomainMatcherTest, UnicodeProbeMatchesAsciiRule) {
  const auto hit = m_.match("例子.tiktok.com");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->target, kTikTok);
  EXPECT_EQ(hit->rule, "tiktok.com");
  EXPECT_FALSE(hit->exact);
}

TEST_F(DomainMatcherTest, UnicodeAndPunycodeFormsAreOneName) {
  DomainMatcher unicode_rule;
  ASSERT_TRUE(unicode_rule.add("腾讯.中国", false, 7));
  const auto by_ace = unicode_rule.match("XN--R70AS2S.xn--fiqs8s");
  ASSERT_TRUE(by_ace);
  EXPECT_EQ(by_ace->rule, "xn--r70as2s.xn--fiqs8s");
  EXPECT_TRUE(by_ace->exact);
  EXPECT_EQ(unicode_rule.match("www.腾讯.中国.")->target, 7u);

  DomainMatcher ace_rule;
  ASSERT_TRUE(ace_rule.add("qq.xn--fiqs8s", false, 8));
  EXPECT_EQ(ace_rule.match("qq.中国")->target, 8u);
  EXPECT_EQ(ace_rule.match("mail.QQ.中国")->target, 8u);
  EXPECT_FALSE(ace_rule.match("qq.中國"));  // a different name, not a spelling of this one
}

TEST_F(DomainMatcherTest, UnicodeCaseFullWidthAndIdeographicDotsFold) {
  DomainMatcher m;
  ASSERT_TRUE(m.add("bücher.example", false, 1));
  EXPECT_TRUE(m.match("BÜCHER.example"));
  EXPECT_TRUE(m.match("xn--bcher-kva.example"));
  EXPECT_EQ(m_.match("ｗｗｗ．ｔｉｋｔｏｋ．ｃｏｍ")->target, kTikTok);
  EXPECT_EQ(m_.match("www。tiktok。com。")->target, kTikTok);
  EXPECT_FALSE(m_.match("ｘｔｉｋｔｏｋ．ｃｏｍ"));
}

TEST_F(DomainMatcherTest, UnicodeNameStillRespectsBoundariesAndExactRules) {
  EXPECT_FALSE(m_.match("例子tiktok.com"));
  EXPECT_FALSE(m_.match("tiktok.com.例子.net"));
  EXPECT_FALSE(m_.match("例子.tiktokcdn.com.akamaized.net"));
  EXPECT_TRUE(m_.match("例子..tiktok.com"));
}

TEST_F(DomainMatcherTest, InvalidIdnaNeverMatchesNorCrashes) {
  const std::string bad_utf8 = std::string("\xff\xfe") + ".tiktok.com";
  EXPECT_FALSE(m_.match(bad_utf8));
  EXPECT_FALSE(m_.match(std::string("\xe4\xbe") + ".tiktok.com"));  // truncated sequence
  EXPECT_FALSE(m_.match("a\u2028b.tiktok.com"));                    // a disallowed code point
  EXPECT_FALSE(m_.match("\u0645\u062b\u0627\u0644a1.tiktok.com"));  // breaks the bidi rule
  EXPECT_FALSE(m_.match("例子.xn--zz.tiktok.com"));                 // a bad A-label among Unicode
  EXPECT_FALSE(m_.match(std::string(2000, '\xe4') + ".tiktok.com"));
  DomainMatcher m;
  EXPECT_FALSE(m.add(bad_utf8, false, 1));
  EXPECT_EQ(m.size(), 0u);
}

TEST_F(DomainMatcherTest, UnicodeNameTooLongOnceEncodedDoesNotMatch) {
  // Four labels of 19 distinct Han characters: 242 bytes of UTF-8, 258 once encoded.
  std::string name;
  for (std::uint32_t i = 0; i < 4; ++i) {
    for (std::uint32_t j = 0; j < 19; ++j) {
      const std::uint32_t cp = 0x4e00 + (i * 131 + j * 977) % 20000;
      name += static_cast<char>(0xe0 | (cp >> 12));
      name += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      name += static_cast<char>(0x80 | (cp & 0x3f));
    }
    name += '.';
  }
  name += "tiktok.com";
  ASSERT_EQ(name.size(), 242u);
  EXPECT_FALSE(m_.match(name));
  // One label fewer fits, and matches.
  EXPECT_TRUE(m_.match(name.substr(58)));
}

TEST_F(DomainMatcherTest, ManyRulesSurviveTableGrowth) {
  DomainMatcher m;
  for (std::uint32_t i = 0; i < 50000; ++i)
    ASSERT_TRUE(m.add("host" + std::to_string(i) + ".example.net", i % 3 == 0, i));
  EXPECT_EQ(m.size(), 50000u);
  for (std::uint32_t i = 0; i < 50000; i += 997) {
    const std::string name = "host" + std::to_string(i) + ".example.net";
    const auto hit = m.match(name);
    ASSERT_TRUE(hit) << name;
    EXPECT_EQ(hit->target, i);
    EXPECT_EQ(hit->rule, name);
    EXPECT_EQ(m.match("a." + name).has_value(), i % 3 != 0);
  }
  EXPECT_FALSE(m.match("example.net"));
  EXPECT_GT(m.memory_bytes(), 50000u * 8);
}

}  // namespace
}  // namespace interdict
