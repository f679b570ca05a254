// Mach-O reader: universal and thin files and the load command walk. grammar.md gives the
// records; every count and offset is checked against the bytes before it is followed.
#include <string>

#include "readers/ios/byte_cursor.h"
#include "readers/ios/ios.h"
#include "readers/ios/macho_format.h"
#include "readers/ios/macho_scanner.h"

namespace interdict::ios {
namespace {

namespace mo = macho;

std::uint32_t read_le32(std::span<const std::byte> b) {
  ByteCursor c(b, false);
  return c.read_u32();
}
std::uint32_t read_be32(std::span<const std::byte> b) {
  ByteCursor c(b, true);
  return c.read_u32();
}

}  // namespace

void MachoScanner::run() {
  const std::uint32_t be = read_be32(bytes_);
  if (bytes_.size() >= 4 && (be == mo::kFatMagic || be == mo::kFatMagic64)) return scan_fat(be == mo::kFatMagic64);
  if (!scan_slice(bytes_, 0)) damage(0, "no mach-o header", true);
}

void MachoScanner::damage(std::uint64_t offset, std::string reason, bool fatal) {
  CodeDamage d;
  d.path = path_;
  d.offset = offset;
  d.reason = reason;
  d.fatal = fatal;
  sink_.damage(d);
}

void MachoScanner::scan_fat(bool wide) {
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
bool MachoScanner::scan_slice(std::span<const std::byte> slice, std::uint64_t base) {
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

}  // namespace interdict::ios

namespace interdict {

void decode_macho(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink) {
  ios::MachoScanner(bytes, path, sink).run();
}

bool looks_like_macho(std::span<const std::byte> head) {
  namespace mo = ios::macho;
  const std::uint32_t le = ios::read_le32(head);
  const std::uint32_t be = ios::read_be32(head);
  if (le == mo::kMagic32 || le == mo::kMagic64 || be == mo::kMagic32 || be == mo::kMagic64) return true;
  if (be != mo::kFatMagic && be != mo::kFatMagic64) return false;
  ios::ByteCursor c(head, true);
  c.skip(4);
  const std::uint32_t count = c.read_u32();
  return c.ok() && count > 0 && count <= mo::kMaxFatArchs;
}

}  // namespace interdict
