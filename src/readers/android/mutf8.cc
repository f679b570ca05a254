#include "readers/android/mutf8.h"

#include <cstdint>
#include <cstring>

#include "base/utf8.h"

namespace interdict::android {
namespace {

// Reads one 1- to 3-byte MUTF-8 unit at `i` into `cp`; false when invalid.
bool read_unit(std::span<const std::byte> in, std::size_t& i, std::uint32_t& cp) {
  const auto at = [&](std::size_t k) { return static_cast<std::uint32_t>(in[k]); };
  const std::uint32_t b0 = at(i);
  if (b0 < 0x80) {
    if (b0 == 0) return false;  // a raw NUL ends a string; inside one it is damage
    cp = b0;
    i += 1;
    return true;
  }
  if ((b0 & 0xE0) == 0xC0) {
    if (i + 1 >= in.size() || (at(i + 1) & 0xC0) != 0x80) return false;
    cp = (b0 & 0x1F) << 6 | (at(i + 1) & 0x3F);
    if (cp != 0 && cp < 0x80) return false;
    i += 2;
    return true;
  }
  if ((b0 & 0xF0) == 0xE0) {
    if (i + 2 >= in.size() || (at(i + 1) & 0xC0) != 0x80 || (at(i + 2) & 0xC0) != 0x80) return false;
    cp = (b0 & 0x0F) << 12 | (at(i + 1) & 0x3F) << 6 | (at(i + 2) & 0x3F);
    if (cp < 0x800) return false;
    i += 3;
    return true;
  }
  return false;
}

}  // namespace

bool is_ascii(std::span<const std::byte> bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = 0;
  // Eight bytes at a time: class names and URLs are long and nearly always ASCII.
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < bytes.size(); ++i) {
    if (p[i] & 0x80) return false;
  }
  return true;
}

bool append_mutf8(std::span<const std::byte> bytes, std::string& out) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::uint32_t cp = 0;
    if (!read_unit(bytes, i, cp)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (i >= bytes.size() || !read_unit(bytes, i, low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return false;
    }
    append_utf8(cp, out);
  }
  return true;
}

}  // namespace interdict::android
