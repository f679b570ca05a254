// The transit and peering chokepoint end to end: `interdict mrt scan` and `interdict scan`
// on the sample RIB and updates.
#include <gtest/gtest.h>

#include <map>

#include "cli/cli_helpers.h"

namespace interdict::testing {
namespace {

const std::string kRib = source_path("samples/bgp/rib.20201101.0000.mrt");
const std::string kUpdates = source_path("samples/bgp/updates.20201112.1200.mrt");

TEST(MrtScan, FindsTheSessionOriginsAndPathsOfNamedNetworks) {
  CommandResult r = run_interdict("--format jsonl mrt scan " + shell_quote(kRib) + " " + shell_quote(kUpdates));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = split_lines(r.out);
  std::map<std::string, std::string> seen;  // "kind asn" -> status
  for (const std::string& line : lines) {
    simdjson::dom::parser parser;
    simdjson::dom::element e = parser.parse(line).value();
    seen[str(e, "kind") + " " + std::to_string(std::int64_t(e["asn"]))] = str(e, "status");
    if (str(e, "kind") == "origin" && std::int64_t(e["asn"]) == 396986) {
      std::string prefixes;
      for (auto p : e["prefixes"].get_array()) prefixes += std::string(std::string_view(p)) + " ";
      // 192.0.2.0/25 arrived on a 2-byte session behind AS_TRANS: AS4_PATH named the origin.
      EXPECT_EQ(prefixes, "192.0.2.0/24 192.0.2.0/25 2001:db8:1000::/36 ");
      EXPECT_EQ(str(e, "verdict"), "permitted");
      EXPECT_EQ(str(e, "order"), "us-2020-tiktok");
      EXPECT_EQ(str(e, "prohibition"), "4");
    }
  }
  EXPECT_EQ(seen["session 138699"], "enjoined") << r.out;  // the peering session with TikTok's AS
  EXPECT_EQ(seen["origin 396986"], "enjoined");
  EXPECT_EQ(seen["origin 45090"], "enjoined");  // Tencent Cloud: exempt from the WeChat order
  EXPECT_EQ(seen["path 138699"], "enjoined");
  EXPECT_EQ(seen.count("session 6939"), 0u) << "only named networks are reported";
}

TEST(MrtScan, DecidedAsOfAnotherTime) {
  CommandResult r = run_interdict("--format jsonl mrt scan --as-of 2021-07-01T00:00:00Z " + shell_quote(kRib));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"status\":\"revoked\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"status\":\"enjoined\""), std::string::npos);
}

TEST(MrtScan, ProhibitedUnderAnOrderInForce) {
  // An order of one's own that prohibits transit for TikTok's network now.
  TempDir dir;
  dir.write("transit.toml", R"([order]
id = "test-transit"
title = "A transit ban in force"
authority = "Test authority"
citation = "1 TR 1"
jurisdiction = ["US"]
source = "https://example.org/order"
confidence = "confirmed"

[[prohibition]]
id = "1"
title = "Transit and peering"
activities = ["transit", "peering"]
subjects = ["tiktok"]
text = "Any provision of transit or peering."
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "published"
kind = "published"
at = 2020-01-01T00:00:00Z
recorded = 2020-01-01T00:00:00Z
title = "Published"
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "effective"
kind = "effective"
at = 2020-01-01T00:00:00Z
recorded = 2020-01-01T00:00:00Z
title = "Effective"
source = "https://example.org/order"
confidence = "confirmed"
)");
  CommandResult r =
      run_interdict("--orders +" + shell_quote(dir.path().string()) + " --format jsonl mrt scan " + shell_quote(kRib));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("\"verdict\":\"prohibited\""), std::string::npos) << r.out;
}

TEST(Scan, RecognisesMrtBesideOtherEvidence) {
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(kRib) + " " +
                                  shell_quote(source_path("samples/store/catalogue.csv")));
  EXPECT_NE(r.exit_code, 2) << r.err;
  EXPECT_NE(r.out.find("\"kind\":\"session\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"kind\":\"origin\""), std::string::npos);
  EXPECT_NE(r.out.find("listing"), std::string::npos) << "the catalogue is still scanned";
}

TEST(Scan, RecognisesCompressedMrtByItsBytes) {
  TempDir dir;
  const std::string gz = (dir.path() / "rib.data").string();
  ASSERT_EQ(std::system(("gzip -c " + shell_quote(kRib) + " > " + shell_quote(gz)).c_str()), 0);
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(gz));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"kind\":\"origin\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace interdict::testing
