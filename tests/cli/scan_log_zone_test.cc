// `interdict scan --log-zone/--log-year` on DNS logs whose stamps carry no zone: the
// bundled dnsmasq sample with and without a zone, the year taken from the file's
// modification time, and bad options.
#include <gtest/gtest.h>
#include <utime.h>

#include <set>
#include <string>

#include "cli/cli_helpers.h"

namespace {

using interdict::testing::CommandResult;
using interdict::testing::JsonLines;
using interdict::testing::shell_quote;
using interdict::testing::source_path;
using interdict::testing::str;
using interdict::testing::TempDir;

const std::string kSample = source_path("samples/dns/dnsmasq.log");

CommandResult scan(const std::string& args) { return interdict::testing::run_interdict("--format jsonl scan " + args); }

// first_seen of every `host` answer for `host`.
std::set<std::string> first_seen(const std::string& jsonl, const std::string& host) {
  std::set<std::string> out;
  JsonLines lines(jsonl);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (str(lines[i], "kind") == "host" && str(lines[i], "host") == host) out.insert(str(lines[i], "first_seen"));
  }
  return out;
}

TEST(ScanLogZone, WithoutAZoneRecordsHaveNoTimeAndTheNoticeNamesTheOption) {
  CommandResult r = scan("--country US " + shell_quote(kSample));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_seen(r.out, "www.tiktok.com"), std::set<std::string>{"null"}) << r.out;
  // Seven query lines, each without a time.
  EXPECT_NE(r.err.find("interdict: 7 records have a time stamp without a zone"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--log-zone"), std::string::npos) << r.err;
}

TEST(ScanLogZone, QuietHidesTheNotice) {
  CommandResult r = interdict::testing::run_interdict("-q --format jsonl scan --country US " + shell_quote(kSample));
  EXPECT_EQ(r.err.find("--log-zone"), std::string::npos) << r.err;
}

TEST(ScanLogZone, NamedZoneSplitsTheQueriesAtTheEffectiveTime) {
  CommandResult r = scan("--country US --log-zone America/New_York --log-year 2025 " + shell_quote(kSample));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // 23:57:02 and 00:04:31 New York time (UTC-5) on either side of midnight, January 18-19.
  EXPECT_EQ(first_seen(r.out, "www.tiktok.com"),
            (std::set<std::string>{"2025-01-19T04:57:02Z", "2025-01-19T05:04:31Z"}))
      << r.out;
  EXPECT_EQ(first_seen(r.out, "weixin.qq.com"), std::set<std::string>{"2025-01-19T05:08:03Z"}) << r.out;
  EXPECT_EQ(r.err.find("without a zone"), std::string::npos) << r.err;
}

TEST(ScanLogZone, FixedOffset) {
  CommandResult r = scan("--country US --log-zone +08:00 --log-year 2025 " + shell_quote(kSample));
  EXPECT_EQ(first_seen(r.out, "weixin.qq.com"), std::set<std::string>{"2025-01-18T16:08:03Z"}) << r.out;
}

TEST(ScanLogZone, YearComesFromTheFileModificationTime) {
  TempDir dir;
  const std::string log = dir.write("dnsmasq.log",
                                    "Dec 31 23:59:59 gw dnsmasq[1]: query[A] www.tiktok.com from 10.0.0.2\n"
                                    "Jan  1 00:00:30 gw dnsmasq[1]: query[A] www.tiktok.com from 10.0.0.2\n");
  const utimbuf written{1767312000, 1767312000};  // 2026-01-02T00:00:00Z
  ASSERT_EQ(::utime(log.c_str(), &written), 0);
  CommandResult r = scan("--country US --log-zone UTC " + shell_quote(log));
  JsonLines lines(r.out);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (str(lines[i], "host") != "www.tiktok.com") continue;
    seen.insert(str(lines[i], "first_seen"));
    seen.insert(str(lines[i], "last_seen"));
  }
  EXPECT_TRUE(seen.count("2025-12-31T23:59:59Z")) << r.out;
  EXPECT_TRUE(seen.count("2026-01-01T00:00:30Z")) << r.out;
}

TEST(ScanLogZone, BadZoneOrYearIsAUsageError) {
  CommandResult unknown = scan("--log-zone Mars/Olympus_Mons " + shell_quote(kSample));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--log-zone: unknown time zone `Mars/Olympus_Mons`"), std::string::npos) << unknown.err;
  CommandResult offset = scan("--log-zone +25:00 " + shell_quote(kSample));
  EXPECT_EQ(offset.exit_code, 2);
  EXPECT_NE(offset.err.find("--log-zone: bad offset `+25:00`"), std::string::npos) << offset.err;
  CommandResult year = scan("--log-zone UTC --log-year 1900 " + shell_quote(kSample));
  EXPECT_EQ(year.exit_code, 2);
  EXPECT_NE(year.err.find("--log-year"), std::string::npos) << year.err;
  CommandResult alone = scan("--log-year 2025 " + shell_quote(kSample));
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.err.find("--log-year: needs --log-zone"), std::string::npos) << alone.err;
}

TEST(ScanLogZone, SquidAndS3SharedSamplesScan) {
  // Neither names a designated host: nothing prohibited, nothing damaged.
  CommandResult r = scan("--country US " + shell_quote(INTERDICT_SHARED_DATA "/logs/webreadr_log.squid") + " " +
                         shell_quote(INTERDICT_SHARED_DATA "/logs/webreadr_s3.log"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("damaged"), std::string::npos) << r.err;
}

TEST(ScanLogZone, SquidConnectToTikTokIsDecided) {
  TempDir dir;
  // 1738400400 is 2025-02-01T09:00:00Z.
  const std::string squid = dir.write("access.log",
                                      "1738400400.120    350 10.0.0.5 TCP_TUNNEL/200 5120 CONNECT www.tiktok.com:443 - "
                                      "HIER_DIRECT/203.0.113.7 -\n");
  CommandResult r = scan("--country US " + shell_quote(squid));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_seen(r.out, "www.tiktok.com"), std::set<std::string>{"2025-02-01T09:00:00Z"}) << r.out;
}

}  // namespace
