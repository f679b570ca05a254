// A bzip2 decoder that uses every core: bzip2 compresses blocks independently, so each
// block (found by its 48-bit magic, at any bit offset) is cut out, made a stream of its
// own, and decompressed on a worker while the reader consumes the blocks before it.
//
// A stream is "BZh" and a level digit, blocks each starting with 0x314159265359 and their
// CRC, then 0x177245385090, the stream CRC and padding to a byte. One block alone is a
// valid stream whose CRC is the block's. The magic could in theory occur inside compressed
// data (odds about 1 in 2^48 per bit); the block before it would then fail to decode and
// the input is reported damaged.
//
// Blocks are decoded by our own decoder (bzip2_block.h); libbz2 only decodes randomised
// blocks, which bzip2 0.9.0 alone wrote, as a one-block stream of their own. The stream
// CRC is checked from the blocks' CRCs, each of which the decoder checked against its bytes.
#include <bzlib.h>

#include <algorithm>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "readers/common/byte_source_internal.h"
#include "readers/common/bzip2_block.h"

namespace interdict::byte_source_internal {
namespace {

using bzip2::kBlockMagic;
using bzip2::kEndMagic;
constexpr std::size_t kRead = std::size_t{4} << 20;

// Writes bits most significant first, as bzip2 stores them.
class BitWriter {
 public:
  void bits(std::uint64_t value, int count) {
    for (int i = count - 1; i >= 0; --i) bit((value >> i) & 1);
  }
  void bit(std::uint64_t b) {
    acc_ = static_cast<std::uint8_t>(acc_ << 1 | b);
    if (++used_ == 8) {
      out_.push_back(static_cast<char>(acc_));
      acc_ = 0;
      used_ = 0;
    }
  }
  // Copies bits [from, to) of `src`, a byte-aligned fast path when possible.
  void copy(const std::uint8_t* src, std::uint64_t from, std::uint64_t to) {
    while (from < to && (from % 8 != 0 || used_ != 0)) {
      if (used_ == 0 && from % 8 != 0) break;
      bit((src[from / 8] >> (7 - from % 8)) & 1);
      ++from;
    }
    if (from % 8 == 0 && used_ == 0) {
      const std::uint64_t whole = (to - from) / 8;
      out_.append(reinterpret_cast<const char*>(src + from / 8), whole);
      from += whole * 8;
    } else if (from < to) {
      // Unaligned: shift byte pairs into place.
      const int shift = static_cast<int>(from % 8);
      while (to - from >= 8) {
        const std::size_t i = from / 8;
        bits(static_cast<std::uint8_t>(src[i] << shift | src[i + 1] >> (8 - shift)), 8);
        from += 8;
      }
    }
    for (; from < to; ++from) bit((src[from / 8] >> (7 - from % 8)) & 1);
  }
  std::string finish() {
    while (used_ != 0) bit(0);
    return std::move(out_);
  }

