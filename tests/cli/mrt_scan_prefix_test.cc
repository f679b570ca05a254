// `interdict mrt scan` against the prefixes orders name: routes to a named prefix or a more
// specific one are `prefix` findings; less specific routes are not. The routes are real:
// the shared RouteViews RIB (IPv4) and the mrtparse Quagga RIB (IPv6); the expectations
// were read off `bgpdump -m` of the same files.
#include <gtest/gtest.h>

#include <map>

#include "cli/cli_helpers.h"

namespace interdict::testing {
namespace {

const std::string kMrt = std::string(INTERDICT_SHARED_DATA) + "/mrt/";
const std::string kRouteViews = kMrt + "routeviews_rib.20140523.0600_firstMB.bz2";
const std::string kQuagga = kMrt + "mrtparse_quagga_rib.mrt";

// A subject `id` named by `prefixes` (TOML array text).
std::string prefix_subject(const std::string& id, const std::string& prefixes) {
  return "\n[[subject]]\nid = \"" + id + "\"\nname = \"Network " + id + "\"\nkind = \"service\"\nprefix = " + prefixes +
         "\nsource = \"https://example.org/net\"\nconfidence = \"confirmed\"\n";
}

// Scans `input` under the bundled orders plus `order` (TOML text), decided in 2025 when the
// test order is in force (by default a route is decided as of its own time, years before).
CommandResult scan_with(const std::string& order, const std::string& input, const std::string& format = "jsonl") {
  TempDir dir;
  dir.write("prefix.toml", order);
  return run_interdict("--orders +" + shell_quote(dir.path().string()) + " --format " + format +
                       " mrt scan --as-of 2025-01-01T00:00:00Z " + shell_quote(input));
}

// The `prefix` findings of jsonl output, by designated prefix.
std::map<std::string, std::string> prefix_findings(const std::string& jsonl) {
  std::map<std::string, std::string> out;
  for (const std::string& line : split_lines(jsonl)) {
    simdjson::dom::parser parser;
    simdjson::dom::element e = parser.parse(line).value();
    if (str(e, "kind") == "prefix") out[str(e, "prefix")] = line;
  }
  return out;
}

std::string joined(simdjson::dom::element e, std::string_view key) {
  std::string out;
  for (auto item : e[key].get_array()) {
    if (item.is_string()) {
      out += std::string(std::string_view(item));
    } else {
      out += std::to_string(std::int64_t(item));
    }
    out += ' ';
  }
  return out;
}

TEST(MrtScanPrefix, RoutesUnderANamedIpv4PrefixAreOneFinding) {
  const std::string order = order_in_force("test-prefix", "[\"transit\"]", "[\"zz-net-1\"]") +
                            prefix_subject("zz-net-1", "[\"1.0.128.0/17\"]");
  CommandResult r = scan_with(order, kRouteViews);
  EXPECT_EQ(r.exit_code, 2) << "the shared RouteViews file is truncated on purpose: " << r.err;
  auto found = prefix_findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element e = parser.parse(found["1.0.128.0/17"]).value();
  EXPECT_EQ(str(e, "subject"), "zz-net-1");
  EXPECT_EQ(str(e, "activity"), "transit");
  EXPECT_EQ(str(e, "verdict"), "prohibited");
  EXPECT_EQ(str(e, "order"), "test-prefix");
  EXPECT_EQ(integer(e, "routes"), 231);
  EXPECT_EQ(joined(e, "prefixes"),
            "1.0.128.0/17 1.0.128.0/18 1.0.128.0/19 1.0.129.0/24 1.0.130.0/24 1.0.160.0/19 1.0.192.0/18 "
            "1.0.192.0/19 1.0.216.0/21 1.0.224.0/19 ");
  EXPECT_EQ(joined(e, "origins"), "9737 23969 ");
  EXPECT_EQ(joined(e, "neighbours"), "9737 38040 ");
  EXPECT_EQ(e["peers"].get_array().size(), 32u);
  EXPECT_EQ(str(e, "first_seen"), "2014-05-23T06:00:00Z");
  EXPECT_EQ(str(e, "last_seen"), "2014-05-23T06:00:00Z");
}

TEST(MrtScanPrefix, LessSpecificRoutesAreNotTheNamedNetwork) {
  // 1.0.132.0/24 lies under the routes 0.0.0.0/0, 1.0.128.0/17, /18 and /19 and no other.
  const std::string order = order_in_force("test-prefix", "[\"transit\"]", "[\"zz-net-1\"]") +
                            prefix_subject("zz-net-1", "[\"1.0.132.0/24\"]");
  CommandResult r = scan_with(order, kRouteViews);
  EXPECT_TRUE(prefix_findings(r.out).empty()) << r.out;
}

TEST(MrtScanPrefix, AMoreSpecificDesignationDoesNotHideAShorterOne) {
  // 1.0.128.0/24 (no route of its own) sits on the address of the /18 and /19 routes, which
  // still fall under 1.0.128.0/17 and its subject.
  const std::string order = order_in_force("test-prefix", "[\"transit\"]", "[\"zz-net-1\", \"zz-net-2\"]") +
                            prefix_subject("zz-net-1", "[\"1.0.128.0/17\"]") +
                            prefix_subject("zz-net-2", "[\"1.0.128.0/24\"]");
  CommandResult r = scan_with(order, kRouteViews);
  auto found = prefix_findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element e = parser.parse(found["1.0.128.0/17"]).value();
  EXPECT_EQ(str(e, "subject"), "zz-net-1");
  EXPECT_EQ(integer(e, "routes"), 231);
}

TEST(MrtScanPrefix, Ipv6RoutesUnderANamedPrefixInForceExitOne) {
  const std::string order = order_in_force("test-prefix", "[\"transit\"]", "[\"zz-net-6\"]") +
                            prefix_subject("zz-net-6", "[\"fd01:1::/32\", \"2001:db8::/32\"]");
  CommandResult r = scan_with(order, kQuagga);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto found = prefix_findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element e = parser.parse(found["fd01:1::/32"]).value();
  EXPECT_EQ(str(e, "verdict"), "prohibited");
  EXPECT_EQ(str(e, "subject"), "zz-net-6");
  EXPECT_EQ(joined(e, "prefixes"), "fd01:1:1::/64 fd01:1:2::/64 fd01:1::/64 ");
  EXPECT_EQ(joined(e, "origins"), "64512 ");
  EXPECT_EQ(joined(e, "neighbours"), "4200000000 ");
  EXPECT_EQ(joined(e, "peers"), "192.168.0.10 AS65000 fd02::10 AS65000 ");
  EXPECT_EQ(integer(e, "routes"), 6);
}

TEST(MrtScanPrefix, NamedButNotProhibitedIsPermittedExitZero) {
  // The subject is named by no prohibition: the finding is reported, and permitted.
  const std::string order = order_in_force("test-prefix", "[\"transit\"]", "[\"zz-other\"]") +
                            prefix_subject("zz-other", "[\"10.99.0.0/16\"]") +
                            prefix_subject("zz-net-6", "[\"fd01:1::/32\"]");
  CommandResult r = scan_with(order, kQuagga);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto found = prefix_findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_NE(found["fd01:1::/32"].find("\"verdict\":\"permitted\""), std::string::npos) << r.out;
}

TEST(MrtScanPrefix, TableOutputShowsThePrefixRow) {
  const std::string order = order_in_force("test-prefix", "[\"transit\"]", "[\"zz-net-6\"]") +
                            prefix_subject("zz-net-6", "[\"fd01:1::/32\"]");
  CommandResult r = scan_with(order, kQuagga, "table");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::string row;
  for (const std::string& line : split_lines(r.out)) {
    if (line.find("fd01:1::/32") != std::string::npos) row = line;
  }
  ASSERT_FALSE(row.empty()) << r.out;
  EXPECT_EQ(row.rfind("prefix", 0), 0u) << row;
  EXPECT_NE(row.find("zz-net-6"), std::string::npos) << row;
  EXPECT_NE(row.find("prohibited"), std::string::npos) << row;
  EXPECT_NE(row.find("3 prefixes from AS64512 via AS4200000000"), std::string::npos) << row;
  EXPECT_NE(row.find("AS64512"), std::string::npos) << row;
}

TEST(MrtScanPrefix, JsonOutputIsOneArrayWithThePrefixFinding) {
  const std::string order = order_in_force("test-prefix", "[\"transit\"]", "[\"zz-net-6\"]") +
                            prefix_subject("zz-net-6", "[\"fd01:1::/32\"]");
  CommandResult r = scan_with(order, kQuagga, "json");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_FALSE(parser.parse(r.out).get(doc)) << r.out;
  std::size_t prefixes = 0;
  for (simdjson::dom::element e : doc.get_array()) {
    if (str(e, "kind") != "prefix") continue;
    ++prefixes;
    EXPECT_EQ(str(e, "prefix"), "fd01:1::/32");
    EXPECT_EQ(integer(e, "routes"), 6);  // three prefixes from each of two peers
  }
  EXPECT_EQ(prefixes, 1u) << r.out;
}

TEST(MrtScanPrefix, ScanOfMrtAmongOtherEvidenceFindsThePrefix) {
  TempDir dir;
  dir.write("prefix.toml", order_in_force("test-prefix", "[\"transit\"]", "[\"zz-net-6\"]") +
                               prefix_subject("zz-net-6", "[\"fd01:1::/32\"]"));
  CommandResult r = run_interdict("--orders +" + shell_quote(dir.path().string()) +
                                  " --format jsonl scan --as-of 2025-01-01T00:00:00Z " + shell_quote(kQuagga));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto found = prefix_findings(r.out);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_NE(found["fd01:1::/32"].find("\"verdict\":\"prohibited\""), std::string::npos) << r.out;
}

TEST(MrtScanPrefix, BundledOrdersNameNoPrefixSoNothingIsFound) {
  CommandResult r = run_interdict("--format jsonl mrt scan " + shell_quote(kQuagga) + " " + shell_quote(kRouteViews));
  EXPECT_TRUE(prefix_findings(r.out).empty()) << r.out;
  EXPECT_EQ(r.out.find("\"kind\":\"prefix\""), std::string::npos);
}

}  // namespace
}  // namespace interdict::testing
