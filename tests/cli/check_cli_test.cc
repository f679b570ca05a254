// `interdict check` end to end (docs/check.md): the built binary on the bundled sample and
// on small inputs, its answers, its exit codes and its errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cli/cli_helpers.h"

namespace interdict::testing {
namespace {

const std::string kSample = source_path("samples/check/transactions.jsonl");

// Single transactions for standard input.
constexpr const char* kProhibitedLine =
    R"({"ref":"k","activity":"software.update","subject":{"id":"kaspersky-security"},"country":"US","at":"2024-10-01T00:00:00Z"})";
constexpr const char* kPermittedLine =
    R"({"ref":"q","activity":"hosting","subject":{"domain":"www.qq.com"},"country":"US","at":"2020-09-22T00:00:00Z"})";
// Prohibited but for the missing country: answered `review`.
constexpr const char* kReviewLine =
    R"({"ref":"r","activity":"software.update","subject":{"id":"kaspersky-security"},"at":"2024-10-01T00:00:00Z"})";
constexpr const char* kBadLine =
    R"({"activity":"hostng","subject":{"domain":"tiktok.com"},"at":"2025-07-01T00:00:00Z"})";

// The answer with "line" == `line`, or fails.
simdjson::dom::element answer_for(const JsonLines& answers, std::int64_t line) {
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (integer(answers[i], "line") == line) return answers[i];
  }
  ADD_FAILURE() << "no answer for line " << line;
  return answers[0];
}

TEST(CheckCli, SampleExitsTwoBecauseOfItsBadLine) {
  CommandResult r = run_interdict("check " + shell_quote(kSample));
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

TEST(CheckCli, SampleEveryNonBlankLineGetsOneAnswerInOrder) {
  std::vector<std::string> input = split_lines(read_file(kSample));
  std::vector<std::int64_t> expected;
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (input[i].find_first_not_of(" \t") != std::string::npos) expected.push_back(static_cast<std::int64_t>(i + 1));
  }
  ASSERT_EQ(expected.size(), 13u);
  CommandResult r = run_interdict("check " + shell_quote(kSample));
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), expected.size()) << r.out;
  for (std::size_t i = 0; i < answers.size(); ++i) EXPECT_EQ(integer(answers[i], "line"), expected[i]);
}

TEST(CheckCli, SampleBadLineGetsAnErrorNamingFileAndLine) {
  CommandResult r = run_interdict("check " + shell_quote(kSample));
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), 13u);
  simdjson::dom::element bad = answer_for(answers, 13);
  EXPECT_EQ(str(bad, "error"), kSample + ":13: unknown activity `hostng` (see `interdict check --help`)");
  EXPECT_EQ(str(bad, "verdict"), "<missing>");
  // Only line 13 is an error.
  for (std::size_t i = 0; i + 1 < answers.size(); ++i) EXPECT_EQ(str(answers[i], "error"), "<missing>");
}

TEST(CheckCli, SampleVerdicts) {
  CommandResult r = run_interdict("check " + shell_quote(kSample));
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), 13u);
  struct Expect {
    std::int64_t line;
    const char* ref;
    const char* verdict;
    const char* status;
    const char* order;
    const char* prohibition;
  };
  const Expect expected[] = {
      {1, "appstore-tiktok-2020", "permitted", "enjoined", "us-2020-tiktok", "1"},
      {2, "appstore-tiktok-2020-as-known-before-the-injunction", "prohibited", "in_force", "us-2020-tiktok", "1"},
      {3, "appstore-tiktok-2025", "prohibited", "suspended", "us-2024-pafaca", "2(a)(1)(A)"},
      {4, "appstore-tiktok-today", "prohibited", "in_force", "us-2024-pafaca", "2(a)(1)(A)"},
      {5, "appstore-tiktok-canada", "permitted", "in_force", "us-2024-pafaca", "2(a)(1)(A)"},
      {6, "hosting-wechat", "prohibited", "in_force", "us-2020-wechat", "3"},
      {7, "hosting-qq", "permitted", "none", "null", "null"},
      {8, "payment-wechat-pay", "permitted", "enjoined", "us-2020-wechat", "2"},
      {9, "tencent-owner", "permitted", "none", "null", "null"},
      {10, "kaspersky-update", "prohibited", "in_force", "us-2024-kaspersky", "updates"},
      {11, "cdn-tiktok-2025", "permitted", "revoked", "us-2020-tiktok", "3"},
      {12, "sdk-wechat", "prohibited", "in_force", "us-2020-wechat", "6"},
  };
  for (const Expect& e : expected) {
    SCOPED_TRACE("line " + std::to_string(e.line));
    simdjson::dom::element a = answer_for(answers, e.line);
    EXPECT_EQ(str(a, "ref"), e.ref);
    EXPECT_EQ(str(a, "verdict"), e.verdict);
    EXPECT_EQ(str(a, "status"), e.status);
    EXPECT_EQ(str(a, "order"), e.order);
    EXPECT_EQ(str(a, "prohibition"), e.prohibition);
  }
  // A line's own known_at is echoed; lines without one carry none.
  EXPECT_EQ(str(answer_for(answers, 6), "known_at"), "2020-09-18T12:00:00Z");
  EXPECT_EQ(str(answer_for(answers, 1), "known_at"), "<missing>");
  EXPECT_EQ(str(answer_for(answers, 1), "at"), "2020-09-28T12:00:00Z");
}

