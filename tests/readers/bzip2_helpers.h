// libbz2 as the reference for our bzip2 decoder: it compresses the test inputs and its
// decompressed output is what ours must equal byte for byte.
#pragma once

#include <bzlib.h>

#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace interdict::bzip2_test {

using Bytes = std::vector<std::uint8_t>;

inline Bytes to_bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

// libbz2 at `level` (1..9), as `bzip2 -<level>` writes it.
inline Bytes compress(const Bytes& in, int level) {
  Bytes out(in.size() + in.size() / 50 + 1024);
  auto size = static_cast<unsigned>(out.size());
  char none = 0;  // libbz2 refuses a null source even when it is empty
  const int rc =
      BZ2_bzBuffToBuffCompress(reinterpret_cast<char*>(out.data()), &size,
                               in.empty() ? &none : const_cast<char*>(reinterpret_cast<const char*>(in.data())),
                               static_cast<unsigned>(in.size()), level, 0, 0);
  if (rc != BZ_OK) return {};
  out.resize(size);
  return out;
}

// What libbz2 decodes from a single stream: every byte it gives out, and whether it
// reached the stream's end without an error.
struct Reference {
  Bytes bytes;
  bool ok = false;
};

inline Reference reference_decode(std::span<const std::uint8_t> in) {
  Reference r;
  bz_stream bz{};
  if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK) return r;
  bz.next_in = const_cast<char*>(reinterpret_cast<const char*>(in.data()));
  bz.avail_in = static_cast<unsigned>(in.size());
  char buffer[1 << 16];
  for (;;) {
    bz.next_out = buffer;
    bz.avail_out = sizeof buffer;
    const int rc = BZ2_bzDecompress(&bz);
    r.bytes.insert(r.bytes.end(), buffer, buffer + (sizeof buffer - bz.avail_out));
    if (rc == BZ_STREAM_END) {
      r.ok = true;
      break;
    }
    if (rc != BZ_OK || (bz.avail_in == 0 && bz.avail_out != 0)) break;
  }
  BZ2_bzDecompressEnd(&bz);
  return r;
}

inline Bytes random_bytes(std::size_t size, unsigned seed, unsigned alphabet = 256) {
  std::mt19937 rng(seed);
  Bytes b(size);
  for (auto& c : b) c = static_cast<std::uint8_t>(rng() % alphabet);
  return b;
}

// Sets `count` bits at bit `bit` of `data` (most significant first) to `value`.
inline void put_bits(Bytes& data, std::uint64_t bit, int count, std::uint64_t value) {
  for (int i = 0; i < count; ++i) {
    const std::uint64_t b = bit + static_cast<std::uint64_t>(i);
    const auto mask = static_cast<std::uint8_t>(0x80 >> (b % 8));
    if ((value >> (count - 1 - i)) & 1) {
      data[b / 8] |= mask;
    } else {
      data[b / 8] &= static_cast<std::uint8_t>(~mask);
    }
  }
}

inline std::uint64_t get_bits(const Bytes& data, std::uint64_t bit, int count) {
  std::uint64_t v = 0;
  for (int i = 0; i < count; ++i) {
    const std::uint64_t b = bit + static_cast<std::uint64_t>(i);
    v = v << 1 | ((data[b / 8] >> (7 - b % 8)) & 1);
  }
  return v;
}

// The bit where the first block's selectors start in a one-stream file: past the header
// (32), magic, CRC, randomised bit, origin (105), the used-byte maps, groups and count.
inline std::uint64_t first_selector_bit(const Bytes& data) {
  std::uint64_t bit = 32 + 105;
  const std::uint64_t map = get_bits(data, bit, 16);
  bit += 16;
  for (int i = 0; i < 16; ++i) {
    if ((map >> (15 - i)) & 1) bit += 16;
  }
  return bit + 3 + 15;
}

}  // namespace interdict::bzip2_test
