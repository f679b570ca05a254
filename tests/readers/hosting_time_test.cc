// The hand-written timestamp parsers of the hosting readers: every field of every form,
// the date cache, and the text they must refuse.
#include <gtest/gtest.h>

#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

TEST(ClfTime, ApacheDocumentationExample) {
  ClfTimeParser p;
  Instant t = 0;
  ASSERT_TRUE(p.parse("10/Oct/2000:13:55:36 -0700", t));
  EXPECT_EQ(t, 971211336);  // 2000-10-10T20:55:36Z
}

TEST(ClfTime, CachedDateStillReadsTheClockAndZone) {
  ClfTimeParser p;
  Instant a = 0, b = 0, c = 0;
  ASSERT_TRUE(p.parse("26/Apr/2000:00:23:48 -0400", a));
  ASSERT_TRUE(p.parse("26/Apr/2000:00:23:49 -0400", b));
  ASSERT_TRUE(p.parse("26/Apr/2000:00:23:49 +0000", c));
  EXPECT_EQ(a, 956723028);
  EXPECT_EQ(b, a + 1);
  EXPECT_EQ(c, b - 4 * 3600);
}

TEST(ClfTime, MonthsInAnyCaseAndLeapDay) {
  ClfTimeParser p;
  Instant t = 0;
  ASSERT_TRUE(p.parse("29/feb/2024:23:59:59 +0000", t));
  EXPECT_EQ(t, 1709251199);
  ASSERT_TRUE(p.parse("01/DEC/2024:00:00:00 +0000", t));
}

TEST(ClfTime, RefusesMalformedText) {
  ClfTimeParser p;
  Instant t = 42;
  for (const char* bad : {"", "10/Oct/2000:13:55:36", "10/Oct/2000:13:55:36 -07", "10/Oct/2000 13:55:36 -0700",
                          "32/Oct/2000:13:55:36 -0700", "29/Feb/2023:00:00:00 +0000", "10/Okt/2000:13:55:36 -0700",
                          "10/Oct/2000:24:00:00 -0700", "10/Oct/2000:13:60:00 -0700", "10/Oct/2000:13:55:36 +2400",
                          "10/Oct/2000:13:55:36 x0700", "1x/Oct/2000:13:55:36 -0700"}) {
    EXPECT_FALSE(p.parse(bad, t)) << bad;
  }
  EXPECT_EQ(t, 42);
}

TEST(ClfTime, BadDateAfterAGoodOneIsNotTakenFromTheCache) {
  ClfTimeParser p;
  Instant t = 0;
  ASSERT_TRUE(p.parse("10/Oct/2000:13:55:36 -0700", t));
  EXPECT_FALSE(p.parse("10/Oct/2000:13:55:3x -0700", t));
  EXPECT_FALSE(p.parse("11/Oct/2000:13:55:36 -07:0", t));
}

TEST(ClfTime, OnlyChangedSecondsAreReadAgain) {
  ClfTimeParser p;
  Instant a = 0, b = 0, c = 0, d = 0;
  ASSERT_TRUE(p.parse("19/Jan/2025:10:00:30 -0500", a));
  EXPECT_EQ(a, 1737298830);
  ASSERT_TRUE(p.parse("19/Jan/2025:10:00:59 -0500", b));
  EXPECT_EQ(b, a + 29);
  ASSERT_TRUE(p.parse("19/Jan/2025:10:00:02 -0500", c));  // back in time: logs are not sorted
  EXPECT_EQ(c, a - 28);
  ASSERT_TRUE(p.parse("19/Jan/2025:10:00:60 -0500", d));  // a leap second
  EXPECT_EQ(d, a + 30);
  Instant t = 42;
  for (const char* bad : {"19/Jan/2025:10:00:61 -0500", "19/Jan/2025:10:00:6x -0500", "19/Jan/2025:10:00:-1 -0500"}) {
    EXPECT_FALSE(p.parse(bad, t)) << bad;
  }
  EXPECT_EQ(t, 42);
  // The minute, the zone and the date changing still read the whole stamp.
  ASSERT_TRUE(p.parse("19/Jan/2025:10:01:02 -0500", t));
  EXPECT_EQ(t, c + 60);
  ASSERT_TRUE(p.parse("19/Jan/2025:10:01:02 +0000", t));
  EXPECT_EQ(t, c + 60 - 5 * 3600);
  ASSERT_TRUE(p.parse("20/Jan/2025:10:01:02 +0000", t));
  EXPECT_EQ(t, c + 60 - 5 * 3600 + 86400);
}

TEST(IsoTime, OffsetsFractionsAndZulu) {
  IsoTimeParser p;
  Instant t = 0;
  ASSERT_TRUE(p.parse("2000-10-10T13:55:36-07:00", t));
  EXPECT_EQ(t, 971211336);
  ASSERT_TRUE(p.parse("2000-10-10T20:55:36.123Z", t));
  EXPECT_EQ(t, 971211336);
  ASSERT_TRUE(p.parse("2000-10-10 20:55:36+00:00", t));
  EXPECT_EQ(t, 971211336);
  EXPECT_FALSE(p.parse("2000-10-10T20:55:36", t));  // no zone
  EXPECT_FALSE(p.parse("2000-13-10T20:55:36Z", t));
  EXPECT_FALSE(p.parse("2000-10-10T20:55:36.Z", t));
  EXPECT_FALSE(p.parse("2000-10-10T20:55:36Zjunk", t));
}

TEST(IsoTime, W3cDateAndTimeAreUtc) {
  IsoTimeParser p;
  Instant t = 0;
  ASSERT_TRUE(p.parse_utc("2016-03-03", "20:16:01", t));
  EXPECT_EQ(t, 1457036161);
  ASSERT_TRUE(p.parse_utc("2016-03-03", "20:16:01.5", t));
  EXPECT_FALSE(p.parse_utc("2016-03-03", "20:16", t));
  EXPECT_FALSE(p.parse_utc("2016-3-3", "20:16:01", t));
  EXPECT_FALSE(p.parse_utc("2016-03-03", "20:16:01x", t));
}

TEST(EpochTime, SecondsWithAFraction) {
  Instant t = 0;
  ASSERT_TRUE(parse_epoch_seconds("1388171148.462017", t));
  EXPECT_EQ(t, 1388171148);
  ASSERT_TRUE(parse_epoch_seconds("1388171148", t));
  EXPECT_FALSE(parse_epoch_seconds("", t));
  EXPECT_FALSE(parse_epoch_seconds("-1", t));
  EXPECT_FALSE(parse_epoch_seconds("1388171148.46x", t));
  EXPECT_FALSE(parse_epoch_seconds("99999999999999999999", t));  // would overflow
}

}  // namespace
}  // namespace interdict
