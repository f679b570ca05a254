#include "base/time.h"

#include <gtest/gtest.h>

namespace interdict {
namespace {

TEST(Time, ParsesUtc) {
  auto t = parse_rfc3339("2021-06-09T00:00:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, 1623196800);
  EXPECT_EQ(format_rfc3339(*t), "2021-06-09T00:00:00Z");
}

TEST(Time, ParsesOffsetAndFraction) {
  auto t = parse_rfc3339("2020-09-27T23:59:00.123-04:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t), "2020-09-28T03:59:00Z");
}

TEST(Time, RejectsTimeWithoutZone) {
  auto t = parse_rfc3339("2020-09-27T23:59:00");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().category(), ErrorCategory::kParse);
  EXPECT_NE(t.error().message().find("without a zone"), std::string::npos);
}

TEST(Time, RejectsBareDate) { EXPECT_FALSE(parse_rfc3339("2020-09-27")); }

TEST(Time, RejectsOutOfRangeFields) {
  EXPECT_FALSE(parse_rfc3339("2021-02-29T00:00:00Z"));
  EXPECT_TRUE(parse_rfc3339("2020-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2020-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2020-01-01T24:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2020-01-01T00:00:00+25:00"));
  EXPECT_FALSE(parse_rfc3339("garbage"));
  EXPECT_FALSE(parse_rfc3339(""));
}

// The Federal Register's "11:59 p.m. eastern time": EDT in September, EST in December.
TEST(Time, ResolvesEasternTimeWithDaylightSaving) {
  auto sep = parse_zoned_time("2020-09-27T23:59 America/New_York");
  ASSERT_TRUE(sep);
  EXPECT_EQ(format_rfc3339(*sep), "2020-09-28T03:59:00Z");
  auto dec = parse_zoned_time("2020-12-07T23:59 America/New_York");
  ASSERT_TRUE(dec);
  EXPECT_EQ(format_rfc3339(*dec), "2020-12-08T04:59:00Z");
}

TEST(Time, ZonedTimeAcceptsPlainRfc3339) {
  auto t = parse_zoned_time("2020-09-27T23:59:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t), "2020-09-27T23:59:00Z");
}

TEST(Time, UnknownZoneIsNotFound) {
  auto t = parse_zoned_time("2020-09-27T23:59 America/Nowhere");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().category(), ErrorCategory::kNotFound);
}

TEST(Time, RoundTripsAcrossCenturies) {
  for (const char* text :
       {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:34:56Z", "2100-03-01T00:00:00Z"}) {
    auto t = parse_rfc3339(text);
    ASSERT_TRUE(t) << text;
    EXPECT_EQ(format_rfc3339(*t), text);
  }
}

}  // namespace
}  // namespace interdict