 private:
  std::string out_;
  std::uint8_t acc_ = 0;
  int used_ = 0;
};

struct Decoded {
  std::vector<std::uint8_t> bytes;
  bool ok = true;
  std::uint64_t offset = 0;  // the block's compressed byte offset, for errors
  bool truncated = false;
};

// libbz2 on a one-block stream: only for randomised blocks.
Decoded decode_stream(std::string stream, std::uint64_t offset) {
  Decoded d;
  d.offset = offset;
  bz_stream bz{};
  if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK) {
    d.ok = false;
    return d;
  }
  bz.next_in = stream.data();
  bz.avail_in = static_cast<unsigned>(stream.size());
  d.bytes.resize(std::max<std::size_t>(stream.size() * 4, 1 << 20));
  std::size_t made = 0;
  for (;;) {
    bz.next_out = reinterpret_cast<char*>(d.bytes.data()) + made;
    bz.avail_out = static_cast<unsigned>(d.bytes.size() - made);
    const int rc = BZ2_bzDecompress(&bz);
    made = d.bytes.size() - bz.avail_out;
    if (rc == BZ_STREAM_END) break;
    if (rc != BZ_OK || (bz.avail_in == 0 && bz.avail_out != 0)) {
      d.ok = false;
      break;
    }
    if (bz.avail_out == 0) d.bytes.resize(d.bytes.size() * 2);
  }
  BZ2_bzDecompressEnd(&bz);
  d.bytes.resize(made);
  return d;
}

class ParallelBzip2Source final : public ByteSource {
 public:
  ParallelBzip2Source(std::string name, std::uint64_t size, std::unique_ptr<RawInput> raw)
      : ByteSource(std::move(name), Compression::kBzip2, size),
        raw_(std::move(raw)),
        in_flight_(std::max(2u, std::thread::hardware_concurrency()) * 2) {
    // Byte-level filter: the byte after a magic's first, for each of the 8 bit offsets.
    for (int s = 0; s < 8; ++s) {
      maybe_[(kBlockMagic >> (40 - 8 + s)) & 0xff] = true;
      maybe_[(kEndMagic >> (40 - 8 + s)) & 0xff] = true;
    }
  }
  ~ParallelBzip2Source() override {
    for (auto& job : jobs_) job.wait();
  }

  [[nodiscard]] std::uint64_t raw_offset() const override { return raw_->offset(); }

 protected:
  Result<std::size_t> read_some(char* out, std::size_t size) override {
    while (current_pos_ == current_.bytes.size()) {
      if (failure_ && jobs_.empty()) return *failure_;
      fill();
      if (jobs_.empty()) {
        if (failure_) return *failure_;
        return std::size_t{0};
      }
      current_ = jobs_.front().get();
      jobs_.pop_front();
      current_pos_ = 0;
      if (!current_.ok) {
        failure_ = damaged(name(), Compression::kBzip2,
                           current_.truncated ? "ends early: the file is truncated" : "is corrupt", current_.offset);
        jobs_.clear();
        current_ = Decoded{};
        return *failure_;
      }
    }
    const std::size_t n = std::min(size, current_.bytes.size() - current_pos_);
    std::memcpy(out, current_.bytes.data() + current_pos_, n);
    current_pos_ += n;
    return n;
  }

 private:
  // Reads more compressed bytes into buf_; false at the end of input or on error.
  bool more() {
    if (raw_eof_) return false;
    if (raw_->available() == 0) {
      if (int err = raw_->refill()) {
        failure_ = read_error(name(), err, raw_->offset());
        raw_eof_ = true;
        return false;
      }
      if (raw_->eof()) {
        raw_eof_ = true;
        return false;
      }
    }
    const std::size_t n = std::min(raw_->available(), kRead);
    buf_.insert(buf_.end(), reinterpret_cast<const std::uint8_t*>(raw_->data()),
                reinterpret_cast<const std::uint8_t*>(raw_->data()) + n);
    raw_->consume(n);
    return true;
  }

  std::uint64_t buffered_end() const { return buf_start_ + buf_.size(); }
  std::uint8_t byte_at(std::uint64_t absolute) const { return buf_[absolute - buf_start_]; }

  // The block in bits [from_bit, to_bit) as a stream of its own, for libbz2.
  std::string one_block_stream(std::uint64_t from_bit, std::uint64_t to_bit) const {
    BitWriter w;
    w.bits('B', 8);
    w.bits('Z', 8);
    w.bits('h', 8);
    w.bits(static_cast<std::uint64_t>('0' + level_), 8);
    const std::uint64_t origin = buf_start_ * 8;  // bit positions relative to buf_
    w.copy(buf_.data(), from_bit - origin, to_bit - origin);
    // The block's CRC (after its magic) is the one-block stream's CRC.
    const std::uint32_t crc = bits_at(from_bit + 48, 32);
    w.bits(kEndMagic, 48);
    w.bits(crc, 32);
    return w.finish();
  }

