// Mach-O reader: universal and thin files, load commands, __objc_classname sections, the
// symbol table's Objective-C class symbols, and linked frameworks. grammar.md gives the
// records; every count and offset is checked against the bytes before it is followed.
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "readers/ios/byte_cursor.h"
#include "readers/ios/ios.h"
#include "readers/ios/macho_format.h"
#include "readers/ios/swift_name.h"

namespace interdict {
namespace {

using ios::ByteCursor;
namespace mo = ios::macho;

std::uint32_t read_le32(std::span<const std::byte> b) {
  ByteCursor c(b, false);
  return c.read_u32();
}
std::uint32_t read_be32(std::span<const std::byte> b) {
  ByteCursor c(b, true);
  return c.read_u32();
}

// True when `offset` + `size` lies within `limit`, without overflow.
bool within(std::uint64_t offset, std::uint64_t size, std::uint64_t limit) {
  return offset <= limit && size <= limit - offset;
}

// Framework names from install names such as "@rpath/X.framework/X" (also
// "@executable_path/Frameworks/X.framework/X" and macOS's "X.framework/Versions/A/X");
// system frameworks, by absolute path, are not the app's code.
std::string_view framework_of(std::string_view install_name) {
  if (!install_name.starts_with('@')) return {};
  const auto slash = install_name.rfind('/');
  if (slash == std::string_view::npos) return {};
  const std::string_view name = install_name.substr(slash + 1);
  if (name.empty()) return {};
  const std::string bundle = "/" + std::string(name) + ".framework/";
  return install_name.find(bundle) == std::string_view::npos ? std::string_view{} : name;
}

bool printable(std::string_view name) {
  for (char ch : name) {
    if (static_cast<unsigned char>(ch) < 0x21 || static_cast<unsigned char>(ch) > 0x7E) return false;
  }
  return !name.empty();
}

class MachoScanner {
 public:
  MachoScanner(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink)
      : bytes_(bytes), path_(path), sink_(sink) {}

  void run() {
    const std::uint32_t be = read_be32(bytes_);
    if (bytes_.size() >= 4 && (be == mo::kFatMagic || be == mo::kFatMagic64)) return scan_fat(be == mo::kFatMagic64);
    if (!scan_slice(bytes_, 0)) damage(0, "no mach-o header", true);
  }

 private:
  void damage(std::uint64_t offset, std::string reason, bool fatal = false) {
    CodeDamage d;
    d.path = path_;
    d.offset = offset;
    d.reason = reason;
    d.fatal = fatal;
    sink_.damage(d);
  }

  void emit(CodeKind kind, std::string_view value, std::string_view component, std::string_view role,
            std::uint64_t offset) {
    std::string key(1, static_cast<char>('0' + static_cast<int>(kind)));
    key += value;
    if (!seen_.insert(std::move(key)).second) return;
    CodeItem item;
    item.kind = kind;
    item.value = value;
    item.component = component;
    item.role = role;
    item.path = path_;
    item.offset = offset;
    sink_.item(item);
  }

  void emit_class(std::string_view name, std::string_view role, std::uint64_t offset) {
    std::string demangled;
    std::string_view module;
    if (ios::demangle_swift_class(name, demangled, module)) {
      emit(CodeKind::kClass, demangled, name, role, offset);
      emit(CodeKind::kFramework, module, {}, "swift-module", offset);
    } else {
      emit(CodeKind::kClass, name, {}, role, offset);
    }
  }

  void scan_fat(bool wide) {
    ByteCursor c(bytes_, true);
    c.skip(4);
    const std::uint32_t count = c.read_u32();
    const std::size_t arch_size = wide ? mo::kFatArch64Size : mo::kFatArchSize;
    if (!c.ok() || count == 0 || count > mo::kMaxFatArchs || count > c.remaining() / arch_size) {
      return damage(4, "fat header lists " + std::to_string(count) + " slices past the end", true);
    }
    std::size_t readable = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
      const std::uint64_t at = c.position();
      c.skip(8);  // cputype, cpusubtype
      const std::uint64_t offset = wide ? c.read_u64() : c.read_u32();
      const std::uint64_t size = wide ? c.read_u64() : c.read_u32();
      c.skip(wide ? 8 : 4);  // align (and reserved)
      if (!within(offset, size, bytes_.size())) {
        damage(at, "slice " + std::to_string(i) + " at " + std::to_string(offset) + " size " + std::to_string(size) +
                       " outside the file");
        continue;
      }
      const auto slice = bytes_.subspan(static_cast<std::size_t>(offset), static_cast<std::size_t>(size));
      if (scan_slice(slice, offset)) {
        ++readable;
      } else {
        damage(offset, "slice " + std::to_string(i) + " has no mach-o header");
      }
    }
    if (readable == 0) damage(0, "no readable slice", true);
  }

