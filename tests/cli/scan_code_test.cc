// The constituent-code chokepoint end to end: `interdict scan` on software artefacts, their
// findings in JSON and SARIF, and the exit codes a CI pipeline gates on.
#include <gtest/gtest.h>

#include <set>

#include "cli/cli_helpers.h"
#include "readers/zip_builder.h"

namespace interdict::testing {
namespace {

// A JAR holding the WeChat Open SDK's classes and Maven metadata among an app's own.
std::string wechat_jar() {
  ZipBuilder b;
  b.add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
  b.add("com/example/shop/MainActivity.class", "\xca\xfe\xba\xbe");
  b.add("com/tencent/mm/opensdk/openapi/IWXAPI.class", "\xca\xfe\xba\xbe");
  b.add("com/tencent/mm/opensdk/openapi/WXAPIFactory.class", "\xca\xfe\xba\xbe");
  b.add("META-INF/maven/com.tencent.mm.opensdk/wechat-sdk-android/pom.properties",
        "groupId=com.tencent.mm.opensdk\nartifactId=wechat-sdk-android\nversion=6.8.0\n");
  return b.finish();
}

std::string clean_jar() {
  ZipBuilder b;
  b.add("com/example/shop/MainActivity.class", "\xca\xfe\xba\xbe");
  b.add("org/tencentx/mm/Other.class", "\xca\xfe\xba\xbe");
  return b.finish();
}

// Prohibits using the WeChat Open SDK in software accessible in the US since 2020.
const std::string kCodeOrder = order_in_force("test-code", "[\"code\"]", "[\"wechat-open-sdk\"]");

TEST(ScanCode, FindsTheWeChatSdkInAJar) {
  TempDir dir;
  const std::string jar = dir.write("shop.jar", wechat_jar());
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(jar));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(str(lines[0], "kind"), "code");
  EXPECT_EQ(str(lines[0], "subject"), "wechat-open-sdk");
  EXPECT_EQ(str(lines[0], "order"), "us-2020-wechat");
  EXPECT_EQ(str(lines[0], "prohibition"), "6");
  EXPECT_EQ(str(lines[0], "status"), "revoked");  // EO 14034, 9 June 2021
  EXPECT_EQ(str(lines[0], "verdict"), "permitted");
  EXPECT_EQ(str(lines[0], "format"), "jar");
  EXPECT_NE(r.out.find("com.tencent.mm.opensdk:wechat-sdk-android@6.8.0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"items\":3"), std::string::npos) << "two classes and the Maven coordinates";
}

TEST(ScanCode, DecidedAsOfTheInjunction) {
  TempDir dir;
  const std::string jar = dir.write("shop.jar", wechat_jar());
  CommandResult r = run_interdict("--format jsonl scan --as-of 2020-09-22T00:00:00Z " + shell_quote(jar));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"status\":\"enjoined\""), std::string::npos) << r.out;
}

TEST(ScanCode, ProhibitedUnderAnOrderInForceExitsOne) {
  TempDir dir;
  const std::string jar = dir.write("shop.jar", wechat_jar());
  TempDir orders;
  orders.write("code.toml", kCodeOrder);
  CommandResult r =
      run_interdict("--orders +" + shell_quote(orders.path().string()) + " --format jsonl scan " + shell_quote(jar));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("\"verdict\":\"prohibited\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"order\":\"test-code\""), std::string::npos) << r.out;
}

TEST(ScanCode, AccessibleOutsideTheJurisdictionIsPermitted) {
  TempDir dir;
  const std::string jar = dir.write("shop.jar", wechat_jar());
  TempDir orders;
  orders.write("code.toml", kCodeOrder);
  CommandResult r = run_interdict("--orders +" + shell_quote(orders.path().string()) +
                                  " --format jsonl scan --accessible-in ca " + shell_quote(jar));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("\"verdict\":\"prohibited\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"accessible_in\":\"CA\""), std::string::npos) << r.out;
}

TEST(ScanCode, BadAccessibleInIsAUsageError) {
  CommandResult r = run_interdict("scan --accessible-in USA /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--accessible-in: `USA` is not a two-letter country code"), std::string::npos) << r.err;
}

TEST(ScanCode, CleanArtefactHasNoFindings) {
  TempDir dir;
  const std::string jar = dir.write("clean.jar", clean_jar());
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(jar));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(ScanCode, FolderIsWalkedForArtefacts) {
  TempDir dir;
  dir.write("a-clean.jar", clean_jar());
  std::filesystem::create_directories(dir.path() / "libs");
  dir.write("libs/wechat.jar", wechat_jar());
  dir.write("notes.txt", "not evidence of anything\n");
  std::filesystem::create_directories(dir.path() / "node_modules/x");
  dir.write("node_modules/x/hidden.jar", wechat_jar());
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(dir.path().string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_NE(str(lines[0], "artefact").find("libs/wechat.jar"), std::string::npos);
}

TEST(ScanCode, DamagedArchiveIsAnInputError) {
  TempDir dir;
  std::string jar = wechat_jar();
  jar.resize(jar.size() - 30);
  const std::string path = dir.write("broken.jar", jar);
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("broken.jar"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("end of central directory"), std::string::npos) << r.err;
}

TEST(ScanCode, SarifIsOnlyForScan) {
  CommandResult r = run_interdict("--format sarif orders list");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("only `scan` writes SARIF"), std::string::npos) << r.err;
}

