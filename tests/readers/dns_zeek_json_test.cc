// Zeek dns.log written as JSON (LogAscii::use_json): the shared TSV sample turned into
// the JSON Zeek writes for it reads to the same records as the TSV reader gives; ISO 8601
// and millisecond stamps; unset fields left out; damaged lines.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hosting_helpers.h"
#include "readers/dns/dns_formats.h"
#include "readers/dns/dns_parsers.h"

namespace interdict {
namespace {

using testing::read_hosts_file;
using testing::read_hosts_text;

const std::string kDnsLog = INTERDICT_SHARED_DATA "/logs/webreadr_dns.log";

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::string json_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The JSON Zeek's writer gives for a TSV log: unset fields left out, numbers for time,
// port, count and interval, booleans, arrays for sets and vectors.
std::string zeek_tsv_to_json(const std::string& tsv) {
  std::vector<std::string> fields, types;
  std::string json;
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#fields\t", 0) == 0) fields = split(line.substr(8), '\t');
    if (line.rfind("#types\t", 0) == 0) types = split(line.substr(7), '\t');
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> values = split(line, '\t');
    std::string object;
    for (std::size_t i = 0; i < values.size() && i < fields.size() && i < types.size(); ++i) {
      const std::string& v = values[i];
      const std::string& t = types[i];
      if (v == "-") continue;
      std::string value;
      if (t.rfind("vector", 0) == 0 || t.rfind("set", 0) == 0) {
        value = "[";
        if (v != "(empty)") {
          const bool numbers = t.find("interval") != std::string::npos;
          for (const std::string& item : split(v, ',')) {
            value += (value.size() > 1 ? "," : "") + (numbers ? item : json_quoted(item));
          }
        }
        value += "]";
      } else if (t == "time" || t == "port" || t == "count" || t == "interval") {
        value = v;
      } else if (t == "bool") {
        value = v == "T" ? "true" : "false";
      } else {
        value = json_quoted(v);
      }
      object += (object.empty() ? "{" : ",") + json_quoted(fields[i]) + ":" + value;
    }
    json += object + "}\n";
  }
  return json;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(DnsZeekJson, SharedSampleAsJsonReadsLikeTheTsv) {
  const auto tsv = read_hosts_file(kDnsLog);
  ASSERT_EQ(tsv.format, "Zeek dns.log");
  const std::string json = zeek_tsv_to_json(slurp(kDnsLog));
  const auto r = read_hosts_text(json);
  EXPECT_EQ(r.format, "Zeek dns.log (JSON)");
  EXPECT_TRUE(r.damaged.empty());
  ASSERT_EQ(r.records.size(), tsv.records.size());
  ASSERT_FALSE(r.records.empty());
  for (std::size_t i = 0; i < r.records.size(); ++i) {
    EXPECT_EQ(r.records[i].host, tsv.records[i].host) << i;
    EXPECT_EQ(r.records[i].target, tsv.records[i].target) << i;
    EXPECT_EQ(r.records[i].client, tsv.records[i].client) << i;
    EXPECT_EQ(r.records[i].at, tsv.records[i].at) << i;
    EXPECT_EQ(r.records[i].has_time, tsv.records[i].has_time) << i;
  }
  // 1357899314.010877 ... 192.168.27.10 ... alyanaa.fr
  EXPECT_EQ(r.records[0].host, "alyanaa.fr");
  EXPECT_EQ(r.records[0].client, "192.168.27.10");
  EXPECT_EQ(r.records[0].at, 1357899314);
}

TEST(DnsZeekJson, IsoAndMillisecondStampsAndCnameTarget) {
  const auto r = read_hosts_text(
      R"({"ts":"2020-06-05T14:39:59.305988Z","uid":"C1","id.orig_h":"192.168.4.76","id.orig_p":36844,"id.resp_h":"192.168.4.1","id.resp_p":53,"proto":"udp","query":"www.tiktok.com","qtype_name":"A","answers":["www.tiktok.com.edgesuite.net","a1.w10.akamai.net","23.1.2.3"]})"
      "\n"
      R"({"ts":1591367999305,"uid":"C2","id.orig_h":"fe80::1","query":"4.3.2.1.in-addr.arpa","qtype_name":"PTR","answers":["host.example.net"]})"
      "\n");
  EXPECT_EQ(r.format, "Zeek dns.log (JSON)");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].host, "www.tiktok.com");
  EXPECT_EQ(r.records[0].target, "www.tiktok.com.edgesuite.net");
  EXPECT_EQ(r.records[0].at, 1591367999);
  EXPECT_EQ(r.records[1].client, "fe80::1");
  EXPECT_EQ(r.records[1].at, 1591367999);
  // A PTR answer names the address asked about, not an alias.
  EXPECT_EQ(r.records[1].target, "");
}

TEST(DnsZeekJson, MessageWithoutQueryIsSkipped) {
  const auto r =
      read_hosts_text(R"({"ts":1591367999.3,"uid":"C1","id.orig_h":"10.0.0.1","query":"a.example","qtype_name":"A"})"
                      "\n"
                      R"({"ts":1591367999.4,"uid":"C2","id.orig_h":"10.0.0.1","rcode_name":"FORMERR"})"
                      "\n");
  EXPECT_EQ(r.format, "Zeek dns.log (JSON)");
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_TRUE(r.damaged.empty());
}

TEST(DnsZeekJson, DamagedLinesAreCountedWithTheirNumbers) {
  const auto r = read_hosts_text(R"({"ts":1591367999.3,"id.orig_h":"10.0.0.1","query":"a.example"})"
                                 "\n"
                                 R"({"ts":1591367999.3,"id.orig_h":"10.0.0.1","query":"b.exa)"
                                 "\n"
                                 R"({"ts":"yesterday","id.orig_h":"10.0.0.1","query":"c.example"})"
                                 "\n"
                                 R"({"ts":1591367999.3,"id.orig_h":"10.0.0.1","query":42})"
                                 "\n"
                                 R"(["not","an","object"])"
                                 "\n"
                                 R"({"ts":1591367999.3,"id.orig_h":"10.0.0.1","query":"f.example"})"
                                 "\n");
  EXPECT_EQ(r.format, "Zeek dns.log (JSON)");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].host, "f.example");
  EXPECT_EQ(r.damaged, (std::vector<std::uint64_t>{2, 3, 4, 5}));
  ASSERT_EQ(r.reasons.size(), 4u);
  EXPECT_EQ(r.reasons[1], "bad `ts`: expected seconds since 1970 or ISO 8601");
  EXPECT_EQ(r.reasons[2], "`query` is not a string");
  EXPECT_EQ(r.reasons[3], "not a JSON object");
}

TEST(DnsZeekJson, HttpLogJsonIsNotTakenForDns) {
  const auto r = read_hosts_text(
      R"({"ts":1591367999.3,"uid":"C1","id.orig_h":"10.0.0.1","method":"GET","host":"www.tiktok.com","uri":"/"})"
      "\n");
  EXPECT_EQ(r.format, "Zeek http.log (JSON)");
}

}  // namespace
}  // namespace interdict