TEST(CheckCli, StrictStopsAtTheFirstBadLine) {
  TempDir dir;
  std::string input =
      dir.write("in.jsonl", std::string(kPermittedLine) + "\n" + kBadLine + "\n" + kProhibitedLine + "\n");
  CommandResult lenient = run_interdict("check " + shell_quote(input));
  EXPECT_EQ(lenient.exit_code, 2);
  EXPECT_EQ(JsonLines(lenient.out).size(), 3u) << lenient.out;

  CommandResult strict = run_interdict("check --strict " + shell_quote(input));
  EXPECT_EQ(strict.exit_code, 2);
  JsonLines answers(strict.out);
  ASSERT_EQ(answers.size(), 2u) << strict.out;
  EXPECT_EQ(integer(answers[0], "line"), 1);
  EXPECT_EQ(str(answers[0], "verdict"), "permitted");
  EXPECT_EQ(integer(answers[1], "line"), 2);
  EXPECT_NE(str(answers[1], "error").find("in.jsonl:2: unknown activity `hostng`"), std::string::npos);
  EXPECT_NE(strict.err.find("stopping: --strict"), std::string::npos) << strict.err;
}

TEST(CheckCli, KnownAtOptionChangesTheAnswer) {
  CommandResult plain = run_interdict("check " + shell_quote(kSample));
  CommandResult known = run_interdict("check --known-at 2020-09-26T00:00:00Z " + shell_quote(kSample));
  JsonLines before(plain.out);
  JsonLines after(known.out);
  ASSERT_EQ(before.size(), 13u);
  ASSERT_EQ(after.size(), 13u);
  EXPECT_EQ(str(answer_for(before, 1), "verdict"), "permitted");
  EXPECT_EQ(str(answer_for(before, 1), "status"), "enjoined");
  EXPECT_EQ(str(answer_for(after, 1), "verdict"), "prohibited");
  EXPECT_EQ(str(answer_for(after, 1), "status"), "in_force");
  EXPECT_EQ(str(answer_for(after, 1), "known_at"), "2020-09-26T00:00:00Z");
  // A line's own known_at wins over the option.
  EXPECT_EQ(str(answer_for(after, 6), "known_at"), "2020-09-18T12:00:00Z");
  EXPECT_EQ(str(answer_for(after, 6), "verdict"), "prohibited");
}

TEST(CheckCli, KnownAtOptionRejectsATimeWithoutZone) {
  CommandResult r = run_interdict("check --known-at 2020-09-26T00:00:00 " + shell_quote(kSample));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--known-at: time without a zone"), std::string::npos) << r.err;
}

