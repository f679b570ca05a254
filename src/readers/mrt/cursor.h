// Cursor: a bounds-checked reader over bytes, in network order. Every read says whether
// the bytes were there; nothing reads past the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>

namespace interdict::mrt {

class Cursor {
 public:
  explicit Cursor(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  [[nodiscard]] std::size_t remaining() const { return bytes_.size() - pos_; }
  [[nodiscard]] std::size_t position() const { return pos_; }
  [[nodiscard]] bool empty() const { return pos_ == bytes_.size(); }
  [[nodiscard]] std::span<const std::uint8_t> rest() const { return bytes_.subspan(pos_); }

  bool u8(std::uint8_t& v) {
    if (remaining() < 1) return false;
    v = bytes_[pos_++];
    return true;
  }
  bool u16(std::uint16_t& v) {
    if (remaining() < 2) return false;
    v = static_cast<std::uint16_t>(bytes_[pos_] << 8 | bytes_[pos_ + 1]);
    pos_ += 2;
    return true;
  }
  bool u32(std::uint32_t& v) {
    if (remaining() < 4) return false;
    const std::uint8_t* p = bytes_.data() + pos_;
    v = std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
    pos_ += 4;
    return true;
  }
  // An AS number of `width` bytes (2 or 4).
  bool asn(int width, std::uint32_t& v) {
    if (width == 4) return u32(v);
    std::uint16_t s = 0;
    if (!u16(s)) return false;
    v = s;
    return true;
  }
  bool bytes(std::size_t n, std::span<const std::uint8_t>& out) {
    if (remaining() < n) return false;
    out = bytes_.subspan(pos_, n);
    pos_ += n;
    return true;
  }
  bool copy(void* out, std::size_t n) {
    if (remaining() < n) return false;
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool skip(std::size_t n) {
    if (remaining() < n) return false;
    pos_ += n;
    return true;
  }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t pos_ = 0;
};

}  // namespace interdict::mrt
