#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace interdict {
namespace {

TEST(Utf8, WellFormedTextOfEveryLengthIsValid) {
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("Tencent"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("Société Générale"), std::nullopt);                   // two bytes
  EXPECT_EQ(first_invalid_utf8("腾讯控股"), std::nullopt);                           // three
  EXPECT_EQ(first_invalid_utf8("\xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf"), std::nullopt);  // four, U+10FFFF
}

TEST(Utf8, FirstBadByteIsReportedWhereItStands) {
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u);                // stray continuation byte
  EXPECT_EQ(first_invalid_utf8("ab\xc3("), 2u);               // a sequence cut by ASCII
  EXPECT_EQ(first_invalid_utf8("Gr\xc3\xbc\xc3"), 4u);        // cut by the end
  EXPECT_EQ(first_invalid_utf8("x\xc0\xaf"), 1u);             // overlong '/'
  EXPECT_EQ(first_invalid_utf8("x\xe0\x80\xaf"), 1u);         // overlong, three bytes
  EXPECT_EQ(first_invalid_utf8("x\xed\xa0\x80"), 1u);         // a surrogate, U+D800
  EXPECT_EQ(first_invalid_utf8("x\xf4\x90\x80\x80"), 1u);     // past U+10FFFF
  EXPECT_EQ(first_invalid_utf8("x\xf5\x80\x80\x80"), 1u);     // no such lead byte
  EXPECT_EQ(first_invalid_utf8("\xe8\xae\xaf\xe8\xae"), 3u);  // the second ideograph cut
  EXPECT_EQ(first_invalid_utf8("ok \xf0\x9f\x98 more"), 3u);  // four-byte sequence cut
}

TEST(Utf8, SequenceLengthIsThatOfTheWellFormedSequenceOrZero) {
  const std::string text = "a\xc3\xa9\xe8\x85\xbe\xf0\x9f\x98\x80\x80\xe8\x85";
  EXPECT_EQ(utf8_sequence_length(text, 0), 1u);
  EXPECT_EQ(utf8_sequence_length(text, 1), 2u);
  EXPECT_EQ(utf8_sequence_length(text, 3), 3u);
  EXPECT_EQ(utf8_sequence_length(text, 6), 4u);
  EXPECT_EQ(utf8_sequence_length(text, 10), 0u);  // a stray continuation byte
  EXPECT_EQ(utf8_sequence_length(text, 11), 0u);  // cut by the end
}

TEST(Utf8, LongAsciiRunsAreSkippedAndABadByteAfterThemFound) {
  std::string text(1000, 'a');
  EXPECT_EQ(first_invalid_utf8(text), std::nullopt);
  text[997] = '\xff';
  EXPECT_EQ(first_invalid_utf8(text), 997u);
}

TEST(Utf8, CodePointsRoundTripAndABrokenByteIsKeptAlone) {
  const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";  // a é 中 😀
  const std::u32string points = utf32_lenient(text);
  EXPECT_EQ(points, (std::u32string{U'a', U'é', U'中', 0x1F600}));
  std::string back;
  for (const char32_t c : points) append_utf8(c, back);
  EXPECT_EQ(back, text);
  // A sequence cut short: its lead byte is one code point, and reading goes on.
  EXPECT_EQ(utf32_lenient("\xE4\xB8"), (std::u32string{0xE4, 0xB8}));
}

}  // namespace
}  // namespace interdict