  // Reads one thin Mach-O at `base` in the file. False when it has no valid header.
  bool scan_slice(std::span<const std::byte> slice, std::uint64_t base) {
    const std::uint32_t le = read_le32(slice);
    const std::uint32_t be = read_be32(slice);
    bool big_endian = false;
    bool wide = false;
    if (le == mo::kMagic32 || le == mo::kMagic64) {
      wide = le == mo::kMagic64;
    } else if (be == mo::kMagic32 || be == mo::kMagic64) {
      big_endian = true;
      wide = be == mo::kMagic64;
    } else {
      return false;
    }
    ByteCursor c(slice, big_endian);
    c.skip(16);  // magic, cputype, cpusubtype, filetype
    const std::uint32_t ncmds = c.read_u32();
    std::uint64_t sizeofcmds = c.read_u32();
    c.seek(wide ? mo::kHeaderSize64 : mo::kHeaderSize32);
    if (!c.ok()) return false;
    if (sizeofcmds > c.remaining()) {
      damage(base + 20, "sizeofcmds " + std::to_string(sizeofcmds) + " past the end");
      sizeofcmds = c.remaining();
    }
    if (ncmds > sizeofcmds / mo::kLoadCommandSize) {
      damage(base + 16, "ncmds " + std::to_string(ncmds) + " past sizeofcmds");
    }
    const std::size_t first = c.position();
    class_sections_.clear();
    crypt_size_ = 0;
    ByteCursor cmds(slice.subspan(first, static_cast<std::size_t>(sizeofcmds)), big_endian);
    for (std::uint32_t i = 0; i < ncmds; ++i) {
      const std::size_t at = cmds.position();
      if (cmds.remaining() < mo::kLoadCommandSize) {
        if (ncmds <= sizeofcmds / mo::kLoadCommandSize) damage(base + first + at, "load command past sizeofcmds");
        break;
      }
      const std::uint32_t cmd = cmds.read_u32();
      const std::uint32_t cmdsize = cmds.read_u32();
      if (cmdsize < mo::kLoadCommandSize || cmdsize - mo::kLoadCommandSize > cmds.remaining()) {
        damage(base + first + at, "load command " + std::to_string(i) + " has cmdsize " + std::to_string(cmdsize));
        break;
      }
      cmds.skip(cmdsize - mo::kLoadCommandSize);
      const auto body = slice.subspan(first + at, cmdsize);
      Command command{slice, base, body, base + first + at, big_endian, wide};
      read_command(cmd, command);
    }
    // Class names are read after the walk: the encryption command that says whether they
    // can be read usually comes after the segments.
    for (const auto& [offset, size] : class_sections_) {
      if (crypt_size_ != 0 && offset < crypt_offset_ + crypt_size_ && crypt_offset_ < offset + size) {
        damage(base + offset, std::string("section ") + mo::kClassNameSection + " is encrypted (cryptid " +
                                  std::to_string(crypt_id_) + ")");
        continue;
      }
      read_class_names(slice.subspan(static_cast<std::size_t>(offset), static_cast<std::size_t>(size)), base + offset);
    }
    return true;
  }

  struct Command {
    std::span<const std::byte> slice;
    std::uint64_t base;               // slice offset in the file
    std::span<const std::byte> body;  // the whole command, cmd and cmdsize included
    std::uint64_t at;                 // command offset in the file
    bool big_endian;
    bool wide;
  };

  void read_command(std::uint32_t cmd, const Command& command) {
    switch (cmd) {
      case mo::kLcSegment:
      case mo::kLcSegment64: return read_segment(command, cmd == mo::kLcSegment64);
      case mo::kLcLoadDylib:
      case mo::kLcLoadWeakDylib:
      case mo::kLcReexportDylib: return read_dylib(command);
      case mo::kLcSymtab: return read_symtab(command);
      case mo::kLcEncryptionInfo:
      case mo::kLcEncryptionInfo64: return read_encryption(command);
      default: return;
    }
  }

  void read_segment(const Command& command, bool wide) {
    const std::size_t header = wide ? mo::kSegmentSize64 : mo::kSegmentSize32;
    const std::size_t section_size = wide ? mo::kSectionSize64 : mo::kSectionSize32;
    ByteCursor c(command.body, command.big_endian);
    c.skip(header - 8);  // up to nsects
    std::uint64_t nsects = c.read_u32();
    c.skip(4);  // flags
    if (!c.ok()) return damage(command.at, "segment command shorter than its header");
    if (nsects > c.remaining() / section_size) {
      damage(command.at, "segment nsects " + std::to_string(nsects) + " past cmdsize");
      nsects = c.remaining() / section_size;
    }
    for (std::uint64_t s = 0; s < nsects; ++s) {
      const std::string_view sectname = c.read_fixed_name(16);
      c.skip(16);            // segname
      c.skip(wide ? 8 : 4);  // addr
      const std::uint64_t size = wide ? c.read_u64() : c.read_u32();
      const std::uint64_t offset = c.read_u32();
      c.skip(wide ? 4 * 7 : 4 * 6);  // align, reloff, nreloc, flags, reserved1..2(3)
      if (sectname != mo::kClassNameSection) continue;
      if (!within(offset, size, command.slice.size())) {
        damage(command.base + offset, std::string("section ") + mo::kClassNameSection + " at " +
                                          std::to_string(offset) + " size " + std::to_string(size) +
                                          " outside the file");
        continue;
      }
      if (class_sections_.size() < kMaxClassSections) class_sections_.emplace_back(offset, size);
    }
  }

