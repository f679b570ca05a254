// `interdict export --mrt`: the prefixes a routing table shows the named ASes originating
// join the router filters, aggregated, and the result still loads into BIRD and FRR.
#include <gtest/gtest.h>

#include "export/export_helpers.h"
#include "export/tool_helpers.h"

namespace interdict::testing {
namespace {

std::string interdict_export(const std::string& args, int* exit_code) {
  ToolRun r = run("{ " + quote(INTERDICT_BINARY) + " " + args + " 2>/dev/null; }");
  *exit_code = r.exit_code;
  return r.output;
}

const std::string kSamples = std::string(INTERDICT_SOURCE_DIR) + "/samples/bgp/";
const std::string kArgs = "--as-of 2020-11-15T00:00:00Z --include-enjoined --mrt " +
                          quote(kSamples + "rib.20201101.0000.mrt") + " " +
                          quote(kSamples + "updates.20201112.1200.mrt");

TEST(ExportMrt, ObservedPrefixesJoinTheFiltersAggregated) {
  int code = -1;
  const std::string bird = interdict_export("export --as bird " + kArgs, &code);
  EXPECT_EQ(code, 0);
  // 192.0.2.0/24 (RIB) and 192.0.2.0/25 (updates, behind AS_TRANS) are one entry.
  EXPECT_NE(bird.find("192.0.2.0/24+,  # us-2020-tiktok 4 TikTok [enjoined] (observed from AS396986)"),
            std::string::npos)
      << bird;
  EXPECT_EQ(bird.find("192.0.2.0/25"), std::string::npos) << bird;
  EXPECT_NE(bird.find("2001:db8:1000::/36+"), std::string::npos) << bird;
  // Tencent Cloud's prefix is exempt from the WeChat order: not in the filter.
  EXPECT_EQ(bird.find("203.0.113.0"), std::string::npos) << bird;
  // Without --mrt, no prefix: the orders list none.
  const std::string bare = interdict_export("export --as bird --as-of 2020-11-15T00:00:00Z --include-enjoined", &code);
  EXPECT_EQ(bare.find("192.0.2.0"), std::string::npos);
}

TEST(ExportMrt, BirdAndFrrLoadTheResult) {
  auto bird = require_tool("bird", "bird2");
  auto vtysh = require_tool("vtysh", "frr");
  if (!bird || !vtysh) return;
  ScratchDir dir;
  int code = -1;
  dir.write("export.conf", interdict_export("export --as bird " + kArgs, &code));
  const std::string conf = dir.write(
      "bird.conf", "router id 192.0.2.1;\nprotocol device {}\ninclude \"" + dir.file("export.conf") + "\";\n");
  ToolRun b = run(quote(*bird) + " -p -c " + quote(conf));
  EXPECT_EQ(b.exit_code, 0) << b.output;
  const std::string frr = dir.write("frr.conf", interdict_export("export --as frr " + kArgs, &code));
  EXPECT_NE(read_text(frr).find("192.0.2.0/24 le 32"), std::string::npos) << read_text(frr);
  ToolRun f = run(quote(*vtysh) + " --dryrun -f " + quote(frr));
  EXPECT_EQ(f.exit_code, 0) << f.output;
  EXPECT_EQ(f.output.find('%'), std::string::npos) << f.output;
}

TEST(ExportMrt, UnreadableRoutingDataIsAnError) {
  int code = -1;
  (void)interdict_export("export --as bird --mrt /nonexistent.mrt", &code);
  EXPECT_EQ(code, 2);
}

}  // namespace
}  // namespace interdict::testing
