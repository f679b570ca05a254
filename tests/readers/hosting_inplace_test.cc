// HostLineParser::parse_at, which reads an input in place and finds each line's end itself:
// its answers must be parse()'s on the same lines, split at newlines first. Every case
// walks a whole input both ways and compares kind, message, record, line text and where
// the next line starts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "readers/hosting/formats.h"

namespace interdict {
namespace {

struct Walk {
  std::size_t lines = 0;
  std::size_t records = 0;
  std::size_t damaged = 0;
};

// Reads `input` with parse_at on one parser and with line_at + parse on a clone of it,
// failing on the first difference; counts what parse_at said.
Walk compare_walks(const HostLineParser& parser, std::string_view input) {
  std::unique_ptr<HostLineParser> in_place = parser.clone();
  std::unique_ptr<HostLineParser> by_line = parser.clone();
  Walk walk;
  const char* end = input.data() + input.size();
  for (const char* p = input.data(); p < end;) {
    HostRecord a, b;
    std::string why_a, why_b;
    std::string_view text;
    const char* next = nullptr;
    const char* next_b = nullptr;
    const LineKind kind = in_place->parse_at(p, end, a, &why_a, text, next);
    const std::string_view line = line_at(p, end, next_b);
    const LineKind expected = by_line->parse(line, b, &why_b);
    const std::size_t offset = static_cast<std::size_t>(p - input.data());
    EXPECT_EQ(text, line) << "at byte " << offset;
    EXPECT_EQ(next, next_b) << "at byte " << offset;
    EXPECT_EQ(kind, expected) << "at byte " << offset << ": " << line;
    EXPECT_EQ(why_a, why_b) << "at byte " << offset;
    if (kind == LineKind::kRecord && expected == LineKind::kRecord) {
      EXPECT_EQ(a.host, b.host) << line;
      EXPECT_EQ(a.client, b.client) << line;
      EXPECT_EQ(a.target, b.target) << line;
      EXPECT_EQ(a.country, b.country) << line;
      EXPECT_EQ(a.at, b.at) << line;
      EXPECT_EQ(a.has_time, b.has_time) << line;
    }
    ++walk.lines;
    walk.records += kind == LineKind::kRecord ? 1 : 0;
    walk.damaged += kind == LineKind::kDamaged ? 1 : 0;
    if (::testing::Test::HasFailure() || next == nullptr || next <= p) break;
    p = next;
  }
  return walk;
}

std::unique_ptr<HostLineParser> host_first() {
  auto parser = make_log_format_parser(web_layouts()[0].format, web_layouts()[0].name, web_layouts()[0].lenient_tail);
  EXPECT_TRUE(parser.has_value());
  return parser ? std::move(*parser) : nullptr;
}

std::string line(std::string_view host, std::string_view agent = "Mozilla/5.0 (X11)") {
  return std::string(host) + R"( 203.0.113.9 - - [19/Jan/2025:10:00:00 -0500] "GET / HTTP/1.1" 200 512 "-" ")" +
         std::string(agent) + "\"";
}

TEST(ParseInPlace, EverySharedLogReadsAsLineByLine) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(INTERDICT_SHARED_DATA "/logs")) {
    if (entry.path().extension() == ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::vector<std::string> head;
    std::istringstream lines(text);
    for (std::string l; head.size() < 8 && std::getline(lines, l);) {
      if (!blank_line(l)) head.push_back(l);
    }
    std::vector<std::string_view> views(head.begin(), head.end());
    std::unique_ptr<HostLineParser> parser = sniff_host_format(views, {});
    if (parser == nullptr) continue;  // the DNS formats are not hosting logs
    // Read as the scan does: the parser has seen the header lines first.
    HostRecord ignored;
    for (std::string_view v : views) (void)parser->parse(v, ignored, nullptr);
    const Walk walk = compare_walks(*parser, text);
    EXPECT_GT(walk.records, 0u) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 5u);
}

