// The byte-level half of the block decoder: the inverse Burrows-Wheeler transform, the
// run-length stage and the CRC.
//
// The inverse transform follows a linked list through a block-sized array, one random
// load per output byte: a cache miss each on a level-9 block's 3.6 MB of links. One chain
// cannot overlap its misses, since each load gives the next address. So the walk starts
// at many rows at once: rows marked as starts cut the cycle into segments, kLanes chains
// walk segments side by side (their misses overlap), each segment ending where it reaches
// another's start, and the segments are then joined in cycle order.
#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

#include "readers/common/bzip2_block.h"

namespace interdict::bzip2 {
namespace {

constexpr std::uint32_t kStart = 1u << 31;
constexpr std::uint32_t kRowMask = 0x7fffff;  // rows fit in 23 bits: blocks hold at most 900000
// 16 chains keep enough misses in flight; 8 walks about 20% slower on an EPYC vCPU.
constexpr int kLanes = 16;
constexpr int kSegmentsPerLane = 8;
constexpr int kSegments = kLanes * kSegmentsPerLane;
// Below this a single chain is as fast and the segments would be tiny.
constexpr std::size_t kLaneThreshold = 4096;

// Slice-by-8 tables: kCrc[k][b] is the CRC of byte b followed by k zero bytes.
struct CrcTables {
  std::uint32_t t[8][256];
  constexpr CrcTables() : t{} {
    for (std::uint32_t b = 0; b < 256; ++b) {
      std::uint32_t c = b << 24;
      for (int i = 0; i < 8; ++i) c = (c & 0x80000000u) != 0 ? (c << 1) ^ 0x04c11db7u : c << 1;
      t[0][b] = c;
    }
    for (int k = 1; k < 8; ++k) {
      for (std::uint32_t b = 0; b < 256; ++b) t[k][b] = t[k - 1][b] << 8 ^ t[0][t[k - 1][b] >> 24];
    }
  }
};
constexpr CrcTables kCrc;

std::uint32_t load_be32(const std::uint8_t* p) {
  std::uint32_t v = 0;
  std::memcpy(&v, p, 4);
  return __builtin_bswap32(v);
}

// Expands runs: four equal bytes and a count byte stand for 4 + count of them. Appends to
// `out`; false when a block ends on four equal bytes without the count.
bool expand_runs(const std::uint8_t* in, std::size_t size, std::vector<std::uint8_t>& out) {
  std::size_t o = out.size();
  // INVARIANT: out has room for every remaining input byte as a literal, plus 8.
  out.resize(o + size + 256);
  std::uint8_t* dst = out.data();
  std::size_t i = 0;
  while (i < size) {
    // Literals go eight at a time while no run of four starts among the first six: byte k
    // equals byte k+1 where the xor of the word and the word one byte on is zero.
    while (i + 9 <= size) {
      std::uint64_t x = 0;
      std::uint64_t y = 0;
      std::memcpy(&x, in + i, 8);
      std::memcpy(&y, in + i + 1, 8);
      const std::uint64_t d = x ^ y;
      constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
      const std::uint64_t zero = ~(((d & kLow7) + kLow7) | d | kLow7);  // top bit of equal bytes
      const std::uint64_t runs = zero & zero >> 8 & zero >> 16 & 0x0000808080808080ULL;
      if (runs != 0) break;
      std::memcpy(dst + o, &x, 8);
      o += 6;
      i += 6;
    }
    if (i >= size) break;
    const std::uint8_t c = in[i];
    if (i + 3 < size && in[i + 1] == c && in[i + 2] == c && in[i + 3] == c) {
      if (i + 4 >= size) {
        out.resize(o);
        return false;
      }
      const std::size_t len = 4 + std::size_t{in[i + 4]};
      i += 5;
      if (out.size() - o < len + (size - i) + 8) {
        out.resize(std::max(out.size() * 2, o + len + (size - i) + 256));
        dst = out.data();
      }
      std::memset(dst + o, c, len);
      o += len;
    } else {
      dst[o++] = c;
      ++i;
    }
  }
  out.resize(o);
  return true;
}

}  // namespace

std::uint32_t update_crc(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
  while (size >= 8) {
    const std::uint32_t a = crc ^ load_be32(data);
    const std::uint32_t b = load_be32(data + 4);
    crc = kCrc.t[7][a >> 24] ^ kCrc.t[6][a >> 16 & 0xff] ^ kCrc.t[5][a >> 8 & 0xff] ^ kCrc.t[4][a & 0xff] ^
          kCrc.t[3][b >> 24] ^ kCrc.t[2][b >> 16 & 0xff] ^ kCrc.t[1][b >> 8 & 0xff] ^ kCrc.t[0][b & 0xff];
    data += 8;
    size -= 8;
  }
  for (; size > 0; --size) crc = crc << 8 ^ kCrc.t[0][(crc >> 24) ^ *data++];
  return crc;
}

bool BlockDecoder::undo_transform(std::uint32_t orig_ptr, std::vector<std::uint8_t>& out) {
  const std::size_t n = size_;
  // links_[r] for row r of the sorted rotations: the byte ending row r and, from the
  // stable counting sort, the row that follows it in the text.
  std::uint32_t next_row[256];
  std::uint32_t sum = 0;
  for (int c = 0; c < 256; ++c) {
    next_row[c] = sum;
    sum += counts_[c];
  }
  if (links_.size() < n) links_.resize(n);
  std::uint32_t* links = links_.data();
  const std::uint8_t* block = block_.data();
  // Equal bytes come in runs after the transform: a run's rows are counted in a register,
  // not through next_row in memory, which would chain each store to the one before.
  for (std::uint32_t i = 0; i < n;) {
    const std::uint8_t c = block[i];
    std::uint32_t r = next_row[c];
    do {
      links[r++] = i << 8;
    } while (++i < n && block[i] == c);
    next_row[c] = r;
  }
  for (std::size_t r = 0; r < n; ++r) links[r] |= block[r];
  if (undone_.size() < n) undone_.resize(n);
  const std::uint32_t first = links[orig_ptr] >> 8;
  if (n < kLaneThreshold) {
    walk(first);
  } else {
    walk_lanes(first);
  }
  return expand_runs(undone_.data(), n, out);
}

void BlockDecoder::walk(std::uint32_t first) {
  const std::uint32_t* links = links_.data();
  std::uint8_t* dst = undone_.data();
  std::uint32_t row = first;
  for (std::size_t i = 0; i < size_; ++i) {
    const std::uint32_t v = links[row];
    dst[i] = static_cast<std::uint8_t>(v);
    row = v >> 8 & kRowMask;
  }
}

void BlockDecoder::walk_lanes(std::uint32_t first) {
  const std::size_t n = size_;
  std::uint32_t* links = links_.data();
  // Segment starts: the chain's own first row, then rows spread evenly over the array.
  std::array<std::uint32_t, kSegments> start{};
  int segments = 0;
  start[static_cast<std::size_t>(segments++)] = first;
  links[first] |= kStart;
  for (int k = 1; k < kSegments; ++k) {
    const auto row = static_cast<std::uint32_t>(n * static_cast<std::size_t>(k) / kSegments);
    if ((links[row] & kStart) != 0) continue;
    links[row] |= kStart;
    start[static_cast<std::size_t>(segments++)] = row;
  }
  if (lanes_size_ < n * kLanes) {
    // Not zeroed: a lane writes about 1/kLanes of it, so the rest is never touched.
    lanes_ = std::make_unique_for_overwrite<std::uint8_t[]>(n * kLanes);
    lanes_size_ = n * kLanes;
  }
  std::array<const std::uint8_t*, kSegments> seg_begin{};
  std::array<std::uint32_t, kSegments> seg_length{};
  std::array<std::uint32_t, kSegments> seg_next{};  // the start row its walk reached

  // Lanes 0..active-1 are walking; each has its segment, write pointer and row.
  std::array<int, kLanes> seg{};
  std::array<std::uint8_t*, kLanes> wp{};
  std::array<std::uint32_t, kLanes> row{};
  int next_segment = 0;
  int active = 0;
  // Starts segment s on lane l: its first row is a start, so it is read before the loop
  // that stops at starts.
  auto begin = [&](int l, int s) {
    seg[static_cast<std::size_t>(l)] = s;
    seg_begin[static_cast<std::size_t>(s)] = wp[static_cast<std::size_t>(l)];
    const std::uint32_t v = links[start[static_cast<std::size_t>(s)]];
    *wp[static_cast<std::size_t>(l)]++ = static_cast<std::uint8_t>(v);
    row[static_cast<std::size_t>(l)] = v >> 8 & kRowMask;
  };
  for (int l = 0; l < kLanes && next_segment < segments; ++l) {
    wp[static_cast<std::size_t>(l)] = lanes_.get() + n * static_cast<std::size_t>(l);
    begin(l, next_segment++);
    ++active;
  }
  while (active > 0) {
    bool stopped = false;
    while (!stopped) {
      for (int l = 0; l < active; ++l) {
        const std::size_t i = static_cast<std::size_t>(l);
        const std::uint32_t v = links[row[i]];
        if ((v & kStart) != 0) {
          stopped = true;
          continue;
        }
        *wp[i]++ = static_cast<std::uint8_t>(v);
        row[i] = v >> 8 & kRowMask;
      }
    }
    for (int l = 0; l < active;) {
      const std::size_t i = static_cast<std::size_t>(l);
      if ((links[row[i]] & kStart) == 0) {
        ++l;
        continue;
      }
      const auto s = static_cast<std::size_t>(seg[i]);
      seg_length[s] = static_cast<std::uint32_t>(wp[i] - seg_begin[s]);
      seg_next[s] = row[i];
      if (next_segment < segments) {
        begin(l, next_segment++);
        ++l;
        continue;
      }
      // This lane is done: the last active lane takes its place.
      --active;
      const auto last = static_cast<std::size_t>(active);
      seg[i] = seg[last];
      wp[i] = wp[last];
      row[i] = row[last];
    }
  }

  // Join the segments in cycle order from the chain's first row. A damaged block can make
  // the transform several cycles; then, as libbz2 does, the first cycle repeats.
  std::uint8_t* dst = undone_.data();
  std::size_t made = 0;
  std::size_t s = 0;
  for (int guard = 0; guard < segments; ++guard) {
    std::memcpy(dst + made, seg_begin[s], seg_length[s]);
    made += seg_length[s];
    const auto* found = std::find(start.begin(), start.begin() + segments, seg_next[s]);
    s = static_cast<std::size_t>(found - start.begin());
    if (s == 0) break;
  }
  for (std::size_t i = made; i < n; ++i) dst[i] = dst[i - made];
  for (int k = 0; k < segments; ++k) links[start[static_cast<std::size_t>(k)]] &= ~kStart;
}

}  // namespace interdict::bzip2
