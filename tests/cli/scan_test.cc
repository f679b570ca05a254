// `interdict scan` end to end: the built binary on the bundled samples and on damaged
// temporary files, checking exit codes and specific answers in its JSON Lines output.
// The expected answers follow the bundled orders (orders/*.toml); where they cite an event
// or a time, that is the order file's.
#include <map>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"

namespace {

using interdict::testing::CommandResult;
using interdict::testing::shell_quote;
using interdict::testing::source_path;
using interdict::testing::TempDir;

// Runs `interdict ARGS` (shell text).
CommandResult run(const std::string& args) { return interdict::testing::run_interdict(args); }

// One JSON Lines answer, flattened for assertions: scalars as text, arrays joined by ' '.
using Answer = std::map<std::string, std::string>;

std::vector<Answer> parse_jsonl(const std::string& out) {
  std::vector<Answer> answers;
  simdjson::dom::parser parser;
  for (const std::string& line : interdict::testing::split_lines(out)) {
    if (line.empty()) continue;
    simdjson::dom::element doc;
    if (parser.parse(line).get(doc)) {
      ADD_FAILURE() << "not JSON: " << line;
      continue;
    }
    simdjson::dom::object object;
    if (doc.get_object().get(object)) {
      ADD_FAILURE() << "not an object: " << line;
      continue;
    }
    Answer a;
    for (auto [key, value] : object) {
      std::string text;
      if (value.is_string()) {
        text = std::string(value.get_string().value_unsafe());
      } else if (value.is_array()) {
        simdjson::dom::array list = value.get_array().value_unsafe();
        for (simdjson::dom::element item : list) {
          if (!item.is_string()) continue;  // "activities" holds objects
          text += (text.empty() ? "" : " ") + std::string(item.get_string().value_unsafe());
        }
      } else if (value.is_null()) {
        text = "null";
      } else {
        text = simdjson::minify(value);
      }
      a[std::string(key)] = text;
    }
    answers.push_back(std::move(a));
  }
  return answers;
}

// The answer for `file` (base name) at `line`.
const Answer* find(const std::vector<Answer>& answers, const std::string& file, int line) {
  for (const Answer& a : answers) {
    auto f = a.find("file");
    if (f == a.end() || a.at("line") != std::to_string(line)) continue;
    if (f->second.size() >= file.size() && f->second.compare(f->second.size() - file.size(), file.size(), file) == 0) {
      return &a;
    }
  }
  return nullptr;
}

const std::string kCatalogue = shell_quote(source_path("samples/store/catalogue.csv"));
const std::string kJsonCatalogue = shell_quote(source_path("samples/store/catalogue.jsonl"));
const std::string kRequests = shell_quote(source_path("samples/store/requests.jsonl"));

// ---- The bundled samples ----

TEST(ScanSamples, TikTokInTheUsStorefrontIn2025IsProhibitedUnderPafacaWithEnforcementSuspended) {
  CommandResult r = run("--format jsonl scan --as-of 2025-06-01T00:00:00Z " + kCatalogue);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse_jsonl(r.out);
  const Answer* a = find(answers, "catalogue.csv", 2);
  ASSERT_NE(a, nullptr) << r.out;
  EXPECT_EQ(a->at("kind"), "listing");
  EXPECT_EQ(a->at("id"), "com.zhiliaoapp.musically");
  EXPECT_EQ(a->at("verdict"), "prohibited");
  // EO 14258 withholds enforcement until 2025-06-19; the conduct stays unlawful.
  EXPECT_EQ(a->at("status"), "suspended");
  EXPECT_EQ(a->at("order"), "us-2024-pafaca");
  EXPECT_EQ(a->at("prohibition"), "2(a)(1)(A)");
  EXPECT_EQ(a->at("subject"), "tiktok");
  EXPECT_EQ(a->at("stop"), "store.distribute store.update");
  EXPECT_EQ(a->at("in_scope"), "US PR GU VI");
  EXPECT_EQ(a->at("outside"), "CA GB DE");
  EXPECT_EQ(a->at("since"), "2025-01-19T05:00:00Z");  // 00:00 America/New_York
  EXPECT_NE(a->at("reasons").find("eo14258"), std::string::npos);
}

TEST(ScanSamples, ListingWithMoreStorefrontsThanOneObservationHoldsIsDecidedOnAll) {
  CommandResult r = run("--format jsonl scan --as-of 2025-06-01T00:00:00Z " + kCatalogue);
  auto answers = parse_jsonl(r.out);
  const Answer* a = find(answers, "catalogue.csv", 3);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->at("ids"), "com.zhiliaoapp.musically 835599320");
  EXPECT_EQ(a->at("verdict"), "prohibited");
  EXPECT_EQ(a->at("in_scope"), "US PR GU AS MP");  // the US comes ninth, in the second chunk
  EXPECT_EQ(a->at("outside"), "CA GB DE FR IT ES NL SE");
}

