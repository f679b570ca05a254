// Mach-O constants and record sizes, shared by the reader and the tests' writer. Layouts
// are those of <mach-o/loader.h>, <mach-o/fat.h> and <mach-o/nlist.h> (Apple's "OS X ABI
// Mach-O File Format Reference"); grammar.md gives the records and the checks made.
#pragma once

#include <cstddef>
#include <cstdint>

namespace interdict::ios::macho {

constexpr std::uint32_t kMagic32 = 0xFEEDFACE;     // MH_MAGIC, read in the file's byte order
constexpr std::uint32_t kMagic64 = 0xFEEDFACF;     // MH_MAGIC_64
constexpr std::uint32_t kFatMagic = 0xCAFEBABE;    // FAT_MAGIC, always big-endian
constexpr std::uint32_t kFatMagic64 = 0xCAFEBABF;  // FAT_MAGIC_64

constexpr std::size_t kHeaderSize32 = 28;   // mach_header
constexpr std::size_t kHeaderSize64 = 32;   // mach_header_64 (one reserved word more)
constexpr std::size_t kFatHeaderSize = 8;   // fat_header: magic, nfat_arch
constexpr std::size_t kFatArchSize = 20;    // fat_arch: cputype, cpusubtype, offset, size, align
constexpr std::size_t kFatArch64Size = 32;  // fat_arch_64: ... offset and size 64-bit, reserved
// Java class files share FAT_MAGIC, followed by their minor and major version (major 45 and
// up), which read as a slice count of 45 or more; no universal binary has that many slices.
constexpr std::uint32_t kMaxFatArchs = 30;

constexpr std::size_t kLoadCommandSize = 8;  // cmd, cmdsize
constexpr std::uint32_t kReqDyld = 0x80000000;
constexpr std::uint32_t kLcSegment = 0x1;
constexpr std::uint32_t kLcSymtab = 0x2;
constexpr std::uint32_t kLcLoadDylib = 0xC;
constexpr std::uint32_t kLcLoadWeakDylib = 0x18 | kReqDyld;
constexpr std::uint32_t kLcSegment64 = 0x19;
constexpr std::uint32_t kLcReexportDylib = 0x1F | kReqDyld;
constexpr std::uint32_t kLcEncryptionInfo = 0x21;    // cryptoff, cryptsize, cryptid
constexpr std::uint32_t kLcEncryptionInfo64 = 0x2C;  // the same and a pad word

constexpr std::size_t kSegmentSize32 = 56;      // segment_command
constexpr std::size_t kSegmentSize64 = 72;      // segment_command_64
constexpr std::size_t kSectionSize32 = 68;      // section
constexpr std::size_t kSectionSize64 = 80;      // section_64
constexpr std::size_t kDylibCommandSize = 24;   // dylib_command with its dylib struct
constexpr std::size_t kSymtabCommandSize = 24;  // symoff, nsyms, stroff, strsize
constexpr std::size_t kNlistSize32 = 12;        // nlist
constexpr std::size_t kNlistSize64 = 16;        // nlist_64
constexpr std::uint8_t kNlistStab = 0xE0;       // N_STAB: debugger entries, not symbols
constexpr std::uint8_t kNlistType = 0x0E;       // N_TYPE
constexpr std::uint8_t kNlistUndefined = 0x0;   // N_UNDF: imported from another image

constexpr char kClassNameSection[] = "__objc_classname";
// The symbol every Objective-C class (and Swift class visible to it) has in the symbol table
// of the image that defines it, and as an import in each image that uses it.
constexpr char kClassSymbolPrefix[] = "_OBJC_CLASS_$_";

}  // namespace interdict::ios::macho
