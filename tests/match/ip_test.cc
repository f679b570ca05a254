#include <gtest/gtest.h>

#include <array>
#include <string>

#include "match/match.h"

namespace interdict {
namespace {

std::array<std::uint8_t, 16> v6(std::initializer_list<std::uint16_t> groups) {
  std::array<std::uint8_t, 16> b{};
  int i = 0;
  for (auto g : groups) {
    b[i++] = static_cast<std::uint8_t>(g >> 8);
    b[i++] = static_cast<std::uint8_t>(g);
  }
  return b;
}

// ---- parse_ip

TEST(ParseIp, DottedQuadIsHeldAsMappedAddress) {
  const auto ip = parse_ip("1.2.3.4");
  ASSERT_TRUE(ip);
  EXPECT_TRUE(ip->v4);
  EXPECT_EQ(ip->bytes, v6({0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304}));
}

TEST(ParseIp, DottedQuadBounds) {
  EXPECT_TRUE(parse_ip("0.0.0.0"));
  EXPECT_TRUE(parse_ip("255.255.255.255"));
}

TEST(ParseIp, MalformedIpv4Rejected) {
  for (const char* text : {"", "1.2.3", "1.2.3.256", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "+1.2.3.4", " 1.2.3.4",
                           "1.2.3.4 ", "1.2.3.-4", "1.2.3.a", "1234.1.1.1", "01.2.3.4", "1.2.3.4/24", "1.2.3.4%eth0"}) {
    EXPECT_FALSE(parse_ip(text)) << text;
  }
}

TEST(ParseIp, Ipv6FullForm) {
  const auto ip = parse_ip("2001:0db8:0000:0000:0000:ff00:0042:8329");
  ASSERT_TRUE(ip);
  EXPECT_FALSE(ip->v4);
  EXPECT_EQ(ip->bytes, v6({0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329}));
}

TEST(ParseIp, Ipv6Compressed) {
  EXPECT_EQ(parse_ip("2001:DB8::ff00:42:8329")->bytes, v6({0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329}));
  EXPECT_EQ(parse_ip("::")->bytes, v6({0, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(parse_ip("::1")->bytes, v6({0, 0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(parse_ip("1::")->bytes, v6({1, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(parse_ip("1:2:3:4:5:6:7::")->bytes, v6({1, 2, 3, 4, 5, 6, 7, 0}));
  EXPECT_EQ(parse_ip("::2:3:4:5:6:7:8")->bytes, v6({0, 2, 3, 4, 5, 6, 7, 8}));
}

TEST(ParseIp, Ipv6WithEmbeddedIpv4) {
  const auto mapped = parse_ip("::ffff:1.2.3.4");
  ASSERT_TRUE(mapped);
  EXPECT_TRUE(mapped->v4);
  EXPECT_EQ(mapped->bytes, parse_ip("1.2.3.4")->bytes);
  const auto nat64 = parse_ip("64:ff9b::192.0.2.33");
  ASSERT_TRUE(nat64);
  EXPECT_FALSE(nat64->v4);
  EXPECT_EQ(nat64->bytes, v6({0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221}));
  EXPECT_TRUE(parse_ip("1:2:3:4:5:6:1.2.3.4"));
}

TEST(ParseIp, ZoneIsStripped) {
  const auto ip = parse_ip("fe80::1%eth0");
  ASSERT_TRUE(ip);
  EXPECT_EQ(ip->bytes, parse_ip("fe80::1")->bytes);
  EXPECT_FALSE(parse_ip("fe80::1%"));
  EXPECT_FALSE(parse_ip("fe80::1%eth 0"));
}

TEST(ParseIp, MalformedIpv6Rejected) {
  for (const char* text : {"::1::", "12345::", ":", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2:3:4:5:6:7:8",
                           ":1::", "1:::2", "1:2:3:4:5:6:7:8::", "g::1", "::1.2.3", "::1.2.3.4:5",
                           "1.2.3.4::", "1:2:3:4:5:6:7:1.2.3.4", "[::1]", " ::1", "::1 "}) {
    EXPECT_FALSE(parse_ip(text)) << text;
  }
}

// ---- PrefixMatcher

TEST(PrefixMatcher, LongestIpv4PrefixWins) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("10.0.0.0/8", 1));
  ASSERT_TRUE(m.add("10.1.0.0/16", 2));
  ASSERT_TRUE(m.add("10.1.2.0/24", 3));
  EXPECT_EQ(m.match("10.1.2.3")->target, 3u);
  EXPECT_EQ(m.match("10.1.3.3")->target, 2u);
  EXPECT_EQ(m.match("10.2.3.3")->target, 1u);
  EXPECT_FALSE(m.match("11.0.0.1"));
}

TEST(PrefixMatcher, HostRouteIsExact) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("1.2.3.4/32", 1));
  ASSERT_TRUE(m.add("2001:db8::1/128", 2));
  const auto v4 = m.match("1.2.3.4");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->rule, "1.2.3.4/32");
  EXPECT_TRUE(v4->exact);
  EXPECT_FALSE(m.match("1.2.3.5"));
  const auto six = m.match("2001:db8::1");
  ASSERT_TRUE(six);
  EXPECT_EQ(six->target, 2u);
  EXPECT_TRUE(six->exact);
  EXPECT_FALSE(m.match("2001:db8::2"));
}

TEST(PrefixMatcher, HostBitsInRuleAreIgnored) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("192.168.1.77/24", 1));
  ASSERT_TRUE(m.add("2001:db8:1:2:3:4:5:6/32", 2));
  const auto v4 = m.match("192.168.1.200");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->rule, "192.168.1.0/24");
  EXPECT_FALSE(v4->exact);
  const auto six = m.match("2001:db8:ffff::1");
  ASSERT_TRUE(six);
  EXPECT_EQ(six->rule, "2001:db8::/32");
}

TEST(PrefixMatcher, NonOctetLengths) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("100.64.0.0/10", 1));
  EXPECT_TRUE(m.match("100.127.255.255"));
  EXPECT_FALSE(m.match("100.128.0.0"));
  EXPECT_FALSE(m.match("100.63.255.255"));
}

TEST(PrefixMatcher, Ipv4SlashZeroMatchesEveryIpv4AddressOnly) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("0.0.0.0/0", 1));
  const auto hit = m.match("203.0.113.9");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "0.0.0.0/0");
  EXPECT_TRUE(m.match("::ffff:203.0.113.9"));
  EXPECT_FALSE(m.match("2001:db8::1"));
  EXPECT_FALSE(m.match("::1"));
}

