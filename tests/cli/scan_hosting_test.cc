// `interdict scan` on web and CDN logs, end to end: the built binary on temporary logs and
// the bundled sample, checking exit codes, the aggregated answers (JSON Lines) and the
// damaged-line reports. The expected states follow the bundled orders: PAFACA's hosting
// clause 2(a)(1)(B) is scheduled until 2025-01-19T05:00Z, then suspended (still
// prohibited) until 2026-01-23, then in force; the 2020 WeChat order is revoked.
#include <map>
#include <string>
#include <vector>

#include "cli/cli_helpers.h"

namespace {

using interdict::testing::CommandResult;
using interdict::testing::shell_quote;
using interdict::testing::source_path;
using interdict::testing::TempDir;

using Answer = std::map<std::string, std::string>;

// Scalars as text, arrays of strings joined by ' ', other values as minified JSON.
std::vector<Answer> parse(const std::string& out) {
  std::vector<Answer> answers;
  simdjson::dom::parser parser;
  for (const std::string& line : interdict::testing::split_lines(out)) {
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
      } else if (value.is_array() && std::string(key) != "samples") {
        simdjson::dom::array list = value.get_array().value_unsafe();
        for (simdjson::dom::element item : list) {
          if (item.is_string()) text += (text.empty() ? "" : " ") + std::string(item.get_string().value_unsafe());
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

// The answers of kind `host` for `host`.
std::vector<Answer> for_host(const std::vector<Answer>& answers, const std::string& host) {
  std::vector<Answer> out;
  for (const Answer& a : answers) {
    if (a.at("kind") == "host" && a.at("host") == host) out.push_back(a);
  }
  return out;
}

std::string line(const std::string& host, const std::string& time) {
  return host + " 203.0.113.9 - - [" + time + "] \"GET / HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11)\"\n";
}

CommandResult scan(const std::string& args) { return interdict::testing::run_interdict("--format jsonl scan " + args); }

TEST(ScanHosting, DesignatedNamesMatchAtLabelBoundariesOnly) {
  TempDir dir;
  const std::string t = "01/Feb/2025:10:00:00 -0500";
  const std::string log =
      dir.write("access.log", line("www.tiktok.com", t) + line("WWW.TIKTOK.COM:443", t) + line("www.tiktok.com.", t) +
                                  line("xtiktok.com", t) + line("tiktok.com.example.net", t) +
                                  line("notweixin.qq.com", t) + line("weixin.qq.com", t) + line("www.example.org", t));
  CommandResult r = scan("--country US " + shell_quote(log));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse(r.out);
  auto tiktok = for_host(answers, "www.tiktok.com");
  ASSERT_EQ(tiktok.size(), 1u) << r.out;
  EXPECT_EQ(tiktok[0]["subject"], "tiktok");
  EXPECT_EQ(tiktok[0]["rule"], "tiktok.com");
  EXPECT_EQ(tiktok[0]["verdict"], "prohibited");
  EXPECT_EQ(tiktok[0]["status"], "suspended");
  EXPECT_EQ(tiktok[0]["stop"], "hosting");
  EXPECT_EQ(tiktok[0]["in_scope"], "US");
  EXPECT_EQ(tiktok[0]["order"], "us-2024-pafaca");
  EXPECT_EQ(tiktok[0]["prohibition"], "2(a)(1)(B)");
  EXPECT_EQ(tiktok[0]["requests"], "3");
  EXPECT_EQ(tiktok[0]["first_seen"], "2025-02-01T15:00:00Z");
  auto wechat = for_host(answers, "weixin.qq.com");
  ASSERT_EQ(wechat.size(), 1u);
  EXPECT_EQ(wechat[0]["verdict"], "permitted");
  EXPECT_EQ(wechat[0]["status"], "revoked");
  for (const char* other : {"xtiktok.com", "tiktok.com.example.net", "notweixin.qq.com", "www.example.org"}) {
    EXPECT_TRUE(for_host(answers, other).empty()) << other;
  }
  EXPECT_EQ(answers.size(), 2u) << r.out;
}

TEST(ScanHosting, WithoutACountryTheAnswerIsReview) {
  TempDir dir;
  const std::string log = dir.write("a.log", line("v16-webapp.tiktok.com", "01/Feb/2025:10:00:00 -0500"));
  CommandResult r = scan(shell_quote(log));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto answers = parse(r.out);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0]["verdict"], "review");
  EXPECT_EQ(answers[0]["review"], "hosting");
}

TEST(ScanHosting, RequestsBeforeAndAfterTheEffectiveTimeAggregateApart) {
  TempDir dir;
  const std::string log = dir.write("a.log", line("www.capcut.com", "18/Jan/2025:23:59:00 -0500") +
                                                 line("www.capcut.com", "19/Jan/2025:00:01:00 -0500") +
                                                 line("www.capcut.com", "19/Jan/2025:00:02:00 -0500"));
  auto answers = parse(scan("--country US " + shell_quote(log)).out);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0]["verdict"], "prohibited");
  EXPECT_EQ(answers[0]["requests"], "2");
  EXPECT_EQ(answers[0]["first_seen"], "2025-01-19T05:01:00Z");
  EXPECT_EQ(answers[0]["last_seen"], "2025-01-19T05:02:00Z");
  EXPECT_EQ(answers[1]["verdict"], "permitted");
  EXPECT_EQ(answers[1]["status"], "scheduled");
}

