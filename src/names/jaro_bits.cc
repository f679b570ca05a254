// Jaro-Winkler with bit masks (jaro_bits.h).
#include "names/jaro_bits.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace interdict {

namespace {

// Jaro-Winkler by bit masks, with each byte read as `letter` says.
template <typename Letter>
double bits_jaro_winkler(std::string_view a, std::string_view b, Letter letter) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  constexpr std::size_t kMax = 64;  // one bit per position of `b`
  if (a.size() > kMax) a = a.substr(0, kMax);
  if (b.size() > kMax) b = b.substr(0, kMax);
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  // Where each byte value stands in `b`. Kept zero between calls: only the entries of
  // `b`'s own bytes are set, and cleared again at the end.
  thread_local std::array<std::uint64_t, 256> at{};
  for (std::size_t j = 0; j < b.size(); ++j) at[letter(b[j])] |= std::uint64_t{1} << j;
  std::uint64_t a_used = 0;
  std::uint64_t b_used = 0;
  std::size_t matches = 0;
  const std::uint64_t all_of_b = b.size() == kMax ? ~std::uint64_t{0} : (std::uint64_t{1} << b.size()) - 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    // Positions lo..hi-1 of `b`, as the scalar loop searches them.
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    if (lo >= hi) continue;
    const std::uint64_t below_hi = hi == kMax ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1;
    const std::uint64_t free = at[letter(a[i])] & ~b_used & below_hi & (all_of_b << lo);
    if (free == 0) continue;
    b_used |= free & (~free + 1);  // the lowest: the first free partner in the window
    a_used |= std::uint64_t{1} << i;
    ++matches;
  }
  for (char c : b) at[letter(c)] = 0;
  if (matches == 0) return 0.0;
  // Matched letters of `a` and of `b`, in order, paired off: an unequal pair is half a
  // transposition.
  std::size_t transpositions = 0;
  for (std::uint64_t x = a_used, y = b_used; x != 0; x &= x - 1, y &= y - 1)
    if (letter(a[static_cast<std::size_t>(std::countr_zero(x))]) !=
        letter(b[static_cast<std::size_t>(std::countr_zero(y))]))
      ++transpositions;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && letter(a[prefix]) == letter(b[prefix])) ++prefix;
  return jaro_winkler_of(a.size(), b.size(), matches, transpositions, prefix);
}

unsigned char as_is(char c) { return static_cast<unsigned char>(c); }
unsigned char one_liquid(char c) { return static_cast<unsigned char>(c == 'l' ? 'r' : c); }

}  // namespace

double jaro_winkler_bits(std::string_view a, std::string_view b) {
  if (a == b && !a.empty()) return 1.0;
  return bits_jaro_winkler(a, b, as_is);
}

double liquid_jaro_winkler(std::string_view a, std::string_view b) { return bits_jaro_winkler(a, b, one_liquid); }

std::uint64_t liquid_letters(std::string_view a) {
  // By their low six bits: letters that share them are taken for one, which can only
  // raise the bound.
  std::uint64_t in = 0;
  for (char c : a.substr(0, std::min<std::size_t>(a.size(), 64))) in |= std::uint64_t{1} << (one_liquid(c) & 63U);
  return in;
}

double liquid_jaro_winkler_bound(std::string_view a, std::uint64_t a_letters, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  constexpr std::size_t kMax = 64;  // as bits_jaro_winkler cuts them
  if (a.size() > kMax) a = a.substr(0, kMax);
  if (b.size() > kMax) b = b.substr(0, kMax);
  const std::uint64_t b_letters = liquid_letters(b);
  // A letter one holds and the other does not stands somewhere at least once, unmatched.
  const auto a_may = a.size() - static_cast<std::size_t>(std::popcount(a_letters & ~b_letters));
  const auto b_may = b.size() - static_cast<std::size_t>(std::popcount(b_letters & ~a_letters));
  const std::size_t matches = std::min(a_may, b_may);
  if (matches == 0) return 0.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && one_liquid(a[prefix]) == one_liquid(b[prefix]))
    ++prefix;
  // The value grows with the matches and falls with the transpositions, here none.
  return jaro_winkler_of(a.size(), b.size(), matches, 0, prefix);
}

bool jaro_winkler_may_reach(std::string_view a, std::string_view b, double floor) {
  if (a.empty() || b.empty()) return true;
  constexpr std::size_t kMax = 64;  // as jaro_winkler_bits cuts them
  if (a.size() > kMax) a = a.substr(0, kMax);
  if (b.size() > kMax) b = b.substr(0, kMax);
  // Which bytes each holds, by their low six bits: bytes that share them are taken for one,
  // which can only raise the bound.
  std::uint64_t in_a = 0;
  std::uint64_t in_b = 0;
  for (char c : a) in_a |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63U);
  for (char c : b) in_b |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63U);
  // A letter one holds and the other does not stands somewhere at least once, unmatched.
  const auto a_may = a.size() - static_cast<std::size_t>(std::popcount(in_a & ~in_b));
  const auto b_may = b.size() - static_cast<std::size_t>(std::popcount(in_b & ~in_a));
  const std::size_t matches = std::min(a_may, b_may);
  if (matches == 0) return floor <= 0.0;
  // The value grows with the matches and falls with the transpositions; the margin covers
  // the rounding of the two evaluations.
  return jaro_winkler_of(a, b, matches, 0) >= floor - 1e-9;
}

}  // namespace interdict