TEST(ScanSamples, OtherListingsIn2025) {
  CommandResult r = run("--format jsonl scan --as-of 2025-06-01T00:00:00Z " + kCatalogue);
  auto answers = parse_jsonl(r.out);
  ASSERT_EQ(answers.size(), 18u);
  struct Want {
    int line;
    const char* verdict;
    const char* status;
    const char* order;
  };
  const Want wants[] = {
      {4, "permitted", "suspended", "us-2024-pafaca"},   // TikTok Lite, no US storefront
      {5, "permitted", "suspended", "us-2024-pafaca"},   // TikTok (trill build) in Asia
      {6, "prohibited", "suspended", "us-2024-pafaca"},  // TikTok Shop Seller Center, US
      {7, "review", "suspended", "us-2024-pafaca"},      // CapCut: known by a partial name only
      {8, "review", "suspended", "us-2024-pafaca"},      // Lemon8: likewise
      {9, "permitted", "suspended", "us-2024-pafaca"},   // Douyin, CN storefront only
      {10, "permitted", "revoked", "us-2020-wechat"},    // WeChat: EO 14034 revoked the 2020 order
      {11, "permitted", "revoked", "us-2020-wechat"},
      {12, "permitted", "none", "null"},  // WeCom: no order designates it
      {14, "permitted", "none", "null"},  // PUBG MOBILE (Tencent games)
      {16, "permitted", "none", "null"},  // Signal
  };
  for (const Want& w : wants) {
    const Answer* a = find(answers, "catalogue.csv", w.line);
    ASSERT_NE(a, nullptr) << w.line;
    EXPECT_EQ(a->at("verdict"), w.verdict) << "line " << w.line;
    EXPECT_EQ(a->at("status"), w.status) << "line " << w.line;
    EXPECT_EQ(a->at("order"), w.order) << "line " << w.line;
  }
  EXPECT_EQ(find(answers, "catalogue.csv", 9)->at("outside"), "CN");
  EXPECT_EQ(find(answers, "catalogue.csv", 7)->at("review"), "store.distribute store.update");
}

TEST(ScanSamples, NothingIsProhibitedOnSeptember28_2020BecauseBothOrdersWereEnjoined) {
  CommandResult r = run("--format jsonl scan --as-of \"2020-09-28T12:00 America/New_York\" " + kCatalogue);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto answers = parse_jsonl(r.out);
  const Answer* tiktok = find(answers, "catalogue.csv", 2);
  ASSERT_NE(tiktok, nullptr);
  EXPECT_EQ(tiktok->at("verdict"), "permitted");
  EXPECT_EQ(tiktok->at("status"), "enjoined");  // TikTok Inc. v. Trump (D.D.C.), Sept 27
  EXPECT_EQ(tiktok->at("order"), "us-2020-tiktok");
  EXPECT_EQ(tiktok->at("prohibition"), "1");
  const Answer* wechat = find(answers, "catalogue.csv", 11);
  ASSERT_NE(wechat, nullptr);
  EXPECT_EQ(wechat->at("status"), "enjoined");  // U.S. WeChat Users Alliance v. Trump, Sept 19
  EXPECT_EQ(wechat->at("order"), "us-2020-wechat");
}

