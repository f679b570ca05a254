// The zip reader: see zip.h for the contract and grammar.md for the records it reads.
#include "readers/zip/zip.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>

namespace interdict {
namespace {

constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64EndSignature = 0x06064b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kZip64LocatorSize = 20;
constexpr std::size_t kZip64EndSize = 56;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kFlagEncrypted = 0x0001;
// Entries smaller than this are never refused for their ratio: tiny files of zeros
// legitimately compress a thousandfold.
constexpr std::uint64_t kRatioExemptSize = std::uint64_t{1} << 20;

// A little-endian, bounds-checked view; a read past the end yields zero and sets ok() false
// for good, so a record is checked once, after all its fields are read.
class LeCursor {
 public:
  LeCursor(std::span<const std::byte> bytes, std::size_t pos) : bytes_(bytes), pos_(pos) {
    if (pos > bytes.size()) ok_ = false;
  }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] std::size_t position() const { return pos_; }
  std::uint16_t u16() { return static_cast<std::uint16_t>(read(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(read(4)); }
  std::uint64_t u64() { return read(8); }
  std::string_view text(std::size_t n) {
    if (!ok_ || bytes_.size() - pos_ < n) {
      ok_ = false;
      return {};
    }
    std::string_view out(reinterpret_cast<const char*>(bytes_.data() + pos_), n);
    pos_ += n;
    return out;
  }
  void skip(std::size_t n) { (void)text(n); }

 private:
  std::uint64_t read(std::size_t n) {
    if (!ok_ || bytes_.size() - pos_ < n) {
      ok_ = false;
      return 0;
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= std::uint64_t{std::to_integer<std::uint8_t>(bytes_[pos_ + i])} << (8 * i);
    pos_ += n;
    return v;
  }
  std::span<const std::byte> bytes_;
  std::size_t pos_;
  bool ok_ = true;
};

Error at(ErrorCategory category, std::string_view file, std::uint64_t offset, std::string message) {
  Location where;
  where.file = std::string(file);
  where.byte_offset = offset;
  return Error(category, std::move(message), std::move(where));
}

std::string shown(std::string_view name) {
  std::string out = "`";
  for (char c : name.substr(0, 200)) out += (static_cast<unsigned char>(c) < 0x20 ? '?' : c);
  return out + (name.size() > 200 ? "...`" : "`");
}

bool unsafe(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
      name.find('\0') != std::string_view::npos) {
    return true;
  }
  if (name.size() > 1 && name[1] == ':') return true;  // a drive letter
  for (std::size_t start = 0; start <= name.size();) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

struct EndRecord {
  std::uint64_t entries = 0;
  std::uint64_t directory_size = 0;
  std::uint64_t directory_offset = 0;
  std::uint64_t position = 0;  // where the (ZIP64) end record starts: the directory ends there
};

// The end of central directory record is the last thing in the file, before a comment of
// up to 65535 bytes; a signature inside the comment is rejected by its comment length.
std::optional<EndRecord> find_end(std::span<const std::byte> bytes) {
  if (bytes.size() < kEndSize) return std::nullopt;
  const std::size_t lowest = bytes.size() >= kEndSize + 0xFFFF ? bytes.size() - kEndSize - 0xFFFF : 0;
  for (std::size_t pos = bytes.size() - kEndSize;; --pos) {
    LeCursor c(bytes, pos);
    if (c.u32() == kEndSignature) {
      c.skip(6);
      EndRecord end;
      end.entries = c.u16();
      end.directory_size = c.u32();
      end.directory_offset = c.u32();
      const std::uint16_t comment = c.u16();
      end.position = pos;
      if (c.ok() && pos + kEndSize + comment == bytes.size()) return end;
    }
    if (pos == lowest) break;
  }
  return std::nullopt;
}

// ZIP64: a locator just before the end record points at a ZIP64 end record whose fields
// replace the 16- and 32-bit ones that overflowed.
std::optional<EndRecord> find_zip64_end(std::span<const std::byte> bytes, const EndRecord& end) {
  if (end.position < kZip64LocatorSize) return std::nullopt;
  LeCursor locator(bytes, end.position - kZip64LocatorSize);
  if (locator.u32() != kZip64LocatorSignature) return std::nullopt;
  locator.skip(4);
  const std::uint64_t record = locator.u64();
  if (!locator.ok() || record > bytes.size() || bytes.size() - record < kZip64EndSize) return std::nullopt;
  LeCursor c(bytes, record);
  if (c.u32() != kZip64EndSignature) return std::nullopt;
  c.skip(8 + 2 + 2 + 4 + 4 + 8);
  EndRecord out;
  out.entries = c.u64();
  out.directory_size = c.u64();
  out.directory_offset = c.u64();
  out.position = record;
  if (!c.ok()) return std::nullopt;
  return out;
}

// Replaces the fields that are saturated in the central header with the ZIP64 extra
// field's values, which come in this fixed order and only for the saturated ones.
bool apply_zip64(std::string_view extra, ZipEntry& e, bool size_max, bool csize_max, bool offset_max) {
  std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(extra.data()), extra.size());
  for (std::size_t pos = 0; pos + 4 <= extra.size();) {
    LeCursor c(bytes, pos);
    const std::uint16_t id = c.u16();
    const std::uint16_t size = c.u16();
    if (!c.ok() || extra.size() - c.position() < size) return false;
    if (id == kZip64ExtraId) {
      LeCursor f(bytes.subspan(c.position(), size), 0);
      if (size_max) e.size = f.u64();
      if (csize_max) e.compressed_size = f.u64();
      if (offset_max) e.local_header_offset = f.u64();
      return f.ok();
    }
    pos = c.position() + size;
  }
  return !(size_max || csize_max || offset_max);
}

}  // namespace

bool looks_like_zip(std::span<const std::byte> head) {
  if (head.size() < 4) return false;
  LeCursor c(head, 0);
  const std::uint32_t signature = c.u32();
  return signature == kLocalHeaderSignature || signature == kEndSignature;
}

Result<ZipArchive> ZipArchive::open(std::span<const std::byte> bytes, std::string_view file, const ZipLimits& limits) {
  auto end = find_end(bytes);
  if (!end) return at(ErrorCategory::kParse, file, bytes.size(), "not a zip file: no end of central directory record");
  if (auto zip64 = find_zip64_end(bytes, *end)) end = zip64;
  if (end->directory_offset > end->position || end->position - end->directory_offset < end->directory_size) {
    return at(ErrorCategory::kParse, file, end->position,
              "central directory (offset " + std::to_string(end->directory_offset) + ", " +
                  std::to_string(end->directory_size) + " bytes) lies outside the file");
  }
  if (end->entries > limits.max_entries) {
    return at(ErrorCategory::kCapacity, file, end->position,
              "archive lists " + std::to_string(end->entries) + " entries, more than the limit of " +
                  std::to_string(limits.max_entries));
  }
  // Never trust a count: each central header takes at least 46 bytes.
  if (end->entries > end->directory_size / kCentralHeaderSize + 1) {
    return at(ErrorCategory::kParse, file, end->position,
              "end record lists " + std::to_string(end->entries) + " entries in a directory of " +
                  std::to_string(end->directory_size) + " bytes");
  }

  ZipArchive zip;
  zip.bytes_ = bytes;
  zip.file_ = std::string(file);
  zip.limits_ = limits;
  zip.entries_.reserve(end->entries);
  const auto directory = bytes.first(end->directory_offset + end->directory_size);
  std::size_t pos = end->directory_offset;
  for (std::uint64_t i = 0; i < end->entries; ++i) {
    LeCursor c(directory, pos);
    if (c.u32() != kCentralHeaderSignature) {
      zip.damage_.push_back(at(ErrorCategory::kParse, file, pos,
                               "central directory record " + std::to_string(i + 1) + " of " +
                                   std::to_string(end->entries) + " has a bad signature; the rest are not listed"));
      break;
    }
    ZipEntry e;
    e.directory_offset = pos;
    c.skip(4);
    const std::uint16_t flags = c.u16();
    e.method = c.u16();
    c.skip(4);
    e.crc32 = c.u32();
    e.compressed_size = c.u32();
    e.size = c.u32();
    const std::uint16_t name_length = c.u16();
    const std::uint16_t extra_length = c.u16();
    const std::uint16_t comment_length = c.u16();
    c.skip(8);
    e.local_header_offset = c.u32();
    e.name = c.text(name_length);
    const std::string_view extra = c.text(extra_length);
    c.skip(comment_length);
    if (!c.ok()) {
      zip.damage_.push_back(at(ErrorCategory::kParse, file, pos,
                               "central directory record " + std::to_string(i + 1) +
                                   " runs past the directory's end; the rest are not listed"));
      break;
    }
    pos = c.position();
    constexpr std::uint32_t kSaturated = 0xFFFFFFFF;
    if (!apply_zip64(extra, e, e.size == kSaturated, e.compressed_size == kSaturated,
                     e.local_header_offset == kSaturated)) {
      zip.damage_.push_back(at(ErrorCategory::kParse, file, e.directory_offset,
                               "entry " + shown(e.name) + " lacks the ZIP64 sizes its header promises; skipped"));
      continue;
    }
    e.encrypted = (flags & kFlagEncrypted) != 0;
    e.unsafe_name = unsafe(e.name);
    zip.entries_.push_back(e);
  }
  if (zip.entries_.size() == end->entries && pos != end->directory_offset + end->directory_size) {
    zip.damage_.push_back(at(ErrorCategory::kParse, file, pos,
                             std::to_string(end->directory_offset + end->directory_size - pos) +
                                 " bytes after the last central directory record"));
  }

  // Overlapping entries are how a "non-recursive" zip bomb multiplies one compressed kernel
  // into many entries. An entry's data starts at least 30 bytes past its local header.
  std::vector<const ZipEntry*> by_offset;
  by_offset.reserve(zip.entries_.size());
  for (const ZipEntry& e : zip.entries_) by_offset.push_back(&e);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const ZipEntry* a, const ZipEntry* b) { return a->local_header_offset < b->local_header_offset; });
  std::vector<bool> drop(zip.entries_.size(), false);
  std::uint64_t reach = 0;
  for (const ZipEntry* e : by_offset) {
    if (e->local_header_offset < reach && e->compressed_size > 0) {
      drop[static_cast<std::size_t>(e - zip.entries_.data())] = true;
      zip.damage_.push_back(
          at(ErrorCategory::kParse, file, e->directory_offset,
             "entry " + shown(e->name) + " overlaps the data of another entry (a zip bomb); skipped"));
      continue;
    }
    reach = std::max(reach, e->local_header_offset + kLocalHeaderSize + e->compressed_size);
  }
  if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
    std::vector<ZipEntry> kept;
    kept.reserve(zip.entries_.size());
    for (std::size_t i = 0; i < zip.entries_.size(); ++i) {
      if (!drop[i]) kept.push_back(zip.entries_[i]);
    }
    zip.entries_ = std::move(kept);
  }
  return zip;
}