  // The `n` bits (n <= 32) at absolute bit `bit`, which must be buffered.
  std::uint32_t bits_at(std::uint64_t bit, int n) const {
    std::uint32_t v = 0;
    for (std::uint64_t b = bit - buf_start_ * 8; b < bit - buf_start_ * 8 + static_cast<std::uint64_t>(n); ++b) {
      v = v << 1 | ((buf_[b / 8] >> (7 - b % 8)) & 1);
    }
    return v;
  }

  // Decodes the block in bits [from_bit, to_bit) of buf_ on a worker.
  void submit(std::uint64_t from_bit, std::uint64_t to_bit) {
    stream_crc_ = bzip2::combine_crc(stream_crc_, bits_at(from_bit + 48, 32));
    const std::uint64_t first = from_bit / 8;
    std::vector<std::uint8_t> bytes(buf_.begin() + static_cast<std::ptrdiff_t>(first - buf_start_),
                                    buf_.begin() + static_cast<std::ptrdiff_t>((to_bit + 7) / 8 - buf_start_));
    if (randomised(from_bit)) {
      jobs_.push_back(std::async(std::launch::async, decode_stream, one_block_stream(from_bit, to_bit), first));
      return;
    }
    jobs_.push_back(
        std::async(std::launch::async, [this, bytes = std::move(bytes), first, from_bit, to_bit, level = level_] {
          return decode_block(bytes, from_bit - first * 8, to_bit - first * 8, level, first);
        }));
  }

  bool randomised(std::uint64_t from_bit) const { return bits_at(from_bit + 80, 1) != 0; }

  Decoded decode_block(const std::vector<std::uint8_t>& bytes, std::uint64_t bit, std::uint64_t end_bit, int level,
                       std::uint64_t first) {
    std::unique_ptr<bzip2::BlockDecoder> decoder;
    {
      std::lock_guard<std::mutex> lock(pool_mutex_);
      if (!pool_.empty()) {
        decoder = std::move(pool_.back());
        pool_.pop_back();
      }
    }
    if (!decoder) decoder = std::make_unique<bzip2::BlockDecoder>();
    Decoded d;
    const bzip2::BlockResult r = decoder->decode(bytes, bit, level, d.bytes);
    if (r.status != bzip2::BlockStatus::kOk || r.end_bit != end_bit) {
      d.ok = false;
      d.bytes.clear();
      d.offset = first + (r.status == bzip2::BlockStatus::kOk ? r.end_bit : r.error_bit) / 8;
    }
    std::lock_guard<std::mutex> lock(pool_mutex_);
    pool_.push_back(std::move(decoder));
    return d;
  }

  void fail_truncated(std::uint64_t at) { fail_at(at, true); }

  // Queues a failure after the blocks before it, which still go out first.
  void fail_at(std::uint64_t at, bool truncated) {
    std::promise<Decoded> p;
    Decoded d;
    d.ok = false;
    d.truncated = truncated;
    d.offset = at;
    p.set_value(std::move(d));
    jobs_.push_back(p.get_future());
    done_ = true;
  }

