// `interdict scan` reading a mapped access log in place (the parser finds each line's end,
// and the domain gate first tests the host's last eight bytes): its answers must be those of
// the same log read from standard input, line by line, for awkward lines of every kind.
#include <string>

#include "cli/cli_helpers.h"

namespace {

using interdict::testing::CommandResult;
using interdict::testing::run_interdict;
using interdict::testing::shell_quote;
using interdict::testing::TempDir;

std::string line(const std::string& host, const std::string& agent = "Mozilla/5.0 (X11)") {
  return host + " 203.0.113.9 - - [01/Feb/2026:10:00:00 -0500] \"GET / HTTP/1.1\" 200 512 \"-\" \"" + agent + "\"";
}

// The count of `part` in `text`.
std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(ScanHostingInPlace, AwkwardLinesAnswerAsFromStandardInput) {
  std::string text;
  text += line("www.tiktok.com") + "\r\n";                              // 1: CR LF
  text += line("WWW.TikTok.COM:443", std::string(100000, 'x')) + "\n";  // 2: a long line
  text += "\n   \n";                                                    // 3, 4: blank
  text += R"(www.tiktok.com 1.2.3.4 - - [01/Feb/2026:10:00:00 -0500] "GET / HTTP/1.1)"
          "\n";                                                                                  // 5: cut short
  text += line("www.tiktok.com.") + "\n";                                                        // 6
  text += line("[2001:db8::1]:8080") + "\n" + line("192.0.2.1") + "\n" + line("tt.com") + "\n";  // 7-9
  text += line("weixin.qq.com") + "\n" + line("xtiktok.com") + "\n" + line("ex\xC3\xA4mple.com") + "\n";
  text += R"(www.tiktok.com 1.2.3.4 - - [01/Feb/2026:10:00:00 -0500] "GET /\" 200 1 "-" "-\")"
          "\n";                                                           // 13
  text += line("WWW.TIKTOK.COM") + "\n" + line("Www.CapCut.Com") + "\n";  // 14, 15: case only
  text += line("v16-webapp.tiktok.com");                                  // 16: no newline at the end
  TempDir dir;
  const std::string log = dir.write("odd.log", text);
  const std::string args = "--format jsonl scan --country US ";
  CommandResult one = run_interdict(args + "--threads 1 " + shell_quote(log));
  CommandResult two = run_interdict(args + "--threads 2 " + shell_quote(log));
  CommandResult piped = run_interdict(args + "-", text);
  EXPECT_EQ(one.exit_code, 1) << one.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(piped.exit_code, 1) << piped.err;
  // Standard input is named "<stdin>" in the answers; everything else is the same.
  std::string named = one.out;
  for (std::size_t at; (at = named.find(log)) != std::string::npos;) named.replace(at, log.size(), "<stdin>");
  EXPECT_EQ(named, piped.out);
  EXPECT_NE(one.err.find("odd.log:5: "), std::string::npos) << one.err;
  EXPECT_NE(one.err.find("odd.log:13: "), std::string::npos) << one.err;
  // Lines 1, 2, 6 and 14 are www.tiktok.com once normalised; 16 is another host.
  EXPECT_EQ(count(one.out, "\"host\":\"www.tiktok.com\""), 1u) << one.out;
  EXPECT_NE(one.out.find("\"requests\":4"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("\"host\":\"www.capcut.com\""), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("\"host\":\"v16-webapp.tiktok.com\""), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("xtiktok.com"), std::string::npos) << one.out;
}

}  // namespace
