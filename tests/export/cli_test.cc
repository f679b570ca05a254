// `interdict export` end to end: options, exit codes, notes on stderr, -o.
#include <gtest/gtest.h>

#include "export_helpers.h"
#include "tool_helpers.h"

namespace interdict {
namespace {

using namespace interdict::testing;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CliRun interdict_cli(const std::string& args) {
  ScratchDir dir;
  const std::string err = dir.file("stderr");
  // The subshell keeps standard error apart from the output that run() collects.
  ToolRun r = run("(" + quote(INTERDICT_BINARY) + " " + args + " 2>" + quote(err) + ")");
  return CliRun{r.exit_code, r.output, read_text(err)};
}

TEST(ExportCli, HelpTeachesFormatsExamplesAndExitCodes) {
  CliRun r = interdict_cli("export --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* needle : {"rpz", "unbound", "dnsmasq", "hosts", "bird", "frr", "json", "Examples:", "Exit codes: 0",
                             "--include-suspended", "--as-of"}) {
    EXPECT_NE(r.out.find(needle), std::string::npos) << needle << "\n" << r.out;
  }
}

TEST(ExportCli, UnknownFormatIsAUsageError) {
  CliRun r = interdict_cli("export --as bind");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown format `bind`"), std::string::npos) << r.err;
}

TEST(ExportCli, MissingFormatIsAUsageError) { EXPECT_EQ(interdict_cli("export").exit_code, 2); }

TEST(ExportCli, BadTimeAndActivityAreUsageErrors) {
  EXPECT_EQ(interdict_cli("export --as rpz --as-of yesterday").exit_code, 2);
  CliRun r = interdict_cli("export --as rpz --activity hostng");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown activity `hostng`"), std::string::npos) << r.err;
}

TEST(ExportCli, RpzOfTheBundledOrdersIn2026) {
  CliRun r = interdict_cli("export --as rpz --as-of 2026-02-01T00:00:00Z");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has_line(r.out, "tiktok.com CNAME . ; us-2024-pafaca 2(a)(1)(B) TikTok")) << r.out;
  EXPECT_NE(r.err.find("left out: us-2020-tiktok 2: revoked at 2021-06-09T00:00 America/New_York"), std::string::npos)
      << r.err;
}

TEST(ExportCli, NothingInForceWritesALoadableFileAndSaysWhy) {
  CliRun r = interdict_cli("export --as frr --as-of 2026-02-01T00:00:00Z");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(has_line(r.out, "ip prefix-list INTERDICT-V4 seq 5 deny 0.0.0.0/0")) << r.out;
  EXPECT_NE(r.err.find("us-2020-tiktok 4: revoked at 2021-06-09"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing to enforce in frr"), std::string::npos) << r.err;
  // -q keeps stderr quiet.
  EXPECT_EQ(interdict_cli("-q export --as frr --as-of 2026-02-01T00:00:00Z").err, "");
}

TEST(ExportCli, OutputFileAndOrdersFolder) {
  ScratchDir dir;
  const std::string file = dir.file("fixture.rpz");
  CliRun r = interdict_cli("--orders " + quote(fixture_dir()) + " export --as rpz --as-of 2021-06-01T00:00:00Z -o " +
                           quote(file));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("wrote 6 entries to"), std::string::npos) << r.err;
  EXPECT_TRUE(has_line(read_text(file), "tiktokcdn.com.akamaized.net CNAME . ; test-export 1 Clip"));
  CliRun bad = interdict_cli("export --as rpz -o " + quote(dir.file("missing/dir/x.rpz")));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("-o: cannot write"), std::string::npos) << bad.err;
}

TEST(ExportCli, IncludeSuspendedIn2025) {
  CliRun without = interdict_cli("export --as hosts --as-of 2025-06-01T00:00:00Z");
  EXPECT_EQ(without.exit_code, 0);
  EXPECT_FALSE(has_line_starting(without.out, "0.0.0.0 tiktok.com"));
  EXPECT_NE(without.err.find("--include-suspended exports it"), std::string::npos) << without.err;
  CliRun with = interdict_cli("export --as hosts --as-of 2025-06-01T00:00:00Z --include-suspended");
  EXPECT_TRUE(has_line_starting(with.out, "0.0.0.0 tiktok.com  #")) << with.out;
}

}  // namespace
}  // namespace interdict
