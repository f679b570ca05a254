// Jaro-Winkler computed with bit masks: the same value as jaro_winkler (names.h), bit for
// bit, in fewer steps.
//
// Why a second way to compute one function: the search compares a query token with a few
// thousand list tokens (Han and kana queries most), and the scalar loop looks for each
// letter's partner one position at a time and clears two flag arrays per call. Here every
// letter of the second string has a mask of its positions, so a letter's first unmatched
// partner inside the window is the lowest set bit of one AND: the same partner the scalar
// loop finds, hence the same matches, transpositions and value.
//
// Thread-safety: safe from any thread (per-thread scratch).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace interdict {

// Jaro-Winkler from its counts: `matches` letters matched within the window, `transpositions`
// unequal pairs among them in order (half a transposition each), and the common prefix of
// up to four. One expression for both ways of counting, so that their doubles are the same.
// REQUIRES: matches > 0.
inline double jaro_winkler_of(std::size_t a_size, std::size_t b_size, std::size_t matches, std::size_t transpositions,
                              std::size_t prefix) {
  const double m = static_cast<double>(matches);
  const double jaro =
      (m / static_cast<double>(a_size) + m / static_cast<double>(b_size) + (m - transpositions / 2.0) / m) / 3.0;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}
inline double jaro_winkler_of(std::string_view a, std::string_view b, std::size_t matches, std::size_t transpositions) {
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro_winkler_of(a.size(), b.size(), matches, transpositions, prefix);
}

// jaro_winkler(a, b) exactly (same double): 1 for two equal strings (two empty ones too),
// 0 when one is empty or no letter matches; strings past 64 bytes are cut to 64. Bytes
// are compared as they are (no case or Unicode folding).
[[nodiscard]] double jaro_winkler_bits(std::string_view a, std::string_view b);

// The same computed as if every l of both were r: it ranks the list tokens a transcription
// pattern reaches before the costly alignment (candidates.cc). Chinese, Japanese and Korean
// have one liquid, which their tables write with l or r as the syllable falls (梅尼尔
// "menir" for Mayniel, アイリーン "airin" for Ilene), and the alignment reads l and r as one
// letter; ranked by plain Jaro-Winkler, a token whose liquids the pattern wrote the other
// way fell behind hundreds that share a short key.
[[nodiscard]] double liquid_jaro_winkler(std::string_view a, std::string_view b);
// No less than liquid_jaro_winkler(a, b), at a fraction of its cost: as if every letter
// either holds that the other holds too were matched in order. `a_letters` is
// liquid_letters(a), worked out once for the many `b` one `a` is ranked against: the
// ranking computes the exact value only for tokens whose bound could enter its cut.
[[nodiscard]] std::uint64_t liquid_letters(std::string_view a);
[[nodiscard]] double liquid_jaro_winkler_bound(std::string_view a, std::uint64_t a_letters, std::string_view b);

// False only when jaro_winkler(a, b) < `floor` for certain; true otherwise (it may be
// below). Of the pairs the scorer compares most share too few letters to reach its floor,
// and this bound costs a fraction of the value: a letter matches only a letter the other
// string holds, no transposition is counted, and the common prefix is the real one.
[[nodiscard]] bool jaro_winkler_may_reach(std::string_view a, std::string_view b, double floor);

}  // namespace interdict
