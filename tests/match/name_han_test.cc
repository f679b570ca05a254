// Han names read an ideograph at a time (name_han.cc) must give the tokens ICU gives when
// it reads the whole name. A trailing " ·" (a separator the Han path does not take) sends a
// name to ICU whole, with the same tokens, so each name is compared with itself so marked.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "match/match.h"

namespace interdict {
namespace {

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
  }
  out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
  out += static_cast<char>(0x80 | (c & 0x3f));
  return out;
}

std::string by_icu(const NameMatcher& m, const std::string& name) { return m.normalise(name + " \u00b7"); }

TEST(NameHan, EveryThirdIdeographAloneReadsAsIcuReadsIt) {
  NameMatcher m;
  std::size_t compared = 0;
  for (char32_t c = 0x3400; c <= 0x9fff; c += 3) {
    if (c >= 0x4dc0 && c < 0x4e00) continue;  // Yijing hexagram symbols, not ideographs
    const std::string name = utf8(c);
    ASSERT_EQ(m.normalise(name), by_icu(m, name)) << std::hex << static_cast<std::uint32_t>(c);
    ++compared;
  }
  EXPECT_GT(compared, 8000u);
}

TEST(NameHan, NamesOfIdeographsAndAsciiReadAsIcuReadsThem) {
  NameMatcher m;
  const std::vector<std::string> names = {
      "腾讯控股有限公司", "騰訊控股有限公司", "北京字节跳动科技有限公司", "字节跳动 Ltd", "腾讯 Holdings",
      "Tencent (腾讯)", "腾讯-音乐", "抖音 / TikTok", "今日头条", "厦门星辰启点科技有限公司",
      // Read by context, or joined to ASCII letters or digits: the Han path leaves them to ICU.
      "重庆银行", "沈阳", "秘鲁", "藏文", "腾讯abc", "abc腾讯", "1腾", "腾1", "〇〇", "腾〇",
      // Extension A, and a name with an ideograph of Extension B (four bytes: ICU's).
      "\u3400\u3401\u4db5", std::string("腾") + utf8(0x2000b)};
  for (const std::string& name : names) EXPECT_EQ(m.normalise(name), by_icu(m, name)) << name;
  // Windows of four ideographs across the unified block.
  for (char32_t c = 0x4e00; c + 40 <= 0x9fff; c += 97) {
    const std::string name = utf8(c) + utf8(c + 13) + " " + utf8(c + 27) + utf8(c + 40);
    ASSERT_EQ(m.normalise(name), by_icu(m, name)) << name;
  }
}

TEST(NameHan, BrokenUtf8AmongIdeographsIsLeftToIcu) {
  NameMatcher m;
  for (const std::string& name : {std::string("腾讯\xe8\xae"), std::string("腾\xe8\x41\x41讯"), std::string("\xe8腾讯"),
                                  std::string("腾讯\xed\xa0\x80"), std::string("\xe0\x80\x80腾")}) {
    EXPECT_EQ(m.normalise(name), by_icu(m, name)) << name;
    EXPECT_NE(m.normalise(name).find("teng"), std::string::npos) << name;
  }
}

TEST(NameHan, ReadByContextStaysIcus) {
  NameMatcher m;
  EXPECT_EQ(m.normalise("重庆"), "chong qing");  // 重 alone is zhong
  EXPECT_EQ(m.normalise("重"), "zhong");
  EXPECT_EQ(m.normalise("腾讯abc"), "teng xunabc");  // ICU joins the letters to the ideograph
}

TEST(NameHan, AHanNameMeetsItsPinyinOnTheHanPath) {
  NameMatcher m;
  m.add("Zijie Tiaodong", 1);
  const auto hit = m.match("字节跳动");
  ASSERT_TRUE(hit.has_value());
  EXPECT_TRUE(hit->exact);
}

}  // namespace
}  // namespace interdict