TEST(ScanHosting, DamagedLinesAreReportedCountedAndSkipped) {
  TempDir dir;
  const std::string t = "01/Feb/2026:10:00:00 -0500";
  const std::string log =
      dir.write("d.log", line("www.tiktok.com", t) + line("a.example", t) + line("b.example", t) + "cut short\n" +
                             line("www.tiktok.com", t) +
                             "www.tiktok.com 1.2.3.4 - - [bad] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"\n");
  CommandResult r = scan("--country US " + shell_quote(log));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("d.log:4: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("d.log:6: bad time `bad`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 damaged lines skipped"), std::string::npos) << r.err;
  auto answers = parse(r.out);
  ASSERT_EQ(answers.size(), 3u) << r.out;
  EXPECT_EQ(answers[0]["kind"], "error");
  EXPECT_EQ(answers[0]["line"], "4");
  EXPECT_EQ(answers[2]["status"], "in_force");
  EXPECT_EQ(answers[2]["requests"], "2");
  EXPECT_NE(answers[2]["samples"].find("\"line\":5"), std::string::npos);

  CommandResult strict = scan("--strict --country US " + shell_quote(log));
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.err.find("d.log:4: "), std::string::npos);
  EXPECT_NE(strict.err.find("(stopping: --strict)"), std::string::npos) << strict.err;
}

// A colon with dots after it ("host:..x.com", a damaged port) once made the label offsets
// point past the cut host: the scan aborted. The host part is judged alone.
TEST(ScanHosting, DotsAfterThePortColonAreNotPartOfTheHost) {
  TempDir dir;
  const std::string t = "01/Feb/2025:10:00:00 -0500";
  const std::string log = dir.write(
      "p.log", line("rcv-srv37.inplay.tubemo:..gul.com", t) + line("www.tiktok.com:..x.net", t) + line("a.example", t));
  CommandResult r = scan("--country US " + shell_quote(log));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse(r.out);
  ASSERT_EQ(for_host(answers, "www.tiktok.com").size(), 1u) << r.out;
  EXPECT_TRUE(for_host(answers, "rcv-srv37.inplay.tubemo").empty()) << r.out;
}

TEST(ScanHosting, CloudFrontIsDecidedForHostingAndCdn) {
  TempDir dir;
  const std::string log =
      dir.write("cf.log",
                "#Version: 1.0\n#Fields: date time x-edge-location c-ip cs(Host) x-host-header\n"
                "2026-02-01\t10:00:00\tIAD89-C1\t192.0.2.1\td1.cloudfront.net\tlf16-web.tiktokcdn-us.com\n");
  CommandResult r = scan("--country US " + shell_quote(log));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse(r.out);
  ASSERT_EQ(answers.size(), 1u) << r.out;
  EXPECT_EQ(answers[0]["host"], "lf16-web.tiktokcdn-us.com");
  EXPECT_EQ(answers[0]["stop"], "hosting");  // PAFACA names hosting, not content delivery
}

TEST(ScanHosting, CloudflareCountryOutsideTheScopeIsPermitted) {
  TempDir dir;
  const std::string log = dir.write(
      "cf.jsonl",
      R"({"ClientRequestHost":"www.tiktok.com","ClientCountry":"ca","EdgeStartTimestamp":"2026-02-01T10:00:00Z"})"
      "\n"
      R"({"ClientRequestHost":"www.tiktok.com","ClientCountry":"us","EdgeStartTimestamp":"2026-02-01T10:00:00Z"})"
      "\n");
  CommandResult r = scan(shell_quote(log));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse(r.out);
  ASSERT_EQ(answers.size(), 2u) << r.out;
  EXPECT_EQ(answers[0]["verdict"], "prohibited");
  EXPECT_EQ(answers[0]["in_scope"], "US");
  EXPECT_EQ(answers[1]["verdict"], "permitted");
  EXPECT_EQ(answers[1]["outside"], "CA");
}

TEST(ScanHosting, ThreadsFilesAndStandardInputAgree) {
  TempDir dir;
  std::string text;
  // About 12 MB: several chunks for every thread.
  for (int i = 0; i < 60000; ++i) {
    const std::string host = i % 997 == 0    ? "www.tiktok.com"
                             : i % 1009 == 0 ? "weixin.qq.com"
                                             : "site" + std::to_string(i % 300) + ".example.com";
    text += line(host, "01/Feb/2026:10:00:00 -0500");
    if (i % 20011 == 5) text += "damaged line " + std::to_string(i) + "\n";
  }
  text += "\n";
  const std::string log = dir.write("big.log", text);
  CommandResult one = scan("--threads 1 --country US " + shell_quote(log));
  CommandResult two = scan("--threads 2 --country US " + shell_quote(log));
  CommandResult piped = interdict::testing::run_interdict("--format jsonl scan --country US -", text);
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.err, two.err);
  auto answers = parse(one.out);
  ASSERT_EQ(answers.size(), 5u) << one.out;  // 3 damaged lines, TikTok, WeChat
  EXPECT_EQ(answers[0]["line"], "7");
  EXPECT_EQ(answers[3]["requests"], "61");
  // Standard input names itself differently; the answers are the same.
  auto from_stdin = parse(piped.out);
  ASSERT_EQ(from_stdin.size(), answers.size());
  for (std::size_t i = 0; i < answers.size(); ++i) {
    EXPECT_EQ(from_stdin[i]["line"], answers[i]["line"]);
    EXPECT_EQ(from_stdin[i]["requests"], answers[i]["requests"]);
  }
}

