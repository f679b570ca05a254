// CsvParser: RFC 4180 records fed a line at a time.
#include "readers/common/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace interdict {
namespace {

std::vector<std::string> fields(const CsvParser& p) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < p.field_count(); ++i) out.emplace_back(p.field(i));
  return out;
}

TEST(CsvParser, PlainQuotedAndEmptyFields) {
  CsvParser p;
  ASSERT_EQ(p.feed(R"(a, b ,"c, d","e ""f""",,"")"), CsvParser::Step::kDone);
  EXPECT_EQ(fields(p), (std::vector<std::string>{"a", "b", "c, d", "e \"f\"", "", ""}));
}

TEST(CsvParser, QuotedFieldAcrossLines) {
  CsvParser p;
  ASSERT_EQ(p.feed(R"(1,"two)"), CsvParser::Step::kMore);
  ASSERT_EQ(p.feed(""), CsvParser::Step::kMore);
  ASSERT_EQ(p.feed(R"(lines",3)"), CsvParser::Step::kDone);
  EXPECT_EQ(fields(p), (std::vector<std::string>{"1", "two\n\nlines", "3"}));
  p.reset();
  ASSERT_EQ(p.feed("x"), CsvParser::Step::kDone);
  EXPECT_EQ(fields(p), std::vector<std::string>{"x"});
}

TEST(CsvParser, TextAfterClosingQuoteIsBad) {
  CsvParser p;
  EXPECT_EQ(p.feed(R"(a,"b"c)"), CsvParser::Step::kBad);
  EXPECT_NE(p.error().find("field 2"), std::string::npos) << p.error();
}

TEST(CsvParser, QuoteInsideUnquotedFieldIsKept) {
  CsvParser p;
  ASSERT_EQ(p.feed(R"(5" screen,b)"), CsvParser::Step::kDone);
  EXPECT_EQ(fields(p), (std::vector<std::string>{"5\" screen", "b"}));
}

TEST(CsvParser, TabDelimiterKeepsCommas) {
  EXPECT_EQ(detect_csv_delimiter("a\tb\tc"), '\t');
  EXPECT_EQ(detect_csv_delimiter("a,b\tc"), ',');
  CsvParser p('\t');
  ASSERT_EQ(p.feed("a, b\t\"c\td\"\t"), CsvParser::Step::kDone);
  EXPECT_EQ(fields(p), (std::vector<std::string>{"a, b", "c\td", ""}));
}

}  // namespace
}  // namespace interdict