TEST(PrefixMatcher, Ipv6SlashZeroDoesNotMatchIpv4) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("::/0", 1));
  EXPECT_TRUE(m.match("2001:db8::1"));
  EXPECT_EQ(m.match("::1")->rule, "::/0");
  EXPECT_FALSE(m.match("1.2.3.4"));
}

TEST(PrefixMatcher, Ipv6PrefixOutsideMappedRangeNeverMatchesIpv4) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("::/64", 1));
  ASSERT_TRUE(m.add("::ffff:0:0/95", 2));
  EXPECT_FALSE(m.match("1.2.3.4"));
}

TEST(PrefixMatcher, MappedRangeIsTheIpv4Space) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("::ffff:0:0/96", 1));
  const auto hit = m.match("8.8.8.8");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "0.0.0.0/0");
  EXPECT_FALSE(m.match("::1"));
}

TEST(PrefixMatcher, Ipv4RuleMatchesMappedText) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("1.2.3.0/24", 1));
  EXPECT_TRUE(m.match("::ffff:1.2.3.4"));
  EXPECT_TRUE(m.match("::FFFF:102:304"));
  // The same bytes in the IPv4-compatible (not mapped) form are another address.
  EXPECT_FALSE(m.match("::1.2.3.4"));
}

TEST(PrefixMatcher, MappedRuleMatchesDottedQuad) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("::ffff:1.2.3.0/120", 1));
  const auto hit = m.match("1.2.3.99");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->rule, "1.2.3.0/24");
}

TEST(PrefixMatcher, LongestIpv6PrefixWins) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("2001:db8::/32", 1));
  ASSERT_TRUE(m.add("2001:db8:abcd::/48", 2));
  ASSERT_TRUE(m.add("2001:db8:abcd:12::/64", 3));
  EXPECT_EQ(m.match("2001:db8:abcd:12::5")->target, 3u);
  EXPECT_EQ(m.match("2001:db8:abcd:13::5")->target, 2u);
  EXPECT_EQ(m.match("2001:db8:1::5")->target, 1u);
  EXPECT_FALSE(m.match("2001:db9::1"));
}

TEST(PrefixMatcher, MatchesParsedAddress) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("2001:db8::/32", 1));
  const auto ip = parse_ip("2001:db8::42");
  ASSERT_TRUE(ip);
  EXPECT_TRUE(m.match(*ip));
}

TEST(PrefixMatcher, CanonicalRuleText) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("2001:0DB8:0:0:1:0:0:0/128", 1));
  EXPECT_EQ(m.match("2001:db8::1:0:0:0")->rule, "2001:db8:0:0:1::/128");
}

TEST(PrefixMatcher, MalformedRulesRejected) {
  PrefixMatcher m;
  for (const char* text : {"1.2.3.4", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/-1", "1.2.3.4/+8", "1.2.3.4/08", "1.2.3/24",
                           "::/129", "::1/1x", "/24", "", "1.2.3.4/24/8", "1.2.3.4/ 24"}) {
    EXPECT_FALSE(m.add(text, 1)) << text;
  }
  EXPECT_FALSE(m.match("1.2.3.4"));
}

TEST(PrefixMatcher, MalformedProbeDoesNotMatch) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("0.0.0.0/0", 1));
  ASSERT_TRUE(m.add("::/0", 2));
  for (const char* text : {"", "1.2.3", "1.2.3.256", "::1::", "12345::", "not an ip"}) {
    EXPECT_FALSE(m.match(text)) << text;
  }
}

TEST(PrefixMatcher, FirstRuleForAPrefixKeepsIt) {
  PrefixMatcher m;
  ASSERT_TRUE(m.add("1.2.3.0/24", 1));
  ASSERT_TRUE(m.add("1.2.3.128/24", 2));
  EXPECT_EQ(m.match("1.2.3.4")->target, 1u);
}

}  // namespace
}  // namespace interdict
