// Lists of host names: every line form, the real blocklists and v2fly data, CSV, and
// sniffing that claims lists only when they look like lists.
#include <gtest/gtest.h>

#include <filesystem>
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
  std::string format;
  std::vector<std::string> hosts, targets, damaged;
  std::vector<int> damaged_lines;
  int skipped = 0;
};

Read read_text(const std::string& text, const HostFormatOptions& options = {}) {
  Read r;
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<std::string_view> head;
  for (const std::string& l : lines) {
    if (head.size() < 8 && l.find_first_not_of(" \t\r") != std::string::npos) head.push_back(l);
  }
  auto p = sniff_dns_format(head, options);
  if (!p) return r;
  r.format = p->format_name();
  HostRecord rec;
  std::string why;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    switch (p->parse(lines[i], rec, &why)) {
      case LineKind::kRecord:
        r.hosts.emplace_back(rec.host);
        r.targets.emplace_back(rec.target);
        break;
      case LineKind::kSkip: ++r.skipped; break;
      case LineKind::kDamaged:
        r.damaged.push_back(why);
        r.damaged_lines.push_back(static_cast<int>(i) + 1);
        break;
    }
  }
  return r;
}

Read read_with(HostLineParser& p, const std::string& text) {
  Read r;
  r.format = p.format_name();
  std::istringstream in(text);
  HostRecord rec;
  std::string why;
  int n = 0;
  for (std::string l; std::getline(in, l);) {
    ++n;
    switch (p.parse(l, rec, &why)) {
      case LineKind::kRecord:
        r.hosts.emplace_back(rec.host);
        r.targets.emplace_back(rec.target);
        break;
      case LineKind::kSkip: ++r.skipped; break;
      case LineKind::kDamaged:
        r.damaged.push_back(why);
        r.damaged_lines.push_back(n);
        break;
    }
  }
  return r;
}

Read read_file(const std::string& relative) {
  std::ifstream in(std::string(INTERDICT_SHARED_DATA) + "/" + relative);
  EXPECT_TRUE(in) << relative;
  std::stringstream s;
  s << in.rdbuf();
  return read_text(s.str());
}

using Strings = std::vector<std::string>;

TEST(DnsLists, RealBlocklistInThreeFormsGivesTheSameNames) {
  const Read hosts = read_file("domains/blocklistproject_tiktok.hosts.txt");
  const Read adguard = read_file("domains/blocklistproject_tiktok.adguard.txt");
  const Read dnsmasq = read_file("domains/blocklistproject_tiktok.dnsmasq.txt");
  // Their heads are all comments, so the form shows only from the `!` of adblock lists.
  EXPECT_EQ(hosts.format, "host name list");
  EXPECT_EQ(adguard.format, "adblock list");
  EXPECT_EQ(dnsmasq.format, "host name list");
  EXPECT_EQ(hosts.hosts.size(), 3725u);
  EXPECT_TRUE(hosts.damaged.empty()) << hosts.damaged.front();
  EXPECT_TRUE(adguard.damaged.empty()) << adguard.damaged.front();
  EXPECT_TRUE(dnsmasq.damaged.empty()) << dnsmasq.damaged.front();
  EXPECT_EQ(hosts.hosts, adguard.hosts);
  EXPECT_EQ(hosts.hosts, dnsmasq.hosts);
  EXPECT_EQ(hosts.hosts.front(), "0pbxmo-useast2a.xzcs3zlph.com");
}

TEST(DnsLists, RealBasicHostsListReadsWhole) {
  const Read r = read_file("domains/blocklistproject_basic.hosts.txt");
  EXPECT_EQ(r.format, "host name list");
  EXPECT_GT(r.hosts.size(), 76000u);
  EXPECT_LE(r.damaged.size(), 2u);
}

TEST(DnsLists, RealV2flyDataIncludesAndAttributes) {
  const Read tiktok = read_file("domains/v2fly-data/tiktok");
  EXPECT_EQ(tiktok.format, "host name list");
  EXPECT_TRUE(tiktok.damaged.empty());
  ASSERT_FALSE(tiktok.hosts.empty());
  EXPECT_EQ(tiktok.hosts.front(), "bytedapm.com");
  EXPECT_NE(std::find(tiktok.hosts.begin(), tiktok.hosts.end(), "p16-tiktokcdn-com.akamaized.net"), tiktok.hosts.end());
  const Read bytedance = read_file("domains/v2fly-data/bytedance");
  ASSERT_FALSE(bytedance.damaged.empty());
  for (const std::string& why : bytedance.damaged) EXPECT_NE(why.find("include:"), std::string::npos) << why;
  const Read tencent = read_file("domains/v2fly-data/tencent");
  EXPECT_NE(std::find(tencent.hosts.begin(), tencent.hosts.end(), "xn--r70as2s.xn--fiqs8s"), tencent.hosts.end());
}

TEST(DnsLists, EveryV2flyFileIsReadWithoutOtherDamage) {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(INTERDICT_SHARED_DATA) + "/domains/v2fly-data")) {
    const Read r = read_file("domains/v2fly-data/" + entry.path().filename().string());
    EXPECT_FALSE(r.format.empty()) << entry.path();
    for (const std::string& why : r.damaged) EXPECT_NE(why.find("include:"), std::string::npos) << entry.path() << why;
  }
}

