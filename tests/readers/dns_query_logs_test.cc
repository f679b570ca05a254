// unbound, dnsmasq and BIND query logs: each line form the daemons write, the lines that
// must not count, and damaged lines.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "readers/dns/dns_formats.h"
#include "readers/dns/dns_parsers.h"

namespace interdict {
namespace {

struct Line {
  LineKind kind;
  std::string host, target, client, why;
  Instant at = 0;
  bool has_time = false;
};

Line parse(HostLineParser& p, std::string_view text) {
  HostRecord r;
  std::string why;
  const LineKind kind = p.parse(text, r, &why);
  return Line{kind, std::string(r.host), std::string(r.target), std::string(r.client), why, r.at, r.has_time};
}

std::unique_ptr<HostLineParser> sniff(std::vector<std::string_view> head) { return sniff_dns_format(head, {}); }

TEST(DnsUnbound, QueryLineWithEpochStamp) {
  auto p = dns::make_unbound_parser(false);
  const Line l = parse(*p, "[1700000000] unbound[1234:0] info: 127.0.0.1 www.tiktok.com. A IN");
  ASSERT_EQ(l.kind, LineKind::kRecord);
  EXPECT_EQ(l.host, "www.tiktok.com.");
  EXPECT_EQ(l.client, "127.0.0.1");
  EXPECT_TRUE(l.has_time);
  EXPECT_EQ(l.at, 1700000000);
}

TEST(DnsUnbound, RepliesCountOnlyWhenQueriesAreNotLogged) {
  const std::string_view reply =
      "[1700000001] unbound[1234:0] info: ::1 api.tiktokv.com. AAAA IN NOERROR 0.012000 0 88";
  auto both = dns::make_unbound_parser(false);
  EXPECT_EQ(parse(*both, reply).kind, LineKind::kSkip);
  auto replies_only = dns::make_unbound_parser(true);
  const Line l = parse(*replies_only, reply);
  ASSERT_EQ(l.kind, LineKind::kRecord);
  EXPECT_EQ(l.host, "api.tiktokv.com.");
  EXPECT_EQ(l.client, "::1");
}

TEST(DnsUnbound, SniffDecidesReplyCountingFromTheHead) {
  auto with_queries = sniff({"[1700000000] unbound[1234:0] info: 10.0.0.1 a.example. A IN",
                             "[1700000000] unbound[1234:0] info: 10.0.0.1 a.example. A IN NOERROR 0.000000 1 45"});
  ASSERT_TRUE(with_queries);
  EXPECT_EQ(with_queries->format_name(), "unbound query log");
  EXPECT_EQ(
      parse(*with_queries, "[1700000000] unbound[1234:0] info: 10.0.0.1 a.example. A IN NOERROR 0.000000 1 45").kind,
      LineKind::kSkip);
  auto replies = sniff({"[1700000000] unbound[1234:0] info: 10.0.0.1 a.example. A IN NOERROR 0.000000 1 45"});
  ASSERT_TRUE(replies);
  EXPECT_EQ(parse(*replies, "[1700000000] unbound[1234:0] info: 10.0.0.1 a.example. A IN NOERROR 0.000000 1 45").kind,
            LineKind::kRecord);
}

TEST(DnsUnbound, AsciiTimeSyslogAndQueryReplyTags) {
  auto p = dns::make_unbound_parser(true);
  const Line ascii = parse(*p, "Nov 28 10:00:00 unbound[1234:0] info: 192.168.1.5 www.douyin.com. A IN");
  ASSERT_EQ(ascii.kind, LineKind::kRecord);
  EXPECT_FALSE(ascii.has_time);  // no year, no zone
  EXPECT_EQ(parse(*p, "Nov  8 10:00:00 resolver unbound: [811:1] query: 10.1.1.1 x.tiktok.com. HTTPS IN").host,
            "x.tiktok.com.");
  EXPECT_EQ(parse(*p, "[1700000000] myresolver[99:3] reply: 10.1.1.1 y.example. A IN NXDOMAIN 0.1 0 30").host,
            "y.example.");
  const Line iso = parse(*p, "2026-11-28T10:00:00.000Z unbound[1:0] info: 10.1.1.1 z.example. A IN");
  ASSERT_EQ(iso.kind, LineKind::kRecord);
  EXPECT_TRUE(iso.has_time);
}

TEST(DnsUnbound, ServiceAndOtherInfoLinesAreSkipped) {
  auto p = dns::make_unbound_parser(true);
  EXPECT_EQ(parse(*p, "[1700000000] unbound[1234:0] notice: init module 0: validator").kind, LineKind::kSkip);
  EXPECT_EQ(parse(*p, "[1700000000] unbound[1234:0] info: start of service (unbound 1.17.1).").kind, LineKind::kSkip);
  EXPECT_EQ(parse(*p, "[1700000000] unbound[1234:0] info: 127.0.0.1 - - - FORMERR - - - ").kind, LineKind::kSkip);
  EXPECT_EQ(
      parse(*p, "[1700000000] unbound[1:0] info: tiktok.com. always_nxdomain 10.0.0.1@5353 tiktok.com. A IN").kind,
      LineKind::kSkip);
}

TEST(DnsUnbound, DamagedLines) {
  auto p = dns::make_unbound_parser(false);
  const Line bad_stamp = parse(*p, "[17000x0000] unbound[1234:0] info: 127.0.0.1 a.b. A IN");
  EXPECT_EQ(bad_stamp.kind, LineKind::kDamaged);
  EXPECT_NE(bad_stamp.why.find("time stamp"), std::string::npos);
  EXPECT_EQ(parse(*p, "[1700000000 unbound[1234:0] info").kind, LineKind::kDamaged);
  const Line no_ident = parse(*p, "[1700000000] something else entirely");
  EXPECT_EQ(no_ident.kind, LineKind::kDamaged);
  EXPECT_NE(no_ident.why.find("unbound"), std::string::npos);
  EXPECT_EQ(parse(*p, "").kind, LineKind::kDamaged);
}

TEST(DnsDnsmasq, OnlyQueryLinesAreRecords) {
  auto p = dns::make_dnsmasq_parser();
  const Line q = parse(*p, "Nov 28 10:00:00 dnsmasq[123]: query[A] www.tiktok.com from 192.168.1.10");
  ASSERT_EQ(q.kind, LineKind::kRecord);
  EXPECT_EQ(q.host, "www.tiktok.com");
  EXPECT_EQ(q.client, "192.168.1.10");
  EXPECT_FALSE(q.has_time);
  EXPECT_EQ(parse(*p, "Nov 28 10:00:00 dnsmasq[123]: forwarded www.tiktok.com to 1.1.1.1").kind, LineKind::kSkip);
  EXPECT_EQ(parse(*p, "Nov 28 10:00:00 dnsmasq[123]: reply www.tiktok.com is 1.2.3.4").kind, LineKind::kSkip);
  EXPECT_EQ(parse(*p, "Nov 28 10:00:00 dnsmasq[123]: cached www.tiktok.com is <CNAME>").kind, LineKind::kSkip);
  EXPECT_EQ(parse(*p, "Nov 28 10:00:00 dnsmasq[123]: dnssec-query[DS] tiktok.com to 1.1.1.1").kind, LineKind::kSkip);
  EXPECT_EQ(parse(*p, "Nov 28 10:00:01 dnsmasq-dhcp[123]: DHCPACK(eth0) 192.168.1.10 aa:bb").kind, LineKind::kSkip);
}

TEST(DnsDnsmasq, SyslogHostExtraModeAndRfc3339) {
  auto p = dns::make_dnsmasq_parser();
  EXPECT_EQ(parse(*p, "Nov  3 07:01:02 router dnsmasq[77]: query[AAAA] v16.tiktokcdn.com from fe80::1").client,
            "fe80::1");
  const Line extra =
      parse(*p, "Nov 28 10:00:00 dnsmasq[123]: 6 127.0.0.1/40422 query[A] api.tiktokv.com from 127.0.0.1");
  ASSERT_EQ(extra.kind, LineKind::kRecord);
  EXPECT_EQ(extra.host, "api.tiktokv.com");
  const Line iso = parse(*p, "2026-11-28T10:00:00.123456+01:00 gw dnsmasq[5]: query[A] a.example from 10.0.0.2");
  ASSERT_EQ(iso.kind, LineKind::kRecord);
  EXPECT_TRUE(iso.has_time);
  EXPECT_EQ(iso.at, 1795860000 - 3600);
}

TEST(DnsDnsmasq, DamagedLines) {
  auto p = dns::make_dnsmasq_parser();
  EXPECT_EQ(parse(*p, "Nov 28 10:00:00 dnsmasq[123]: query[A] www.tiktok.com").kind, LineKind::kDamaged);
  EXPECT_EQ(parse(*p, "Nov 28 10:00:00 dnsmasq[123]: query[A]").kind, LineKind::kDamaged);
  EXPECT_EQ(parse(*p, "Nov 28 10:00:00 sshd[99]: Accepted publickey").kind, LineKind::kDamaged);
  const Line l = parse(*p, "Nox 28 10:00:00 dnsmasq[123]: query[A] a.b from c");
  EXPECT_EQ(l.kind, LineKind::kDamaged);
  EXPECT_NE(l.why.find("time stamp"), std::string::npos);
  EXPECT_EQ(parse(*p, "Nov 28 25:00:00 dnsmasq[123]: query[A] a.b from c").kind, LineKind::kDamaged);
}

TEST(DnsBind, QueryLineWithCategoryAndWithout) {
  auto p = dns::make_bind_parser();
  const Line l = parse(*p,
                       "28-Nov-2026 10:00:00.123 queries: info: client @0x7f1c2c0a1b68 192.168.1.10#53000 "
                       "(www.tiktok.com): query: www.tiktok.com IN A +E(0)K (127.0.0.1)");
  ASSERT_EQ(l.kind, LineKind::kRecord);
  EXPECT_EQ(l.host, "www.tiktok.com");
  EXPECT_EQ(l.client, "192.168.1.10");
  EXPECT_FALSE(l.has_time);
  const Line bare = parse(*p,
                          "28-Nov-2026 10:00:00.123 client @0x7f1c2c0a1b68 2001:db8::5#41000 (api.tiktokv.com): "
                          "view internal: query: api.tiktokv.com IN AAAA + (2001:db8::1)");
  ASSERT_EQ(bare.kind, LineKind::kRecord);
  EXPECT_EQ(bare.host, "api.tiktokv.com");
  EXPECT_EQ(bare.client, "2001:db8::5");
  const Line old =
      parse(*p, "Nov 28 10:00:00 ns1 named[321]: client 10.0.0.9#1234 (a.example): query: a.example IN A +");
  EXPECT_EQ(old.host, "a.example");
  const Line utc = parse(*p, "2026-11-28T10:00:00.123Z client @0x1 10.0.0.9#1 (b.example): query: b.example IN A -");
  ASSERT_EQ(utc.kind, LineKind::kRecord);
  EXPECT_TRUE(utc.has_time);
  EXPECT_EQ(utc.at, 1795860000);
}

TEST(DnsBind, OtherCategoriesSkipDamageReported) {
  auto p = dns::make_bind_parser();
  EXPECT_EQ(parse(*p, "28-Nov-2026 10:00:00.123 general: info: zone example.com/IN: loaded serial 7").kind,
            LineKind::kSkip);
  EXPECT_EQ(parse(*p,
                  "28-Nov-2026 10:00:00.123 security: info: client @0x1 10.0.0.1#5 (x.example): query (cache) "
                  "'x.example/A/IN' denied")
                .kind,
            LineKind::kSkip);
  EXPECT_EQ(parse(*p, "28-Nov-2026 10:00:00.123 client @0x1 10.0.0.1 (x): query: x IN A").kind, LineKind::kDamaged);
  EXPECT_EQ(parse(*p, "28-Nov-2026 10:00:00.123 client @0x1 10.0.0.1#5 (x): query: x").kind, LineKind::kDamaged);
  const Line junk = parse(*p, "hello world");
  EXPECT_EQ(junk.kind, LineKind::kDamaged);
  EXPECT_NE(junk.why.find("BIND"), std::string::npos);
}

TEST(DnsQueryLogSniff, EachDaemonIsRecognisedAndNotTheOthers) {
  auto u = sniff({"[1700000000] unbound[1234:0] info: 127.0.0.1 www.tiktok.com. A IN"});
  ASSERT_TRUE(u);
  EXPECT_EQ(u->format_name(), "unbound query log");
  auto d = sniff({"Nov 28 10:00:00 dnsmasq[123]: query[A] www.tiktok.com from 192.168.1.10",
                  "Nov 28 10:00:00 dnsmasq[123]: forwarded www.tiktok.com to 1.1.1.1"});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->format_name(), "dnsmasq query log");
  auto b =
      sniff({"28-Nov-2026 10:00:00.123 queries: info: client @0x7f 192.168.1.10#53000 (www.tiktok.com): query: "
             "www.tiktok.com IN A +E(0)K (127.0.0.1)"});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->format_name(), "BIND query log");
  EXPECT_TRUE(b->lines_independent());
  // A syslog of other daemons is none of them.
  EXPECT_FALSE(
      sniff({"Nov 28 10:00:00 host sshd[99]: Accepted publickey for root", "Nov 28 10:00:01 host cron[1]: job"}));
}

}  // namespace
}  // namespace interdict
