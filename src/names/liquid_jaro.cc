// Jaro-Winkler with one liquid (liquid_jaro.h), by bit masks as jaro_bits.cc counts it.
#include "names/liquid_jaro.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

#include "names/jaro_bits.h"

namespace interdict {
namespace {

unsigned char one_liquid(char c) { return static_cast<unsigned char>(c == 'l' ? 'r' : c); }

}  // namespace

double liquid_jaro_winkler(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  constexpr std::size_t kMax = 64;  // one bit per position of `b`
  if (a.size() > kMax) a = a.substr(0, kMax);
  if (b.size() > kMax) b = b.substr(0, kMax);
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  // Where each letter stands in `b`, zero between calls (cleared for `b`'s letters at the end).
  thread_local std::array<std::uint64_t, 256> at{};
  for (std::size_t j = 0; j < b.size(); ++j) at[one_liquid(b[j])] |= std::uint64_t{1} << j;
  std::uint64_t a_used = 0;
  std::uint64_t b_used = 0;
  std::size_t matches = 0;
  const std::uint64_t all_of_b = b.size() == kMax ? ~std::uint64_t{0} : (std::uint64_t{1} << b.size()) - 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    if (lo >= hi) continue;
    const std::uint64_t below_hi = hi == kMax ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1;
    const std::uint64_t free = at[one_liquid(a[i])] & ~b_used & below_hi & (all_of_b << lo);
    if (free == 0) continue;
    b_used |= free & (~free + 1);
    a_used |= std::uint64_t{1} << i;
    ++matches;
  }
  for (char c : b) at[one_liquid(c)] = 0;
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  for (std::uint64_t x = a_used, y = b_used; x != 0; x &= x - 1, y &= y - 1)
    if (one_liquid(a[static_cast<std::size_t>(std::countr_zero(x))]) !=
        one_liquid(b[static_cast<std::size_t>(std::countr_zero(y))]))
      ++transpositions;
  const double m = static_cast<double>(matches);
  const double jaro =
      (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - transpositions / 2.0) / m) / 3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && one_liquid(a[prefix]) == one_liquid(b[prefix]))
    ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

}  // namespace interdict