TEST(DnsLists, LineFormsMixed) {
  const Read r = read_text(
      "# customer host names\n"
      "www.tiktok.com\n"
      "*.tiktokv.com   # wildcard\n"
      ".douyin.com\n"
      "0.0.0.0 ads.example.com\n"
      "127.0.0.1 canonical.example alias.example\n"
      "||cdn.example.net^$important\n"
      "@@||allowed.example^\n"
      "address=/a.example/b.example/0.0.0.0\n"
      "server=/c.example/\n"
      "cache-size=1000\n"
      "full:p16.tiktokcdn.com @!cn\n"
      "domain:例子.tiktok.com\n");
  EXPECT_EQ(r.format, "host name list");
  EXPECT_TRUE(r.damaged.empty()) << r.damaged.front();
  EXPECT_EQ(read_text("0.0.0.0 a.example\n").format, "hosts file");
  EXPECT_EQ(read_text("server=/a.example/\n").format, "dnsmasq list");
  EXPECT_EQ(read_text("full:a.example\n").format, "v2fly domain list");
  EXPECT_EQ(r.hosts, (Strings{"www.tiktok.com", "*.tiktokv.com", "douyin.com", "ads.example.com", "canonical.example",
                              "cdn.example.net", "a.example", "c.example", "p16.tiktokcdn.com", "例子.tiktok.com"}));
  EXPECT_EQ(r.targets[4], "alias.example");
  EXPECT_EQ(r.targets[6], "b.example");
}

TEST(DnsLists, DamagedLinesSayWhy) {
  auto p = dns::make_list_parser("host name list");
  const Read r = read_with(*p,
                           "www.tiktok.com\n"
                           "not a host name\n"
                           "0.0.0.0\n"
                           "127.0.0.1 a.example b.example c.example\n"
                           "||example.com/path\n"
                           "address=/x.example\n"
                           "keyword:tiktok\n"
                           "include:douyin\n"
                           "bad..name.example\n"
                           "ok.example\n");
  EXPECT_EQ(r.hosts, (Strings{"www.tiktok.com", "ok.example"}));
  EXPECT_EQ(r.damaged_lines, (std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_NE(r.damaged[1].find("no host name"), std::string::npos);
  EXPECT_NE(r.damaged[2].find("more than two"), std::string::npos);
  EXPECT_NE(r.damaged[3].find("||name^"), std::string::npos);
  EXPECT_NE(r.damaged[5].find("keyword"), std::string::npos);
}

TEST(DnsLists, CsvWithHostColumnByOptionOrByName) {
  const Read by_name = read_text("customer,domain,plan\nacme,shop.acme.example,gold\n\"b, inc\",cdn.b.example,free\n");
  EXPECT_EQ(by_name.format, "host name CSV");
  EXPECT_EQ(by_name.hosts, (Strings{"shop.acme.example", "cdn.b.example"}));
  HostFormatOptions options;
  options.host_column = "Vhost";
  const Read by_option = read_text("id\tvhost\n1\ta.example\n2\t\n", options);
  EXPECT_EQ(by_option.hosts, (Strings{"a.example"}));
  ASSERT_EQ(by_option.damaged.size(), 1u);
  EXPECT_NE(by_option.damaged[0].find("empty"), std::string::npos);
  const Read quoted = read_text("host,note\n\"a.example\",\"two\nlines\"\nb.example,x\n");
  EXPECT_EQ(quoted.hosts, (Strings{"a.example", "b.example"}));
}

TEST(DnsListSniff, OtherFormatsAreNotTakenForLists) {
  // Web logs, CloudFront, store catalogues and prose are someone else's, or nobody's.
  EXPECT_TRUE(read_file("logs/webreadr_combined_log.clf").format.empty());
  EXPECT_TRUE(read_file("logs/webreadr_log.aws").format.empty());
  EXPECT_TRUE(read_file("logs/webreadr_log.squid").format.empty());
  EXPECT_TRUE(read_file("logs/webreadr_s3.log").format.empty());
  EXPECT_TRUE(read_text("platform,app_id,store_id,title,seller\nios,com.x,1,TikTok,TikTok Ltd.\n").format.empty());
  EXPECT_TRUE(read_text("app_id,name\ncom.zhiliaoapp.musically,TikTok\n").format.empty());
  EXPECT_TRUE(read_text("app_id,name\n").format.empty());
  EXPECT_TRUE(read_text("hello\nworld\n").format.empty());
  // Words that could pass for an owner and a record type are not a zone.
  EXPECT_TRUE(read_text("<html><body>not a log</body></html>\n").format.empty());
  EXPECT_TRUE(read_text("I A note\n").format.empty());
  EXPECT_TRUE(read_text("www a 1.2.3.4\n").format.empty());
  EXPECT_EQ(read_text("127.0.0.1 localhost\n").format, "hosts file");
  EXPECT_EQ(read_text("www IN A 192.0.2.1\n").format, "DNS zone file");
  EXPECT_EQ(read_text("$TTL 300\n").format, "DNS zone file");
  EXPECT_TRUE(read_text("{\"host\": \"a.example\"}\n").format.empty());
  EXPECT_TRUE(read_text("#Version: 1.0\n#Fields: date time cs(Host)\n").format.empty());
  EXPECT_TRUE(
      read_text("www.example.com 1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1\n").format.empty());
}

TEST(DnsListSniff, HeadOfCommentsOnlyIsAList) {
  EXPECT_EQ(read_text("# Title: x\n# Format: hosts\n#\n").format, "host name list");
  EXPECT_EQ(read_text("! Title: x\n! Format: AdGuard\n").format, "adblock list");
}

}  // namespace
}  // namespace interdict