TEST(ScanSamples, RequestLogAnswersEachRequestAtItsOwnTime) {
  CommandResult r = run("--format jsonl scan " + kRequests);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse_jsonl(r.out);
  ASSERT_EQ(answers.size(), 26u);
  struct Want {
    int line;
    const char* verdict;
    const char* status;
    const char* order;
    const char* stop;
  };
  const Want wants[] = {
      {1, "permitted", "scheduled", "us-2020-tiktok", ""},  // before the delayed effective time
      {2, "permitted", "enjoined", "us-2020-wechat", ""},   // WeChat update, Sept 21 2020
      {4, "permitted", "enjoined", "us-2020-tiktok", ""},   // TikTok download, Sept 28 2020
      {6, "permitted", "revoked", "us-2020-wechat", ""},    // after EO 14034
      {7, "permitted", "scheduled", "us-2024-pafaca", ""},  // enacted, not yet effective
      {9, "permitted", "scheduled", "us-2024-pafaca", ""},  // the evening before Jan 19 2025
      {10, "prohibited", "suspended", "us-2024-pafaca", "store.distribute"},
      {11, "prohibited", "suspended", "us-2024-pafaca", "store.update"},
      {12, "permitted", "suspended", "us-2024-pafaca", ""},                   // Canada: outside the scope
      {13, "prohibited", "suspended", "us-2024-pafaca", "store.distribute"},  // TikTok Lite install
      {15, "review", "suspended", "us-2024-pafaca", ""},                      // CapCut by title
      {17, "permitted", "none", "null", ""},                                  // Signal
      {24, "prohibited", "in_force", "us-2024-pafaca", "store.update"},       // after EO 14352's 120 days
  };
  for (const Want& w : wants) {
    const Answer* a = find(answers, "requests.jsonl", w.line);
    ASSERT_NE(a, nullptr) << w.line;
    EXPECT_EQ(a->at("kind"), "request");
    EXPECT_EQ(a->at("verdict"), w.verdict) << "line " << w.line;
    EXPECT_EQ(a->at("status"), w.status) << "line " << w.line;
    EXPECT_EQ(a->at("order"), w.order) << "line " << w.line;
    EXPECT_EQ(a->at("stop"), w.stop) << "line " << w.line;
  }
  const Answer* first = find(answers, "requests.jsonl", 1);
  EXPECT_EQ(first->at("type"), "download");
  EXPECT_EQ(first->at("at"), "2020-09-20T16:00:00Z");
  EXPECT_EQ(first->at("country"), "US");
  EXPECT_EQ(first->at("client"), "c-1a07");
  EXPECT_EQ(first->at("store"), "google-play");
  EXPECT_EQ(find(answers, "requests.jsonl", 12)->at("outside"), "CA");
}

TEST(ScanSamples, KnownAtBeforeTheSuspensionWasRecordedShowsTheActInForce) {
  // EO 14166 (signed Jan 20, 2025) reaches back to Jan 19; as known on the 19th, nothing
  // withheld enforcement yet.
  CommandResult r = run("--format jsonl scan --known-at 2025-01-19T12:00:00Z " + kRequests);
  auto answers = parse_jsonl(r.out);
  const Answer* a = find(answers, "requests.jsonl", 10);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->at("verdict"), "prohibited");
  EXPECT_EQ(a->at("status"), "in_force");
  EXPECT_EQ(a->at("known_at"), "2025-01-19T12:00:00Z");
}

TEST(ScanSamples, JsonCatalogueAndFormatJsonIsOneArray) {
  CommandResult r = run("--format json scan --as-of 2025-06-01T00:00:00Z " + kJsonCatalogue + " " + kCatalogue);
  EXPECT_EQ(r.exit_code, 1);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_FALSE(parser.parse(r.out).get(doc)) << r.out.substr(0, 200);
  simdjson::dom::array list;
  ASSERT_FALSE(doc.get_array().get(list));
  EXPECT_EQ(list.size(), 7u + 18u);
  std::string_view verdict;
  ASSERT_FALSE(list.at(1)["verdict"].get_string().get(verdict));  // TikTok Now, by App Store id
  EXPECT_EQ(verdict, "prohibited");
}

TEST(ScanSamples, TableNamesTheClause) {
  CommandResult r = run("--format table scan --as-of 2025-06-01T00:00:00Z " + kCatalogue);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("verdict"), std::string::npos);
  EXPECT_NE(r.out.find("us-2024-pafaca 2(a)(1)(A)"), std::string::npos);
  EXPECT_NE(r.out.find("US PR GU VI (not CA GB DE)"), std::string::npos);
  EXPECT_NE(r.err.find("18 records (18 listings, 0 requests): 3 prohibited, 2 review"), std::string::npos) << r.err;
}

// ---- Damaged and unusual input ----

TEST(ScanInput, DamagedRecordIsReportedAndTheRestStillScanned) {
  TempDir dir;
  std::string path = dir.write("damaged.csv",
                               "app_id,title,storefronts\n"
                               "com.zhiliaoapp.musically,TikTok,US\n"
                               "com.broken,\"Broken\n"
                               "com.tencent.mm,WeChat,US,extra\n"
                               "org.mozilla.firefox,Firefox,US\n");
  CommandResult r = run("--format jsonl scan --as-of 2025-06-01T00:00:00Z " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 1) << "damage alone is not an input error; TikTok is prohibited";
  auto answers = parse_jsonl(r.out);
  const Answer* error = find(answers, "damaged.csv", 4);
  ASSERT_NE(error, nullptr) << r.out;
  EXPECT_EQ(error->at("kind"), "error");
  EXPECT_EQ(error->at("error"), "4 fields, the header has 3");
  const Answer* firefox = find(answers, "damaged.csv", 5);
  ASSERT_NE(firefox, nullptr);
  EXPECT_EQ(firefox->at("verdict"), "permitted");
  EXPECT_NE(r.err.find("damaged.csv:4: 4 fields, the header has 3 (record skipped)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 damaged records skipped"), std::string::npos) << r.err;
}

