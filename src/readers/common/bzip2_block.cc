// The bit-level half of the block decoder: header, selectors, code lengths, Huffman
// symbols and move-to-front, into the BWT's last column (block_) and its byte counts.
#include "readers/common/bzip2_block.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace interdict::bzip2 {

static_assert(std::endian::native == std::endian::little, "the move-to-front step packs bytes little-endian");

// Reads bits most significant first. Past the end it reads zeros, which end every loop of
// the grammar; callers ask overran() at checkpoints, so no read is checked on its own.
class BitReader {
 public:
  BitReader(std::span<const std::uint8_t> data, std::uint64_t bit)
      : data_(data.data()), size_(data.size()), pos_(bit) {}

  // The next 57 or more bits, left-aligned; the position does not move.
  [[nodiscard]] std::uint64_t window() const {
    const std::uint64_t byte = pos_ >> 3;
    std::uint64_t w = 0;
    if (byte + 8 <= size_) {
      std::memcpy(&w, data_ + byte, 8);
      w = __builtin_bswap64(w);
    } else {
      for (std::uint64_t k = 0; k < 8; ++k) w = w << 8 | (byte + k < size_ ? data_[byte + k] : 0u);
    }
    return w << (pos_ & 7);
  }
  // REQUIRES: 1 <= n <= 32.
  std::uint32_t bits(int n) {
    const auto v = static_cast<std::uint32_t>(window() >> (64 - n));
    pos_ += static_cast<std::uint64_t>(n);
    return v;
  }
  void skip(int n) { pos_ += static_cast<std::uint64_t>(n); }
  [[nodiscard]] std::uint64_t position() const { return pos_; }
  // Whether reading `ahead` more bits would pass the end.
  [[nodiscard]] bool overran(std::uint64_t ahead = 0) const { return pos_ + ahead > size_ * 8; }

 private:
  const std::uint8_t* data_;
  std::uint64_t size_;
  std::uint64_t pos_;
};

namespace {

constexpr int kMaxGroups = 6;
constexpr int kMaxAlphabet = 258;
constexpr int kMaxSelectors = 18002;  // libbz2 reads more but keeps this many
constexpr int kGroupSize = 50;
constexpr int kMaxCodeLength = 20;
constexpr int kFastBits = 10;
constexpr std::uint32_t kMaxRunBit = 2 * 1024 * 1024;

// One Huffman table: libbz2's limit/base/perm form, which defines what a code means even
// when the lengths over- or under-fill the code space, and a lookup on the next kFastBits
// bits built from it (0 = not resolved in kFastBits bits: use the slow form).
struct Table {
  std::uint16_t fast[1 << kFastBits];
  int min_len;
  int max_len;
  int alphabet;
  std::int32_t limit[kMaxCodeLength + 3];
  std::int32_t base[kMaxCodeLength + 3];
  std::uint16_t perm[kMaxAlphabet];

  void build(const std::uint8_t* lengths, int size) {
    alphabet = size;
    min_len = 32;
    max_len = 0;
    for (int i = 0; i < size; ++i) {
      min_len = std::min<int>(min_len, lengths[i]);
      max_len = std::max<int>(max_len, lengths[i]);
    }
    int p = 0;
    for (int len = min_len; len <= max_len; ++len) {
      for (int s = 0; s < size; ++s) {
        if (lengths[s] == len) perm[p++] = static_cast<std::uint16_t>(s);
      }
    }
    std::fill(std::begin(base), std::end(base), 0);
    std::fill(std::begin(limit), std::end(limit), 0);
    for (int s = 0; s < size; ++s) ++base[lengths[s] + 1];
    for (int i = 1; i < kMaxCodeLength + 3; ++i) base[i] += base[i - 1];
    std::int32_t code = 0;
    for (int len = min_len; len <= max_len; ++len) {
      code += base[len + 1] - base[len];
      limit[len] = code - 1;
      code <<= 1;
    }
    for (int len = min_len + 1; len <= max_len; ++len) base[len] = ((limit[len - 1] + 1) << 1) - base[len];
    for (std::uint32_t v = 0; v < (1u << kFastBits); ++v) {
      fast[v] = 0;
      for (int len = min_len; len <= kFastBits; ++len) {
        const auto z = static_cast<std::int32_t>(v >> (kFastBits - len));
        if (z > limit[len]) continue;
        const std::int32_t index = z - base[len];
        if (index >= 0 && index < alphabet) fast[v] = static_cast<std::uint16_t>(perm[index] | len << 9);
        break;
      }
    }
  }

