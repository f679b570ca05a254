// OFAC's legacy CSV sets: the real SDN and Consolidated files joined by ent_num, and
// damaged rows in each file of a set.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "readers/lists_sink.h"

namespace interdict {
namespace {

using lists_test::contains;
using lists_test::KeepSink;

const std::string kWatchman = std::string(INTERDICT_SHARED_DATA) + "/watchman/test/testdata";

// Runs python3's csv module on `file` and returns the number of rows with an ent_num, or -1
// when python3 is not there. An independent count: another CSV parser, not ours.
long python_row_count(const std::string& file) {
  const std::string command =
      "python3 -c \"import csv,sys; print(sum(1 for r in csv.reader(open(sys.argv[1], "
      "encoding='utf-8', newline='')) if len(r) > 1))\" '" +
      file + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  long n = -1;
  if (std::fscanf(pipe, "%ld", &n) != 1) n = -1;
  pclose(pipe);
  return n;
}

KeepSink decode_sdn(const std::string& sdn, const std::string& add = "", const std::string& alt = "",
                    const std::string& comments = "") {
  KeepSink sink;
  const OfacFiles files{"sdn.csv", sdn, "add.csv", add, "alt.csv", alt, "sdn_comments.csv", comments};
  (void)decode_ofac_csv("ofac-sdn", files, sink);
  return sink;
}

const std::string kRow306 =
    "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\n";

TEST(ListsOfac, RealSdnSetMatchesPythonRowCountWithoutDamage) {
  KeepSink sink;
  auto stats = read_list(kWatchman + "/sdn.csv", sink);
  ASSERT_TRUE(stats.has_value()) << stats.error().to_string();
  // watchman's sdn_comments.csv comes from a later list than its sdn.csv: python3's csv
  // finds 10 of its 13 ent_nums (17018, 27307...) missing from sdn.csv.
  ASSERT_EQ(sink.damages.size(), 10U);
  for (const auto& d : sink.damages) {
    EXPECT_EQ(d.file, kWatchman + "/sdn_comments.csv");
    EXPECT_FALSE(d.fatal);
  }
  EXPECT_EQ(sink.damages[0].reason, "ent_num 17018 is not in the primary file");
  EXPECT_EQ(stats->damaged, 10U);
  const long expected = python_row_count(kWatchman + "/sdn.csv");
  if (expected < 0) GTEST_SKIP() << "python3 not available";
  EXPECT_EQ(expected, 7379);
  EXPECT_EQ(sink.entities.size(), static_cast<std::size_t>(expected));
  EXPECT_EQ(stats->entities, sink.entities.size());
  // Primary names plus the distinct alt.csv names per ent_num, counted with python3's csv.
  EXPECT_EQ(sink.name_count(), 17054U);
}

TEST(ListsOfac, RealSdnJoinsAliasesAddressesAndPrograms) {
  KeepSink sink;
  ASSERT_TRUE(read_list(kWatchman + "/sdn.csv", sink).has_value());
  const ListEntity* bnc = sink.find("306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_EQ(bnc->list, "ofac-sdn");
  EXPECT_EQ(bnc->kind, EntityKind::kOrganization);
  EXPECT_EQ(bnc->names, (std::vector<std::string>{"BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA"}));
  EXPECT_EQ(bnc->countries, (std::vector<std::string>{"CH", "ES", "JP", "PA"}));
  EXPECT_EQ(bnc->programs, (std::vector<std::string>{"CUBA"}));
  EXPECT_EQ(bnc->remarks, "a.k.a. 'BNC'.");
  EXPECT_EQ(bnc->line, 3U);
}

TEST(ListsOfac, RealCommentsContinueRemarksWithoutAGap) {
  KeepSink sink;
  ASSERT_TRUE(read_list(kWatchman + "/sdn.csv", sink).has_value());
  const ListEntity* e = sink.find("12300");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, EntityKind::kPerson);
  EXPECT_NE(e->remarks.find("Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL"), std::string::npos);
}

TEST(ListsOfac, RealFolderReadsSdnAndConsolidatedWithCrlf) {
  KeepSink sink;
  auto stats = read_list(kWatchman, sink);
  ASSERT_TRUE(stats.has_value());
  EXPECT_EQ(sink.damages.size(), 10U);  // only the sdn_comments.csv orphans above
  const long cons = python_row_count(kWatchman + "/cons_prim.csv");
  if (cons < 0) GTEST_SKIP() << "python3 not available";
  EXPECT_EQ(sink.entities.size(), 7379U + static_cast<std::size_t>(cons));
  const ListEntity* haniya = sink.find("9639");
  ASSERT_NE(haniya, nullptr);
  EXPECT_EQ(haniya->list, "ofac-consolidated");
  EXPECT_EQ(haniya->names,
            (std::vector<std::string>{"HANIYA, Ismail Abdul Salah", "HANIYA, Ismail", "HANIYYA, Ismaeel"}));
  EXPECT_EQ(haniya->dates_of_birth, (std::vector<std::string>{"1962"}));
  EXPECT_EQ(haniya->programs, (std::vector<std::string>{"NS-PLC"}));
}

TEST(ListsOfac, NationalityAndCitizenshipInRemarksBecomeCountries) {
  const auto sink = decode_sdn(
      "7,\"DOE, John\",\"individual\",\"SDGT] [IRGC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
      "\"DOB 12 Jan 1960; alt. DOB 1961; nationality Iran; citizen Syria.\"\n");
  ASSERT_EQ(sink.entities.size(), 1U);
  EXPECT_EQ(sink.entities[0].programs, (std::vector<std::string>{"SDGT", "IRGC"}));
  EXPECT_EQ(sink.entities[0].dates_of_birth, (std::vector<std::string>{"12 Jan 1960", "1961"}));
  EXPECT_EQ(sink.entities[0].countries, (std::vector<std::string>{"IR", "SY"}));
}

TEST(ListsOfac, BadQuotingIsReportedWithItsLineAndTheRestRead) {
  const auto sink = decode_sdn("1,\"A\"x,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n" + kRow306);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].line, 1U);
  EXPECT_FALSE(sink.damages[0].fatal);
  EXPECT_NE(sink.damages[0].reason.find("after a closing quote"), std::string::npos);
  ASSERT_EQ(sink.entities.size(), 1U);
  EXPECT_EQ(sink.entities[0].id, "306");
  EXPECT_EQ(sink.entities[0].line, 2U);
}

