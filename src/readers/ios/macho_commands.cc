// Mach-O load commands: segments and their __objc_classname sections, linked dylibs, the
// symbol table's class symbols, and the encryption range. grammar.md gives the layouts.
#include <string>

#include "readers/ios/byte_cursor.h"
#include "readers/ios/macho_format.h"
#include "readers/ios/macho_scanner.h"
#include "readers/ios/swift_name.h"

namespace interdict::ios {
namespace {

namespace mo = macho;

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

}  // namespace

void MachoScanner::emit(CodeKind kind, std::string_view value, std::string_view component, std::string_view role,
                        std::uint64_t offset) {
  CodeItem item;
  item.kind = kind;
  item.value = value;
  item.component = component;
  item.role = role;
  item.path = path_;
  item.offset = offset;
  sink_.item(item);
}

void MachoScanner::emit_class(std::string_view name, std::string_view role, std::uint64_t offset) {
  if (!seen_classes_.insert(name).second) return;
  std::string demangled;
  std::string_view module;
  if (ios::demangle_swift_class(name, demangled, module)) {
    emit(CodeKind::kClass, demangled, name, role, offset);
    emit_framework(module, {}, "swift-module", offset);
  } else {
    emit(CodeKind::kClass, name, {}, role, offset);
  }
}

void MachoScanner::emit_framework(std::string_view name, std::string_view component, std::string_view role,
                                  std::uint64_t offset) {
  if (seen_frameworks_.insert(name).second) emit(CodeKind::kFramework, name, component, role, offset);
}

void MachoScanner::read_command(std::uint32_t cmd, const Command& command) {
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

void MachoScanner::read_segment(const Command& command, bool wide) {
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
      damage(command.base + offset, std::string("section ") + mo::kClassNameSection + " at " + std::to_string(offset) +
                                        " size " + std::to_string(size) + " outside the file");
      continue;
    }
    if (class_sections_.size() < kMaxClassSections) class_sections_.emplace_back(offset, size);
  }
}

// App Store binaries are encrypted (FairPlay) over part of __TEXT: names read there would
// be noise.
void MachoScanner::read_encryption(const Command& command) {
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

void MachoScanner::read_class_names(std::span<const std::byte> section, std::uint64_t at) {
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

void MachoScanner::read_dylib(const Command& command) {
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
    emit_framework(framework, name, "links", command.at + name_offset);
  }
}

// Objective-C class symbols: defined ones are classes of this image, undefined ones are
// classes it imports from a framework.
void MachoScanner::read_symtab(const Command& command) {
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

}  // namespace interdict::ios
