// A whole .bz2 decoded in one thread with our block decoder: one or more streams, zero
// padding between them allowed, as ByteSource reads them. For tests, fuzzing and the
// decode benchmark; ByteSource decodes blocks on every core (bzip2_parallel.cc).
//
//   file   = stream (zero-byte* stream)* zero-byte*
//   stream = "BZh" level ('1'..'9': blocks hold up to level*100000 bytes)
//            block* end_magic:48 (0x177245385090) stream_crc:32 padding-to-a-byte
//   stream_crc = fold of the block CRCs: crc = (crc <<< 1) ^ block_crc, from 0
//
// Blocks (bzip2_block.h) are not byte-aligned: each starts at the bit where the one
// before it ended.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"

namespace interdict::bzip2 {

// What decode_file() made: every byte of the blocks before any damage, then the damage.
struct FileOutput {
  std::vector<std::uint8_t> bytes;
  // kParse naming `name` and the compressed byte offset where the damage was seen: a
  // truncated file, bits that break the grammar, a block or stream CRC that does not
  // match, bytes after a stream that start no other, or a randomised block (written by
  // bzip2 0.9.0 only, decoded by ByteSource through libbz2 but not here).
  std::optional<Error> error;
};

// Decodes all of `data`. Never throws; any input is safe.
[[nodiscard]] FileOutput decode_file(std::span<const std::uint8_t> data, const std::string& name = "<memory>");

}  // namespace interdict::bzip2
