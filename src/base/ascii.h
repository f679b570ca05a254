// ASCII case folding for identifiers on a decision's path: app ids, package URLs, ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace interdict {

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Eight bytes with 'A'-'Z' lowered and every other byte, UTF-8 included, unchanged.
constexpr std::uint64_t ascii_lower_word(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t low7 = w & ~kHigh;
  // Per byte of low7 (at most 0x7f, so no carries between bytes): the high bit is set by
  // adding when the byte is at least 'A', and when it is past 'Z'.
  const std::uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;
  const std::uint64_t past_z = low7 + (0x7f - 'Z') * kOnes;
  const std::uint64_t upper = (at_least_a ^ past_z) & ~w & kHigh;
  return w | (upper >> 2);  // 0x80 >> 2 = 0x20, the case bit
}

// Writes `n` bytes of `in` lowered to `out`, eight at a time. `in` and `out` may be equal.
inline void ascii_lower_copy(const char* in, std::size_t n, char* out) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, in + i, 8);
    w = ascii_lower_word(w);
    std::memcpy(out + i, &w, 8);
  }
  for (; i < n; ++i) out[i] = ascii_lower(in[i]);
}

// `s` with 'A'-'Z' lowered, as a new string.
inline std::string ascii_lowered(std::string_view s) {
  std::string out(s.size(), '\0');
  ascii_lower_copy(s.data(), s.size(), out.data());
  return out;
}

}  // namespace interdict
