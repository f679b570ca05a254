// Binary XML (ResXMLTree) to ManifestWalker events. Grammar: axml_format.h.
#include <string>
#include <vector>

#include "base/utf8.h"
#include "readers/android/android.h"
#include "readers/android/axml_format.h"
#include "readers/android/le_cursor.h"
#include "readers/android/manifest.h"

namespace interdict {
namespace {

using android::LeCursor;
using android::ManifestAttribute;
using android::ManifestWalker;
namespace axml = android::axml;

class BinaryXmlDecoder {
 public:
  BinaryXmlDecoder(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink)
      : bytes_(bytes), walker_(path, sink) {}

  void run() {
    LeCursor c(bytes_);
    const std::uint16_t type = c.read_u16();
    const std::uint16_t header_size = c.read_u16();
    std::uint64_t size = c.read_u32();
    if (!c.ok()) return fatal(0, "truncated chunk header: " + std::to_string(bytes_.size()) + " bytes");
    if (type != axml::kXmlType || header_size < axml::kChunkHeaderSize) {
      return fatal(0, "not binary xml: first chunk type " + std::to_string(type));
    }
    if (size > bytes_.size()) {
      walker_.damage(
          4, "document size " + std::to_string(size) + " past the end (" + std::to_string(bytes_.size()) + " bytes)",
          false);
      size = bytes_.size();
    }
    std::uint64_t at = header_size;
    while (at < size) {
      if (size - at < axml::kChunkHeaderSize) return fatal(at, "truncated chunk header");
      LeCursor h(bytes_, at);
      const std::uint16_t chunk_type = h.read_u16();
      const std::uint16_t chunk_header = h.read_u16();
      const std::uint32_t chunk_size = h.read_u32();
      if (chunk_header < axml::kChunkHeaderSize || chunk_size < chunk_header || chunk_size > size - at) {
        return fatal(at, "chunk type " + std::to_string(chunk_type) + " size " + std::to_string(chunk_size) +
                             " past the end of its parent");
      }
      const auto chunk = bytes_.subspan(at, chunk_size);
      if (!decode_chunk(chunk_type, chunk_header, chunk, at)) return;
      at += chunk_size;
    }
  }

 private:
  // False when the document cannot be read further (already reported).
  bool decode_chunk(std::uint16_t type, std::uint16_t header, std::span<const std::byte> chunk, std::uint64_t at) {
    switch (type) {
      case axml::kStringPoolType: return decode_pool(header, chunk, at);
      case axml::kResourceMapType:
        resource_ids_.clear();
        for (LeCursor c(chunk, header); c.remaining() >= 4;) resource_ids_.push_back(c.read_u32());
        return true;
      case axml::kStartNamespaceType:
      case axml::kEndNamespaceType:
      case axml::kCdataType: return true;
      case axml::kStartElementType: return decode_start(header, chunk, at);
      case axml::kEndElementType: walker_.end(); return true;
      default: return true;  // unknown chunks are skipped whole, as Android does
    }
  }

  bool decode_pool(std::uint16_t header, std::span<const std::byte> chunk, std::uint64_t at) {
    LeCursor c(chunk, axml::kChunkHeaderSize);
    const std::uint32_t count = c.read_u32();
    (void)c.read_u32();  // style_count
    const std::uint32_t flags = c.read_u32();
    const std::uint32_t strings_start = c.read_u32();
    if (!c.ok() || header < axml::kStringPoolHeaderSize) {
      fatal(at, "string pool header truncated");
      return false;
    }
    if (count > (chunk.size() - header) / 4) {
      fatal(at, "string pool count " + std::to_string(count) + " past the end of its chunk");
      return false;
    }
    strings_.assign(count, std::string{});
    const bool utf8 = (flags & axml::kUtf8Flag) != 0;
    std::uint32_t bad = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
      const std::uint64_t offset = std::uint64_t{strings_start} + android::load_u32(chunk, header + 4 * i);
      if (!(utf8 ? read_utf8(chunk, offset, strings_[i]) : read_utf16(chunk, offset, strings_[i]))) {
        strings_[i].clear();
        if (bad++ == 0) walker_.damage(at, "string " + std::to_string(i) + " outside its pool", false);
      }
    }
    if (bad > 1) walker_.damage(at, std::to_string(bad) + " strings outside their pool", false);
    return true;
  }

