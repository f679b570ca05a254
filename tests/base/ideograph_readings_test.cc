// IdeographReadings: what it keeps, what it refuses, and that it asks once.
#include "base/ideograph_readings.h"

#include <gtest/gtest.h>

#include <string>

namespace interdict {
namespace {

TEST(IdeographReadings, AsksEachIdeographOnceAndKeepsItsReading) {
  IdeographReadings readings;
  int asked = 0;
  auto read = [&](char32_t c, std::string& out) {
    ++asked;
    out = c == U'腾' ? "teng" : "xun";
    return true;
  };
  EXPECT_EQ(readings.reading_of(U'腾', read), "teng");
  EXPECT_EQ(readings.reading_of(U'讯', read), "xun");
  EXPECT_EQ(readings.reading_of(U'腾', read), "teng");
  EXPECT_EQ(asked, 2);
  // Room past each reading may be read, as the order matcher copies it in one block.
  const std::string_view teng = readings.reading_of(U'腾', read);
  EXPECT_EQ(std::string(teng.data(), IdeographReadings::kRoom).substr(0, 4), "teng");
}

TEST(IdeographReadings, RefusesWhatIsNotOneTokenOfLettersAndKeepsTheRefusal) {
  IdeographReadings readings;
  int asked = 0;
  auto read = [&](char32_t c, std::string& out) {
    ++asked;
    if (c == U'一') out = "two words";
    if (c == U'二') out = "Capital";
    if (c == U'三') out = std::string(IdeographReadings::kMaxReading + 1, 'a');
    if (c == U'四') return false;
    return true;
  };
  for (const char32_t c : {U'一', U'二', U'三', U'四', U'五'}) EXPECT_TRUE(readings.reading_of(c, read).empty());
  for (const char32_t c : {U'一', U'二', U'三', U'四', U'五'}) EXPECT_TRUE(readings.reading_of(c, read).empty());
  EXPECT_EQ(asked, 5);
}

TEST(IdeographReadings, CoversTheTwoBlocksAndMarksContextualOnes) {
  EXPECT_TRUE(IdeographReadings::covers(0x3400));
  EXPECT_TRUE(IdeographReadings::covers(0x9FFF));
  EXPECT_FALSE(IdeographReadings::covers(0x20000));  // Extension B
  EXPECT_FALSE(IdeographReadings::covers(U'a'));
  IdeographReadings readings;
  auto read = [](char32_t, std::string& out) {
    out = "zhong";
    return true;
  };
  // Between Extension A and the main block, nothing is read.
  EXPECT_TRUE(readings.reading_of(0x4DC0, read).empty());
  readings.mark_unreadable(U'重');
  EXPECT_TRUE(readings.reading_of(U'重', read).empty());
  EXPECT_EQ(readings.reading_of(U'中', read), "zhong");
}

}  // namespace
}  // namespace interdict