TEST(CheckCli, ExitsOneWhenSomethingIsProhibited) {
  CommandResult r = run_interdict("check", std::string(kPermittedLine) + "\n" + kProhibitedLine + "\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(str(answers[1], "verdict"), "prohibited");
}

TEST(CheckCli, ExitsZeroWhenNothingIsProhibited) {
  CommandResult r = run_interdict("check -", std::string(kPermittedLine) + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(str(answers[0], "verdict"), "permitted");
  EXPECT_EQ(str(answers[0], "ref"), "q");
}

TEST(CheckCli, ReviewAnswersDoNotChangeTheExitCode) {
  CommandResult r = run_interdict("check", std::string(kReviewLine) + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(str(answers[0], "verdict"), "review");
  EXPECT_EQ(str(answers[0], "status"), "in_force");
}

TEST(CheckCli, BlankLinesAreSkippedButCounted) {
  CommandResult r = run_interdict("check", std::string("\n  \t\n") + kPermittedLine + "\r\n\n" + kProhibitedLine);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), 2u) << r.out;
  EXPECT_EQ(integer(answers[0], "line"), 3);
  EXPECT_EQ(integer(answers[1], "line"), 5);
}

TEST(CheckCli, MissingInputFileExitsTwoWithAClearMessage) {
  CommandResult r = run_interdict("check /nonexistent/interdict/input.jsonl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("interdict: cannot open `/nonexistent/interdict/input.jsonl`: No such file or directory"),
            std::string::npos)
      << r.err;
}

TEST(CheckCli, FormatJsonIsOneValidArray) {
  CommandResult r = run_interdict("check --format json " + shell_quote(kSample));
  EXPECT_EQ(r.exit_code, 2);
  simdjson::dom::parser parser;
  simdjson::dom::array items;
  ASSERT_FALSE(parser.parse(r.out).get_array().get(items)) << r.out;
  ASSERT_EQ(items.size(), 13u);
  std::int64_t line = 0;
  for (simdjson::dom::element item : items) EXPECT_EQ(integer(item, "line"), ++line);
  if (have_jq()) {
    TempDir dir;
    std::string out = dir.write("out.json", r.out);
    EXPECT_EQ(std::system(("jq -e 'length == 13' " + shell_quote(out) + " >/dev/null").c_str()), 0);
  }
}

TEST(CheckCli, FormatTablePutsErrorsOnStandardError) {
  CommandResult r = run_interdict("--format table check " + shell_quote(kSample));
  EXPECT_EQ(r.exit_code, 2);
  std::vector<std::string> rows = split_lines(r.out);
  ASSERT_EQ(rows.size(), 2u + 12u) << r.out;  // header, rule, one row per readable line
  EXPECT_EQ(rows[0].rfind("line  verdict", 0), 0u) << rows[0];
  EXPECT_EQ(rows[2].rfind("1     permitted   enjoined", 0), 0u) << rows[2];
  EXPECT_NE(r.err.find(":13: unknown activity `hostng`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("13 lines: 6 prohibited, 0 review, 1 unreadable"), std::string::npos) << r.err;
}

TEST(CheckCli, LinesLongerThanAReadChunkAreAnswered) {
  // Two lines of several MiB each, longer than the reader's chunks, then a short one.
  std::string big(3u << 20, 'x');
  std::string line1 = std::string(R"({"ref":")") + big +
                      R"(","activity":"hosting","subject":{"domain":"www.qq.com"},)" +
                      R"("country":"US","at":"2020-09-22T00:00:00Z"})";
  std::string line2 = line1;
  line2.replace(8, 1, "y");
  TempDir dir;
  std::string input = dir.write("long.jsonl", line1 + "\n" + line2 + "\n" + kProhibitedLine + "\n");
  CommandResult r = run_interdict("check --threads 4 " + shell_quote(input));
  EXPECT_EQ(r.exit_code, 1) << r.err.substr(0, 2000);
  JsonLines answers(r.out);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(integer(answers[0], "line"), 1);
  EXPECT_EQ(str(answers[0], "ref").size(), big.size());
  EXPECT_EQ(str(answers[1], "ref").substr(0, 2), "yx");
  EXPECT_EQ(integer(answers[2], "line"), 3);
  EXPECT_EQ(str(answers[2], "verdict"), "prohibited");
}

// About 9 MiB of lines of every kind (prohibited, permitted, review, unreadable, blank):
// nine of the reader's 1 MiB chunks, more than the threads below hold at once, so answered
// chunks wait for their turn and slots are reused.
std::string many_chunks_of_lines(std::size_t* answered) {
  std::string text;
  *answered = 0;
  for (std::size_t i = 0; text.size() < (9u << 20); ++i) {
    switch (i % 7) {
      case 0: text += kProhibitedLine; break;
      case 1: text += kPermittedLine; break;
      case 2: text += kReviewLine; break;
      case 3: text += kBadLine; break;
      case 4: text += "  "; break;  // blank: counted, not answered
      default: text += kPermittedLine; break;
    }
    if (i % 7 != 4) ++*answered;
    text += '\n';
  }
  return text;
}

TEST(CheckCli, ManyChunksOnManyThreadsGiveTheBytesOfOneThread) {
  TempDir dir;
  std::size_t answered = 0;
  const std::string input = dir.write("many.jsonl", many_chunks_of_lines(&answered));
  CommandResult one = run_interdict("check --threads 1 " + shell_quote(input));
  EXPECT_EQ(one.exit_code, 2);  // the unreadable lines
  std::vector<std::string> lines = split_lines(one.out);
  ASSERT_EQ(lines.size(), answered);
  // In input order, each line once: line numbers rise, skipping only the blank lines.
  std::int64_t previous = 0;
  for (const std::string& line : lines) {
    const std::size_t at = line.find(',');
    const std::int64_t number = std::stoll(line.substr(8, at - 8));
    ASSERT_GT(number, previous) << line;
    ASSERT_LE(number - previous, 2) << line;
    previous = number;
  }
  for (int threads : {2, 3, 5}) {
    CommandResult many = run_interdict("check --threads " + std::to_string(threads) + " " + shell_quote(input));
    EXPECT_EQ(many.exit_code, 2);
    EXPECT_TRUE(many.out == one.out) << threads << " threads: " << many.out.size() << " bytes, not " << one.out.size();
  }
}

TEST(CheckCli, FormatJsonAcrossManyChunksIsOneArray) {
  TempDir dir;
  std::size_t answered = 0;
  const std::string input = dir.write("many.jsonl", many_chunks_of_lines(&answered));
  CommandResult r = run_interdict("--format json check --threads 3 " + shell_quote(input));
  simdjson::dom::parser parser;
  simdjson::dom::array items;
  ASSERT_EQ(parser.parse(r.out).get_array().get(items), simdjson::SUCCESS) << r.out.substr(0, 200);
  EXPECT_EQ(items.size(), answered);
}

TEST(CheckCli, StrictOnManyThreadsStopsAtTheFirstBadLineOfALaterChunk) {
  // The one bad line sits in the sixth chunk; the threads have read past it when it stops.
  std::string text;
  std::size_t bad_line = 0;
  for (std::size_t i = 1; text.size() < (8u << 20); ++i) {
    if (bad_line == 0 && text.size() > (5u << 20) + 1000) {
      text += kBadLine;
      bad_line = i;
    } else {
      text += kPermittedLine;
    }
    text += '\n';
  }
  TempDir dir;
  const std::string input = dir.write("strict.jsonl", text);
  CommandResult r = run_interdict("check --strict --threads 3 " + shell_quote(input));
  EXPECT_EQ(r.exit_code, 2);
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), bad_line);
  EXPECT_EQ(lines.back().rfind("{\"line\":" + std::to_string(bad_line) + ",\"error\":", 0), 0u) << lines.back();
  EXPECT_NE(r.err.find("stopping: --strict"), std::string::npos) << r.err;
}

TEST(CheckCli, AnswersThatCannotBeWrittenExitTwoWithAMessage) {
  // Answered 0 (nothing prohibited) when the answer can be written.
  CommandResult r = run_interdict("check >/dev/full", std::string(kPermittedLine) + "\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write the answers: No space left on device"), std::string::npos) << r.err;
}

TEST(CheckCli, HelpExitsZeroAndNamesEveryActivity) {
  for (const char* args : {"--help", "check --help"}) {
    SCOPED_TRACE(args);
    CommandResult r = run_interdict(args);
    EXPECT_EQ(r.exit_code, 0);
    for (const char* activity : {"store.distribute", "store.update", "hosting", "cdn", "transit", "peering", "code",
                                 "payment", "software.supply", "software.update", "software.resale"}) {
      EXPECT_NE(r.out.find(activity), std::string::npos) << activity;
    }
    EXPECT_NE(r.out.find("--known-at"), std::string::npos);
  }
}

TEST(CheckCli, UnknownOptionIsAUsageError) {
  CommandResult r = run_interdict("check --bogus " + shell_quote(kSample));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace interdict::testing