TEST(ScanCode, SarifHasRulesResultsAndLocations) {
  TempDir dir;
  const std::string jar = dir.write("shop.jar", wechat_jar());
  TempDir orders;
  orders.write("code.toml", kCodeOrder);
  CommandResult r =
      run_interdict("--orders +" + shell_quote(orders.path().string()) + " --format sarif scan " + shell_quote(jar));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element log;
  ASSERT_FALSE(parser.parse(r.out).get(log)) << r.out;
  EXPECT_EQ(str(log, "version"), "2.1.0");
  simdjson::dom::element run = log["runs"].at(0);
  simdjson::dom::element rule = run["tool"]["driver"]["rules"].at(0);
  EXPECT_EQ(str(rule, "id"), "test-code/1");
  simdjson::dom::element result = run["results"].at(0);
  EXPECT_EQ(str(result, "ruleId"), "test-code/1");
  EXPECT_EQ(str(result, "level"), "error");
  // Outside the working directory, the artefact is named by an absolute file URI.
  EXPECT_EQ(str(result["locations"].at(0)["physicalLocation"]["artifactLocation"], "uri"), "file://" + jar);
}

// GitHub code scanning's own checks, as Microsoft's SARIF Multitool runs them (rule kinds
// Sarif and Gh): the errors and warnings it reports for `sarif`, one a line, or "" when it
// passes. scripts/setup.sh test installs it from npm into .tools/; its npm wrapper runs
// through a shell, so the native binary is called directly.
std::string multitool_problems(const std::string& sarif) {
  const std::string tool = source_path(".tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
  if (!std::filesystem::exists(tool)) return "run scripts/setup.sh test to install " + tool;
  TempDir dir;
  const std::string input = dir.write("result.sarif", sarif);
  const std::string report = (dir.path() / "validation.sarif").string();
  const std::string log_path = (dir.path() / "log").string();
  const std::string command = shell_quote(tool) + " validate --rule-kind \"Sarif;Gh\" --output " + shell_quote(report) +
                              " " + shell_quote(input) + " > " + shell_quote(log_path) + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string log = read_file(log_path);
  if (WEXITSTATUS(status) != 0) return "multitool failed: " + log;
  simdjson::dom::parser parser;
  simdjson::dom::element validation;
  if (parser.parse(read_file(report)).get(validation)) return "no validation report: " + log;
  std::string problems;
  simdjson::dom::array results;
  if (validation["runs"].at(0)["results"].get(results)) return "";
  for (simdjson::dom::element result : results) {
    const std::string level = str(result, "level");
    if (level == "error" || level == "warning" || level == "<missing>") {
      problems += str(result, "ruleId") + ": " + simdjson::minify(result["message"]) + "\n";
    }
  }
  return problems;
}

TEST(ScanCode, SarifPassesTheSarifMultitoolWithGitHubRules) {
  TempDir dir;
  const std::string jar = dir.write("shop.jar", wechat_jar());
  TempDir orders;
  orders.write("code.toml", kCodeOrder);
  CommandResult r =
      run_interdict("--orders +" + shell_quote(orders.path().string()) + " --format sarif scan " + shell_quote(jar));
  EXPECT_EQ(multitool_problems(r.out), "");
}

// The bundled sample: text evidence with lines, an APK's entries, a page's script.
TEST(ScanCode, SampleSarifPassesTheSarifMultitool) {
  CommandResult r = run_interdict("--format sarif scan --as-of 2020-09-21T12:00:00Z samples/code");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"startLine\""), std::string::npos) << r.out;
  EXPECT_EQ(multitool_problems(r.out), "");
}

TEST(ScanCode, SampleFolderFindsEveryDesignatedSdk) {
  CommandResult r = run_interdict("--format jsonl scan " + shell_quote(source_path("samples/code")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> found;
  for (const std::string& line : split_lines(r.out)) {
    simdjson::dom::parser parser;
    simdjson::dom::element e = parser.parse(line).value();
    const std::string artefact = str(e, "artefact");
    found.insert(artefact.substr(artefact.rfind('/') + 1) + " " + str(e, "subject") + " " + str(e, "status"));
  }
  const std::set<std::string> expected = {
      "build.gradle tiktok-open-sdk revoked",  // the Maven coordinates and ByteDance's repository
      "build.gradle wechat-open-sdk revoked",
      "Podfile.lock tiktok-open-sdk revoked",
      "Podfile.lock wechat-open-sdk revoked",
      "index.html tiktok-pixel none",  // designated, but no code clause names the pixel
      "shop.apk wechat revoked",       // it queries the WeChat app and calls open.weixin.qq.com
      "shop.apk wechat-open-sdk revoked",
  };
  EXPECT_EQ(found, expected) << r.out;
}

}  // namespace
}  // namespace interdict::testing