TEST(ScanInput, StrictMakesADamagedRecordFatal) {
  TempDir dir;
  std::string path = dir.write("strict.jsonl",
                               "{\"time\": \"2025-02-01T00:00:00Z\", \"type\": \"download\", \"app\": \"com.a\", "
                               "\"country\": \"US\"}\n"
                               "{\"time\": \"yesterday\", \"type\": \"download\", \"app\": \"com.b\"}\n"
                               "{\"time\": \"2025-02-01T00:00:00Z\", \"type\": \"download\", \"app\": "
                               "\"com.zhiliaoapp.musically\", \"country\": \"US\"}\n");
  CommandResult r = run("--format jsonl scan --strict " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("strict.jsonl:2: `time`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(stopping: --strict)"), std::string::npos);
  EXPECT_EQ(r.out.find("com.zhiliaoapp.musically"), std::string::npos) << "nothing after the damage is read";
  CommandResult lenient = run("--format jsonl scan " + shell_quote(path));
  EXPECT_EQ(lenient.exit_code, 1);
}

TEST(ScanInput, MissingFileIsAnInputErrorButTheOtherInputsAreScanned) {
  CommandResult r = run("--format jsonl scan --as-of 2025-06-01T00:00:00Z /nonexistent/catalogue.csv " + kCatalogue);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot open `/nonexistent/catalogue.csv`"), std::string::npos) << r.err;
  EXPECT_EQ(parse_jsonl(r.out).size(), 18u);
}

TEST(ScanInput, CsvWithoutAnIdColumnIsAnInputError) {
  TempDir dir;
  std::string path = dir.write("noid.csv", "title,seller,storefronts\nTikTok,TikTok Ltd.,US\n");
  CommandResult r = run("--format jsonl scan " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("noid.csv:1: the CSV header names no id column"), std::string::npos) << r.err;
}

TEST(ScanInput, UnrecognisedInputIsAnInputError) {
  TempDir dir;
  std::string path = dir.write("other.txt", "\nMar 3 12:00:01 host kernel: hello\n");
  CommandResult r = run("--format jsonl scan " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("other.txt:2: cannot tell what this input is"), std::string::npos) << r.err;
}

TEST(ScanInput, CleanRequestLogExitsZero) {
  TempDir dir;
  std::string path =
      dir.write("clean.jsonl",
                "{\"time\": \"2025-03-01T12:00:00Z\", \"type\": \"download\", \"app\": "
                "\"org.thoughtcrime.securesms\", \"country\": \"US\"}\n"
                "{\"time\": \"2025-03-01T12:00:00Z\", \"type\": \"update\", \"app\": \"com.tencent.ig\", "
                "\"country\": \"US\"}\n"
                "{\"time\": \"2025-03-01T12:00:00Z\", \"type\": \"update\", \"app\": "
                "\"com.zhiliaoapp.musically\", \"country\": \"GB\"}\n");
  CommandResult r = run("--format jsonl scan " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(parse_jsonl(r.out).size(), 3u);
}

TEST(ScanInput, StandardInputAndEmptyInput) {
  std::string catalogue = interdict::testing::read_file(source_path("samples/store/catalogue.csv"));
  CommandResult piped =
      interdict::testing::run_interdict("--format jsonl scan --as-of 2025-06-01T00:00:00Z -", catalogue);
  EXPECT_EQ(piped.exit_code, 1);
  auto answers = parse_jsonl(piped.out);
  ASSERT_EQ(answers.size(), 18u);
  EXPECT_EQ(answers[0].at("file"), "<stdin>");
  CommandResult empty = run("--format jsonl scan");  // standard input is /dev/null
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_TRUE(empty.out.empty());
}

TEST(ScanInput, BadTimeOptionIsAUsageError) {
  CommandResult r = run("scan --as-of 2025-06-01 " + kCatalogue);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--as-of"), std::string::npos) << r.err;
}

TEST(ScanHelp, TeachesWithExamples) {
  CommandResult r = run("scan --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Examples:"), std::string::npos);
  EXPECT_NE(r.out.find("--as-of"), std::string::npos);
  EXPECT_NE(r.out.find("--strict"), std::string::npos);
}

}  // namespace
