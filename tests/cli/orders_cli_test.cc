// `interdict orders list|show|validate`, `--orders DIR|+DIR` and `interdict timeline` end to
// end (docs/orders.md): the built binary on the bundled orders and on small folders of orders.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "cli/cli_helpers.h"
#include "order/order.h"

namespace interdict::testing {
namespace {

// An order that stands alone: its own entity, subject, clause and events.
constexpr const char* kStandaloneOrder = R"(
[order]
id = "test-standalone"
title = "Standalone test order"
authority = "Test authority"
citation = "1 TR 1"
jurisdiction = ["US"]
source = "https://example.org/order"
confidence = "confirmed"

[[subject]]
id = "test-app"
name = "Test App"
app = ["org.example.testapp"]
source = "https://example.org/app"
confidence = "confirmed"

[[prohibition]]
id = "1"
title = "Hosting the test app"
activities = ["hosting"]
subjects = ["test-app"]
text = "Any provision of hosting."
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "published"
kind = "published"
at = 2021-01-01T00:00:00Z
recorded = 2021-01-01T00:00:00Z
title = "Published"
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "effective"
kind = "effective"
at = "2021-02-01T00:00 America/New_York"
recorded = 2021-01-01T00:00:00Z
title = "Effective"
source = "https://example.org/order"
confidence = "confirmed"
)";

// An order naming a subject defined in the bundled tencent.toml: valid only beside them.
constexpr const char* kExtraOrder = R"(
[order]
id = "test-extra"
title = "Extra test order"
authority = "Test authority"
citation = "2 TR 2"
jurisdiction = ["US"]
source = "https://example.org/order"
confidence = "confirmed"

[[prohibition]]
id = "1"
title = "Hosting WeChat again"
activities = ["hosting"]
subjects = ["wechat"]
text = "Any provision of hosting."
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "published"
kind = "published"
at = 2021-01-01T00:00:00Z
recorded = 2021-01-01T00:00:00Z
title = "Published"
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "effective"
kind = "effective"
at = 2021-02-01T00:00:00Z
recorded = 2021-01-01T00:00:00Z
title = "Effective"
source = "https://example.org/order"
confidence = "confirmed"
)";

const std::set<std::string> kBundledIds = {"us-2020-tiktok", "us-2020-wechat", "us-2021-eo13971", "us-2024-kaspersky",
                                           "us-2024-pafaca"};

std::set<std::string> listed_ids(const std::string& jsonl) {
  JsonLines orders(jsonl);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < orders.size(); ++i) ids.insert(str(orders[i], "id"));
  return ids;
}

TEST(OrdersCli, ListJsonlHasOneLinePerBundledOrder) {
  CommandResult r = run_interdict("orders list --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(split_lines(r.out).size(), 5u);
  EXPECT_EQ(listed_ids(r.out), kBundledIds);
}

TEST(OrdersCli, GlobalFormatWorksBeforeTheSubcommandToo) {
  CommandResult r = run_interdict("--format jsonl orders list");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(listed_ids(r.out), kBundledIds);
}

TEST(OrdersCli, ShowTableMentionsEveryProhibition) {
  LoadReport report = load_orders(bundled_orders());
  ASSERT_TRUE(report.ok());
  const Order* wechat = report.corpus.find_order("us-2020-wechat");
  ASSERT_NE(wechat, nullptr);
  ASSERT_EQ(wechat->prohibitions.size(), 6u);

  CommandResult r = run_interdict("orders show us-2020-wechat --format table");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("us-2020-wechat: ", 0), 0u) << r.out.substr(0, 200);
  for (const Prohibition& p : wechat->prohibitions) {
    EXPECT_NE(r.out.find("  " + p.id + ". " + p.title + " ["), std::string::npos) << p.id;
    EXPECT_NE(r.out.find("\"" + p.text + "\""), std::string::npos) << p.id;
  }
  for (const Event& e : wechat->events) EXPECT_NE(r.out.find(e.id), std::string::npos) << e.id;
}

