// The DEX class inventory: header checks, then class_defs -> type_ids -> string_ids ->
// string_data for every defined class, then a pass over string_ids for URL constants.
// Grammar and sources: dex_format.h.
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "readers/android/android.h"
#include "readers/android/dex_format.h"
#include "readers/android/le_cursor.h"
#include "readers/android/mutf8.h"

namespace interdict {
namespace {

using android::load_u32;
namespace dex = android::dex;
constexpr std::uint64_t kMaxLocalReports = 32;

std::string hex32(std::uint32_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kDigits[(v >> shift) & 0xF]);
  return out;
}

// Printable ASCII of a descriptor for a message, at most 64 bytes; others become '?'.
std::string shown(std::span<const std::byte> raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size() && i < 64; ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    out.push_back(c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?');
  }
  return out;
}

class DexDecoder {
 public:
  DexDecoder(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink)
      : bytes_(bytes), path_(path), sink_(sink) {}

  DexSummary run() {
    if (bytes_.size() < dex::kHeaderSize) {
      fatal(0, "truncated header: " + std::to_string(bytes_.size()) + " bytes, a dex header needs 112");
    } else if (!looks_like_dex(bytes_)) {
      fatal(0, "bad magic: not a dex file");
    } else if (std::memcmp(bytes_.data() + 4, "041", 3) == 0) {
      run_container();
    } else {
      decode_one(0, false);
    }
    if (suppressed_ > 0) {
      report(0, std::to_string(suppressed_) + " more damaged records not listed", false, true);
    }
    return summary_;
  }

 private:
  // Version 041: DEX files one after another, each header's file_size giving the next.
  void run_container() {
    std::uint64_t start = 0;
    while (!summary_.fatal && start < bytes_.size()) {
      const std::uint64_t size = decode_one(start, true);
      if (size == 0) break;
      start += size;
    }
  }

  // Decodes the DEX whose header is at `start`; returns its file_size, 0 when unreadable.
  std::uint64_t decode_one(std::uint64_t start, bool container) {
    const std::uint64_t available = bytes_.size() - start;
    const std::size_t min_header = container ? dex::kContainerHeaderSize : dex::kHeaderSize;
    if (available < min_header) {
      fatal(start, "truncated header: " + std::to_string(available) + " bytes");
      return 0;
    }
    if (start > 0 && !looks_like_dex(bytes_.subspan(start))) {
      fatal(start, "bad magic in container");
      return 0;
    }
    const auto field = [&](std::size_t at) { return load_u32(bytes_, start + at); };
    const std::uint32_t endian = field(dex::kEndianTagOffset);
    if (endian != dex::kEndianConstant) {
      fatal(start + dex::kEndianTagOffset, endian == dex::kReverseEndianConstant
                                               ? "byte-swapped dex (reverse endian tag) not supported"
                                               : "bad endian tag " + hex32(endian));
      return 0;
    }
    const std::uint32_t header_size = field(dex::kHeaderSizeOffset);
    const std::uint64_t file_size = field(dex::kFileSizeOffset);
    if (header_size < min_header || header_size > available) {
      fatal(start + dex::kHeaderSizeOffset, "header_size " + std::to_string(header_size) + " invalid");
      return 0;
    }
    if (file_size < header_size) {
      fatal(start + dex::kFileSizeOffset, "file_size " + std::to_string(file_size) + " smaller than the header");
      return 0;
    }
    if (file_size > available) {
      local(start + dex::kFileSizeOffset, "file_size " + std::to_string(file_size) + " past the end (" +
                                              std::to_string(available) + " bytes): truncated file");
    } else {
      if (!container && file_size < available) {
        local(file_size, std::to_string(available - file_size) + " bytes after file_size");
      }
      const auto* p = reinterpret_cast<const Bytef*>(bytes_.data() + start + dex::kSignatureOffset);
      const std::uint32_t actual =
          static_cast<std::uint32_t>(adler32_z(adler32_z(0, nullptr, 0), p, file_size - dex::kSignatureOffset));
      const std::uint32_t stated = field(dex::kChecksumOffset);
      if (actual != stated) {
        local(start + dex::kChecksumOffset,
              "checksum " + hex32(stated) + " does not match the content's " + hex32(actual));
      }
    }
    // Section offsets count from the file, or from the container in version 041.
    std::uint64_t limit = container ? std::min<std::uint64_t>(field(dex::kContainerSizeOffset), bytes_.size())
                                    : std::min<std::uint64_t>(file_size, bytes_.size());
    limit = std::max<std::uint64_t>(limit, std::min<std::uint64_t>(start + file_size, bytes_.size()));
    view_ = bytes_.first(static_cast<std::size_t>(limit));

    strings_ = {field(dex::kStringIdsOffset), field(dex::kStringIdsOffset + 4)};
    types_ = {field(dex::kTypeIdsOffset), field(dex::kTypeIdsOffset + 4)};
    const Table classes{field(dex::kClassDefsOffset), field(dex::kClassDefsOffset + 4)};
    if (!fits(strings_, dex::kIdSize)) {
      fatal(start + dex::kStringIdsOffset, table_error("string_ids", strings_));
      return 0;
    }
    if (!fits(types_, dex::kIdSize)) {
      fatal(start + dex::kTypeIdsOffset, table_error("type_ids", types_));
      return 0;
    }
    std::uint64_t readable = classes.size;
    if (!fits(classes, dex::kClassDefSize)) {
      readable = classes.offset >= limit ? 0 : (limit - classes.offset) / dex::kClassDefSize;
      readable = std::min<std::uint64_t>(readable, classes.size);
    }
    for (std::uint64_t i = 0; i < readable; ++i) decode_class(i, classes.offset + i * dex::kClassDefSize);
    if (readable < classes.size) {
      fatal(start + dex::kClassDefsOffset,
            table_error("class_defs", classes) + ": " + std::to_string(readable) + " read");
      return 0;
    }
    for (std::uint64_t i = 0; i < strings_.size; ++i) decode_url(i);
    return file_size;
  }