  // Finds blocks and starts decoding them until enough are in flight or the input ends.
  void fill() {
    while (!done_ && jobs_.size() < in_flight_) {
      if (expect_header_) {
        // Zero padding may follow a stream; then another stream or the end.
        while (true) {
          while (header_at_ >= buffered_end()) {
            if (!more()) {
              done_ = true;
              return;
            }
          }
          if (byte_at(header_at_) != 0) break;
          ++header_at_;
        }
        while (header_at_ + 4 > buffered_end()) {
          if (!more()) {
            fail_truncated(header_at_);
            return;
          }
        }
        if (byte_at(header_at_) != 'B' || byte_at(header_at_ + 1) != 'Z' || byte_at(header_at_ + 2) != 'h' ||
            byte_at(header_at_ + 3) < '1' || byte_at(header_at_ + 3) > '9') {
          failure_ = damaged(name(), Compression::kBzip2, "followed by bytes that are not another stream", header_at_);
          done_ = true;
          return;
        }
        level_ = byte_at(header_at_ + 3) - '0';
        stream_crc_ = 0;
        expect_header_ = false;
        scan_ = header_at_ + 4;
        block_start_ = kNone;
        continue;
      }
      // Search byte positions from scan_ for a magic at any of their 8 bit offsets.
      while (scan_ + 8 > buffered_end()) {
        if (!more()) {
          fail_truncated(block_start_ != kNone ? block_start_ / 8 : scan_);
          return;
        }
      }
      const std::uint64_t limit = buffered_end() - 8;
      bool found = false;
      std::uint64_t at_bit = 0;
      bool is_end = false;
      for (std::uint64_t i = scan_; i <= limit; ++i) {
        if (!maybe_[byte_at(i + 1)]) continue;
        std::uint64_t w = 0;
        for (int k = 0; k < 8; ++k) w = w << 8 | byte_at(i + k);
        for (int s = 0; s < 8; ++s) {
          const std::uint64_t candidate = (w >> (16 - s)) & 0xffffffffffff;
          if (candidate == kBlockMagic || candidate == kEndMagic) {
            at_bit = i * 8 + static_cast<std::uint64_t>(s);
            if (block_start_ != kNone && at_bit <= block_start_) continue;
            found = true;
            is_end = candidate == kEndMagic;
            break;
          }
        }
        if (found) break;
      }
      if (!found) {
        scan_ = limit + 1;
        if (!more()) {
          fail_truncated(block_start_ != kNone ? block_start_ / 8 : scan_);
          return;
        }
        continue;
      }
      if (block_start_ != kNone) submit(block_start_, at_bit);
      if (is_end) {
        // The stream ends: magic, 32-bit CRC, padding to a byte.
        while ((at_bit + 80 + 7) / 8 > buffered_end()) {
          if (!more()) {
            fail_truncated(at_bit / 8);
            return;
          }
        }
        if (bits_at(at_bit + 48, 32) != stream_crc_) {
          fail_at(at_bit / 8, false);
          return;
        }
        stream_crc_ = 0;
        block_start_ = kNone;
        header_at_ = (at_bit + 80 + 7) / 8;
        expect_header_ = true;
      } else {
        block_start_ = at_bit;
        scan_ = at_bit / 8 + 1;
      }
      // Drop what no block needs any more.
      const std::uint64_t keep = std::min(block_start_ != kNone ? block_start_ / 8 : header_at_, scan_);
      if (keep > buf_start_ + kRead) {
        buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(keep - buf_start_));
        buf_start_ = keep;
      }
    }
  }

  static constexpr std::uint64_t kNone = ~std::uint64_t{0};

  std::unique_ptr<RawInput> raw_;
  std::size_t in_flight_;
  bool maybe_[256] = {};
  std::vector<std::uint8_t> buf_;  // compressed bytes from absolute offset buf_start_
  std::uint64_t buf_start_ = 0;
  bool raw_eof_ = false;
  bool expect_header_ = true;
  std::uint64_t header_at_ = 0;
  std::uint64_t scan_ = 0;
  std::uint64_t block_start_ = kNone;
  int level_ = 9;
  std::uint32_t stream_crc_ = 0;  // the blocks' CRCs so far, combined
  bool done_ = false;
  std::deque<std::future<Decoded>> jobs_;
  Decoded current_;
  std::size_t current_pos_ = 0;
  std::optional<Error> failure_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<bzip2::BlockDecoder>> pool_;  // idle decoders, kept for their arrays
};

}  // namespace

std::unique_ptr<ByteSource> make_parallel_bzip2(std::string name, std::uint64_t size, std::unique_ptr<RawInput> raw) {
  return std::make_unique<ParallelBzip2Source>(std::move(name), size, std::move(raw));
}

}  // namespace interdict::byte_source_internal
