// Finding a list's format by content, reading OFAC sets from any of their files or their
// folder, the errors of read_list, and country names to ISO codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "readers/lists_sink.h"

namespace interdict {
namespace {

using lists_test::KeepSink;

const std::string kData = INTERDICT_SHARED_DATA;
const std::string kWatchman = kData + "/watchman/test/testdata";

std::string head_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

TEST(ListsSniff, RealFilesAreRecognisedByContent) {
  EXPECT_EQ(sniff_list_format("sdn.csv", head_of(kWatchman + "/sdn.csv")), ListFormat::kOfacSdn);
  EXPECT_EQ(sniff_list_format("cons_prim.csv", head_of(kWatchman + "/cons_prim.csv")), ListFormat::kOfacConsolidated);
  EXPECT_EQ(sniff_list_format("list.csv", head_of(kWatchman + "/csl.csv")), ListFormat::kCsl);
  EXPECT_EQ(sniff_list_format("x", head_of(kData + "/watchman/internal/cslustest/testdata/consolidated.csv")),
            ListFormat::kCsl);
  EXPECT_EQ(sniff_list_format("x.xml", head_of(kWatchman + "/UN_consolidated.xml")), ListFormat::kUnXml);
  EXPECT_EQ(sniff_list_format("e.json", head_of(kData + "/yente/tests/fixtures/dataset/t1/entities.ftm.json")),
            ListFormat::kFtmJson);
}

TEST(ListsSniff, OtherTextIsUnknown) {
  EXPECT_EQ(sniff_list_format("a.csv", "name,country\nACME,US\n"), ListFormat::kUnknown);
  EXPECT_EQ(sniff_list_format("a.xml", "<?xml version=\"1.0\"?><Document/>"), ListFormat::kUnknown);
  EXPECT_EQ(sniff_list_format("a.json", "{\"id\": 1}"), ListFormat::kUnknown);
  EXPECT_EQ(sniff_list_format("a", ""), ListFormat::kUnknown);
}

TEST(ListsRead, AliasFileFindsItsSet) {
  KeepSink sink;
  auto stats = read_list(kWatchman + "/alt.csv", sink);
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(sink.entities.size(), 7379U);
  EXPECT_EQ(sink.entities[0].source, kWatchman + "/sdn.csv");
}

TEST(ListsRead, SmallOfacFolderWithoutConsolidated) {
  KeepSink sink;
  auto stats = read_list(kData + "/watchman/internal/ofactest/testdata", sink);
  ASSERT_TRUE(stats.has_value());
  EXPECT_GT(sink.entities.size(), 0U);
  for (const ListEntity& e : sink.entities) EXPECT_EQ(e.list, "ofac-sdn");
}

TEST(ListsRead, MissingPathIsNotFound) {
  KeepSink sink;
  auto stats = read_list(kData + "/no/such/list.csv", sink);
  ASSERT_FALSE(stats.has_value());
  EXPECT_EQ(stats.error().category(), ErrorCategory::kNotFound);
}

TEST(ListsRead, FolderWithoutListIsNotFound) {
  KeepSink sink;
  auto stats = read_list(kData + "/yente", sink);
  ASSERT_FALSE(stats.has_value());
  EXPECT_EQ(stats.error().category(), ErrorCategory::kNotFound);
}

TEST(ListsRead, FileInNoListFormatIsInvalidArgument) {
  KeepSink sink;
  auto stats = read_list(kData + "/PROVENANCE.md", sink);
  ASSERT_FALSE(stats.has_value());
  EXPECT_EQ(stats.error().category(), ErrorCategory::kInvalidArgument);
}

TEST(ListsRead, DecodeUnknownBytesIsFatalDamage) {
  KeepSink sink;
  const ListStats stats = decode_list(ListFormat::kUnknown, "x", "hello", sink);
  EXPECT_EQ(stats.damaged, 1U);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_TRUE(sink.damages[0].fatal);
}

TEST(ListsCountry, NamesAsTheListsWriteThem) {
  EXPECT_EQ(country_code("Iran"), "IR");
  EXPECT_EQ(country_code("Korea, North"), "KP");
  EXPECT_EQ(country_code("Democratic Republic of the Congo"), "CD");
  EXPECT_EQ(country_code("Russian Federation"), "RU");
  EXPECT_EQ(country_code("United Kingdom"), "GB");
  EXPECT_EQ(country_code("Bosnia & Herzegovina"), "BA");
  EXPECT_EQ(country_code("Switzerland"), "CH");
  EXPECT_EQ(country_code("hk"), "HK");
  EXPECT_EQ(country_code("Atlantis"), "");
  EXPECT_EQ(country_code("85043"), "");
}

}  // namespace
}  // namespace interdict
