// The CSL CSV, the UN XML and OpenSanctions FtM JSON Lines: the real files, counted against
// python3's csv, ElementTree and json, and damaged copies of each.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "readers/lists_sink.h"

namespace interdict {
namespace {

using lists_test::contains;
using lists_test::KeepSink;

const std::string kData = INTERDICT_SHARED_DATA;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// ---- CSL ----

TEST(ListsCsl, RealFileWithoutIdColumnReadsEveryRow) {
  KeepSink sink;
  auto stats = read_list(kData + "/watchman/test/testdata/csl.csv", sink);
  ASSERT_TRUE(stats.has_value()) << stats.error().to_string();
  EXPECT_TRUE(sink.damages.empty());
  // python3: len(list(csv.DictReader(open('csl.csv')))) == 115
  EXPECT_EQ(sink.entities.size(), 115U);
  const ListEntity& group = sink.entities.at(0);
  EXPECT_EQ(group.names.at(0), "ADRIAN MANUEL HERNANDEZ");
  EXPECT_EQ(group.sublist, "DPL");
  bool found = false;
  for (const ListEntity& e : sink.entities) {
    if (e.names[0] != "32 Group China Ltd.") continue;
    found = true;
    EXPECT_EQ(e.sublist, "EL");
    EXPECT_EQ(e.countries, (std::vector<std::string>{"HK"}));
  }
  EXPECT_TRUE(found);
}

TEST(ListsCsl, RealFileWithIdColumnUsesIt) {
  KeepSink sink;
  ASSERT_TRUE(read_list(kData + "/watchman/internal/cslustest/testdata/consolidated.csv", sink).has_value());
  EXPECT_TRUE(sink.damages.empty());
  EXPECT_EQ(sink.entities.size(), 13U);  // python3 csv.DictReader: 13 rows
  const ListEntity* atlas = sink.find("1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42");
  ASSERT_NE(atlas, nullptr);
  EXPECT_EQ(atlas->sublist, "UVL");
  EXPECT_EQ(atlas->countries, (std::vector<std::string>{"AM"}));
}

const std::string kCslHeader = "source,entity_number,type,programs,name,alt_names,nationalities,dates_of_birth\n";

TEST(ListsCsl, AliasesProgramsAndCountriesSplitOnSemicolons) {
  KeepSink sink;
  (void)decode_csl_csv(
      "c.csv", kCslHeader + "Entity List (EL) - BIS,,Individual,SDGT; IRGC,Ali,\"A. One; A. Two\",IR; Syria,1960\n",
      sink);
  ASSERT_EQ(sink.entities.size(), 1U);
  const ListEntity& e = sink.entities[0];
  EXPECT_EQ(e.kind, EntityKind::kPerson);
  EXPECT_EQ(e.id, "line-2");
  EXPECT_EQ(e.names, (std::vector<std::string>{"Ali", "A. One", "A. Two"}));
  EXPECT_EQ(e.programs, (std::vector<std::string>{"SDGT", "IRGC"}));
  EXPECT_EQ(e.countries, (std::vector<std::string>{"IR", "SY"}));
}

TEST(ListsCsl, HeaderWithoutNameIsFatal) {
  KeepSink sink;
  (void)decode_csl_csv("c.csv", "source,entity_number\nx,1\n", sink);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].reason, "header has no `name` column");
  EXPECT_TRUE(sink.entities.empty());
}

TEST(ListsCsl, RowWithMissingColumnsIsReported) {
  KeepSink sink;
  (void)decode_csl_csv("c.csv", kCslHeader + "EL,,Entity,,Short\nEL,,Entity,,Whole,,,\n", sink);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].line, 2U);
  EXPECT_EQ(sink.damages[0].reason, "8 fields expected, 5 read");
  ASSERT_EQ(sink.entities.size(), 1U);
  EXPECT_EQ(sink.entities[0].line, 3U);
}

