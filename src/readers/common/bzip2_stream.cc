#include "readers/common/bzip2_stream.h"

#include <algorithm>

#include "readers/common/bzip2_block.h"

namespace interdict::bzip2 {
namespace {

// The `n` bits (n <= 56) at bit `bit` of `data`, zeros past its end.
std::uint64_t peek_bits(std::span<const std::uint8_t> data, std::uint64_t bit, int n) {
  std::uint64_t w = 0;
  for (std::uint64_t k = 0; k < 8; ++k) {
    const std::uint64_t i = bit / 8 + k;
    w = w << 8 | (i < data.size() ? data[i] : 0u);
  }
  return (w << (bit % 8)) >> (64 - n);
}

}  // namespace

FileOutput decode_file(std::span<const std::uint8_t> data, const std::string& name) {
  FileOutput result;
  auto fail = [&](std::string what, std::uint64_t offset) {
    result.error =
        Error(ErrorCategory::kParse, "bzip2 data " + what + " (compressed byte offset)", Location{name, 0, 0, offset});
    return std::move(result);
  };
  BlockDecoder decoder;
  const std::uint64_t total_bits = std::uint64_t{data.size()} * 8;
  std::uint64_t pos = 0;
  for (;;) {
    while (pos < data.size() && data[pos] == 0) ++pos;
    if (pos == data.size()) return result;
    // "BZh" and a level digit, or as much of it as the input holds.
    const std::size_t have = std::min<std::size_t>(data.size() - pos, 4);
    for (std::size_t k = 0; k < have; ++k) {
      const std::uint8_t c = data[pos + k];
      if (k < 3 ? c != "BZh"[k] : c < '1' || c > '9') return fail("followed by bytes that are not another stream", pos);
    }
    if (have < 4) return fail("ends early: the file is truncated", pos);
    const int level = data[pos + 3] - '0';
    std::uint64_t bit = (pos + 4) * 8;
    std::uint32_t combined = 0;
    for (;;) {
      if (bit + 48 > total_bits) return fail("ends early: the file is truncated", bit / 8);
      const std::uint64_t magic = peek_bits(data, bit, 48);
      if (magic == kEndMagic) {
        if (bit + 80 > total_bits) return fail("ends early: the file is truncated", bit / 8);
        if (peek_bits(data, bit + 48, 32) != combined) return fail("has a stream whose CRC does not match", bit / 8);
        pos = (bit + 80 + 7) / 8;
        break;
      }
      if (magic != kBlockMagic) return fail("has no block where one should start", bit / 8);
      const std::size_t before = result.bytes.size();
      const BlockResult block = decoder.decode(data, bit, level, result.bytes);
      if (block.status != BlockStatus::kOk) {
        result.bytes.resize(before);
        if (block.status == BlockStatus::kTruncated) return fail("ends early: the file is truncated", bit / 8);
        return fail(block.what, block.error_bit / 8);
      }
      combined = combine_crc(combined, block.crc);
      bit = block.end_bit;
    }
  }
}

}  // namespace interdict::bzip2
