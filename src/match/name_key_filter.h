// Internal to src/match: KeyFilter, the bits that turn a name probe's tokens and runs
// away before a hash-table lookup (name.cc).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace interdict::name_detail {

// Which keys an index may hold: one bit per key, at a hash of its length and its first and
// last four bytes (fixed-size loads, no loop). A probe's token or run whose bit is clear is
// not looked up: most runs of most names are in no index of the orders' few hundred names,
// and a bit test costs a fifth of hashing the run and probing the table. Length and first
// bytes alone let through the runs of a Han name made of indexed syllables.
// Thread-safety: filled while an index is built, then only read (concurrently).
class KeyFilter {
 public:
  void add(std::string_view key) {
    const std::size_t b = bit(key);
    bits_[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  [[nodiscard]] bool may_hold(std::string_view key) const {
    const std::size_t b = bit(key);
    return ((bits_[b / 64] >> (b % 64)) & 1u) != 0;
  }

 private:
  static constexpr std::size_t kBits = 1u << 15;  // 4 KB: under 10% set by the bundled orders
  static std::size_t bit(std::string_view key) {
    const std::size_t n = key.size();
    const char* p = key.data();
    std::uint64_t w = 0;
    if (n >= 4) {
      std::uint32_t first;
      std::uint32_t last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      w = first | (std::uint64_t{last} << 32);
    } else if (n > 0) {
      w = static_cast<unsigned char>(p[0]) | (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    w = (w ^ (n * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
    return static_cast<std::size_t>(w >> 49);  // the top 15 bits
  }
  std::array<std::uint64_t, kBits / 64> bits_{};
};

}  // namespace interdict::name_detail
