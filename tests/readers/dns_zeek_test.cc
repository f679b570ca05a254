// Zeek dns.log (TSV): the real sample, CNAME answers as targets, header handling and
// damaged lines.
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

const std::string kHeader =
    "#separator \\x09\n"
    "#set_separator\t,\n"
    "#empty_field\t(empty)\n"
    "#unset_field\t-\n"
    "#path\tdns\n"
    "#fields\tts\tuid\tid.orig_h\tquery\tqtype_name\tanswers\n"
    "#types\ttime\tstring\taddr\tstring\tstring\tvector[string]\n";

struct Read {
  std::vector<std::string> hosts, targets, clients, damaged;
  std::vector<Instant> times;
  int skipped = 0;
};

Read read(HostLineParser& p, const std::string& text) {
  Read r;
  std::istringstream in(text);
  std::string why;
  HostRecord rec;
  for (std::string line; std::getline(in, line);) {
    switch (p.parse(line, rec, &why)) {
      case LineKind::kRecord:
        r.hosts.emplace_back(rec.host);
        r.targets.emplace_back(rec.target);
        r.clients.emplace_back(rec.client);
        r.times.push_back(rec.has_time ? rec.at : -1);
        break;
      case LineKind::kSkip: ++r.skipped; break;
      case LineKind::kDamaged: r.damaged.push_back(why); break;
    }
  }
  return r;
}

std::vector<std::string_view> head_of(const std::string& text, std::vector<std::string>& store) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l) && store.size() < 8;) {
    if (!l.empty()) store.push_back(l);
  }
  return {store.begin(), store.end()};
}

TEST(DnsZeek, RealSampleFromWebreadr) {
  std::ifstream in(std::string(INTERDICT_SHARED_DATA) + "/logs/webreadr_dns.log");
  ASSERT_TRUE(in) << "missing shared data";
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> store;
  auto p = sniff_dns_format(head_of(text.str(), store), {});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->format_name(), "Zeek dns.log");
  const Read r = read(*p, text.str());
  EXPECT_TRUE(r.damaged.empty());
  ASSERT_EQ(r.hosts.size(), 9u);
  EXPECT_EQ(r.hosts[0], "alyanaa.fr");
  EXPECT_EQ(r.clients[0], "192.168.27.10");
  EXPECT_EQ(r.times[0], 1357899314);
  EXPECT_EQ(r.targets[0], "");                         // an address answer
  EXPECT_EQ(r.hosts[3], "32.144.98.82.in-addr.arpa");  // PTR: its answer is no alias
  EXPECT_EQ(r.targets[3], "");
  EXPECT_EQ(r.hosts[8], "11v4n49.cdn144.filesetcbesthosting.com");
  EXPECT_EQ(r.skipped, 9);  // 8 header lines and #close
}

TEST(DnsZeek, CnameAnswerBecomesTheTarget) {
  auto p = dns::make_zeek_dns_parser();
  const Read r = read(*p, kHeader +
                              "1700000000.5\tC1\t10.0.0.8\twww.customer.example\tA\t"
                              "customer.tiktokcdn.com.akamaized.net,a23-1-2-3.deploy.akamaitechnologies.com,23.1.2.3\n"
                              "1700000001.0\tC2\t10.0.0.8\tplain.example\tA\t(empty)\n"
                              "-\tC3\t-\tnotime.example\tA\t-\n"
                              "1700000002\tC4\t10.0.0.8\t-\t-\t-\n");
  EXPECT_TRUE(r.damaged.empty());
  ASSERT_EQ(r.hosts.size(), 3u);
  EXPECT_EQ(r.targets[0], "customer.tiktokcdn.com.akamaized.net");
  EXPECT_EQ(r.times[0], 1700000000);
  EXPECT_EQ(r.targets[1], "");
  EXPECT_EQ(r.times[2], -1);
  EXPECT_EQ(r.clients[2], "");
}

TEST(DnsZeek, DamagedLines) {
  auto p = dns::make_zeek_dns_parser();
  const Read before = read(*p, "1700000000\tC1\t10.0.0.8\ta.example\tA\t-\n");
  ASSERT_EQ(before.damaged.size(), 1u);
  EXPECT_NE(before.damaged[0].find("#fields"), std::string::npos);
  const Read r = read(*p, kHeader +
                              "1700000000\tC1\t10.0.0.8\ta.example\tA\n"
                              "17000x0000\tC1\t10.0.0.8\ta.example\tA\t-\n"
                              "1700000000\tC1\t10.0.0.8\ta.example\tA\t-\textra\n");
  ASSERT_EQ(r.damaged.size(), 3u);
  EXPECT_EQ(r.damaged[0], "expected 6 fields, found 5");
  EXPECT_NE(r.damaged[1].find("ts"), std::string::npos);
  EXPECT_EQ(r.damaged[2], "expected 6 fields, found 7");
  auto q = dns::make_zeek_dns_parser();
  const Read no_query = read(*q, "#separator \\x09\n#fields\tts\tuid\thost\n");
  ASSERT_EQ(no_query.damaged.size(), 1u);
  EXPECT_NE(no_query.damaged[0].find("query"), std::string::npos);
}

TEST(DnsZeek, CloneAfterHeaderReadsDataAlone) {
  auto p = dns::make_zeek_dns_parser();
  (void)read(*p, kHeader);
  auto copy = p->clone();
  p.reset();
  const Read r = read(*copy, "1700000000\tC1\t10.0.0.8\ta.example\tA\t-\n");
  ASSERT_EQ(r.hosts.size(), 1u);
  EXPECT_EQ(r.hosts[0], "a.example");
  EXPECT_TRUE(copy->lines_independent());
}

TEST(DnsZeek, ANewFieldsHeaderCountsAsALayoutChangeOnlyWhenColumnsMove) {
  auto p = dns::make_zeek_dns_parser();
  (void)read(*p, kHeader + kHeader);
  EXPECT_EQ(p->layout_changes(), 0u);
  const Read r = read(*p,
                      "#fields\tquery\tts\n"
                      "b.example\t1700000000\n");
  EXPECT_EQ(p->layout_changes(), 1u);
  ASSERT_EQ(r.hosts.size(), 1u);
  EXPECT_EQ(r.hosts[0], "b.example");
  EXPECT_EQ(r.times[0], 1700000000);
}

TEST(DnsZeek, HttpLogIsNotClaimed) {
  std::ifstream in(std::string(INTERDICT_SHARED_DATA) + "/logs/webreadr_http.log");
  ASSERT_TRUE(in);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> store;
  EXPECT_FALSE(sniff_dns_format(head_of(text.str(), store), {}));
}

}  // namespace
}  // namespace interdict