  // App Store binaries are encrypted (FairPlay) over part of __TEXT: names read there would
  // be noise.
  void read_encryption(const Command& command) {
    ByteCursor c(command.body, command.big_endian);
    c.skip(8);
    const std::uint64_t offset = c.read_u32();
    const std::uint64_t size = c.read_u32();
    const std::uint32_t id = c.read_u32();
    if (!c.ok()) return damage(command.at, "encryption command shorter than its fields");
    if (id == 0) return;
    crypt_offset_ = offset;
    crypt_size_ = size;
    crypt_id_ = id;
  }

  void read_class_names(std::span<const std::byte> section, std::uint64_t at) {
    const std::string_view text = ios::as_text(section);
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\0', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view name = text.substr(start, end - start);
      if (printable(name)) emit_class(name, "objc-class", at + start);
      start = end + 1;
    }
  }

  void read_dylib(const Command& command) {
    ByteCursor c(command.body, command.big_endian);
    c.skip(8);
    const std::uint32_t name_offset = c.read_u32();
    if (!c.ok() || name_offset < mo::kDylibCommandSize || name_offset >= command.body.size()) {
      return damage(command.at, "dylib name offset " + std::to_string(name_offset) + " outside its command");
    }
    std::string_view name = ios::as_text(command.body.subspan(name_offset));
    name = name.substr(0, name.find('\0'));
    const std::string_view framework = framework_of(name);
    if (!framework.empty() && printable(framework)) {
      emit(CodeKind::kFramework, framework, name, "links", command.at + name_offset);
    }
  }

  // Objective-C class symbols: defined ones are classes of this image, undefined ones are
  // classes it imports from a framework.
  void read_symtab(const Command& command) {
    ByteCursor c(command.body, command.big_endian);
    c.skip(8);
    const std::uint64_t symoff = c.read_u32();
    const std::uint64_t nsyms = c.read_u32();
    const std::uint64_t stroff = c.read_u32();
    const std::uint64_t strsize = c.read_u32();
    if (!c.ok()) return damage(command.at, "symtab command shorter than its fields");
    const std::size_t entry = command.wide ? mo::kNlistSize64 : mo::kNlistSize32;
    const std::uint64_t limit = command.slice.size();
    if (!within(stroff, strsize, limit) || symoff > limit || nsyms > (limit - symoff) / entry) {
      return damage(command.at, "symbol table outside the file");
    }
    const std::string_view strings =
        ios::as_text(command.slice.subspan(static_cast<std::size_t>(stroff), static_cast<std::size_t>(strsize)));
    ByteCursor symbols(command.slice, command.big_endian);
    symbols.seek(symoff);
    for (std::uint64_t i = 0; i < nsyms; ++i) {
      const std::uint32_t strx = symbols.read_u32();
      const std::uint8_t type = symbols.read_u8();
      symbols.skip(entry - 5);
      if ((type & mo::kNlistStab) != 0 || strx >= strings.size()) continue;
      std::string_view name = strings.substr(strx);
      name = name.substr(0, name.find('\0'));
      if (!name.starts_with(mo::kClassSymbolPrefix)) continue;
      name.remove_prefix(sizeof mo::kClassSymbolPrefix - 1);
      if (!printable(name)) continue;
      const bool imported = (type & mo::kNlistType) == mo::kNlistUndefined;
      emit_class(name, imported ? "objc-import" : "objc-class", command.base + stroff + strx);
    }
  }

  std::span<const std::byte> bytes_;
  std::string_view path_;
  CodeSink& sink_;
  // Kind and name of everything emitted: slices of a universal binary repeat their names.
  std::unordered_set<std::string> seen_;
  // Per slice: the __objc_classname sections (offset and size in the slice) and the
  // encrypted range, if any.
  static constexpr std::size_t kMaxClassSections = 64;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> class_sections_;
  std::uint64_t crypt_offset_ = 0;
  std::uint64_t crypt_size_ = 0;
  std::uint32_t crypt_id_ = 0;
};

}  // namespace

void decode_macho(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink) {
  MachoScanner(bytes, path, sink).run();
}

bool looks_like_macho(std::span<const std::byte> head) {
  const std::uint32_t le = read_le32(head);
  const std::uint32_t be = read_be32(head);
  if (le == mo::kMagic32 || le == mo::kMagic64 || be == mo::kMagic32 || be == mo::kMagic64) return true;
  if (be != mo::kFatMagic && be != mo::kFatMagic64) return false;
  ByteCursor c(head, true);
  c.skip(4);
  const std::uint32_t count = c.read_u32();
  return c.ok() && count > 0 && count <= mo::kMaxFatArchs;
}

}  // namespace interdict
