// --log-zone and --log-year: dnsmasq, syslog, BIND and unbound stamps without a zone read
// in a named zone (with its daylight-saving offset) or at a fixed offset, the year of
// syslog stamps, the count of records left without a time, and bad zones and years.
// Expected instants were computed with GNU date, e.g. date -u -d '2026-11-29T07:48:02-05:00' +%s.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "readers/dns/dns_formats.h"
#include "readers/dns/dns_parsers.h"
#include "readers/hosting/log_zone.h"

namespace interdict {
namespace {

std::shared_ptr<LogZone> zone(std::string_view name, int year = 0, Instant reference = 0) {
  auto made = LogZone::make(name, year);
  EXPECT_TRUE(made.has_value()) << name;
  if (!made) return nullptr;
  if (reference != 0) (*made)->set_reference(reference);
  return *made;
}

struct Timed {
  LineKind kind;
  bool has_time;
  Instant at;
};

Timed parse(HostLineParser& p, std::string_view line) {
  HostRecord r;
  std::string why;
  const LineKind kind = p.parse(line, r, &why);
  return Timed{kind, r.has_time, r.at};
}

constexpr std::string_view kDnsmasq = "Nov 29 07:48:02 dnsmasq[123]: query[A] www.tiktok.com from 10.0.0.2";
constexpr std::string_view kBind =
    "29-Nov-2026 07:48:02.123 queries: info: client @0x7f1c2c0a1b68 10.0.0.2#53000 (www.tiktok.com): query: "
    "www.tiktok.com IN A +E(0)K (127.0.0.1)";

TEST(DnsLogZone, DnsmasqStampInANamedZone) {
  auto p = dns::make_dnsmasq_parser(zone("America/New_York", 2026));
  const Timed t = parse(*p, kDnsmasq);
  ASSERT_EQ(t.kind, LineKind::kRecord);
  EXPECT_TRUE(t.has_time);
  EXPECT_EQ(t.at, 1795956482);  // 2026-11-29T07:48:02-05:00
}

TEST(DnsLogZone, DaylightSavingOffsetIsTheOneInForceThen) {
  auto p = dns::make_dnsmasq_parser(zone("America/New_York", 2026));
  const Timed t = parse(*p, "Jul  1 12:00:00 dnsmasq[123]: query[A] www.tiktok.com from 10.0.0.2");
  ASSERT_TRUE(t.has_time);
  EXPECT_EQ(t.at, 1782921600);  // 2026-07-01T12:00:00-04:00
  // The cached offset of July must not leak into November.
  EXPECT_EQ(parse(*p, kDnsmasq).at, 1795956482);
}

TEST(DnsLogZone, FixedOffsetAndUtc) {
  auto east = dns::make_dnsmasq_parser(zone("+08:00", 2026));
  EXPECT_EQ(parse(*east, kDnsmasq).at, 1795909682);  // 2026-11-29T07:48:02+08:00
  auto compact = dns::make_dnsmasq_parser(zone("-0500", 2026));
  EXPECT_EQ(parse(*compact, kDnsmasq).at, 1795956482);
  auto utc = dns::make_dnsmasq_parser(zone("UTC", 2026));
  EXPECT_EQ(parse(*utc, kDnsmasq).at, 1795956482 - 5 * 3600);
}

TEST(DnsLogZone, BindDefaultStampCarriesItsYear) {
  // The year in BIND's stamp wins over --log-year.
  auto p = dns::make_bind_parser(zone("America/New_York", 2001));
  const Timed t = parse(*p, kBind);
  ASSERT_EQ(t.kind, LineKind::kRecord);
  EXPECT_TRUE(t.has_time);
  EXPECT_EQ(t.at, 1795956482);
}

TEST(DnsLogZone, UnboundLogTimeAsciiStamp) {
  auto p = dns::make_unbound_parser(false, zone("+08:00", 2026));
  const Timed t = parse(*p, "Nov 29 07:48:02 unbound[1234:0] info: 10.0.0.2 www.tiktok.com. A IN");
  ASSERT_EQ(t.kind, LineKind::kRecord);
  EXPECT_TRUE(t.has_time);
  EXPECT_EQ(t.at, 1795909682);
}

TEST(DnsLogZone, SyslogYearIsTheOneBeforeTheReference) {
  // The file was last written on 2026-01-02: a "Dec 31" line is from 2025, "Jan  1" from 2026.
  const Instant written = 1767312000;  // 2026-01-02T00:00:00Z
  auto p = dns::make_dnsmasq_parser(zone("America/New_York", 0, written));
  EXPECT_EQ(parse(*p, "Dec 31 23:59:59 dnsmasq[1]: query[A] a.example from 10.0.0.2").at,
            1767243599);  // 2025-12-31T23:59:59-05:00
  EXPECT_EQ(parse(*p, "Jan  1 00:00:00 dnsmasq[1]: query[A] a.example from 10.0.0.2").at,
            1767243600);  // 2026-01-01T00:00:00-05:00
}

TEST(DnsLogZone, LogYearOverridesTheReference) {
  auto p = dns::make_dnsmasq_parser(zone("America/New_York", 2024, 1767312000));
  EXPECT_EQ(parse(*p, "Dec 31 23:59:59 dnsmasq[1]: query[A] a.example from 10.0.0.2").at,
            1735707599);  // 2024-12-31T23:59:59-05:00
}

TEST(DnsLogZone, WithoutAZoneRecordsHaveNoTimeAndAreCounted) {
  auto z = zone("");
  auto p = dns::make_dnsmasq_parser(z);
  const Timed t = parse(*p, kDnsmasq);
  ASSERT_EQ(t.kind, LineKind::kRecord);
  EXPECT_FALSE(t.has_time);
  auto b = dns::make_bind_parser(z);
  EXPECT_FALSE(parse(*b, kBind).has_time);
  EXPECT_EQ(z->unzoned(), 2u);
  // A stamp with its own zone is not counted.
  EXPECT_TRUE(parse(*p, "2026-11-28T10:00:00+01:00 gw dnsmasq[5]: query[A] a.example from 10.0.0.2").has_time);
  EXPECT_EQ(z->unzoned(), 2u);
}

TEST(DnsLogZone, LinesReadWithoutAskingWhyAreNotCounted) {
  // Sniffing and the scan's pass over the head lines do not ask why: those lines are read
  // again for real and counted then.
  auto z = zone("");
  auto p = dns::make_dnsmasq_parser(z);
  HostRecord r;
  EXPECT_EQ(p->parse(kDnsmasq, r, nullptr), LineKind::kRecord);
  EXPECT_EQ(z->unzoned(), 0u);
  auto clone = p->clone();
  std::string why;
  EXPECT_EQ(clone->parse(kDnsmasq, r, &why), LineKind::kRecord);
  EXPECT_EQ(z->unzoned(), 1u);
}

TEST(DnsLogZone, SniffedParserUsesTheGivenZone) {
  HostFormatOptions options;
  options.log_zone = zone("+08:00", 2026);
  const std::vector<std::string_view> head = {kDnsmasq};
  auto p = sniff_dns_format(head, options);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->format_name(), "dnsmasq query log");
  EXPECT_EQ(parse(*p, kDnsmasq).at, 1795909682);
  EXPECT_EQ(options.log_zone->unzoned(), 0u);
}

TEST(DnsLogZone, Feb29OnlyInALeapYear) {
  // Read in 2027 with no year: neither 2027 nor 2026 has a 29 February, and a guess three
  // years back would be no better than none: the record has no time.
  auto p = dns::make_dnsmasq_parser(zone("UTC", 0, 1798761600));  // 2027-01-01T00:00:00Z
  const Timed t = parse(*p, "Feb 29 12:00:00 dnsmasq[1]: query[A] a.example from 10.0.0.2");
  EXPECT_EQ(t.kind, LineKind::kRecord);
  EXPECT_FALSE(t.has_time);
  auto leap = dns::make_dnsmasq_parser(zone("UTC", 2024));
  EXPECT_EQ(parse(*leap, "Feb 29 12:00:00 dnsmasq[1]: query[A] a.example from 10.0.0.2").at, 1709208000);
}

TEST(DnsLogZone, BadZonesAndYearsAreRefused) {
  auto unknown = LogZone::make("Mars/Olympus_Mons", 0);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().category(), ErrorCategory::kNotFound);
  for (std::string_view bad : {"+25:00", "+08:0", "+0a:00", "-", "+08:60"}) {
    auto made = LogZone::make(bad, 0);
    ASSERT_FALSE(made.has_value()) << bad;
    EXPECT_EQ(made.error().category(), ErrorCategory::kInvalidArgument) << bad;
  }
  EXPECT_FALSE(LogZone::make("UTC", 1969).has_value());
  EXPECT_FALSE(LogZone::make("UTC", 10000).has_value());
  EXPECT_TRUE(LogZone::make("Asia/Shanghai", 2026).has_value());
}

TEST(DnsLogZone, ParseLocalStampForms) {
  LocalStamp s;
  ASSERT_TRUE(parse_local_stamp("Nov  9 07:48:02", s));
  EXPECT_EQ(s.year, 0);
  EXPECT_EQ(s.month, 11u);
  EXPECT_EQ(s.day, 9u);
  EXPECT_EQ(s.seconds, 7 * 3600 + 48 * 60 + 2);
  ASSERT_TRUE(parse_local_stamp("29-Nov-2026 07:48:02.123", s));
  EXPECT_EQ(s.year, 2026);
  EXPECT_FALSE(parse_local_stamp("31-Nov-2026 07:48:02", s));
  EXPECT_FALSE(parse_local_stamp("Nox 29 07:48:02", s));
  EXPECT_FALSE(parse_local_stamp("Nov 29 24:48:02", s));
  EXPECT_FALSE(parse_local_stamp("Nov 32 07:48:02", s));
  EXPECT_FALSE(parse_local_stamp("", s));
}

}  // namespace
}  // namespace interdict
