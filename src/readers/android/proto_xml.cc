// aapt2's protobuf XML (frameworks/base tools/aapt2 Resources.proto), as an AAB stores
// base/manifest/AndroidManifest.xml, to ManifestWalker events. Only the fields below are
// read; every other field is skipped by its wire type.
//
// Protocol Buffers wire format (protobuf.dev/programming-guides/encoding):
//   field     = key varint (number << 3 | wire type), then by wire type:
//               0 varint | 1 eight bytes | 2 length varint, bytes | 5 four bytes
//               (3 and 4, groups, do not occur in aapt2 output and are damage)
// Messages:
//   XmlNode      = 1 element XmlElement | 2 text string | 3 source
//   XmlElement   = 1 namespace_declaration* | 2 namespace_uri string | 3 name string |
//                  4 attribute XmlAttribute* | 5 child XmlNode*
//   XmlAttribute = 1 namespace_uri string | 2 name string | 3 value string | 4 source |
//                  5 resource_id uint32 | 6 compiled_item
// Strings are views into the bytes: nothing is copied.
#include <string>
#include <vector>

#include "readers/android/android.h"
#include "readers/android/axml_format.h"
#include "readers/android/le_cursor.h"
#include "readers/android/manifest.h"

namespace interdict {
namespace {

using android::LeCursor;
using android::ManifestAttribute;
using android::ManifestWalker;

struct Field {
  std::uint32_t number = 0;
  std::uint32_t wire_type = 0;
  std::uint64_t varint = 0;
  std::span<const std::byte> bytes;  // wire type 2
};

// Reads the next field; false at the end (`c.ok()` still true) or on damage.
bool read_field(LeCursor& c, Field& f) {
  if (c.remaining() == 0) return false;
  const std::uint64_t key = c.read_varint();
  f.number = static_cast<std::uint32_t>(key >> 3);
  f.wire_type = static_cast<std::uint32_t>(key & 7);
  switch (f.wire_type) {
    case 0: f.varint = c.read_varint(); break;
    case 1: c.skip(8); break;
    case 2: f.bytes = c.read_bytes(c.read_varint()); break;
    case 5: c.skip(4); break;
    default: c.read_bytes(c.remaining() + 1); break;  // a group or an invalid type: damage
  }
  return c.ok() && f.number != 0;
}

std::string_view text(std::span<const std::byte> b) { return {reinterpret_cast<const char*>(b.data()), b.size()}; }

class ProtoXmlDecoder {
 public:
  ProtoXmlDecoder(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink)
      : bytes_(bytes), walker_(path, sink) {}

  void run() {
    if (bytes_.empty()) return walker_.damage(0, "empty protobuf manifest", true);
    (void)node(bytes_, 0);
  }

 private:
  std::uint64_t offset_of(std::span<const std::byte> part) const {
    return static_cast<std::uint64_t>(part.data() - bytes_.data());
  }

  // False once the document cannot be read further (already reported).
  bool node(std::span<const std::byte> message, std::size_t depth) {
    LeCursor c(message);
    Field f;
    while (read_field(c, f)) {
      if (f.number == 1 && f.wire_type == 2 && !element(f.bytes, depth)) return false;
    }
    return ok_or_report(c, message);
  }

  bool element(std::span<const std::byte> message, std::size_t depth) {
    LeCursor c(message);
    Field f;
    std::string_view name;
    std::vector<ManifestAttribute> attributes;
    std::vector<std::span<const std::byte>> children;
    while (read_field(c, f)) {
      if (f.wire_type != 2) continue;
      if (f.number == 3) {
        name = text(f.bytes);
      } else if (f.number == 4) {
        ManifestAttribute a;
        if (!attribute(f.bytes, a)) return false;
        attributes.push_back(a);
      } else if (f.number == 5) {
        children.push_back(f.bytes);
      }
    }
    if (!ok_or_report(c, message)) return false;
    if (depth >= ManifestWalker::kMaxDepth || !walker_.start(name, attributes, offset_of(message))) {
      walker_.damage(offset_of(message), "elements nested deeper than " + std::to_string(ManifestWalker::kMaxDepth),
                     true);
      return false;
    }
    for (const auto& child : children) {
      if (!node(child, depth + 1)) return false;
    }
    walker_.end();
    return true;
  }

  bool attribute(std::span<const std::byte> message, ManifestAttribute& a) {
    LeCursor c(message);
    Field f;
    while (read_field(c, f)) {
      if (f.number == 1 && f.wire_type == 2) {
        a.android_namespace = text(f.bytes) == android::axml::kAndroidNamespace;
      } else if (f.number == 2 && f.wire_type == 2) {
        a.name = text(f.bytes);
      } else if (f.number == 3 && f.wire_type == 2) {
        a.value = text(f.bytes);
      } else if (f.number == 5 && f.wire_type == 0) {
        a.resource_id = static_cast<std::uint32_t>(f.varint);
      }
    }
    // A reference ("@string/v") or theme attribute ("?attr/x") is not the literal value.
    a.is_string = !a.value.empty() && a.value.front() != '@' && a.value.front() != '?';
    return ok_or_report(c, message);
  }

  bool ok_or_report(const LeCursor& c, std::span<const std::byte> message) {
    if (c.ok() && c.remaining() == 0) return true;
    walker_.damage(offset_of(message) + c.position(), "malformed protobuf field", true);
    return false;
  }

  std::span<const std::byte> bytes_;
  ManifestWalker walker_;
};

}  // namespace

void decode_proto_manifest(std::span<const std::byte> proto, std::string_view path, CodeSink& sink) {
  ProtoXmlDecoder(proto, path, sink).run();
}

}  // namespace interdict
