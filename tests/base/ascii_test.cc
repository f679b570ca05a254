// ascii_lower_copy lowers eight bytes at a time with carry-free arithmetic: every byte value,
// at every position of a word, beside every kind of neighbour, must come out as the
// byte-at-a-time fold gives it.
#include "base/ascii.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace interdict {
namespace {

TEST(AsciiLower, EveryByteAtEveryPositionBesideAnyNeighbour) {
  const std::array<int, 10> neighbours = {0, 'A', 'Z', '@', '[', 'a', 0x7f, 0x80, 0xc1, 0xff};
  int wrong = 0;
  for (int value = 0; value < 256; ++value) {
    for (int position = 0; position < 8; ++position) {
      for (int neighbour : neighbours) {
        std::array<char, 8> in;
        in.fill(static_cast<char>(neighbour));
        in[static_cast<std::size_t>(position)] = static_cast<char>(value);
        std::array<char, 8> out{};
        ascii_lower_copy(in.data(), in.size(), out.data());
        for (std::size_t k = 0; k < in.size(); ++k) wrong += out[k] != ascii_lower(in[k]);
      }
    }
  }
  EXPECT_EQ(wrong, 0);
}

TEST(AsciiLower, TailsAndUtf8PassThrough) {
  const std::string in = "Com.ZhiLiaoApp.MUSICALLY/Ünïcode-ÄÖÜ@Z";
  std::string out(in.size(), '\0');
  ascii_lower_copy(in.data(), in.size(), out.data());
  EXPECT_EQ(out, "com.zhiliaoapp.musically/Ünïcode-ÄÖÜ@z");
  ascii_lower_copy(out.data(), 3, out.data());  // in place
  EXPECT_EQ(out.substr(0, 3), "com");
}

TEST(AsciiLower, LoweredCopyOfEveryLength) {
  const std::string in = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ Müller";
  for (std::size_t n = 0; n <= in.size(); ++n) {
    std::string want = in.substr(0, n);
    for (char& c : want) c = ascii_lower(c);
    EXPECT_EQ(ascii_lowered(in.substr(0, n)), want) << n;
  }
}

}  // namespace
}  // namespace interdict