TEST(ListsOfac, MissingColumnsAreReported) {
  const auto sink = decode_sdn(kRow306 + "5,\"SHORT\",-0- \n");
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].line, 2U);
  EXPECT_EQ(sink.damages[0].reason, "12 fields expected, 3 read");
  EXPECT_EQ(sink.entities.size(), 1U);
}

TEST(ListsOfac, EntNumThatIsNotANumberIsReported) {
  const auto sink = decode_sdn("x12,\"A\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n" + kRow306);
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].reason, "ent_num `x12` is not a number");
  EXPECT_EQ(sink.entities.size(), 1U);
}

TEST(ListsOfac, RepeatedEntNumKeepsTheFirst) {
  const auto sink = decode_sdn(kRow306 + "306,\"OTHER\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].reason, "ent_num 306 repeated");
  ASSERT_EQ(sink.entities.size(), 1U);
  EXPECT_EQ(sink.entities[0].names[0], "BANCO NACIONAL DE CUBA");
}

TEST(ListsOfac, AliasForUnknownEntNumIsReportedInTheAliasFile) {
  const auto sink =
      decode_sdn(kRow306, "", "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \n999,1,\"aka\",\"GHOST\",-0- \n");
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].file, "alt.csv");
  EXPECT_EQ(sink.damages[0].line, 2U);
  EXPECT_EQ(sink.damages[0].reason, "ent_num 999 is not in the primary file");
  ASSERT_EQ(sink.entities.size(), 1U);
  EXPECT_EQ(sink.entities[0].names.size(), 2U);
}

TEST(ListsOfac, ShortAddressRowIsReportedAndOthersJoined) {
  const auto sink = decode_sdn(kRow306, "306,199\n306,200,\"Avenida\",\"Madrid\",\"Spain\",-0- \n");
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].file, "add.csv");
  EXPECT_EQ(sink.damages[0].reason, "5 fields expected, 2 read");
  EXPECT_EQ(sink.entities.at(0).countries, (std::vector<std::string>{"ES"}));
}

TEST(ListsOfac, QuoteNeverClosedIsFatalAfterTheCompleteRows) {
  const auto sink = decode_sdn(kRow306 + "9,\"OPEN NAME,-0- ,-0- \n10,B\n");
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_TRUE(sink.damages[0].fatal);
  EXPECT_EQ(sink.damages[0].line, 2U);
  EXPECT_EQ(sink.entities.size(), 1U);
}

TEST(ListsOfac, QuotedNewlineKeepsLaterLineNumbers) {
  const auto sink =
      decode_sdn("1,\"TWO\nLINES\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n" + kRow306 + "\x1a");
  EXPECT_TRUE(sink.damages.empty());
  ASSERT_EQ(sink.entities.size(), 2U);
  EXPECT_EQ(sink.entities[0].names[0], "TWO\nLINES");
  EXPECT_EQ(sink.entities[1].line, 3U);
}

TEST(ListsOfac, EmptyNameIsReported) {
  const auto sink = decode_sdn("4,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n");
  ASSERT_EQ(sink.damages.size(), 1U);
  EXPECT_EQ(sink.damages[0].reason, "ent_num 4 has no name");
  EXPECT_TRUE(sink.entities.empty());
}

}  // namespace
}  // namespace interdict