  // Decodes one symbol from the left-aligned bits `w`: its value, or -1 when no code of up
  // to 20 bits matches; `len` is set to the code's length.
  int slow(std::uint64_t w, int& len) const {
    for (len = min_len; len <= kMaxCodeLength; ++len) {
      const auto z = static_cast<std::int32_t>(w >> (64 - len));
      if (z > limit[len]) continue;
      const std::int32_t index = z - base[len];
      return index >= 0 && index < alphabet ? perm[index] : -1;
    }
    return -1;
  }
};

// Moves mtf[index] to the front and returns it. Small indexes, by far the most common,
// shift within one 64-bit word.
inline std::uint8_t move_to_front(std::uint8_t* mtf, unsigned index) {
  if (index < 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, mtf, 8);
    const std::uint64_t b = (x >> (8 * index)) & 0xff;
    const std::uint64_t low = (std::uint64_t{1} << (8 * index)) - 1;
    x = (x & ~(low << 8 | 0xff)) | (x & low) << 8 | b;
    std::memcpy(mtf, &x, 8);
    return static_cast<std::uint8_t>(b);
  }
  const std::uint8_t b = mtf[index];
  std::memmove(mtf + 1, mtf, index);
  mtf[0] = b;
  return b;
}

}  // namespace

bool BlockDecoder::decode_symbols(BitReader& in, int level, BlockResult& result) {
  auto fail = [&](const char* what) {
    // A code that does not decode may be one cut short by the end of the input.
    const bool cut = in.overran(kMaxCodeLength);
    result.status = cut ? BlockStatus::kTruncated : BlockStatus::kCorrupt;
    result.what = cut ? "ends inside a block" : what;
    result.error_bit = in.position();
    return false;
  };
  // The byte values in use, in order: symbol k stands for used[k].
  std::uint8_t used[256];
  int used_count = 0;
  const std::uint32_t map = in.bits(16);
  for (int i = 0; i < 16; ++i) {
    if ((map >> (15 - i) & 1) == 0) continue;
    const std::uint32_t bitmap = in.bits(16);
    for (int j = 0; j < 16; ++j) {
      if (bitmap >> (15 - j) & 1) used[used_count++] = static_cast<std::uint8_t>(i * 16 + j);
    }
  }
  if (used_count == 0) return fail("has a block that uses no byte values");
  const int alphabet = used_count + 2;
  const int groups = static_cast<int>(in.bits(3));
  if (groups < 2 || groups > kMaxGroups) return fail("has a block with a bad Huffman table count");
  int selectors = static_cast<int>(in.bits(15));
  if (selectors < 1) return fail("has a block with no selectors");
  std::uint8_t group_mtf[kMaxGroups] = {0, 1, 2, 3, 4, 5};
  std::vector<std::uint8_t>& selector = selectors_;
  selector.resize(static_cast<std::size_t>(std::min(selectors, kMaxSelectors)));
  for (int i = 0; i < selectors; ++i) {
    int j = 0;
    while (in.bits(1) != 0) {
      if (++j >= groups) return fail("has a bad selector");
    }
    const std::uint8_t g = group_mtf[j];
    for (; j > 0; --j) group_mtf[j] = group_mtf[j - 1];
    group_mtf[0] = g;
    if (i < kMaxSelectors) selector[static_cast<std::size_t>(i)] = g;
  }
  selectors = std::min(selectors, kMaxSelectors);
  if (in.overran()) return fail("");

  Table tables[kMaxGroups];
  std::uint8_t lengths[kMaxAlphabet];
  for (int t = 0; t < groups; ++t) {
    int length = static_cast<int>(in.bits(5));
    for (int s = 0; s < alphabet; ++s) {
      for (;;) {
        if (length < 1 || length > kMaxCodeLength) return fail("has a bad Huffman code length");
        if (in.bits(1) == 0) break;
        length += in.bits(1) == 0 ? 1 : -1;
      }
      lengths[s] = static_cast<std::uint8_t>(length);
    }
    tables[t].build(lengths, alphabet);
  }
  if (in.overran()) return fail("");

  // The symbols, move-to-front, and runs of the front byte.
  std::uint8_t mtf[256];
  std::memcpy(mtf, used, static_cast<std::size_t>(used_count));
  const int end_of_block = used_count + 1;
  const std::size_t capacity = static_cast<std::size_t>(level) * 100000;
  if (block_.size() < capacity) block_.resize(capacity);
  std::uint8_t* block = block_.data();
  std::fill(std::begin(counts_), std::end(counts_), 0u);
  std::size_t n = 0;
  std::uint32_t run = 0;
  std::uint32_t run_bit = 1;
  int group = -1;
  int left = 0;
  const Table* table = nullptr;
  for (;;) {
    if (left == 0) {
      if (++group >= selectors) return fail("has more symbols than selectors");
      if (in.overran()) return fail("");
      table = &tables[selector[static_cast<std::size_t>(group)]];
      left = kGroupSize;
    }
    --left;
    const std::uint64_t w = in.window();
    const std::uint16_t entry = table->fast[w >> (64 - kFastBits)];
    int sym = entry & 0x1ff;
    int len = entry >> 9;
    if (len == 0) {
      sym = table->slow(w, len);
      if (sym < 0) return fail("has a bad Huffman code");
    }
    in.skip(len);
    if (sym <= 1) {
      // RUNA adds 1 and RUNB 2 times the current power of two.
      if (run_bit >= kMaxRunBit) return fail("has a run that is too long");
      run += static_cast<std::uint32_t>(sym + 1) * run_bit;
      run_bit <<= 1;
      continue;
    }
    if (run != 0) {
      if (n + run > capacity) return fail("has a block larger than its level allows");
      std::memset(block + n, mtf[0], run);
      counts_[mtf[0]] += run;
      n += run;
      run = 0;
      run_bit = 1;
    }
    if (sym == end_of_block) break;
    if (n == capacity) return fail("has a block larger than its level allows");
    const std::uint8_t b = move_to_front(mtf, static_cast<unsigned>(sym - 1));
    block[n++] = b;
    ++counts_[b];
  }
  if (in.overran()) return fail("");
  size_ = n;
  return true;
}

