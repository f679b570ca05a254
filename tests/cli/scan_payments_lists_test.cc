// `interdict scan --lists`: every party of every payment screened against an index of the
// sanctions lists (here the three real SDN entries of samples/lists). A list hit makes a
// payment `review`, never `prohibited`: the lists are not orders.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cli/cli_helpers.h"

namespace interdict::testing {
namespace {

const std::string kTransfers = source_path("samples/payments/transfers.jsonl");

// The index of samples/lists, built once for the whole file.
const std::string& sample_index() {
  static TempDir* dir = new TempDir();
  static const std::string path = [] {
    const std::string idx = (dir->path() / "sample.idx").string();
    CommandResult r =
        run_interdict("--quiet lists import -o " + shell_quote(idx) + " " + shell_quote(source_path("samples/lists")));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return idx;
  }();
  return path;
}

CommandResult scan_lists(const std::string& format, const std::string& input) {
  return run_interdict("--format " + format + " scan --lists " + shell_quote(sample_index()) + " " +
                       shell_quote(input));
}

// The payment `id` of a JSON Lines output, or an empty element.
bool find_payment(const JsonLines& lines, const std::string& id, simdjson::dom::element& out) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (str(lines[i], "payment_id") == id) {
      out = lines[i];
      return true;
    }
  }
  return false;
}

TEST(ScanPaymentsLists, ListedCreditorMakesThePaymentReviewNotProhibited) {
  CommandResult r = scan_lists("jsonl", kTransfers);
  // The lists are not orders: a list hit alone is review, and review exits 0 (docs/scan.md).
  EXPECT_EQ(r.exit_code, 0) << r.err;
  JsonLines lines(r.out);
  simdjson::dom::element p;
  ASSERT_TRUE(find_payment(lines, "TRF-2101", p)) << r.out;
  EXPECT_EQ(str(p, "verdict"), "review");
  EXPECT_TRUE(p["list_review"].get_bool().value());
  simdjson::dom::element creditor;
  for (simdjson::dom::element party : p["parties"].get_array()) {
    if (str(party, "role") == "creditor") creditor = party;
  }
  simdjson::dom::element hit = creditor["list_hits"].at(0).value();
  EXPECT_EQ(str(hit, "list"), "ofac-sdn");
  EXPECT_EQ(str(hit, "id"), "22583");
  EXPECT_EQ(str(hit, "name"), "MINGZHENG INTERNATIONAL TRADING LIMITED");
  EXPECT_EQ(str(hit, "verdict"), "match");
  EXPECT_GE(hit["score"].get_double().value(), 0.94);
  EXPECT_NE(str(hit, "why").find("mingzheng~mingzheng 1.00"), std::string::npos) << str(hit, "why");
  EXPECT_GT(hit["explanation"]["pairs"].get_array().size(), 1u);
}

TEST(ScanPaymentsLists, UnlistedPaymentIsNotReported) {
  CommandResult r = scan_lists("jsonl", kTransfers);
  EXPECT_EQ(r.out.find("TRF-2103"), std::string::npos) << r.out;
}

TEST(ScanPaymentsLists, AnOrderProhibitionStaysProhibitedBesideAListedParty) {
  TempDir dir;
  dir.write("payments.toml", order_in_force("test-payments", "[\"payment\"]", "[\"wechat-pay\"]"));
  const std::string file = dir.write(
      "p.jsonl",
      R"({"payment_id":"X-1","time":"2021-03-02T15:20:00Z","amount":"5.00","currency":"USD","channel":"WeChat Pay",)"
      R"("debtor":{"name":"Ann Lee","country":"US"},"creditor":{"name":"Mingzheng International Trading Limited","country":"HK"}})"
      "\n");
  CommandResult r = run_interdict("--orders +" + shell_quote(dir.path().string()) + " --format jsonl scan --lists " +
                                  shell_quote(sample_index()) + " " + shell_quote(file));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(str(lines[0], "verdict"), "prohibited");
  EXPECT_FALSE(lines[0]["list_review"].get_bool().value());
  EXPECT_NE(r.out.find("\"id\":\"22583\""), std::string::npos) << r.out;
}

