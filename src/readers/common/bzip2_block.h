// Our own bzip2 block decoder: one block's compressed bits in, its original bytes out.
//
// The grammar it reads (bit fields most significant bit first, as libbz2 writes them; the
// format is described by the libbz2 manual and by Joe Tsai's "bzip2 format specification";
// the stream around blocks is in bzip2_stream.h):
//
//   block      = magic:48 (0x314159265359) crc:32 randomised:1 orig_ptr:24
//                used_map:16 used_bitmaps:16*popcount(used_map)
//                groups:3 (2..6) selectors:15 (>= 1) selector_mtf*selectors
//                code_lengths*groups huffman_symbols* end_of_block
//   selector_mtf = 1* 0                      (a move-to-front index, < groups)
//   code_lengths = start:5 (per symbol: (1 (0 = +1 | 1 = -1))* 0), each length 1..20
//
// Symbols come in groups of 50, each group coded with the table its selector names.
// RUNA (0) and RUNB (1) spell a run length of the front byte in bijective base 2; symbol
// k in 2..used+1 is move-to-front index k-1; used+1 ends the block. The bytes so made are
// the last column of a Burrows-Wheeler transform whose original row is orig_ptr; undoing
// it gives bytes with runs of 4 to 259 equal bytes written as 4 and a count byte.
//
// Edge cases follow libbz2 1.0.8, so a block it accepts we accept with the same output:
// selectors past 18002 are read and dropped, the Huffman codes are decoded the way its
// limit/base/perm tables decode them, and a transform that is not one cycle repeats the
// cycle it starts on. Randomised blocks (written by bzip2 0.9.0 only) are not decoded
// here: the caller hands them to libbz2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace interdict::bzip2 {

constexpr std::uint64_t kBlockMagic = 0x314159265359;
constexpr std::uint64_t kEndMagic = 0x177245385090;

// The CRC-32 that bzip2 keeps per block (polynomial 0x04c11db7, most significant bit
// first). `crc` is the running value: start with 0xffffffff, invert at the end.
[[nodiscard]] std::uint32_t update_crc(std::uint32_t crc, const std::uint8_t* data, std::size_t size);

// A stream CRC folds in each block's CRC in order.
[[nodiscard]] constexpr std::uint32_t combine_crc(std::uint32_t stream, std::uint32_t block) {
  return (stream << 1 | stream >> 31) ^ block;
}

enum class BlockStatus : std::uint8_t {
  kOk,
  kTruncated,   // the input ends inside the block
  kCorrupt,     // the bits break the grammar or the CRC does not match
  kRandomised,  // a valid but obsolete block this decoder leaves to libbz2
};

struct BlockResult {
  BlockStatus status = BlockStatus::kOk;
  const char* what = "";        // why, when not kOk: a static lowercase phrase
  std::uint64_t end_bit = 0;    // kOk: the bit just past the block
  std::uint64_t error_bit = 0;  // not kOk: where the damage was seen
  std::uint32_t crc = 0;        // kOk: the block's CRC, checked against its bytes
};

// Decodes bzip2 blocks. It keeps its work arrays (about 5 MB for a level-9 block, and walk
// buffers that are mostly never touched) between calls, so reuse one per thread. Not thread-safe.
class BitReader;

class BlockDecoder {
 public:
  BlockDecoder() = default;
  BlockDecoder(const BlockDecoder&) = delete;
  BlockDecoder& operator=(const BlockDecoder&) = delete;

  // Decodes the block whose magic starts at bit `bit` of `data` and appends its bytes to
  // `out`. `level` is the stream header's digit (1..9): blocks larger than level*100000
  // bytes are corrupt. On any status but kOk, `out` may hold part of the block's bytes
  // past its old size; the caller drops them.
  // REQUIRES: level in 1..9.
  [[nodiscard]] BlockResult decode(std::span<const std::uint8_t> data, std::uint64_t bit, int level,
                                   std::vector<std::uint8_t>& out);

 private:
  // Huffman and move-to-front stages: fills block_[0, size_) and counts_; false on damage,
  // with `result` saying why.
  bool decode_symbols(BitReader& in, int level, BlockResult& result);
  // Inverse BWT from orig_ptr, then the run-length stage, appended to out; false when a
  // run of four equal bytes ends the block without its count byte.
  bool undo_transform(std::uint32_t orig_ptr, std::vector<std::uint8_t>& out);
  // Walks the transform from row `first` into undone_[0, size_).
  void walk(std::uint32_t first);
  void walk_lanes(std::uint32_t first);

  std::vector<std::uint8_t> selectors_;
  std::vector<std::uint8_t> block_;  // [0, size_): the BWT's last column
  std::size_t size_ = 0;
  std::uint32_t counts_[256] = {};         // how often each byte occurs in block_
  std::vector<std::uint32_t> links_;       // per row: next row << 8 | byte; bit 31 marks a walk start
  std::unique_ptr<std::uint8_t[]> lanes_;  // walk output, one block-sized stretch per lane
  std::size_t lanes_size_ = 0;
  std::vector<std::uint8_t> undone_;  // block_ with the transform undone
};

}  // namespace interdict::bzip2