TEST(ListsCsl, RowWithoutNameIsReported) {
  KeepSink sink;
  (void)decode_csl_csv("c.csv", kCslHeader + "EL,,Entity,,,,,\n", sink);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].reason, "record has no name");
}

TEST(ListsCsl, EmptyFileIsFatal) {
  KeepSink sink;
  (void)decode_csl_csv("c.csv", "", sink);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_TRUE(sink.damages[0].fatal);
}

// ---- UN ----

const std::string kUnFile = kData + "/watchman/test/testdata/UN_consolidated.xml";

TEST(ListsUn, RealFileReadsEveryIndividualAndEntity) {
  KeepSink sink;
  auto stats = read_list(kUnFile, sink);
  ASSERT_TRUE(stats.has_value());
  EXPECT_TRUE(sink.damages.empty());
  // grep -c '<INDIVIDUAL>' is 730, grep -c '<ENTITY>' is 273.
  EXPECT_EQ(sink.entities.size(), 730U + 273U);
  const ListEntity* badege = sink.find("CDi.001");
  ASSERT_NE(badege, nullptr);
  EXPECT_EQ(badege->names.at(0), "ERIC BADEGE");
  EXPECT_EQ(badege->kind, EntityKind::kPerson);
  EXPECT_EQ(badege->countries, (std::vector<std::string>{"CD", "RW"}));
  EXPECT_EQ(badege->dates_of_birth, (std::vector<std::string>{"1971"}));
  EXPECT_EQ(badege->programs, (std::vector<std::string>{"DRC"}));
  EXPECT_EQ(badege->line, 4U);
}

TEST(ListsUn, RealLowQualityAliasesAreWeak) {
  KeepSink sink;
  ASSERT_TRUE(read_list(kUnFile, sink).has_value());
  std::size_t weak = 0;
  for (const ListEntity& e : sink.entities) weak += e.weak_names.size();
  // python3 ElementTree: 615 aliases of QUALITY Low with a name, none repeated in its record.
  EXPECT_EQ(weak, 615U);
}

TEST(ListsUn, TruncatedFileKeepsCompleteRecordsThenFatal) {
  const std::string text = slurp(kUnFile);
  const std::size_t cut = text.find("<INDIVIDUAL>", text.find("<DATAID>6907994"));  // the third record
  ASSERT_NE(cut, std::string::npos);
  KeepSink sink;
  (void)decode_un_xml("un.xml", text.substr(0, cut + 200), sink);
  ASSERT_EQ(sink.entities.size(), 2U);
  EXPECT_EQ(sink.entities[1].id, "CDi.002");
  ASSERT_EQ(sink.damages.size(), 2U);
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].reason.rfind("record cut by an xml error", 0), 0U);
  EXPECT_TRUE(sink.damages[1].fatal);
}

TEST(ListsUn, RecordWithoutNameIsReported) {
  KeepSink sink;
  (void)decode_un_xml("un.xml",
                      "<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID></ENTITY>\n"
                      "<ENTITY><FIRST_NAME>ACME</FIRST_NAME><ENTITY_ALIAS><QUALITY>Low</QUALITY>"
                      "<ALIAS_NAME>AC</ALIAS_NAME></ENTITY_ALIAS></ENTITY></ENTITIES></CONSOLIDATED_LIST>",
                      sink);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].reason, "ENTITY 1 has no name");
  ASSERT_EQ(sink.entities.size(), 1U);
  EXPECT_EQ(sink.entities[0].kind, EntityKind::kOrganization);
  EXPECT_EQ(sink.entities[0].weak_names, (std::vector<std::string>{"AC"}));
  EXPECT_EQ(sink.entities[0].line, 2U);
}

TEST(ListsUn, OtherXmlIsFatal) {
  KeepSink sink;
  (void)decode_un_xml("x.xml", "<html><body/></html>", sink);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].reason, "no CONSOLIDATED_LIST element");
}

// ---- OpenSanctions ----