BlockResult BlockDecoder::decode(std::span<const std::uint8_t> data, std::uint64_t bit, int level,
                                 std::vector<std::uint8_t>& out) {
  BlockResult result;
  BitReader in(data, bit);
  // Two statements: the operands of `|` may be evaluated in either order.
  const std::uint64_t magic_high = in.bits(24);
  const std::uint64_t magic = magic_high << 24 | in.bits(24);
  const std::uint32_t stored_crc = in.bits(32);
  const std::uint32_t randomised = in.bits(1);
  const std::uint32_t orig_ptr = in.bits(24);
  if (in.overran()) {
    result.status = BlockStatus::kTruncated;
    result.what = "ends inside a block";
    result.error_bit = bit;
    return result;
  }
  if (magic != kBlockMagic) {
    result.status = BlockStatus::kCorrupt;
    result.what = "has no block where one should start";
    result.error_bit = bit;
    return result;
  }
  if (randomised != 0) {
    result.status = BlockStatus::kRandomised;
    result.what = "has a randomised block";
    result.error_bit = bit;
    return result;
  }
  if (!decode_symbols(in, level, result)) return result;
  if (orig_ptr >= size_) {
    result.status = BlockStatus::kCorrupt;
    result.what = "has a block whose origin pointer is past its end";
    result.error_bit = in.position();
    return result;
  }
  const std::size_t before = out.size();
  if (!undo_transform(orig_ptr, out)) {
    result.status = BlockStatus::kCorrupt;
    result.what = "has a run length with no count byte";
    result.error_bit = in.position();
    return result;
  }
  const std::uint32_t crc = ~update_crc(0xffffffff, out.data() + before, out.size() - before);
  if (crc != stored_crc) {
    result.status = BlockStatus::kCorrupt;
    result.what = "has a block whose CRC does not match";
    result.error_bit = bit;
    return result;
  }
  result.end_bit = in.position();
  result.crc = crc;
  return result;
}

}  // namespace interdict::bzip2