TEST(ScanPaymentsLists, PartyWithoutANameIsKeptAndNotScreened) {
  TempDir dir;
  const std::string file = dir.write(
      "p.jsonl",
      R"({"payment_id":"N-1","time":"2021-03-02T15:20:00Z","amount":"5.00","currency":"USD",)"
      R"("debtor":{"name":"Mingzheng International Trading Ltd","country":"HK"},"creditor":{"country":"US","iban":"GB29NWBK60161331926819"}})"
      "\n");
  CommandResult r = scan_lists("jsonl", file);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  JsonLines lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out << r.err;
  int unnamed = 0;
  for (simdjson::dom::element party : lines[0]["parties"].get_array()) {
    if (str(party, "name").empty()) {
      ++unnamed;
      EXPECT_TRUE(party["list_hits"].error()) << "an unnamed party has nothing to screen";
    }
  }
  EXPECT_EQ(unnamed, 1) << r.out;
  EXPECT_EQ(str(lines[0], "verdict"), "review");
}

TEST(ScanPaymentsLists, JsonOutputIsOneArray) {
  CommandResult r = scan_lists("json", kTransfers);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::array all = parser.parse(r.out).get_array().value();
  bool seen = false;
  for (simdjson::dom::element p : all) seen |= str(p, "payment_id") == "TRF-2101";
  EXPECT_TRUE(seen) << r.out;
}

TEST(ScanPaymentsLists, TableNamesTheListedPartyAndItsList) {
  CommandResult r = scan_lists("table", kTransfers);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("listed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ofac-sdn 0.99 match: creditor MINGZHENG"), std::string::npos) << r.out;
}

TEST(ScanPaymentsLists, DamagedIndexExitsTwoWithAClearMessage) {
  TempDir dir;
  const std::string bytes = read_file(sample_index());
  const std::string cut = dir.write("cut.idx", bytes.substr(0, bytes.size() / 2));
  CommandResult r = run_interdict("--format jsonl scan --lists " + shell_quote(cut) + " " + shell_quote(kTransfers));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("--lists: " + cut + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("interdict lists import"), std::string::npos) << r.err;
}

TEST(ScanPaymentsLists, MissingIndexExitsTwo) {
  CommandResult r = run_interdict("scan --lists /nonexistent/lists.idx " + shell_quote(kTransfers));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/lists.idx"), std::string::npos) << r.err;
}

// Issue 6: an index that cannot be used is refused when the options are read, before any
// input: one line on stderr naming the file and what is wrong, nothing on stdout. The
// inputs would print findings (the WeChat Pay transfers) and an error of their own (the
// missing file) if they were read.
CommandResult scan_with_bad_lists(const std::string& index) {
  return run_interdict("--format jsonl scan --as-of 2020-09-21T12:00:00Z --lists " + shell_quote(index) + " " +
                       shell_quote(kTransfers) + " /nonexistent/payments.xml");
}

void expect_refused(const CommandResult& r, const std::string& index, const std::string& problem) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err.find("interdict: --lists: " + index + ": "), 0u) << r.err;
  EXPECT_NE(r.err.find(problem), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(build it with `interdict lists import`)"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.find("payments.xml"), std::string::npos) << "an input was read: " << r.err;
}

TEST(ScanPaymentsLists, Issue6MissingIndexIsRefusedBeforeAnyInput) {
  expect_refused(scan_with_bad_lists("/nonexistent/lists.idx"), "/nonexistent/lists.idx", "cannot open name index");
}

TEST(ScanPaymentsLists, Issue6TruncatedIndexIsRefusedBeforeAnyInput) {
  TempDir dir;
  const std::string bytes = read_file(sample_index());
  const std::string cut = dir.write("cut.idx", bytes.substr(0, bytes.size() / 2));
  expect_refused(scan_with_bad_lists(cut), cut, "array length past the end of the file");
}

TEST(ScanPaymentsLists, Issue6FileThatIsNotAnIndexIsRefusedBeforeAnyInput) {
  // A payment file given where the index belongs, an easy slip on a command line.
  expect_refused(scan_with_bad_lists(kTransfers), kTransfers, "not a name index");
}

TEST(ScanPaymentsLists, Issue6WithoutTheBadIndexTheSameInputsPrintFindings) {
  // The refusals above are not an empty input's silence: these inputs print findings.
  CommandResult r = run_interdict("--format jsonl scan --as-of 2020-09-21T12:00:00Z " + shell_quote(kTransfers));
  EXPECT_FALSE(r.out.empty()) << r.err;
}

}  // namespace
}  // namespace interdict::testing
