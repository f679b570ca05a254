// The binary property list decoder (`bplist00`). grammar.md gives the layout; every offset,
// count and object reference is checked against the bytes before it is used.
#include <bit>
#include <limits>
#include <string>

#include "base/utf8.h"
#include "readers/ios/byte_cursor.h"
#include "readers/ios/plist.h"

namespace interdict::ios {
namespace {

constexpr std::size_t kHeaderSize = 8;
constexpr std::size_t kTrailerSize = 32;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// UTF-16BE code units to UTF-8; an unpaired surrogate becomes U+FFFD.
std::string utf16be_to_utf8(std::span<const std::byte> units) {
  std::string out;
  out.reserve(units.size() / 2);
  const std::size_t n = units.size() / 2;
  auto unit = [&](std::size_t i) {
    return static_cast<std::uint32_t>(std::to_integer<std::uint32_t>(units[2 * i]) << 8 |
                                      std::to_integer<std::uint32_t>(units[2 * i + 1]));
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 1 < n && unit(i + 1) >= 0xDC00 && unit(i + 1) < 0xE000) {
      append_utf8(0x10000 + ((u - 0xD800) << 10) + (unit(i + 1) - 0xDC00), out);
      ++i;
    } else if (u >= 0xD800 && u < 0xE000) {
      append_utf8(0xFFFD, out);
    } else {
      append_utf8(u, out);
    }
  }
  return out;
}

// The "ASCII" string form holds single bytes; any above 0x7F are taken as Latin-1 so that
// every string handed on is valid UTF-8.
std::string latin1_to_utf8(std::span<const std::byte> bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::byte b : bytes) append_utf8(std::to_integer<std::uint32_t>(b), out);
  return out;
}

// A date's seconds, truncated; NaN and values no int64 holds (a cast would be undefined)
// become 0.
std::int64_t whole_seconds(double seconds) {
  if (!(seconds > -9.2e18 && seconds < 9.2e18)) return 0;
  return static_cast<std::int64_t>(seconds);
}

class BinaryDecoder {
 public:
  BinaryDecoder(std::span<const std::byte> bytes, Plist& out) : bytes_(bytes), out_(out) {}

  Status run() {
    if (bytes_.size() < kHeaderSize + kTrailerSize + 1) return parse_error(0, "binary plist shorter than its trailer");
    ByteCursor trailer(bytes_.subspan(bytes_.size() - kTrailerSize), /*big_endian=*/true);
    trailer.skip(6);
    offset_size_ = trailer.read_u8();
    ref_size_ = trailer.read_u8();
    const std::uint64_t count = trailer.read_u64();
    const std::uint64_t top = trailer.read_u64();
    table_offset_ = trailer.read_u64();
    const std::uint64_t trailer_at = bytes_.size() - kTrailerSize;
    if (offset_size_ < 1 || offset_size_ > 8 || ref_size_ < 1 || ref_size_ > 8) {
      return parse_error(trailer_at, "bad offset or reference size in trailer");
    }
    if (table_offset_ <= kHeaderSize || table_offset_ > trailer_at) {
      return parse_error(trailer_at, "offset table at " + std::to_string(table_offset_) + " outside the file");
    }
    if (count == 0 || count > (trailer_at - table_offset_) / offset_size_) {
      return parse_error(trailer_at, "object count " + std::to_string(count) + " past the offset table");
    }
    if (top >= count) return parse_error(trailer_at, "top object " + std::to_string(top) + " out of range");
    count_ = count;
    memo_.assign(count, kNone);
    on_path_.assign(count, false);
    std::string reason;
    std::uint32_t root = decode(top, 0, reason);
    if (root == kNone) return parse_error(offset_of_or_zero(top), "root object: " + reason);
    out_.set_root(root);
    return Ok{};
  }

 private:
  static Error parse_error(std::uint64_t offset, std::string message) {
    Location where;
    where.byte_offset = offset;
    return Error(ErrorCategory::kParse, std::move(message), where);
  }

  // The offset of object `index` from the offset table, or kNone-like failure via `ok`.
  bool object_offset(std::uint64_t index, std::uint64_t& offset) const {
    ByteCursor table(bytes_, true);
    table.seek(table_offset_ + index * offset_size_);
    offset = table.read_uint(offset_size_);
    return table.ok() && offset >= kHeaderSize && offset < table_offset_;
  }
  std::uint64_t offset_of_or_zero(std::uint64_t index) const {
    std::uint64_t offset = 0;
    return object_offset(index, offset) ? offset : 0;
  }

  // The count after a marker: the low nibble, or an integer object when it is 0xF.
  bool read_count(ByteCursor& c, std::uint8_t info, std::uint64_t& count) const {
    if (info != 0xF) {
      count = info;
      return true;
    }
    const std::uint8_t marker = c.read_u8();
    if ((marker & 0xF0) != 0x10 || (marker & 0x0F) > 3) return false;
    count = c.read_uint(std::size_t{1} << (marker & 0x0F));
    return c.ok();
  }

  // Decodes object `index` into a node; kNone with `reason` set when it cannot be.
  std::uint32_t decode(std::uint64_t index, int depth, std::string& reason) {
    if (index >= count_) {
      reason = "object reference " + std::to_string(index) + " out of range";
      return kNone;
    }
    if (memo_[index] != kNone) return memo_[index];
    if (on_path_[index]) {
      reason = "cyclic reference to object " + std::to_string(index);
      return kNone;
    }
    if (depth > Plist::kMaxDepth) {
      reason = "nested deeper than " + std::to_string(Plist::kMaxDepth);
      return kNone;
    }
    std::uint64_t offset = 0;
    if (!object_offset(index, offset)) {
      reason = "object " + std::to_string(index) + " offset outside the object area";
      return kNone;
    }
    on_path_[index] = true;
    std::uint32_t node = decode_at(offset, depth, reason);
    on_path_[index] = false;
    memo_[index] = node;
    return node;
  }

