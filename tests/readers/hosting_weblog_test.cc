// Access logs: the layouts sniffed without options, --log-format strings, and damaged
// lines (counted with their numbers, the rest read).
#include <gtest/gtest.h>

#include "readers/hosting/formats.h"
#include "readers/hosting_helpers.h"

namespace interdict {
namespace {

using testing::read_hosts_file;
using testing::read_hosts_text;

constexpr const char* kCombinedTail =
    R"( - - [19/Jan/2025:10:00:00 -0500] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11; Linux) [en]")";

TEST(WebLog, RealCombinedSampleReadsEveryLine) {
  auto r = read_hosts_file(INTERDICT_SHARED_DATA "/logs/webreadr_combined_log.clf");
  EXPECT_EQ(r.format, "access log (combined or common)");
  ASSERT_EQ(r.records.size(), 12u);  // the last line has no newline
  EXPECT_TRUE(r.damaged.empty());
  EXPECT_EQ(r.records[0].client, "127.0.0.1");
  EXPECT_EQ(r.records[0].at, 971211336);  // 10/Oct/2000:13:55:36 -0700
  EXPECT_TRUE(r.records[0].has_time);
  EXPECT_EQ(r.records[7].at, 1191856675);  // 08/Oct/2007:11:17:55 -0400, referer with a blank
  // Origin-form requests name no host: combined logs need a host field to be useful.
  EXPECT_EQ(r.records[0].host, "");
}

TEST(WebLog, HostFirstAsNginxWritesIt) {
  auto r = read_hosts_text(std::string("www.tiktok.com 203.0.113.9") + kCombinedTail + "\n" +
                           "example.org 198.51.100.7" + kCombinedTail + "\n");
  EXPECT_EQ(r.format, "access log (host first)");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].host, "www.tiktok.com");
  EXPECT_EQ(r.records[0].client, "203.0.113.9");
  EXPECT_EQ(r.records[0].at, 1737298800);  // 2025-01-19T15:00:00Z
  EXPECT_EQ(r.records[1].host, "example.org");
}

TEST(WebLog, ApacheVhostCombinedKeepsThePortForTheScanToStrip) {
  auto r = read_hosts_text(std::string("shop.example.com:443 192.0.2.1") + kCombinedTail + "\n");
  EXPECT_EQ(r.format, "access log (host first)");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "shop.example.com:443");
}

TEST(WebLog, QuotedHostAppended) {
  auto r = read_hosts_text(std::string("192.0.2.1") + kCombinedTail + R"( "cdn.capcut.com")" + "\n");
  EXPECT_EQ(r.format, "access log (combined, quoted host last)");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "cdn.capcut.com");
}

TEST(WebLog, BareHostAppendedAndMoreFieldsAfterIt) {
  auto r = read_hosts_text(std::string("192.0.2.1") + kCombinedTail + " lemon8-app.com 0.004\n");
  EXPECT_EQ(r.format, "access log (combined, host last)");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "lemon8-app.com");
}

TEST(WebLog, AppendedRequestTimeIsNotTakenForAHost) {
  auto r = read_hosts_text(std::string("192.0.2.1") + kCombinedTail + " 0.004\n");
  EXPECT_EQ(r.format, "access log (combined or common)");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "");
}