Result<std::span<const std::byte>> ZipArchive::read(const ZipEntry& entry, std::vector<std::byte>& scratch) const {
  const std::string name = shown(entry.name);
  if (entry.encrypted) {
    return at(ErrorCategory::kInvalidArgument, file_, entry.local_header_offset, "entry " + name + " is encrypted");
  }
  if (entry.method != 0 && entry.method != 8) {
    return at(ErrorCategory::kInvalidArgument, file_, entry.local_header_offset,
              "entry " + name + " uses compression method " + std::to_string(entry.method) +
                  "; only stored (0) and deflate (8) are read");
  }
  if (entry.size > limits_.max_entry_size) {
    return at(ErrorCategory::kCapacity, file_, entry.local_header_offset,
              "entry " + name + " is " + std::to_string(entry.size) + " bytes, more than the limit of " +
                  std::to_string(limits_.max_entry_size));
  }
  if (entry.size > kRatioExemptSize &&
      entry.size / std::max<std::uint64_t>(entry.compressed_size, 1) > limits_.max_ratio) {
    return at(ErrorCategory::kCapacity, file_, entry.local_header_offset,
              "entry " + name + " claims to expand " + std::to_string(entry.compressed_size) + " bytes into " +
                  std::to_string(entry.size) + " (a zip bomb)");
  }

  LeCursor c(bytes_, entry.local_header_offset);
  const std::uint32_t signature = c.u32();
  c.skip(22);
  const std::uint16_t name_length = c.u16();
  const std::uint16_t extra_length = c.u16();
  c.skip(std::size_t{name_length} + extra_length);
  if (!c.ok() || signature != kLocalHeaderSignature) {
    return at(ErrorCategory::kParse, file_, entry.local_header_offset,
              "entry " + name + " has no valid local header at its offset");
  }
  const std::uint64_t data = c.position();
  if (bytes_.size() - data < entry.compressed_size) {
    return at(ErrorCategory::kParse, file_, data,
              "entry " + name + "'s " + std::to_string(entry.compressed_size) + " bytes run past the end of the file");
  }
  const auto input = bytes_.subspan(data, entry.compressed_size);

  std::span<const std::byte> out;
  if (entry.method == 0) {
    if (entry.compressed_size != entry.size) {
      return at(ErrorCategory::kParse, file_, data,
                "stored entry " + name + " has different compressed and uncompressed sizes");
    }
    out = input;
  } else {
    scratch.resize(entry.size);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
      return at(ErrorCategory::kCapacity, file_, data, "cannot start inflating entry " + name);
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(input.data()));
    z.next_out = reinterpret_cast<Bytef*>(scratch.data());
    std::uint64_t in_left = input.size();
    std::uint64_t out_left = scratch.size();
    int status = Z_OK;
    // zlib counts in 32 bits: feed entries past 4 GB in slices.
    constexpr std::uint64_t kSlice = std::numeric_limits<uInt>::max();
    // One spare byte of output shows a stream that would produce more than it claims.
    std::byte spare{};
    bool used_spare = false;
    while (status == Z_OK) {
      if (z.avail_in == 0 && in_left > 0) {
        z.avail_in = static_cast<uInt>(std::min(in_left, kSlice));
        in_left -= z.avail_in;
      }
      if (z.avail_out == 0) {
        if (out_left > 0) {
          z.avail_out = static_cast<uInt>(std::min(out_left, kSlice));
          out_left -= z.avail_out;
        } else if (!used_spare) {
          z.next_out = reinterpret_cast<Bytef*>(&spare);
          z.avail_out = 1;
          used_spare = true;
        } else {
          break;
        }
      }
      status = inflate(&z, Z_NO_FLUSH);
      if (status == Z_BUF_ERROR && z.avail_in == 0 && in_left == 0) break;
    }
    const std::uint64_t produced = z.total_out;
    inflateEnd(&z);
    if (status == Z_DATA_ERROR || status == Z_MEM_ERROR || status == Z_NEED_DICT) {
      return at(ErrorCategory::kParse, file_, data + z.total_in,
                "entry " + name + " has a corrupt deflate stream after " + std::to_string(produced) + " bytes");
    }
    if (produced != entry.size || status != Z_STREAM_END) {
      return at(ErrorCategory::kParse, file_, data,
                "entry " + name + " inflates to " + (produced > entry.size ? "more than " : "") +
                    std::to_string(std::min(produced, entry.size)) + " bytes, not the " + std::to_string(entry.size) +
                    " its directory record says");
    }
    out = std::span<const std::byte>(scratch.data(), entry.size);
  }

  uLong crc = crc32(0L, Z_NULL, 0);
  constexpr std::size_t kCrcSlice = 1 << 30;
  for (std::size_t pos = 0; pos < out.size(); pos += kCrcSlice) {
    const std::size_t n = std::min(kCrcSlice, out.size() - pos);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(out.data() + pos), static_cast<uInt>(n));
  }
  if (crc != entry.crc32) {
    return at(ErrorCategory::kParse, file_, data, "entry " + name + " fails its CRC-32 check");
  }
  return out;
}

}  // namespace interdict
