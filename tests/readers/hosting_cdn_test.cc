// CDN and sensor logs: CloudFront (W3C), Cloudflare Logpush, Zeek http.log in TSV and
// JSON. Real samples where there are some, then their boundary and damaged cases.
#include <gtest/gtest.h>

#include "readers/hosting/formats.h"
#include "readers/hosting_helpers.h"

namespace interdict {
namespace {

using testing::read_hosts_file;
using testing::read_hosts_text;

TEST(CloudFront, RealSampleTakesTheViewersHostHeader) {
  auto r = read_hosts_file(INTERDICT_SHARED_DATA "/logs/webreadr_log.aws");
  EXPECT_EQ(r.format, "W3C extended log (CloudFront)");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_TRUE(r.damaged.empty());
  EXPECT_EQ(r.skipped, 2u);                     // #Version, #Fields
  EXPECT_EQ(r.records[0].host, "example.com");  // x-host-header, not d37e3ugvb7i0h7.cloudfront.net
  EXPECT_EQ(r.records[0].client, "202.46.48.147");
  EXPECT_EQ(r.records[0].at, 1457036161);  // 2016-03-03 20:16:01 UTC
}

TEST(CloudFront, WithoutHostHeaderColumnTheDistributionNameIsTheHost) {
  auto r = read_hosts_text(
      "#Version: 1.0\n#Fields: date time c-ip cs(Host) x-edge-location\n"
      "2025-01-19\t15:00:00\t192.0.2.1\td1.cloudfront.net\tIAD89\n"
      "2025-01-19\t15:00:01\t192.0.2.1\t-\tIAD89\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].host, "d1.cloudfront.net");
  EXPECT_EQ(r.records[0].at, 1737298800);
  EXPECT_EQ(r.records[1].host, "");
}

TEST(CloudFront, CountryColumnAndBlankSeparatedIisLines) {
  auto r = read_hosts_text(
      "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time cs-host c-ip c-country\n"
      "2025-01-19 15:00:00 www.capcut.com 192.0.2.9 US\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "www.capcut.com");
  EXPECT_EQ(r.records[0].country, "US");
}

TEST(CloudFront, DamagedLines) {
  auto r = read_hosts_text(
      "#Version: 1.0\n"
      "2025-01-19\t15:00:00\t192.0.2.1\ta.example\n"  // 2: before #Fields
      "#Fields: date time c-ip x-host-header\n"
      "2025-01-19\t15:00:00\t192.0.2.1\n"             // 4: a field short
      "2025-01-19\t15:00:00\t192.0.2.1\ta\tb\n"       // 5: a field over
      "2025-01-32\t15:00:00\t192.0.2.1\ta.example\n"  // 6: bad date
      "2025-01-19\t15:00:00\t192.0.2.1\ta.example\n"
      "#Fields: date time c-ip\n");  // 8: no host column
  EXPECT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.damaged, (std::vector<std::uint64_t>{2, 4, 5, 6, 8}));
  EXPECT_EQ(r.reasons[0], "a record before any `#Fields:` line");
  EXPECT_EQ(r.reasons[1], "expected 4 fields, found 3");
  EXPECT_EQ(r.reasons[4], "`#Fields:` names no host field");
}

TEST(CloudFront, ChangedFieldsAreCountedAsALayoutChange) {
  auto parser = make_w3c_parser();
  HostRecord rec;
  EXPECT_EQ(parser->parse("#Fields: date time x-host-header", rec, nullptr), LineKind::kSkip);
  EXPECT_TRUE(parser->cdn());
  EXPECT_EQ(parser->parse("#Fields: date time x-host-header", rec, nullptr), LineKind::kSkip);
  EXPECT_EQ(parser->layout_changes(), 0u);  // concatenated files repeat their header
  EXPECT_EQ(parser->parse("#Fields: x-host-header date time", rec, nullptr), LineKind::kSkip);
  EXPECT_EQ(parser->layout_changes(), 1u);
  ASSERT_EQ(parser->parse("a.example\t2025-01-19\t15:00:00", rec, nullptr), LineKind::kRecord);
  EXPECT_EQ(rec.host, "a.example");
}

TEST(Cloudflare, LogpushLinesWithRfc3339AndUnixNanoTimes) {
  auto r = read_hosts_text(
      R"({"ClientIP":"198.51.100.4","ClientRequestHost":"www.tiktok.com","ClientCountry":"us","EdgeStartTimestamp":"2025-01-19T15:00:00Z"})"
      "\n"
      R"({"ClientIP":"198.51.100.5","ClientRequestHost":"example.net","ClientCountry":"ca","EdgeStartTimestamp":1737298800123456789})"
      "\n"
      R"({"ClientRequestHost":"example.net","EdgeStartTimestamp":1737298800})"
      "\n");
  EXPECT_EQ(r.format, "Cloudflare Logpush http_requests");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].host, "www.tiktok.com");
  EXPECT_EQ(r.records[0].country, "US");
  EXPECT_EQ(r.records[0].client, "198.51.100.4");
  EXPECT_EQ(r.records[0].at, 1737298800);
  EXPECT_EQ(r.records[1].country, "CA");
  EXPECT_EQ(r.records[1].at, 1737298800);
  EXPECT_EQ(r.records[2].at, 1737298800);
  EXPECT_EQ(r.records[2].country, "");
}

TEST(Cloudflare, DamagedLines) {
  auto r = read_hosts_text(R"({"ClientRequestHost":"a.example","EdgeStartTimestamp":"2025-01-19T15:00:00Z"})"
                           "\n"
                           R"({"ClientRequestHost":"a.example")"
                           "\n"
                           R"(["not","an","object"])"
                           "\n"
                           R"({"ClientIP":"192.0.2.1"})"
                           "\n"
                           R"({"ClientRequestHost":7})"
                           "\n"
                           R"({"ClientRequestHost":"a.example","EdgeStartTimestamp":"yesterday"})"
                           "\n"
                           R"({"ClientRequestHost":"b.example","EdgeStartTimestamp":null})"
                           "\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_FALSE(r.records[1].has_time);
  ASSERT_EQ(r.damaged, (std::vector<std::uint64_t>{2, 3, 4, 5, 6}));
  EXPECT_EQ(r.reasons[1], "not a JSON object");
  EXPECT_EQ(r.reasons[2], "no `ClientRequestHost`");
  EXPECT_EQ(r.reasons[3], "`ClientRequestHost` is not a string");
  EXPECT_EQ(r.reasons[4], "bad `EdgeStartTimestamp`");
}

TEST(ZeekHttp, RealSampleEveryRequestWithItsHost) {
  auto r = read_hosts_file(INTERDICT_SHARED_DATA "/logs/webreadr_http.log");
  EXPECT_EQ(r.format, "Zeek http.log");
  EXPECT_TRUE(r.damaged.empty()) << (r.reasons.empty() ? "" : r.reasons[0]);
  ASSERT_EQ(r.records.size(), 91u);  // 100 lines: 9 header lines, #close included
  EXPECT_EQ(r.records[0].host, "alfaromeoforumusa.com");
  EXPECT_EQ(r.records[0].client, "192.168.69.10");
  EXPECT_EQ(r.records[0].at, 1388171148);
}

TEST(ZeekHttp, UnsetAndEmptyHostsAndDamagedLines) {
  auto r = read_hosts_text(
      "#separator \\x09\n#unset_field\t-\n#empty_field\t(empty)\n#path\thttp\n"
      "#fields\tts\tid.orig_h\thost\turi\n"
      "1737298800.5\t10.0.0.1\tv16.tiktokcdn.com\t/\n"
      "1737298800.5\t10.0.0.1\t-\t/\n"
      "1737298800.5\t10.0.0.1\t(empty)\t/\n"
      "1737298800.5\t10.0.0.1\tshort\n"
      "soon\t10.0.0.1\ta.example\t/\n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].host, "v16.tiktokcdn.com");
  EXPECT_EQ(r.records[1].host, "");
  EXPECT_EQ(r.records[2].host, "");
  EXPECT_EQ(r.damaged, (std::vector<std::uint64_t>{9, 10}));
}

TEST(ZeekHttp, DnsLogIsLeftToTheDnsReaders) {
  auto r = read_hosts_file(INTERDICT_SHARED_DATA "/logs/webreadr_dns.log");
  EXPECT_NE(r.format, "Zeek http.log");
}

TEST(ZeekJson, ObjectsWithFloatTs) {
  auto r = read_hosts_text(
      R"({"ts":1737298800.25,"uid":"C1","id.orig_h":"10.0.0.2","id.orig_p":5050,"host":"www.capcut.com","uri":"/"})"
      "\n");
  EXPECT_EQ(r.format, "Zeek http.log (JSON)");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].host, "www.capcut.com");
  EXPECT_EQ(r.records[0].client, "10.0.0.2");
  EXPECT_EQ(r.records[0].at, 1737298800);
}

TEST(Sniff, NothingClaimsOtherText) {
  EXPECT_EQ(read_hosts_text("hello world\nthis is not a log\n").format, "");
  EXPECT_EQ(read_hosts_text(R"({"app_id":"com.zhiliaoapp.musically"})"
                            "\n")
                .format,
            "");
}

}  // namespace
}  // namespace interdict