  struct Table {
    std::uint64_t size = 0;
    std::uint64_t offset = 0;
  };

  [[nodiscard]] bool fits(const Table& t, std::uint64_t width) const {
    return t.size == 0 || (t.offset <= view_.size() && t.size <= (view_.size() - t.offset) / width);
  }
  [[nodiscard]] std::string table_error(std::string_view name, const Table& t) const {
    return std::string(name) + "_size " + std::to_string(t.size) + " at offset " + std::to_string(t.offset) +
           " past the end (" + std::to_string(view_.size()) + " bytes)";
  }

  // The MUTF-8 bytes of string `index` and where they start; false when out of range.
  bool string_bytes(std::uint64_t index, std::span<const std::byte>& out, std::uint64_t& offset) const {
    const std::uint64_t data = load_u32(view_, strings_.offset + index * dex::kIdSize);
    android::LeCursor cursor(view_, 0);
    cursor.seek(data);
    (void)cursor.read_uleb128();
    if (!cursor.ok()) return false;
    offset = cursor.position();
    const std::byte* begin = view_.data() + offset;
    const void* nul = std::memchr(begin, 0, view_.size() - offset);
    if (nul == nullptr) return false;
    out = {begin, static_cast<std::size_t>(static_cast<const std::byte*>(nul) - begin)};
    return true;
  }

  void decode_class(std::uint64_t i, std::uint64_t at) {
    // Built only for a report: this is the hot loop.
    const auto where = [i] { return "class_def " + std::to_string(i) + ": "; };
    const std::uint32_t type = load_u32(view_, at);
    if (type >= types_.size) {
      return local(at, where() + "type index " + std::to_string(type) + " out of range (" +
                           std::to_string(types_.size) + " types)");
    }
    const std::uint32_t string = load_u32(view_, types_.offset + std::uint64_t{type} * dex::kIdSize);
    if (string >= strings_.size) {
      return local(at, where() + "string index " + std::to_string(string) + " of type " + std::to_string(type) +
                           " out of range (" + std::to_string(strings_.size) + " strings)");
    }
    std::span<const std::byte> raw;
    std::uint64_t data = 0;
    if (!string_bytes(string, raw, data)) {
      return local(at, where() + "string data of string " + std::to_string(string) + " outside the file");
    }
    if (raw.size() < 3 || raw.front() != std::byte{'L'} || raw.back() != std::byte{';'}) {
      return local(at, where() + "descriptor `" + shown(raw) + "` is not a class");
    }
    const auto inner = raw.subspan(1, raw.size() - 2);
    name_.clear();
    if (android::is_ascii(inner)) {
      name_.append(reinterpret_cast<const char*>(inner.data()), inner.size());
    } else if (!android::append_mutf8(inner, name_)) {
      return local(data, where() + "descriptor is not valid mutf-8");
    }
    std::replace(name_.begin(), name_.end(), '/', '.');
    CodeItem item;
    item.kind = CodeKind::kClass;
    item.value = name_;
    item.role = "class";
    item.path = path_;
    item.offset = at;
    ++summary_.classes;
    sink_.item(item);
  }