  std::uint32_t decode_at(std::uint64_t offset, int depth, std::string& reason) {
    ByteCursor c(bytes_.first(static_cast<std::size_t>(table_offset_)), true);
    c.seek(offset);
    const std::uint8_t marker = c.read_u8();
    const std::uint8_t info = marker & 0x0F;
    PlistNode node;
    node.offset = offset;
    std::uint64_t count = 0;
    switch (marker >> 4) {
      case 0x0:
        if (marker == 0x08 || marker == 0x09) {
          node.type = PlistType::kBool;
          node.boolean = marker == 0x09;
        } else if (marker != 0x00 && marker != 0x0F) {
          reason = "unknown marker " + std::to_string(marker);
          return kNone;
        }
        break;
      case 0x1: {
        if (info > 4) break;
        const std::size_t width = std::size_t{1} << info;
        node.type = PlistType::kInteger;
        // A 128-bit integer keeps its low 64 bits, as CoreFoundation does.
        if (width == 16) c.skip(8);
        node.integer = static_cast<std::int64_t>(c.read_uint(width > 8 ? 8 : width));
        break;
      }
      case 0x2:
        node.type = PlistType::kReal;
        if (info == 2) {
          node.real = std::bit_cast<float>(static_cast<std::uint32_t>(c.read_uint(4)));
        } else if (info == 3) {
          node.real = std::bit_cast<double>(c.read_u64());
        } else {
          reason = "real of unsupported width";
          return kNone;
        }
        break;
      case 0x3:
        if (marker != 0x33) break;
        node.type = PlistType::kDate;
        node.integer = whole_seconds(std::bit_cast<double>(c.read_u64()));
        break;
      case 0x4:
      case 0x5:
      case 0x6: {
        if (!read_count(c, info, count)) break;
        const std::uint64_t unit = (marker >> 4) == 0x6 ? 2 : 1;
        if (count > c.remaining() / unit) {
          reason = "length " + std::to_string(count) + " past the object area";
          return kNone;
        }
        auto raw = c.read_bytes(count * unit);
        node.type = (marker >> 4) == 0x4 ? PlistType::kData : PlistType::kString;
        if ((marker >> 4) == 0x4) {
          node.text.assign(as_text(raw));
        } else if ((marker >> 4) == 0x5) {
          node.text = latin1_to_utf8(raw);
        } else {
          node.text = utf16be_to_utf8(raw);
        }
        break;
      }
      case 0x8:
        if (info > 7) break;
        node.type = PlistType::kUid;
        node.integer = static_cast<std::int64_t>(c.read_uint(std::size_t{info} + 1));
        break;
      case 0xA:
      case 0xB:
      case 0xC:
      case 0xD:
        if (!read_count(c, info, count)) break;
        return decode_container(c, marker >> 4 == 0xD, count, std::move(node), depth, reason);
      default: break;
    }
    if (!c.ok()) {
      reason = "object runs past the object area";
      return kNone;
    }
    if (node.type == PlistType::kNull && marker != 0x00 && marker != 0x0F) {
      reason = "unknown marker " + std::to_string(marker);
      return kNone;
    }
    return out_.add(std::move(node));
  }

  std::uint32_t decode_container(ByteCursor& c, bool dict, std::uint64_t count, PlistNode node, int depth,
                                 std::string& reason) {
    const std::uint64_t refs = dict ? 2 : 1;
    // INVARIANT: count * refs * ref_size_ <= remaining(), checked before any reference is read.
    if (count > c.remaining() / ref_size_ / refs) {
      reason = "element count " + std::to_string(count) + " past the object area";
      return kNone;
    }
    node.type = dict ? PlistType::kDict : PlistType::kArray;
    const std::size_t first_ref = c.position();
    auto ref_at = [&](std::uint64_t i) {
      ByteCursor r(bytes_, true);
      r.seek(first_ref + i * ref_size_);
      return r.read_uint(ref_size_);
    };
    node.items.reserve(static_cast<std::size_t>(count * refs));
    for (std::uint64_t i = 0; i < count; ++i) {
      std::string why;
      if (!dict) {
        std::uint32_t element = decode(ref_at(i), depth + 1, why);
        if (element == kNone) {
          out_.add_damage(node.offset, "array element " + std::to_string(i) + ": " + why);
          continue;
        }
        node.items.push_back(element);
        continue;
      }
      std::uint32_t key = decode(ref_at(i), depth + 1, why);
      if (key != kNone && out_.node(key).type != PlistType::kString) {
        key = kNone;
        why = "key is not a string";
      }
      std::uint32_t value = key == kNone ? kNone : decode(ref_at(count + i), depth + 1, why);
      if (value == kNone) {
        out_.add_damage(node.offset, "dictionary member " + std::to_string(i) + ": " + why);
        continue;
      }
      node.items.push_back(key);
      node.items.push_back(value);
    }
    return out_.add(std::move(node));
  }

  std::span<const std::byte> bytes_;
  Plist& out_;
  std::size_t offset_size_ = 0;
  std::size_t ref_size_ = 0;
  std::uint64_t count_ = 0;
  std::uint64_t table_offset_ = 0;
  std::vector<std::uint32_t> memo_;  // object index -> node, once decoded
  std::vector<bool> on_path_;        // objects being decoded: a reference back to one is a cycle
};

}  // namespace

Status decode_binary_plist(std::span<const std::byte> bytes, Plist& out) { return BinaryDecoder(bytes, out).run(); }

}  // namespace interdict::ios