TEST(ListsFtm, RealT1ReadsPartiesAndSkipsTheAddress) {
  KeepSink sink;
  auto stats = read_list(kData + "/yente/tests/fixtures/dataset/t1/entities.ftm.json", sink);
  ASSERT_TRUE(stats.has_value());
  EXPECT_TRUE(sink.damages.empty());
  // python3 json: 2 Organization, 4 Person, 1 Address.
  EXPECT_EQ(sink.entities.size(), 6U);
  EXPECT_EQ(stats->skipped, 1U);
  const ListEntity* kuzmenko = sink.find("NK-2Ka3UvopqbpZmVDFjWd4LA");
  ASSERT_NE(kuzmenko, nullptr);
  EXPECT_EQ(kuzmenko->names.at(0), "Vitaly Yurievich KUZMENKO");
  EXPECT_TRUE(contains(kuzmenko->names, "Виталий Юрьевич КУЗЬМЕНКО"));
  EXPECT_EQ(kuzmenko->countries, (std::vector<std::string>{"RU"}));
  EXPECT_EQ(kuzmenko->dates_of_birth, (std::vector<std::string>{"1971-01-22"}));
  EXPECT_EQ(kuzmenko->line, 2U);
}

TEST(ListsFtm, RealZalaCountsMatchPythonJson) {
  KeepSink sink;
  auto stats = read_list(kData + "/yente/tests/fixtures/dataset/zala/entities.ftm.json", sink);
  ASSERT_TRUE(stats.has_value());
  EXPECT_TRUE(sink.damages.empty());
  // python3 json: 6 Person + 11 Company; 74 addresses, sanctions and links.
  EXPECT_EQ(sink.entities.size(), 17U);
  EXPECT_EQ(stats->skipped, 74U);
}

TEST(ListsFtm, WeakAliasesAreKeptApart) {
  KeepSink sink;
  (void)decode_ftm_json("f.json",
                        R"({"id":"x","schema":"Person","properties":{"name":["Ali Hassan"],"weakAlias":["Abu Ali"],)"
                        R"("alias":["A. Hassan"],"country":["ir","suhh"],"programId":["IRAN-EO13224"]}})",
                        sink);
  ASSERT_EQ(sink.entities.size(), 1U);
  EXPECT_EQ(sink.entities[0].names, (std::vector<std::string>{"Ali Hassan", "A. Hassan"}));
  EXPECT_EQ(sink.entities[0].weak_names, (std::vector<std::string>{"Abu Ali"}));
  EXPECT_EQ(sink.entities[0].countries, (std::vector<std::string>{"IR"}));
  EXPECT_EQ(sink.entities[0].programs, (std::vector<std::string>{"IRAN-EO13224"}));
}

TEST(ListsFtm, TruncatedLastLineIsReportedAfterTheOthers) {
  const std::string text = slurp(kData + "/yente/tests/fixtures/dataset/t1/entities.ftm.json");
  KeepSink sink;
  (void)decode_ftm_json("t1.json", text.substr(0, text.size() - 40), sink);
  EXPECT_EQ(sink.entities.size(), 5U);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].line, 7U);
  EXPECT_EQ(sink.damages[0].reason.rfind("json: ", 0), 0U);
}

TEST(ListsFtm, LinesWithoutIdOrObjectAreReported) {
  KeepSink sink;
  (void)decode_ftm_json("f.json", "[1,2]\n{\"schema\":\"Person\"}\n\n{\"id\":\"p\",\"schema\":\"Person\"}\n", sink);
  ASSERT_EQ(sink.damages.size(), 3U);
  EXPECT_EQ(sink.damages[0].reason, "line is not a json object");
  EXPECT_EQ(sink.damages[1].reason, "entity has no `id` string");
  EXPECT_EQ(sink.damages[2].line, 4U);
  EXPECT_EQ(sink.damages[2].reason, "entity `p` has no name");
}

}  // namespace
}  // namespace interdict
