// Squid's native access.log and Amazon S3 server access logs: the shared samples (counts
// taken with awk in the test, values checked by hand against the files), the line forms
// the samples lack, and damaged lines reported by line number.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "hosting_helpers.h"
#include "readers/hosting/formats.h"

namespace interdict {
namespace {

using testing::read_hosts_file;
using testing::read_hosts_text;

const std::string kSquid = INTERDICT_SHARED_DATA "/logs/webreadr_log.squid";
const std::string kS3 = INTERDICT_SHARED_DATA "/logs/webreadr_s3.log";

// Standard output of `command` run by /bin/sh.
std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  ::pclose(pipe);
  return out;
}

TEST(HostingSquid, SharedSampleIsSniffedAndEveryLineIsARecord) {
  const auto r = read_hosts_file(kSquid);
  EXPECT_EQ(r.format, "Squid access log");
  EXPECT_TRUE(r.damaged.empty());
  // awk counts the lines, the last one included although it has no newline.
  const std::string lines = shell("awk 'END { print NR }' '" + kSquid + "'");
  EXPECT_EQ(std::to_string(r.records.size()) + "\n", lines);
  EXPECT_EQ(r.records.size(), 121u);
}

TEST(HostingSquid, SharedSampleFirstAndLastRecords) {
  const auto r = read_hosts_file(kSquid);
  ASSERT_EQ(r.records.size(), 121u);
  // 1286536308.779 180 192.168.0.224 TCP_MISS/200 411 GET http://liveupdate.symantecliveupdate.com/minitri.flg
  EXPECT_EQ(r.records.front().host, "liveupdate.symantecliveupdate.com");
  EXPECT_EQ(r.records.front().client, "192.168.0.224");
  EXPECT_TRUE(r.records.front().has_time);
  EXPECT_EQ(r.records.front().at, 1286536308);
  EXPECT_EQ(r.records.front().line, 1u);
  EXPECT_EQ(r.records.back().host, "v15.lscache3.c.youtube.com");
  EXPECT_EQ(r.records.back().client, "192.168.0.227");
  EXPECT_EQ(r.records.back().at, 1286536351);
  EXPECT_EQ(r.records.back().line, 121u);
}

TEST(HostingSquid, SharedSampleHostCountsMatchAwk) {
  const auto r = read_hosts_file(kSquid);
  std::map<std::string, int> ours;
  for (const auto& rec : r.records) ++ours[rec.host];
  // The URL's authority: the third '/'-separated part of field 7.
  const std::string theirs =
      shell("awk '{ split($7, a, \"/\"); n[a[3]]++ } END { for (h in n) print h, n[h] }' '" + kSquid + "' | sort");
  std::string mine;
  for (const auto& [host, n] : ours) mine += host + " " + std::to_string(n) + "\n";
  EXPECT_EQ(mine, theirs);
  EXPECT_EQ(ours["rcv-srv37.inplay.tubemogul.com"], 86);
  EXPECT_EQ(ours["api.bing.com"], 18);
}

TEST(HostingSquid, ConnectGivesHostAndPort) {
  const auto r = read_hosts_text(
      "1700000000.001    350 10.0.0.5 TCP_TUNNEL/200 5120 CONNECT www.tiktok.com:443 - HIER_DIRECT/203.0.113.7 -\n"
      "1700000001.500     12 10.0.0.6 TCP_MISS/200 900 GET http://user:pw@v16.tiktokcdn.com:8080/a?b - "
      "HIER_DIRECT/203.0.113.8 text/html\n");
  EXPECT_EQ(r.format, "Squid access log");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].host, "www.tiktok.com:443");
  EXPECT_EQ(r.records[0].client, "10.0.0.5");
  EXPECT_EQ(r.records[0].at, 1700000000);
  EXPECT_EQ(r.records[1].host, "v16.tiktokcdn.com:8080");
}