TEST(ScanHosting, LogFormatOption) {
  TempDir dir;
  const std::string log = dir.write("custom.log",
                                    "2026-02-01T10:00:00+00:00|www.capcut.com|198.51.100.1|US\n"
                                    "2026-02-01T10:00:00+00:00|www.example.com|198.51.100.1|US\n");
  CommandResult r = scan("--log-format '$time_iso8601|$host|$remote_addr|$geoip_country_code' " + shell_quote(log));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse(r.out);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0]["subject"], "capcut");
  EXPECT_EQ(answers[0]["verdict"], "prohibited");

  CommandResult bad = scan("--log-format '$host$remote_addr' " + shell_quote(log));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--log-format: "), std::string::npos) << bad.err;
  EXPECT_EQ(scan("--country USA " + shell_quote(log)).exit_code, 2);
}

TEST(ScanHosting, StoreAndHostingInputsInOneRun) {
  TempDir dir;
  const std::string log = dir.write("h.log", "2026-02-01T10:00:00+00:00|www.capcut.com|198.51.100.1|US\n");
  CommandResult r =
      scan("--as-of 2025-06-01T00:00:00Z --log-format '$time_iso8601|$host|$remote_addr|$geoip_country_code' " +
           shell_quote(source_path("samples/store/catalogue.jsonl")) + " " + shell_quote(log));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::map<std::string, int> kinds;
  for (const Answer& a : parse(r.out)) ++kinds[a.at("kind")];
  EXPECT_EQ(kinds["listing"], 7) << r.out;
  EXPECT_EQ(kinds["host"], 1) << r.out;
}

TEST(ScanHosting, BundledSample) {
  CommandResult r = scan("--country US " + shell_quote(source_path("samples/hosting/access.log")));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto answers = parse(r.out);
  ASSERT_FALSE(answers.empty());
  EXPECT_EQ(answers[0]["kind"], "error");  // the line cut short by rotation
  bool tiktok_in_force = false;
  for (const Answer& a : answers) {
    if (a.at("kind") == "error") continue;
    tiktok_in_force |= a.at("subject") == "tiktok" && a.at("status") == "in_force";
    EXPECT_NE(a.at("host"), "xtiktok.com");
  }
  EXPECT_TRUE(tiktok_in_force);
}

TEST(ScanHosting, TableOnRequest) {
  CommandResult r = interdict::testing::run_interdict("--format table scan --country US " +
                                                      shell_quote(source_path("samples/hosting/access.log")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("verdict ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("p16-sign-va.tiktokcdn.com"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("scan: hosting: 1 input, 141 lines"), std::string::npos) << r.err;
}

}  // namespace
