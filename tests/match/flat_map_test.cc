// FlatMap's key compare (same_bytes, fixed-size loads that overlap) and lookups of keys that
// differ in one byte only, at every length a token or a name takes.
#include "match/flat_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace interdict {
namespace {

TEST(SameBytes, TellsApartTextsDifferingInAnyOneByteAtEveryLength) {
  for (std::size_t n = 1; n <= 40; ++n) {
    const std::string a(n, 'a');
    ASSERT_TRUE(same_bytes(a.data(), std::string(n, 'a').data(), n)) << n;
    for (std::size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = 'b';
      EXPECT_FALSE(same_bytes(a.data(), b.data(), n)) << "length " << n << ", byte " << at;
    }
  }
  EXPECT_TRUE(same_bytes("x", "y", 0));
}

TEST(FlatMap, FindsEachOfManyKeysThatShareAllButOneByte) {
  FlatMap<int> map;
  std::vector<std::string> keys;
  for (std::size_t n = 1; n <= 24; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      std::string k(n, 'k');
      k[at] = 'z';
      keys.push_back(k);
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) ASSERT_TRUE(map.try_emplace(keys[i], static_cast<int>(i)));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const int* v = map.find(keys[i]);
    ASSERT_NE(v, nullptr) << keys[i];
    EXPECT_EQ(*v, static_cast<int>(i)) << keys[i];
  }
  for (std::size_t n = 1; n <= 24; ++n) EXPECT_EQ(map.find(std::string(n, 'k')), nullptr) << n;
}

}  // namespace
}  // namespace interdict