  void decode_url(std::uint64_t i) {
    const std::uint64_t data = load_u32(view_, strings_.offset + i * dex::kIdSize);
    // Most strings are not URLs: look at the first bytes before finding the end. A one-byte
    // length prefix is the common case; longer ones go the general way.
    if (data + 9 <= view_.size()) {
      const auto* p = reinterpret_cast<const char*>(view_.data() + data);
      const std::size_t skip = (static_cast<unsigned char>(p[0]) & 0x80) ? 0 : 1;
      if (skip == 1 && std::memcmp(p + 1, "http", 4) != 0) return;
    }
    std::span<const std::byte> raw;
    std::uint64_t offset = 0;
    if (!string_bytes(i, raw, offset)) {
      return local(strings_.offset + i * dex::kIdSize,
                   "string_id " + std::to_string(i) + ": data at " + std::to_string(data) + " outside the file");
    }
    const std::string_view text(reinterpret_cast<const char*>(raw.data()), raw.size());
    if (!text.starts_with("http://") && !text.starts_with("https://")) return;
    std::string_view value = text;
    if (!android::is_ascii(raw)) {
      url_.clear();
      if (!android::append_mutf8(raw, url_)) {
        return local(offset, "string_id " + std::to_string(i) + ": not valid mutf-8");
      }
      value = url_;
    }
    CodeItem item;
    item.kind = CodeKind::kUrl;
    item.value = value;
    item.role = "string";
    item.path = path_;
    item.offset = offset;
    ++summary_.urls;
    sink_.item(item);
  }

  void local(std::uint64_t offset, const std::string& reason) { report(offset, reason, false, false); }
  void fatal(std::uint64_t offset, const std::string& reason) { report(offset, reason, true, false); }
  void report(std::uint64_t offset, const std::string& reason, bool fatal, bool summary) {
    if (fatal) summary_.fatal = true;
    if (!summary) ++summary_.damaged;
    if (!fatal && !summary && ++local_reports_ > kMaxLocalReports) {
      ++suppressed_;
      return;
    }
    CodeDamage d;
    d.path = path_;
    d.offset = offset;
    d.reason = reason;
    d.fatal = fatal;
    sink_.damage(d);
  }

  std::span<const std::byte> bytes_;
  std::string_view path_;
  CodeSink& sink_;
  DexSummary summary_;
  std::uint64_t local_reports_ = 0;
  std::uint64_t suppressed_ = 0;
  std::span<const std::byte> view_;
  Table strings_;
  Table types_;
  std::string name_;  // reused for every class name
  std::string url_;   // reused for the rare non-ASCII URL
};

}  // namespace

bool looks_like_dex(std::span<const std::byte> head) {
  if (head.size() < 8) return false;
  const auto* p = reinterpret_cast<const char*>(head.data());
  if (std::memcmp(p, "dex\n0", 5) != 0 || p[7] != '\0') return false;
  const int version = (p[5] - '0') * 10 + (p[6] - '0');
  return p[5] >= '0' && p[5] <= '9' && p[6] >= '0' && p[6] <= '9' && version >= 35 && version <= 41;
}

DexSummary decode_dex(std::span<const std::byte> dex, std::string_view path, CodeSink& sink) {
  return DexDecoder(dex, path, sink).run();
}

}  // namespace interdict
