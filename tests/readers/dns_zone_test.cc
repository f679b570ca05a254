// Zone files: origins, owners, parentheses, comments, quotes, alias targets, directives
// refused, and a real RPZ zone.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "readers/dns/dns_formats.h"
#include "readers/dns/dns_parsers.h"

namespace interdict {
namespace {

struct Read {
  std::vector<std::pair<std::string, std::string>> records;  // host, target
  std::vector<std::pair<int, std::string>> damaged;          // line, why
  int skipped = 0;
};

Read read(HostLineParser& p, const std::string& text) {
  Read r;
  std::istringstream in(text);
  std::string line;
  HostRecord rec;
  std::string why;
  for (int n = 1; std::getline(in, line); ++n) {
    switch (p.parse(line, rec, &why)) {
      case LineKind::kRecord: r.records.emplace_back(rec.host, rec.target); break;
      case LineKind::kSkip: ++r.skipped; break;
      case LineKind::kDamaged: r.damaged.emplace_back(n, why); break;
    }
  }
  return r;
}

Read read_zone(const std::string& text) {
  auto p = dns::make_zone_parser();
  return read(*p, text);
}

using Records = std::vector<std::pair<std::string, std::string>>;

TEST(DnsZone, OriginOwnersAndRelativeTargets) {
  const Read r = read_zone(
      "$ORIGIN customer.example.\n"
      "$TTL 3600\n"
      "@        IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
      "         IN NS  ns1.provider.net.\n"
      "www      300 IN CNAME tiktokcdn.com.akamaized.net.\n"
      "static   CNAME cdn     ; relative: cdn.customer.example.\n"
      "cdn      IN 60 A 192.0.2.7\n"
      "         AAAA 2001:db8::7\n");
  EXPECT_TRUE(r.damaged.empty());
  EXPECT_EQ(r.records, (Records{{"customer.example.", ""},
                                {"customer.example.", ""},
                                {"www.customer.example.", "tiktokcdn.com.akamaized.net."},
                                {"static.customer.example.", "cdn.customer.example."},
                                {"cdn.customer.example.", ""},
                                {"cdn.customer.example.", ""}}));
}

TEST(DnsZone, ParenthesesAcrossLinesMakeOneRecordAtTheClose) {
  const Read r = read_zone(
      "$ORIGIN example.net.\n"
      "@ IN SOA ns1.example.net. hostmaster.example.net. (\n"
      "        2026112801 ; serial\n"
      "        7200       ; refresh ( not a paren )\n"
      "        3600 1209600\n"
      "        300 )\n"
      "alias IN CNAME (\n"
      "   target.tiktokv.com. )\n"
      "txt TXT \"a ; b ( c\" \"d\"\n");
  EXPECT_TRUE(r.damaged.empty());
  EXPECT_EQ(r.records,
            (Records{{"example.net.", ""}, {"alias.example.net.", "target.tiktokv.com."}, {"txt.example.net.", ""}}));
  EXPECT_EQ(r.skipped, 6);  // $ORIGIN and the five lines that leave a parenthesis open
}

TEST(DnsZone, OriginChangesAndRelativeOrigin) {
  const Read r = read_zone(
      "$ORIGIN example.com.\n"
      "a CNAME b\n"
      "$ORIGIN sub\n"
      "c CNAME d\n"
      "e CNAME f.example.org.\n"
      "$ORIGIN .\n"
      "top.level A 192.0.2.1\n"
      "@ NS ns.\n");
  EXPECT_TRUE(r.damaged.empty()) << r.damaged.front().second;
  EXPECT_EQ(r.records, (Records{{"a.example.com.", "b.example.com."},
                                {"c.sub.example.com.", "d.sub.example.com."},
                                {"e.sub.example.com.", "f.example.org."},
                                {"top.level.", ""},
                                {".", ""}}));
}

TEST(DnsZone, DnameAliasAnameAndRootTargets) {
  const Read r = read_zone(
      "$ORIGIN shop.example.\n"
      "@ ALIAS tiktokcdn-us.com.\n"
      "x ANAME y\n"
      "z DNAME tiktok.com.\n"
      "blocked CNAME .\n"
      "mx MX 10 mail.tiktok.com.\n");
  EXPECT_EQ(r.records, (Records{{"shop.example.", "tiktokcdn-us.com."},
                                {"x.shop.example.", "y.shop.example."},
                                {"z.shop.example.", "tiktok.com."},
                                {"blocked.shop.example.", ""},
                                {"mx.shop.example.", ""}}));
}

TEST(DnsZone, WithoutOriginRelativeNamesStayAsWrittenAndAtIsDamage) {
  const Read r = read_zone("www CNAME edge.tiktokcdn.com.\n@ NS ns1.example.\n");
  EXPECT_EQ(r.records, (Records{{"www", "edge.tiktokcdn.com."}}));
  ASSERT_EQ(r.damaged.size(), 1u);
  EXPECT_EQ(r.damaged[0].first, 2);
  EXPECT_NE(r.damaged[0].second.find("$ORIGIN"), std::string::npos);
}

TEST(DnsZone, DirectivesRefusedAndMalformedLines) {
  const Read r = read_zone(
      "$ORIGIN example.com.\n"
      "$INCLUDE /etc/bind/other.zone\n"
      "$GENERATE 1-100 host$ A 10.0.0.$\n"
      "$BOGUS x\n"
      "$TTL\n"
      "nocname CNAME\n"
      "notype 300 IN\n"
      "bad ) A 1.2.3.4\n"
      "q TXT \"unterminated\n"
      "ok A 192.0.2.2\n");
  ASSERT_EQ(r.damaged.size(), 8u);
  EXPECT_EQ(r.damaged[0].first, 2);
  EXPECT_NE(r.damaged[0].second.find("$INCLUDE"), std::string::npos);
  EXPECT_NE(r.damaged[1].second.find("$GENERATE"), std::string::npos);
  EXPECT_EQ(r.damaged[2].second, "unknown directive");
  EXPECT_NE(r.damaged[4].second.find("without a target"), std::string::npos);
  EXPECT_NE(r.damaged[5].second.find("no record type"), std::string::npos);
  EXPECT_NE(r.damaged[6].second.find("`)`"), std::string::npos);
  EXPECT_NE(r.damaged[7].second.find("quoted"), std::string::npos);
  EXPECT_EQ(r.records, (Records{{"ok.example.com.", ""}}));
  const Read blank = read_zone("   A 192.0.2.1\n");
  ASSERT_EQ(blank.damaged.size(), 1u);
  EXPECT_NE(blank.damaged[0].second.find("blank owner"), std::string::npos);
}

TEST(DnsZone, UnclosedParenthesisIsAbandonedNotHeldForever) {
  std::string text = "$ORIGIN example.com.\nbig TXT (\n";
  for (int i = 0; i < 2000; ++i) text += "  \"" + std::string(60, 'x') + "\"\n";
  text += "after A 192.0.2.1\n";
  const Read r = read_zone(text);
  // The lines after the cut cannot be read as records either, and each says so.
  ASSERT_FALSE(r.damaged.empty());
  EXPECT_NE(r.damaged[0].second.find("64 KiB"), std::string::npos);
  EXPECT_LT(r.damaged[0].first, 1200);
  ASSERT_FALSE(r.records.empty());
  EXPECT_EQ(r.records.back().first, "after.example.com.");
}

TEST(DnsZone, RealPowerDnsRpzZone) {
  std::ifstream in(std::string(INTERDICT_SHARED_DATA) + "/dns_formats/powerdns_basic.rpz");
  ASSERT_TRUE(in) << "missing shared data";
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> lines;
  std::istringstream split(text.str());
  std::vector<std::string_view> head;
  for (std::string l; std::getline(split, l) && lines.size() < 8;) {
    if (l.find_first_not_of(" \t") != std::string::npos) lines.push_back(l);
  }
  for (const std::string& l : lines) head.push_back(l);
  auto parser = sniff_dns_format(head, {});
  ASSERT_TRUE(parser);
  EXPECT_EQ(parser->format_name(), "DNS zone file");
  EXPECT_FALSE(parser->lines_independent());
  const Read r = read(*parser, text.str());
  EXPECT_TRUE(r.damaged.empty());
  ASSERT_EQ(r.records.size(), 19u);
  EXPECT_EQ(r.records[0], (std::pair<std::string, std::string>{"domain.example.com.", ""}));
  EXPECT_EQ(r.records[2], (std::pair<std::string, std::string>{"nxdomain.org.domain.example.com.", ""}));
  EXPECT_EQ(r.records[4],
            (std::pair<std::string, std::string>{"mail.nxdomain.org.domain.example.com.", "rpz-passthru."}));
  EXPECT_EQ(r.records[9],
            (std::pair<std::string, std::string>{"local.org.domain.example.com.", "explanation.example.com."}));
  EXPECT_EQ(r.records.back().first, "*.gtld-servers.net.rpz-nsdname.domain.example.com.");
}

TEST(DnsZone, CloneKeepsOriginAndOwner) {
  auto p = dns::make_zone_parser();
  (void)read(*p, "$ORIGIN example.com.\nwww A 192.0.2.1\n");
  auto copy = p->clone();
  const Read r = read(*copy, "  AAAA ::1\nmail CNAME www\n");
  EXPECT_EQ(r.records, (Records{{"www.example.com.", ""}, {"mail.example.com.", "www.example.com."}}));
}

}  // namespace
}  // namespace interdict