TEST(OrdersCli, ShowUnknownOrderExitsTwo) {
  CommandResult r = run_interdict("orders show nope");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no order `nope`"), std::string::npos) << r.err;
}

TEST(OrdersCli, ValidateBundledOrdersExitsZero) {
  CommandResult r = run_interdict("orders validate --format table");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("5 orders, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": 0 errors, "), std::string::npos) << r.out;

  CommandResult json = run_interdict("orders validate --format jsonl");
  EXPECT_EQ(json.exit_code, 0);
  JsonLines doc(json.out);
  ASSERT_EQ(doc.size(), 1u);
  bool ok = false;
  EXPECT_FALSE(doc[0]["ok"].get_bool().get(ok));
  EXPECT_TRUE(ok);
}

TEST(OrdersCli, ValidateBadOrderExitsTwoWithFileLineColumn) {
  std::string text = kStandaloneOrder;
  const std::string good = "activities = [\"hosting\"]";
  text.replace(text.find(good), good.size(), "activities = [\"hostng\"]");
  // Where the bad value starts, 1-based.
  std::size_t at = text.find("\"hostng\"");
  std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  std::size_t column = at - text.rfind('\n', at);
  TempDir dir;
  std::string file = dir.write("bad.toml", text);
  std::string where = file + ":" + std::to_string(line) + ":" + std::to_string(column);

  CommandResult r = run_interdict("--orders " + shell_quote(dir.path().string()) + " orders validate --format table");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("error: " + where + ": unknown activity `hostng` (did you mean `hosting`?)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(": 1 errors, "), std::string::npos) << r.out;

  // Other commands refuse to run on orders that do not load.
  CommandResult list = run_interdict("--orders " + shell_quote(dir.path().string()) + " orders list");
  EXPECT_EQ(list.exit_code, 2);
  EXPECT_EQ(list.out, "");
  EXPECT_NE(list.err.find(where), std::string::npos) << list.err;
}

// 1-based line and column of the first `needle` in `text`, as "L:C" (columns in bytes:
// the text before it is ASCII).
std::string line_col(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  return std::to_string(line) + ":" + std::to_string(at - text.rfind('\n', at));
}

// Regression, found by fuzz_orders: toml++ 3.3.0 reaches __builtin_unreachable() on some
// non-ASCII code points where it asks whether they are whitespace (marzer/tomlplusplus#295).
TEST(OrdersCli, NonAsciiOutsideAStringIsALocatedError) {
  std::string text = kStandaloneOrder;
  text.replace(text.find("title = \"Hosting"), 5, "titlé");
  TempDir dir;
  std::string file = dir.write("accent.toml", text);
  CommandResult r = run_interdict("--orders " + shell_quote(dir.path().string()) + " orders validate --format table");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("error: " + file + ":" + line_col(text, "é") +
                       ": unexpected character `é` outside a string or comment"),
            std::string::npos)
      << r.out;
}

TEST(OrdersCli, LineEndingBackslashBeforeAnUnclassifiableCodePointIsALocatedError) {
  std::string text = kStandaloneOrder;
  const std::string anchor = "text = \"Any provision of hosting.\"";
  text.replace(text.find(anchor), anchor.size(), "text = \"\"\"Any provision \\\n  §1 hosting.\"\"\"");
  TempDir dir;
  std::string file = dir.write("section.toml", text);
  CommandResult r = run_interdict("--orders " + shell_quote(dir.path().string()) + " orders validate --format table");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(
      r.out.find(file + ":" + line_col(text, "§1") + ": the TOML reader cannot start a line after a line-ending " +
                 "backslash with `§`: write it as a \\u escape"),
      std::string::npos)
      << r.out;
}

TEST(OrdersCli, NonAsciiInStringsAndCommentsIsFine) {
  std::string text = kStandaloneOrder;
  const std::string anchor = "text = \"Any provision of hosting.\"";
  text.replace(text.find(anchor), anchor.size(),
               "text = \"\"\"Any provision of hosting \\\n  騰訊 — « § » \"\"\" # commentaire : « é »");
  TempDir dir;
  dir.write("unicode.toml", text);
  CommandResult r =
      run_interdict("--orders " + shell_quote(dir.path().string()) + " orders show test-standalone --format table");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"Any provision of hosting 騰訊 — « § » \""), std::string::npos) << r.out;
}