TEST(ParseInPlace, TheCombinedSampleIsReadInPlace) {
  std::ifstream in(INTERDICT_SHARED_DATA "/logs/webreadr_combined_log.clf", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto parser = make_log_format_parser(web_layouts()[3].format, web_layouts()[3].name, true);
  ASSERT_TRUE(parser.has_value());
  const Walk walk = compare_walks(**parser, buffer.str());
  EXPECT_EQ(walk.records, 12u);  // the last line has no newline
  EXPECT_EQ(walk.damaged, 0u);
}

TEST(ParseInPlace, LongLine) {
  const std::string input = line("a.example", std::string(100000, 'x')) + "\n" + line("b.example") + "\n";
  const Walk walk = compare_walks(*host_first(), input);
  EXPECT_EQ(walk.records, 2u);
}

TEST(ParseInPlace, LastLineWithoutNewline) {
  const std::string input = line("a.example") + "\n" + line("www.tiktok.com");
  auto parser = host_first();
  const Walk walk = compare_walks(*parser, input);
  EXPECT_EQ(walk.records, 2u);
  // The last line ends at the end of the input, and so does the walk.
  HostRecord r;
  std::string_view text;
  const char* next = nullptr;
  const char* last = input.data() + input.find('\n') + 1;
  ASSERT_EQ(parser->parse_at(last, input.data() + input.size(), r, nullptr, text, next), LineKind::kRecord);
  EXPECT_EQ(r.host, "www.tiktok.com");
  EXPECT_EQ(next, input.data() + input.size());
}

TEST(ParseInPlace, CrLfLineEnds) {
  const std::string input = line("a.example") + "\r\n" + line("b.example", "-") + "\r\n\r\n" + line("c.example");
  const Walk walk = compare_walks(*host_first(), input);
  EXPECT_EQ(walk.records, 3u);
  EXPECT_EQ(walk.lines, 4u);
}

TEST(ParseInPlace, DamagedLineDoesNotBorrowTheNextLinesFields) {
  // The first line stops in its request: the quote and blank after it are on the next.
  const std::string input = std::string(R"(a.example 192.0.2.1 - - [19/Jan/2025:10:00:00 -0500] "GET / HTTP/1.1)") +
                            "\n" + line("b.example") + "\n";
  auto parser = host_first();
  const Walk walk = compare_walks(*parser, input);
  EXPECT_EQ(walk.damaged, 1u);
  EXPECT_EQ(walk.records, 1u);
  HostRecord r;
  std::string why;
  std::string_view text;
  const char* next = nullptr;
  ASSERT_EQ(parser->parse_at(input.data(), input.data() + input.size(), r, &why, text, next), LineKind::kDamaged);
  EXPECT_EQ(why, "expected `\" ` after $request");
  EXPECT_EQ(next, input.data() + input.find('\n') + 1);
}

TEST(ParseInPlace, EscapedQuotes) {
  const std::string input =
      R"(a.example 10.0.0.1 - - [19/Jan/2025:10:00:00 -0500] "GET /\"x\" HTTP/1.1" 200 1 "-" "agent \"q\"")"
      "\n"
      R"(b.example 10.0.0.1 - - [19/Jan/2025:10:00:00 -0500] "GET /\\" 200 1 "-" "-")"
      "\n"
      R"(c.example 10.0.0.1 - - [19/Jan/2025:10:00:00 -0500] "GET /\" 200 1 "-" "-\")"
      "\n";
  const Walk walk = compare_walks(*host_first(), input);
  EXPECT_EQ(walk.records, 2u);
  EXPECT_EQ(walk.damaged, 1u);  // the third request's quote is escaped: its status is not found
}

TEST(ParseInPlace, BlankAndSpaceLedLinesGoThePlainWay) {
  const std::string input = "   \n\t\n" + line("a.example") + "\n \n" + " " + line("b.example") + "\n\n";
  const Walk walk = compare_walks(*host_first(), input);
  EXPECT_EQ(walk.records, 1u);
  EXPECT_EQ(walk.damaged, 1u);  // a blank before the host reads as more fields than the layout
}

TEST(ParseInPlace, NewlinesAtEveryOffsetOfA16ByteBlock) {
  // Lines whose fields and ends fall at every position of the 16-byte blocks the fields
  // are searched in, some cut short so that a newline sits where a delimiter is awaited.
  std::string input;
  for (int i = 0; i < 40; ++i) {
    const std::string full = line(std::string(static_cast<std::size_t>(1 + i), 'h') + ".example");
    input += full + "\n";
    input += full.substr(0, 30 + static_cast<std::size_t>(i) * 3) + "\n";
  }
  const Walk walk = compare_walks(*host_first(), input);
  EXPECT_EQ(walk.lines, 80u);
  // A line cut after its status is still a record: the layout reads no further.
  EXPECT_EQ(walk.records + walk.damaged, 80u);
  EXPECT_GE(walk.damaged, 10u);
}

TEST(ParseInPlace, FormatsThatNeedTheLineEndReadItFirst) {
  // A last field that runs to the line's end, and a strict format: both find the end first.
  for (const WebLayout& layout : web_layouts()) {
    auto parser = make_log_format_parser(layout.format, layout.name, layout.lenient_tail);
    ASSERT_TRUE(parser.has_value());
    const std::string base = R"(192.0.2.1 - - [19/Jan/2025:10:00:00 -0500] "GET / HTTP/1.1" 200 1 "-" "-")";
    const std::string input =
        base + R"( "cdn.capcut.com")" + "\r\n" + base + " lemon8-app.com 0.004\n" + base + "\n" + base + " tail";
    compare_walks(**parser, input);
  }
  auto given = compile_log_format("$host|$status");
  ASSERT_TRUE(given.has_value());
  compare_walks(**given, "a.example|200\nb.example|2x0\r\nc.example|200|extra\nd.example");
}

}  // namespace
}  // namespace interdict
