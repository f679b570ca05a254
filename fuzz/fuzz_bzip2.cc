// libFuzzer target for our bzip2 decoder: any bytes decode without a crash, and wherever
// libbz2 accepts a whole single stream, ours accepts it too with the same bytes. Inputs
// that start with "BZh" after a first byte of 0 are decoded as they are; otherwise the
// fuzz bytes are compressed by libbz2 first and one of their bits is flipped, so that the
// decoder sees mostly well-formed blocks with damage in them.
#include <bzlib.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "readers/common/bzip2_stream.h"

namespace {

struct Reference {
  std::vector<std::uint8_t> bytes;
  bool ok = false;
};

Reference reference_decode(const std::vector<std::uint8_t>& in) {
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
      r.ok = bz.avail_in == 0;
      break;
    }
    if (rc != BZ_OK || (bz.avail_in == 0 && bz.avail_out != 0)) break;
    if (r.bytes.size() > (64u << 20)) break;
  }
  BZ2_bzDecompressEnd(&bz);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  std::vector<std::uint8_t> input;
  if (data[0] == 0) {
    input.assign(data + 1, data + size);
  } else {
    // Level from the first byte, the bit to flip from the next two (0xffff: none).
    const int level = 1 + data[0] % 9;
    const unsigned flip = static_cast<unsigned>(data[1]) << 8 | data[2];
    input.resize(size + size / 50 + 1024);
    auto out_size = static_cast<unsigned>(input.size());
    if (BZ2_bzBuffToBuffCompress(reinterpret_cast<char*>(input.data()), &out_size,
                                 const_cast<char*>(reinterpret_cast<const char*>(data + 3)),
                                 static_cast<unsigned>(size - 3), level, 0, 0) != BZ_OK)
      return 0;
    input.resize(out_size);
    if (flip != 0xffff && flip / 8 < input.size()) input[flip / 8] ^= static_cast<std::uint8_t>(0x80 >> (flip % 8));
  }
  const auto ours = interdict::bzip2::decode_file(input, "fuzz");
  const Reference reference = reference_decode(input);
  if (reference.ok) {
    const bool randomised = ours.error && ours.error->message().find("randomised") != std::string::npos;
    if (!randomised && (ours.error || ours.bytes != reference.bytes)) __builtin_trap();
  }
  return 0;
}