  static bool read_utf8(std::span<const std::byte> chunk, std::uint64_t offset, std::string& out) {
    LeCursor c(chunk);
    c.seek(offset);
    const auto length = [&c] {
      std::uint32_t n = c.read_u8();
      if (n & 0x80) n = (n & 0x7F) << 8 | c.read_u8();
      return n;
    };
    (void)length();  // in UTF-16 units
    const std::uint32_t bytes = length();
    const auto data = c.read_bytes(bytes);
    if (!c.ok()) return false;
    out.assign(reinterpret_cast<const char*>(data.data()), data.size());
    return true;
  }

  static bool read_utf16(std::span<const std::byte> chunk, std::uint64_t offset, std::string& out) {
    LeCursor c(chunk);
    c.seek(offset);
    std::uint32_t units = c.read_u16();
    if (units & 0x8000) units = (units & 0x7FFF) << 16 | c.read_u16();
    if (!c.ok() || units > c.remaining() / 2) return false;
    for (std::uint32_t i = 0; i < units; ++i) {
      std::uint32_t cp = c.read_u16();
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units) {
        LeCursor peek = c;
        const std::uint32_t low = peek.read_u16();
        if (low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          c = peek;
          ++i;
        }
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // an unpaired surrogate
      append_utf8(cp, out);
    }
    return true;
  }

  // The string at `index`, or nullptr (reported) when out of range.
  const std::string* string_at(std::uint32_t index, std::uint64_t at) {
    if (index < strings_.size()) return &strings_[index];
    if (index != axml::kNoIndex) {
      walker_.damage(
          at,
          "string index " + std::to_string(index) + " out of range (" + std::to_string(strings_.size()) + " strings)",
          false);
    }
    return nullptr;
  }

  bool decode_start(std::uint16_t header, std::span<const std::byte> chunk, std::uint64_t at) {
    LeCursor c(chunk, header);
    (void)c.read_u32();  // ns
    const std::uint32_t name_index = c.read_u32();
    const std::uint16_t attribute_start = c.read_u16();
    const std::uint16_t attribute_size = c.read_u16();
    const std::uint16_t attribute_count = c.read_u16();
    attributes_.clear();
    std::string_view name;
    if (!c.ok()) {
      walker_.damage(at, "start element truncated", false);
    } else {
      if (const std::string* s = string_at(name_index, at)) name = *s;
      const std::uint64_t first = std::uint64_t{header} + attribute_start;
      if (attribute_size < axml::kAttributeSize || first > chunk.size() ||
          attribute_count > (chunk.size() - first) / attribute_size) {
        walker_.damage(at, "attributes of element `" + std::string(name) + "` past the end of its chunk", false);
      } else {
        for (std::uint32_t i = 0; i < attribute_count; ++i) read_attribute(chunk, first + i * attribute_size, at);
      }
    }
    if (!walker_.start(name, attributes_, at)) {
      fatal(at, "elements nested deeper than " + std::to_string(ManifestWalker::kMaxDepth));
      return false;
    }
    return true;
  }

  void read_attribute(std::span<const std::byte> chunk, std::uint64_t pos, std::uint64_t at) {
    LeCursor c(chunk, pos);
    const std::uint32_t ns = c.read_u32();
    const std::uint32_t name_index = c.read_u32();
    const std::uint32_t raw = c.read_u32();
    c.skip(3);  // size, res0
    const std::uint8_t data_type = c.read_u8();
    const std::uint32_t data = c.read_u32();
    const std::string* name = string_at(name_index, at);
    if (name == nullptr) return;
    ManifestAttribute a;
    a.name = *name;
    if (name_index < resource_ids_.size()) a.resource_id = resource_ids_[name_index];
    if (ns < strings_.size()) a.android_namespace = strings_[ns] == axml::kAndroidNamespace;
    const std::uint32_t value_index = raw != axml::kNoIndex ? raw : (data_type == axml::kTypeString ? data : raw);
    if (value_index != axml::kNoIndex) {
      if (const std::string* value = string_at(value_index, at)) {
        a.value = *value;
        a.is_string = true;
      }
    }
    attributes_.push_back(a);
  }

  void fatal(std::uint64_t offset, const std::string& reason) { walker_.damage(offset, reason, true); }

  std::span<const std::byte> bytes_;
  ManifestWalker walker_;
  std::vector<std::string> strings_;
  std::vector<std::uint32_t> resource_ids_;
  std::vector<ManifestAttribute> attributes_;
};

}  // namespace

bool looks_like_binary_xml(std::span<const std::byte> head) {
  if (head.size() < 8) return false;
  LeCursor c(head);
  return c.read_u16() == axml::kXmlType && c.read_u16() == axml::kChunkHeaderSize;
}

void decode_binary_manifest(std::span<const std::byte> xml, std::string_view path, CodeSink& sink) {
  BinaryXmlDecoder(xml, path, sink).run();
}

}  // namespace interdict
