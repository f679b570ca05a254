// `interdict lists import` end to end: the real OFAC, UN and OpenSanctions files from
// ../shared/data into an index file, and the lists that cannot be read.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "cli/cli_helpers.h"

namespace interdict::testing {
namespace {

const std::string kWatchman = std::string(INTERDICT_SHARED_DATA) + "/watchman/test/testdata";
const std::string kFtm = std::string(INTERDICT_SHARED_DATA) + "/yente/tests/fixtures/dataset/t1/entities.ftm.json";

TEST(ListsImport, UnAndFtmSummaryNamesEachListAndTheOutput) {
  TempDir dir;
  const std::string idx = (dir.path() / "small.idx").string();
  auto r = run_interdict("lists import -o " + shell_quote(idx) + " " + shell_quote(kWatchman + "/UN_consolidated.xml") +
                         " " + shell_quote(kFtm));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("un: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("opensanctions: 6 entities"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("orders: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("wrote " + idx + ": "), std::string::npos) << r.err;
  EXPECT_GT(std::filesystem::file_size(idx), 1000u);
}

TEST(ListsImport, OrdersOnlyWritesTheDefaultFileInTheCurrentFolder) {
  TempDir dir;
  auto r = run_interdict("--quiet lists import --orders-only -o " + shell_quote((dir.path() / "o.idx").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "o.idx"));
  auto d = std::system(("cd " + shell_quote(dir.path().string()) + " && " + shell_quote(INTERDICT_BINARY) +
                        " lists import --orders-only 2>/dev/null")
                           .c_str());
  EXPECT_EQ(d, 0);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "interdict-lists.idx"));
}

TEST(ListsImport, MissingListExitsTwoAndWritesNothing) {
  TempDir dir;
  const std::string idx = (dir.path() / "x.idx").string();
  auto r = run_interdict("lists import -o " + shell_quote(idx) + " " + shell_quote((dir.path() / "nope.csv").string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("interdict: lists import: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nope.csv"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(idx));
}

TEST(ListsImport, FileInNoListFormatExitsTwo) {
  TempDir dir;
  const std::string file = dir.write("notes.txt", "just some notes\nnothing listed here\n");
  auto r = run_interdict("lists import -o " + shell_quote((dir.path() / "x.idx").string()) + " " + shell_quote(file));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("notes.txt"), std::string::npos) << r.err;
}

TEST(ListsImport, NoListAndNoOrdersOnlyIsAUsageError) {
  auto r = run_interdict("lists import");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--orders-only"), std::string::npos) << r.err;
}

TEST(ListsImport, DamagedFtmLinesAreCountedQuotedAndSkipped) {
  TempDir dir;
  std::string text = read_file(kFtm);
  if (!text.empty() && text.back() != '\n') text += '\n';  // the fixture's last line has none
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  text += "{\"id\": broken\n";
  text += "[1,2]\n";
  const std::string file = dir.write("entities.ftm.json", text);
  auto r = run_interdict("lists import -o " + shell_quote((dir.path() / "x.idx").string()) + " " + shell_quote(file));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("opensanctions: 6 entities"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 damaged records skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("entities.ftm.json:" + std::to_string(lines + 1) + ": json: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("entities.ftm.json:" + std::to_string(lines + 2) + ": line is not a json object"),
            std::string::npos)
      << r.err;
}

TEST(ListsImport, TruncatedUnXmlKeepsWhatWasReadAndSaysTheListWasCut) {
  TempDir dir;
  std::string text = read_file(kWatchman + "/UN_consolidated.xml");
  const std::string file = dir.write("un.xml", text.substr(0, text.size() / 2));
  auto r = run_interdict("lists import -o " + shell_quote((dir.path() / "x.idx").string()) + " " + shell_quote(file));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("list cut short"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("un: "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace interdict::testing