TEST(WebLog, AbsoluteFormRequestNamesTheHost) {
  auto r = read_hosts_text(
      R"(10.0.0.1 - - [19/Jan/2025:10:00:00 -0500] "GET http://user@WWW.TikTok.com:80/x?y HTTP/1.1" 200 1 "-" "-")"
      "\n"
      R"(10.0.0.1 - - [19/Jan/2025:10:00:00 -0500] "CONNECT v16.tiktokcdn.com:443 HTTP/1.1" 200 1 "-" "-")"
      "\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].host, "WWW.TikTok.com:80");
  EXPECT_EQ(r.records[1].host, "v16.tiktokcdn.com:443");
}

TEST(WebLog, EscapedQuotesInsideQuotedFields) {
  auto r = read_hosts_text(
      R"(a.example 10.0.0.1 - - [19/Jan/2025:10:00:00 -0500] "GET /\"x\" HTTP/1.1" 200 1 "-" "agent \"quoted\" here")"
      "\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_TRUE(r.damaged.empty());
  EXPECT_EQ(r.records[0].host, "a.example");
}

TEST(WebLog, DamagedLinesAreCountedWithTheirNumbersAndTheRestRead) {
  const std::string good = std::string("www.example.com 192.0.2.1") + kCombinedTail;
  auto r =
      read_hosts_text(good + "\n" + good + "\n" + good + "\n" + good + "\n" + good + "\n" + "garbage line\n" + "\n" +
                      R"(x.example 192.0.2.1 - - [19/Jan/2025:10:00:00 -0500] "GET / HTTP/1.1" 2x0 5 "-" "-")" + "\n" +
                      R"(x.example 192.0.2.1 - - [32/Jan/2025:10:00:00 -0500] "GET / HTTP/1.1" 200 5 "-" "-")" + "\n" +
                      R"(x.example 192.0.2.1 - - [19/Jan/2025:10:00:00 -0500] "GET / HTTP/1.1)" + "\n" + good + "\n");
  EXPECT_EQ(r.records.size(), 6u);
  ASSERT_EQ(r.damaged, (std::vector<std::uint64_t>{6, 8, 9, 10}));
  EXPECT_EQ(r.reasons[1], "status `2x0` is not a number");
  EXPECT_EQ(r.reasons[2], "bad time `32/Jan/2025:10:00:00 -0500`");
  EXPECT_EQ(r.records[5].line, 11u);
}

TEST(WebLog, ByteOrderMarkBeforeTheFirstLine) {
  auto r = read_hosts_text(std::string("\xEF\xBB\xBFwww.example.com 192.0.2.1") + kCombinedTail + "\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "www.example.com");
}

TEST(LogFormat, GivenFormatWithIsoTimeCountryAndForwardedClient) {
  HostFormatOptions options;
  options.nginx_log_format =
      R"(log_format cdn '$http_x_forwarded_for [$time_iso8601] $geoip_country_code '
                     '"$host" "$request" $status';)";
  auto r = read_hosts_text(R"(203.0.113.5, 10.0.0.1 [2025-01-19T10:00:00-05:00] US "tiktokv.com" "GET / HTTP/2.0" 200)"
                           "\n",
                           options);
  EXPECT_EQ(r.format, "access log (--log-format)");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "tiktokv.com");
  EXPECT_EQ(r.records[0].client, "203.0.113.5");
  EXPECT_EQ(r.records[0].country, "US");
  EXPECT_EQ(r.records[0].at, 1737298800);
}

TEST(LogFormat, BracedVariablesAndMsec) {
  auto parser = compile_log_format("${msec}|${server_name}|$remote_addr");
  ASSERT_TRUE(parser.has_value());
  HostRecord rec;
  std::string why;
  ASSERT_EQ((*parser)->parse("1737298800.123|capcut.com|::1", rec, &why), LineKind::kRecord) << why;
  EXPECT_EQ(rec.host, "capcut.com");
  EXPECT_EQ(rec.client, "::1");
  EXPECT_EQ(rec.at, 1737298800);
  EXPECT_EQ((*parser)->parse("1737298800.123|capcut.com|::1|extra", rec, &why), LineKind::kRecord);
  EXPECT_EQ(rec.client, "::1|extra");  // the last field runs to the end of the line
}

TEST(LogFormat, StrictFormatRefusesTextAfterTheLastField) {
  auto parser = compile_log_format(R"($host "$request")");
  ASSERT_TRUE(parser.has_value());
  HostRecord rec;
  std::string why;
  EXPECT_EQ((*parser)->parse(R"(a.example "GET /" tail)", rec, &why), LineKind::kDamaged);
  EXPECT_EQ(why, "text after the last field");
  EXPECT_EQ((*parser)->parse(R"(a.example GET)", rec, &why), LineKind::kDamaged);
  EXPECT_EQ(why, "expected ` \"` after $host");
}

TEST(LogFormat, CompileErrors) {
  for (const char* bad : {"", "no variables", "$host$request", "${host", "$ x"}) {
    auto parser = compile_log_format(bad);
    ASSERT_FALSE(parser.has_value()) << bad;
    EXPECT_EQ(parser.error().category(), ErrorCategory::kInvalidArgument) << bad;
  }
}

TEST(LogFormat, GivenFormatComesBeforeTheBuiltInLayouts) {
  HostFormatOptions options;
  options.nginx_log_format =
      R"($server_name $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent")";
  auto r = read_hosts_text(std::string("www.example.com 192.0.2.1") + kCombinedTail + "\n", options);
  EXPECT_EQ(r.format, "access log (--log-format)");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "www.example.com");
}

TEST(WebLog, CloneKeepsTheLayout) {
  auto parser = make_log_format_parser("$host $remote_addr", "x", false);
  ASSERT_TRUE(parser.has_value());
  auto copy = (*parser)->clone();
  HostRecord rec;
  ASSERT_EQ(copy->parse("a.example 192.0.2.1", rec, nullptr), LineKind::kRecord);
  EXPECT_EQ(rec.host, "a.example");
  EXPECT_TRUE(copy->lines_independent());
  EXPECT_FALSE(copy->cdn());
}

}  // namespace
}  // namespace interdict
