// LeCursor: a bounds-checked reader over little-endian bytes, as DEX, Android's binary XML
// and protobuf store them. After an overrun every read yields zero and the failure sticks,
// so a record is read whole and checked once with ok().
//
// Thread-safety: a value type over borrowed bytes; one cursor per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace interdict::android {

class LeCursor {
 public:
  explicit LeCursor(std::span<const std::byte> bytes, std::size_t pos = 0) : bytes_(bytes), pos_(pos) {
    if (pos_ > bytes_.size()) fail();
  }

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] std::size_t position() const { return pos_; }
  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - pos_; }
  [[nodiscard]] std::span<const std::byte> bytes() const { return bytes_; }

  // Moves to `pos`; past the end is an overrun.
  void seek(std::uint64_t pos) {
    if (pos > bytes_.size()) return fail();
    pos_ = static_cast<std::size_t>(pos);
  }
  void skip(std::uint64_t n) {
    if (n > remaining()) return fail();
    pos_ += static_cast<std::size_t>(n);
  }

  std::uint8_t read_u8() {
    if (remaining() < 1) return fail(), 0;
    return static_cast<std::uint8_t>(bytes_[pos_++]);
  }
  std::uint16_t read_u16() {
    if (remaining() < 2) return fail(), 0;
    const auto v = static_cast<std::uint16_t>(byte(0) | byte(1) << 8);
    pos_ += 2;
    return v;
  }
  std::uint32_t read_u32() {
    if (remaining() < 4) return fail(), 0;
    const std::uint32_t v = std::uint32_t{byte(0)} | std::uint32_t{byte(1)} << 8 | std::uint32_t{byte(2)} << 16 |
                            std::uint32_t{byte(3)} << 24;
    pos_ += 4;
    return v;
  }
  // DEX's uleb128: at most five bytes for a 32-bit value; a longer run is damage.
  std::uint32_t read_uleb128() {
    std::uint32_t v = 0;
    for (int i = 0; i < 5; ++i) {
      const std::uint8_t b = read_u8();
      if (!ok_) return 0;
      v |= std::uint32_t{b & 0x7fu} << (7 * i);
      if ((b & 0x80) == 0) return v;
    }
    return fail(), 0;
  }
  // Protobuf's varint: at most ten bytes for a 64-bit value.
  std::uint64_t read_varint() {
    std::uint64_t v = 0;
    for (int i = 0; i < 10; ++i) {
      const std::uint8_t b = read_u8();
      if (!ok_) return 0;
      v |= std::uint64_t{b & 0x7fu} << (7 * i);
      if ((b & 0x80) == 0) return v;
    }
    return fail(), 0;
  }
  // The next `n` bytes as a view; empty on overrun.
  std::span<const std::byte> read_bytes(std::uint64_t n) {
    if (n > remaining()) return fail(), std::span<const std::byte>{};
    auto out = bytes_.subspan(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return out;
  }

 private:
  [[nodiscard]] std::uint32_t byte(std::size_t i) const { return static_cast<std::uint8_t>(bytes_[pos_ + i]); }
  void fail() {
    ok_ = false;
    pos_ = bytes_.size();
  }

  std::span<const std::byte> bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// Reads a little-endian u32 at `pos`. REQUIRES: pos + 4 <= bytes.size().
[[nodiscard]] inline std::uint32_t load_u32(std::span<const std::byte> bytes, std::size_t pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + pos);
  return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
}

}  // namespace interdict::android
