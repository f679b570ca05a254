// ByteCursor: a bounds-checked reader over bytes in either byte order, shared by the
// property-list and Mach-O decoders. After an overrun every read yields zero and ok()
// stays false, so a record is read whole and checked once.
//
// Thread-safety: one cursor per reader; it only views the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace interdict::ios {

class ByteCursor {
 public:
  ByteCursor(std::span<const std::byte> bytes, bool big_endian) : bytes_(bytes), big_endian_(big_endian) {}

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] std::size_t position() const { return pos_; }
  [[nodiscard]] std::size_t size() const { return bytes_.size(); }
  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - pos_; }

  // Moves to `pos`; a position past the end fails the cursor.
  void seek(std::uint64_t pos) {
    if (pos > bytes_.size()) return fail();
    pos_ = static_cast<std::size_t>(pos);
  }
  void skip(std::uint64_t n) {
    if (n > remaining()) return fail();
    pos_ += static_cast<std::size_t>(n);
  }

  std::uint8_t read_u8() { return static_cast<std::uint8_t>(read_uint(1)); }
  std::uint16_t read_u16() { return static_cast<std::uint16_t>(read_uint(2)); }
  std::uint32_t read_u32() { return static_cast<std::uint32_t>(read_uint(4)); }
  std::uint64_t read_u64() { return read_uint(8); }

  // An unsigned integer of `width` bytes (1 to 8) in the cursor's byte order.
  std::uint64_t read_uint(std::size_t width) {
    if (!ok_ || width == 0 || width > 8 || width > remaining()) {
      fail();
      return 0;
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < width; ++i) {
      const std::size_t at = big_endian_ ? pos_ + i : pos_ + width - 1 - i;
      v = v << 8 | std::to_integer<std::uint64_t>(bytes_[at]);
    }
    pos_ += width;
    return v;
  }

  // The next `n` bytes, or an empty span (and a failed cursor) when fewer are left.
  std::span<const std::byte> read_bytes(std::uint64_t n) {
    if (!ok_ || n > remaining()) {
      fail();
      return {};
    }
    auto out = bytes_.subspan(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return out;
  }

  // A fixed-width field of `n` bytes holding text padded with NULs (Mach-O segment and
  // section names); the text stops at the first NUL.
  std::string_view read_fixed_name(std::size_t n) {
    auto raw = read_bytes(n);
    std::string_view text(reinterpret_cast<const char*>(raw.data()), raw.size());
    return text.substr(0, text.find('\0'));
  }

 private:
  void fail() {
    ok_ = false;
    pos_ = bytes_.size();
  }

  std::span<const std::byte> bytes_;
  std::size_t pos_ = 0;
  bool big_endian_ = false;
  bool ok_ = true;
};

// A view of bytes as characters, for names and text inside binary formats.
[[nodiscard]] inline std::string_view as_text(std::span<const std::byte> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace interdict::ios
