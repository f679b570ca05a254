// `interdict screen` end to end: names in any script against the orders' entities and
// subjects, and against an index of the real OFAC, UN and OpenSanctions files imported once.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "cli/cli_helpers.h"

namespace interdict::testing {
namespace {

const std::string kWatchman = std::string(INTERDICT_SHARED_DATA) + "/watchman/test/testdata";
const std::string kFtm = std::string(INTERDICT_SHARED_DATA) + "/yente/tests/fixtures/dataset/t1/entities.ftm.json";

// The OFAC SDN and Consolidated set, the UN list and an FtM file in one index, imported once
// per test binary (the OFAC set takes seconds in a Debug build).
const std::string& full_index() {
  static std::unique_ptr<TempDir> dir;
  static std::string path;
  if (dir) return path;
  dir = std::make_unique<TempDir>();
  path = (dir->path() / "lists.idx").string();
  auto r = run_interdict("lists import -o " + shell_quote(path) + " " + shell_quote(kWatchman) + " " +
                         shell_quote(kWatchman + "/UN_consolidated.xml") + " " + shell_quote(kFtm));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return path;
}

// The first hit of the only query screened by `args`; fails when there is none.
struct Screened {
  CommandResult result;
  std::unique_ptr<JsonLines> lines;
  simdjson::dom::array hits() const {
    simdjson::dom::array a;
    if (lines->size() != 1 || (*lines)[0]["hits"].get_array().get(a)) ADD_FAILURE() << result.out;
    return a;
  }
  simdjson::dom::element first() const {
    for (simdjson::dom::element hit : hits()) return hit;
    ADD_FAILURE() << "no hit: " << result.out << result.err;
    return {};
  }
};

Screened screen(const std::string& args, std::string_view input = {}) {
  Screened s;
  s.result = run_interdict("screen --format jsonl " + args, input);
  s.lines = std::make_unique<JsonLines>(s.result.out);
  return s;
}

void expect_match(const std::string& name, const std::string& list, const std::string& id) {
  SCOPED_TRACE(name);
  Screened s = screen("--index " + shell_quote(full_index()) + " " + shell_quote(name));
  EXPECT_EQ(s.result.exit_code, 1) << s.result.err;
  // The same party may be on several lists (OFAC and the UN both list Eric Badege).
  bool found = false;
  for (simdjson::dom::element hit : s.hits()) {
    found |= str(hit, "list") == list && str(hit, "id") == id && str(hit, "verdict") == "match";
  }
  EXPECT_TRUE(found) << s.result.out;
}

TEST(ScreenLists, OfacSdnNameAsListedMatches) { expect_match("MADURO MOROS, Nicolas", "ofac-sdn", "22790"); }

TEST(ScreenLists, OfacLastCommaFirstReorderedMatches) { expect_match("Nicolas Maduro Moros", "ofac-sdn", "22790"); }

TEST(ScreenLists, OfacMisspelledNameMatches) { expect_match("Nicolaz Maduro Moros", "ofac-sdn", "22790"); }

TEST(ScreenLists, OfacOrganisationMatches) { expect_match("Banco Nacional de Cuba", "ofac-sdn", "306"); }

TEST(ScreenLists, UnListedPersonMatches) { expect_match("Eric Badege", "un", "CDi.001"); }

TEST(ScreenLists, OpenSanctionsPersonMatches) {
  expect_match("Vitaly Yurievich Kuzmenko", "opensanctions", "NK-2Ka3UvopqbpZmVDFjWd4LA");
}

TEST(ScreenLists, ListsIsTheIndexOptionAsScanNamesIt) {
  Screened s = screen("--lists " + shell_quote(full_index()) + " 'Eric Badege'");
  EXPECT_EQ(s.result.exit_code, 1) << s.result.err;
  EXPECT_NE(s.result.out.find("CDi.001"), std::string::npos) << s.result.out;
}

TEST(ScreenLists, IndexAlsoHoldsTheOrdersNames) { expect_match("WeChat Pay", "order", "wechat-pay"); }

TEST(ScreenLists, CleanNameHasNoHitAndExitsZero) {
  Screened s = screen("--index " + shell_quote(full_index()) + " 'Margarethe Oberholzer Baeckerei'");
  EXPECT_EQ(s.result.exit_code, 0) << s.result.err;
  EXPECT_EQ(s.hits().size(), 0u) << s.result.out;
}

TEST(ScreenLists, TruncatedIndexExitsTwoWithAClearMessage) {
  TempDir dir;
  std::string bytes = read_file(full_index());
  const std::string cut = dir.write("cut.idx", bytes.substr(0, bytes.size() / 3));
  auto r = run_interdict("screen --index " + shell_quote(cut) + " Tencent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("interdict: screen: --index " + cut + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("interdict lists import"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(ScreenLists, GarbageIndexExitsTwo) {
  TempDir dir;
  const std::string bad = dir.write("bad.idx", "this is not an index file at all");
  auto r = run_interdict("screen --index " + shell_quote(bad) + " Tencent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.idx"), std::string::npos) << r.err;
}

TEST(ScreenLists, MissingIndexExitsTwo) {
  auto r = run_interdict("screen --index /nonexistent/lists.idx Tencent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/lists.idx"), std::string::npos) << r.err;
}

// Against the orders alone (no --index).
void expect_order_hit(const std::string& name, const std::string& id) {
  SCOPED_TRACE(name);
  Screened s = screen(shell_quote(name));
  EXPECT_EQ(s.result.exit_code, 1) << s.result.err << s.result.out;
  auto hit = s.first();
  EXPECT_EQ(str(hit, "verdict"), "match");
  EXPECT_EQ(str(hit, "list"), "order");
  EXPECT_EQ(str(hit, "id"), id);
}

TEST(ScreenOrders, TraditionalChineseTencentHoldings) { expect_order_hit("騰訊控股", "tencent-holdings"); }
TEST(ScreenOrders, SimplifiedChineseTencent) { expect_order_hit("腾讯", "tencent-holdings"); }
TEST(ScreenOrders, EnglishTencentWithLegalForm) { expect_order_hit("Tencent Holdings Ltd", "tencent-holdings"); }
TEST(ScreenOrders, ByteDanceInLatin) { expect_order_hit("ByteDance", "bytedance-ltd"); }
TEST(ScreenOrders, ByteDanceInChinese) { expect_order_hit("字节跳动", "bytedance-ltd"); }

TEST(ScreenOrders, TencentHitNamesTheWeChatOrderAndItsPaymentProhibition) {
  Screened s = screen("'Tencent Holdings Ltd'");
  auto hit = s.first();
  simdjson::dom::array orders, payment;
  ASSERT_FALSE(hit["orders"].get_array().get(orders)) << s.result.out;
  ASSERT_FALSE(hit["payment_prohibitions"].get_array().get(payment)) << s.result.out;
  bool wechat = false;
  for (auto o : orders) wechat |= o.get_string().value_unsafe() == "us-2020-wechat";
  EXPECT_TRUE(wechat) << s.result.out;
  bool item2 = false;
  for (auto p : payment) item2 |= p.get_string().value_unsafe().starts_with("us-2020-wechat/2 ");
  EXPECT_TRUE(item2) << s.result.out;
}

TEST(ScreenOrders, HitExplainsItsTokenPairs) {
  Screened s = screen("'Tencent Holdings Ltd'");
  auto hit = s.first();
  EXPECT_NE(str(hit, "why").find("tencent~tencent 1.00"), std::string::npos) << str(hit, "why");
  simdjson::dom::array pairs;
  ASSERT_FALSE(hit["explanation"]["pairs"].get_array().get(pairs));
  EXPECT_GE(pairs.size(), 2u);
}

TEST(ScreenOrders, CleanNameExitsZeroWithNoHits) {
  Screened s = screen("'Margarethe Oberholzer'");
  EXPECT_EQ(s.result.exit_code, 0) << s.result.err;
  EXPECT_EQ(s.hits().size(), 0u) << s.result.out;
}

TEST(ScreenInput, PlainLinesFromStdinOneResultEach) {
  auto r = run_interdict("screen --format jsonl", "腾讯\n\nMargarethe Oberholzer\r\nByteDance\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(str(lines[1], "query"), "Margarethe Oberholzer");
}

TEST(ScreenInput, JsonLinesEchoIdAndHints) {
  auto r =
      run_interdict("screen --format jsonl",
                    "{\"name\":\"Tencent Holdings\",\"country\":\"CN\",\"type\":\"organization\",\"id\":\"pay-42\"}\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(str(lines[0], "id"), "pay-42");
  EXPECT_EQ(str(lines[0], "country"), "CN");
  EXPECT_EQ(str(lines[0], "type"), "organization");
}

TEST(ScreenInput, BadJsonLineIsReportedWithItsLineAndExitsTwo) {
  auto r = run_interdict("screen --format jsonl", "Tencent\n{\"name\": oops}\n{\"country\":\"CN\"}\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("stdin:2: not a JSON object"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("stdin:3: no string `name`"), std::string::npos) << r.err;
  EXPECT_EQ(JsonLines(r.out).size(), 1u) << r.out;
}

TEST(ScreenInput, LineNotInUtf8IsReportedWithItsLineAndByteAndTheRestScreened) {
  auto r = run_interdict("screen --format jsonl", "Tencent\nSoci\xc3t\xc3\xa9\n{\"name\":\"Gr\xc3\"}\nByteDance\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("stdin:2: not valid UTF-8 at byte 5 of the line"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("stdin:3: not valid UTF-8 at byte 12 of the line"), std::string::npos) << r.err;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(str(lines[1], "query"), "ByteDance");
}

TEST(ScreenInput, NameArgumentNotInUtf8IsReportedAndTheOthersScreened) {
  auto r = run_interdict("screen --format jsonl Tencent \"$(printf 'Gr\\303')\" ByteDance");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("name 2: not valid UTF-8 at byte 3"), std::string::npos) << r.err;
  EXPECT_EQ(JsonLines(r.out).size(), 2u) << r.out;
}

TEST(ScreenInput, UnknownTypeInJsonIsReported) {
  auto r = run_interdict("screen --format jsonl", "{\"name\":\"Tencent\",\"type\":\"planet\"}\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown type `planet`"), std::string::npos) << r.err;
}

TEST(ScreenOptions, MatchThresholdNotANumberExitsTwo) {
  auto r = run_interdict("screen --match abc Tencent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--match"), std::string::npos) << r.err;
}

TEST(ScreenOptions, MatchThresholdAboveOneExitsTwo) {
  auto r = run_interdict("screen --match 1.5 Tencent");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(ScreenOptions, ReviewAboveMatchExitsTwo) {
  auto r = run_interdict("screen --match 0.8 --review 0.9 Tencent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("review threshold"), std::string::npos) << r.err;
}

TEST(ScreenOptions, UnknownTypeOptionExitsTwo) {
  auto r = run_interdict("screen --type planet Tencent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--type planet"), std::string::npos) << r.err;
}

TEST(ScreenOptions, MatchThresholdAtOneTurnsAMatchIntoAReview) {
  Screened s = screen("--match 1 --review 0.5 'Tencent Holdingz'");
  EXPECT_EQ(s.result.exit_code, 0) << s.result.out;
  EXPECT_EQ(str(s.first(), "verdict"), "review");
}

TEST(ScreenOutput, TableShowsVerdictListAndWhy) {
  auto r = run_interdict("screen --format table 'Tencent Holdings Ltd'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("matched name"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tencent-holdings"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tencent~tencent"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("us-2020-wechat"), std::string::npos) << r.out;
}

TEST(ScreenOutput, JsonIsOneArrayOfQueries) {
  auto r = run_interdict("screen --format json Tencent 'Margarethe Oberholzer'");
  simdjson::dom::parser parser;
  simdjson::dom::array all;
  ASSERT_FALSE(parser.parse(r.out).get_array().get(all)) << r.out;
  EXPECT_EQ(all.size(), 2u);
}

}  // namespace
}  // namespace interdict::testing