TEST(OrdersCli, OrdersDirReplacesTheBundledOrders) {
  TempDir dir;
  dir.write("standalone.toml", kStandaloneOrder);
  CommandResult r = run_interdict("--orders " + shell_quote(dir.path().string()) + " orders list --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(listed_ids(r.out), std::set<std::string>{"test-standalone"});
}

TEST(OrdersCli, PlusOrdersDirAddsToTheBundledOrders) {
  TempDir dir;
  dir.write("extra.toml", kExtraOrder);
  CommandResult r = run_interdict("--orders " + shell_quote("+" + dir.path().string()) + " orders list --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(split_lines(r.out).size(), 6u);
  std::set<std::string> expected = kBundledIds;
  expected.insert("test-extra");
  EXPECT_EQ(listed_ids(r.out), expected);
}

TEST(OrdersCli, OrderNamingABundledSubjectFailsAlone) {
  TempDir dir;
  dir.write("extra.toml", kExtraOrder);
  CommandResult r = run_interdict("--orders " + shell_quote(dir.path().string()) + " orders validate --format table");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("extra.toml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("`wechat`"), std::string::npos) << r.out;
}

TEST(OrdersCli, MissingOrdersDirExitsTwo) {
  CommandResult r = run_interdict("--orders /nonexistent/interdict-orders orders list");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--orders: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/interdict-orders"), std::string::npos) << r.err;
}

// The (state, event) sequence of one prohibition in `timeline` JSON Lines output.
std::vector<std::string> states_of(const std::string& jsonl, const std::string& prohibition) {
  JsonLines rows(jsonl);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (str(rows[i], "order") != "us-2020-tiktok") ADD_FAILURE() << "unexpected order " << str(rows[i], "order");
    if (str(rows[i], "prohibition") == prohibition) out.push_back(str(rows[i], "state") + " " + str(rows[i], "event"));
  }
  return out;
}

TEST(OrdersCli, TimelineShowsTheInjunctionThenTheRevocation) {
  CommandResult r = run_interdict("timeline us-2020-tiktok --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // The delay moved the effective time past the injunction, so item 1 never came into force;
  // a second injunction covered it until the revocation.
  EXPECT_EQ(states_of(r.out, "1"), (std::vector<std::string>{"scheduled delayed-1", "enjoined enjoined-ddc-1",
                                                             "enjoined enjoined-ddc-all", "revoked revoked-eo14034"}));
  JsonLines rows(r.out);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(str(rows[0], "from"), "");
  EXPECT_EQ(str(rows[0], "until"), "2020-09-27T04:00:00Z");
  EXPECT_EQ(str(rows[1], "from"), "2020-09-27T04:00:00Z");
}

TEST(OrdersCli, TimelineAsKnownBeforeTheInjunctionEndsInForce) {
  CommandResult r = run_interdict("timeline us-2020-tiktok --format jsonl --known-at 2020-09-26T00:00:00Z");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(states_of(r.out, "1"), (std::vector<std::string>{"scheduled delayed-1", "in_force delayed-1"}));
  JsonLines rows(r.out);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(str(rows[1], "from"), "2020-09-28T03:59:00Z");  // 2020-09-27T23:59 America/New_York
  EXPECT_EQ(str(rows[1], "until"), "");
}

TEST(OrdersCli, TimelineOfUnknownOrderExitsTwo) {
  CommandResult r = run_interdict("timeline nope");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no order `nope`"), std::string::npos) << r.err;
}

TEST(OrdersCli, OrdersHelpExitsZeroAndNamesItsSubcommands) {
  CommandResult r = run_interdict("orders --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"list", "show", "validate"}) EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
}

}  // namespace
}  // namespace interdict::testing