TEST(HostingSquid, UrlWithoutHostIsARecordWithoutHost) {
  const auto r = read_hosts_text(
      "1700000000.001 5 10.0.0.5 TCP_DENIED/400 3900 GET /index.html - HIER_NONE/- text/html\n"
      "1700000000.002 5 10.0.0.5 NONE/400 3900 NONE error:invalid-request - HIER_NONE/- text/html\n"
      "1700000000.003 5 10.0.0.5 TCP_MISS/200 10 GET http://a.example/ - HIER_DIRECT/192.0.2.1 -\n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].host, "");
  EXPECT_EQ(r.records[1].host, "");
  EXPECT_EQ(r.records[2].host, "a.example");
}

TEST(HostingSquid, DamagedLinesAreCountedWithTheirNumbers) {
  const auto r = read_hosts_text(
      "1700000000.001 5 10.0.0.5 TCP_MISS/200 10 GET http://a.example/ - HIER_DIRECT/192.0.2.1 -\n"
      "1700000000.002 5 10.0.0.5 TCP_MISS/200 10 GET http://b.example/ - HIER_DIRECT/192.0.2.1 -\n"
      "1700000000.003 5 10.0.0.5 TCP_MISS/200\n"
      "yesterday 5 10.0.0.5 TCP_MISS/200 10 GET http://c.example/ - HIER_DIRECT/192.0.2.1 -\n"
      "1700000000.005 x 10.0.0.5 TCP_MISS/200 10 GET http://d.example/ - HIER_DIRECT/192.0.2.1 -\n"
      "1700000000.006 5 10.0.0.5 TCP_MISS/200 10 GET http://e.example/ - HIER_DIRECT/192.0.2.1 -\n"
      "1700000000.007 5 10.0.0.5 TCP_MISS/200 10 GET http://f.example/ - HIER_DIRECT/192.0.2.1 -\n"
      "1700000000.008 5 10.0.0.5 TCP_MISS/200 10 GET http://g.example/ - HIER_DIRECT/192.0.2.1 -\n");
  // Sniffed from the first eight lines, five of which are whole.
  EXPECT_EQ(r.format, "Squid access log");
  ASSERT_EQ(r.records.size(), 5u);
  EXPECT_EQ(r.records[2].host, "e.example");
  EXPECT_EQ(r.damaged, (std::vector<std::uint64_t>{3, 4, 5}));
  ASSERT_EQ(r.reasons.size(), 3u);
  EXPECT_EQ(r.reasons[0], "expected at least 9 fields, found 4");
  EXPECT_EQ(r.reasons[1], "bad time `yesterday`");
}

TEST(HostingS3, SharedSampleIsSniffedAndEveryLineIsARecord) {
  const auto r = read_hosts_file(kS3);
  EXPECT_EQ(r.format, "Amazon S3 server access log");
  EXPECT_TRUE(r.damaged.empty());
  const std::string lines = shell("awk 'END { print NR }' '" + kS3 + "'");
  EXPECT_EQ(std::to_string(r.records.size()) + "\n", lines);
  ASSERT_EQ(r.records.size(), 6u);
  for (const auto& rec : r.records) {
    // These logs predate the Host header field: the bucket names the site.
    EXPECT_EQ(rec.host, "mybucket");
    EXPECT_EQ(rec.client, "192.0.2.3");
    EXPECT_TRUE(rec.has_time);
  }
  EXPECT_EQ(r.records.front().at, 1391644838);  // [06/Feb/2014:00:00:38 +0000]
  EXPECT_EQ(r.records.back().at, 1391645001);   // [06/Feb/2014:00:03:21 +0000]
}

// A line in today's form (26 fields) with a Host header, as the AWS guide shows.
std::string s3_line(std::string_view bucket, std::string_view host_header) {
  return "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be " + std::string(bucket) +
         " [06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be "
         "3E57427F3EXAMPLE REST.GET.VERSIONING - \"GET /" +
         std::string(bucket) +
         "?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" \"S3Console/0.4\" - "
         "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 "
         "ECDHE-RSA-AES128-GCM-SHA256 AuthHeader " +
         std::string(host_header) + " TLSV1.2 arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP Yes\n";
}

TEST(HostingS3, HostHeaderNamingTheBucketIsTheHost) {
  const auto r = read_hosts_text(s3_line("cdn.tiktok.example", "cdn.tiktok.example.s3.us-west-1.amazonaws.com") +
                                 s3_line("static-site", "www.tiktok.com"));
  EXPECT_EQ(r.format, "Amazon S3 server access log");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].host, "cdn.tiktok.example.s3.us-west-1.amazonaws.com");
  EXPECT_EQ(r.records[1].host, "www.tiktok.com");
  EXPECT_EQ(r.records[0].at, 1549411238);
}

TEST(HostingS3, PathStyleEndpointGivesTheBucket) {
  const auto r =
      read_hosts_text(s3_line("www.tiktok.com", "s3.us-west-1.amazonaws.com") + s3_line("www.tiktok.com", "-"));
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].host, "www.tiktok.com");
  EXPECT_EQ(r.records[1].host, "www.tiktok.com");
}

TEST(HostingS3, DamagedLinesAreCountedWithTheirNumbers) {
  // Five whole lines first: the format is sniffed from the first eight.
  std::string text;
  for (const char* bucket : {"a", "a2", "a3", "a4", "a5"}) text += s3_line(bucket, "-");
  text += "79a59d mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 x y REST.GET.VERSIONING - \"GET /x\n";
  text +=
      "79a59d mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 x y lowercase - \"GET /\" 200 - 1 - 1 - \"-\" "
      "\"ua\" -\n";
  text +=
      "79a59d mybucket [31/Feb/2014:00:00:38 +0000] 192.0.2.3 x y REST.GET.OBJECT - \"GET /\" 200 - 1 - 1 - "
      "\"-\" \"ua\" -\n";
  text += "79a59d mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 x y REST.GET.OBJECT\n";
  text += s3_line("b", "-");
  const auto r = read_hosts_text(text);
  EXPECT_EQ(r.format, "Amazon S3 server access log");
  ASSERT_EQ(r.records.size(), 6u);
  EXPECT_EQ(r.records[5].host, "b");
  EXPECT_EQ(r.damaged, (std::vector<std::uint64_t>{6, 7, 8, 9}));
  ASSERT_EQ(r.reasons.size(), 4u);
  EXPECT_EQ(r.reasons[0], "field 9 opens a quote or bracket it does not close");
  EXPECT_EQ(r.reasons[1], "bad operation `lowercase`");
  EXPECT_EQ(r.reasons[2], "bad time `31/Feb/2014:00:00:38 +0000`");
  EXPECT_EQ(r.reasons[3], "expected at least 17 fields, found 7");
}

TEST(HostingS3, CombinedLogIsNotTakenForS3OrSquid) {
  const auto r = read_hosts_file(INTERDICT_SHARED_DATA "/logs/webreadr_combined_log.clf");
  EXPECT_NE(r.format, "Amazon S3 server access log");
  EXPECT_NE(r.format, "Squid access log");
  EXPECT_FALSE(r.format.empty());
}

}  // namespace
}  // namespace interdict
