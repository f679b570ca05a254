// Writes small Mach-O files for tests: a header, one __TEXT segment with an
// __objc_classname section, LC_LOAD_DYLIB commands, and universal wrappers around slices.
// Offsets of the fields tests corrupt are returned beside the bytes.
#pragma once

#include <string>
#include <vector>

#include "readers/ios/macho_format.h"
#include "readers/ios_helpers.h"

namespace interdict::testing {

struct MachoSpec {
  bool wide = true;
  bool big_endian = false;
  std::vector<std::string> classes;
  std::vector<std::string> dylibs;  // install names
  std::uint32_t dylib_command = ios::macho::kLcLoadDylib;
  std::uint32_t cryptid = 0;  // non-zero: an encryption command over the class names
};

struct BuiltMacho {
  std::string bytes;
  std::size_t ncmds_at = 16;
  std::size_t sizeofcmds_at = 20;
  std::size_t segment_at = 0;         // the LC_SEGMENT command
  std::size_t section_offset_at = 0;  // the section's offset field
  std::size_t section_data_at = 0;    // where the class names start
  std::vector<std::size_t> dylib_at;  // each dylib command
};

inline BuiltMacho build_macho(const MachoSpec& spec) {
  namespace mo = ios::macho;
  auto put = [&](std::string& out, std::uint64_t v, int width) {
    spec.big_endian ? put_be(out, v, width) : put_le(out, v, width);
  };
  auto name16 = [](std::string& out, const std::string& name) {
    std::string field = name;
    field.resize(16, '\0');
    out += field;
  };
  std::string names;
  for (const auto& c : spec.classes) names += c + '\0';

  const std::size_t header = spec.wide ? mo::kHeaderSize64 : mo::kHeaderSize32;
  const std::size_t segment =
      (spec.wide ? mo::kSegmentSize64 : mo::kSegmentSize32) + (spec.wide ? mo::kSectionSize64 : mo::kSectionSize32);
  std::vector<std::size_t> dylib_sizes;
  std::size_t commands = segment;
  for (const auto& d : spec.dylibs) {
    dylib_sizes.push_back((mo::kDylibCommandSize + d.size() + 1 + 7) / 8 * 8);
    commands += dylib_sizes.back();
  }
  const std::size_t encryption = spec.cryptid != 0 ? (spec.wide ? 24 : 20) : 0;
  commands += encryption;
  BuiltMacho built;
  std::string& out = built.bytes;
  put(out, spec.wide ? mo::kMagic64 : mo::kMagic32, 4);
  put(out, spec.wide ? 0x0100000C : 12, 4);  // CPU_TYPE_ARM64 or CPU_TYPE_ARM
  put(out, 0, 4);
  put(out, 2, 4);  // MH_EXECUTE
  put(out, 1 + spec.dylibs.size() + (encryption != 0 ? 1 : 0), 4);
  put(out, commands, 4);
  put(out, 0, 4);
  if (spec.wide) put(out, 0, 4);

  const std::size_t data = header + commands;
  built.segment_at = out.size();
  put(out, spec.wide ? mo::kLcSegment64 : mo::kLcSegment, 4);
  put(out, segment, 4);
  name16(out, "__TEXT");
  const int word = spec.wide ? 8 : 4;
  put(out, 0, word);                    // vmaddr
  put(out, data + names.size(), word);  // vmsize
  put(out, 0, word);                    // fileoff
  put(out, data + names.size(), word);  // filesize
  put(out, 5, 4);
  put(out, 5, 4);
  put(out, 1, 4);  // nsects
  put(out, 0, 4);
  name16(out, mo::kClassNameSection);
  name16(out, "__TEXT");
  put(out, data, word);          // addr
  put(out, names.size(), word);  // size
  built.section_offset_at = out.size();
  put(out, data, 4);                                                          // offset
  for (int i = 0; i < (spec.wide ? 7 : 6); ++i) put(out, i == 3 ? 2 : 0, 4);  // flags: S_CSTRING_LITERALS
  for (std::size_t i = 0; i < spec.dylibs.size(); ++i) {
    built.dylib_at.push_back(out.size());
    put(out, spec.dylib_command, 4);
    put(out, dylib_sizes[i], 4);
    put(out, mo::kDylibCommandSize, 4);
    put(out, 2, 4);
    put(out, 0x10000, 4);
    put(out, 0x10000, 4);
    std::string name = spec.dylibs[i];
    name.resize(dylib_sizes[i] - mo::kDylibCommandSize, '\0');
    out += name;
  }
  if (encryption != 0) {
    put(out, spec.wide ? mo::kLcEncryptionInfo64 : mo::kLcEncryptionInfo, 4);
    put(out, encryption, 4);
    put(out, data, 4);  // cryptoff: the class names
    put(out, names.size(), 4);
    put(out, spec.cryptid, 4);
    if (spec.wide) put(out, 0, 4);
  }
  built.section_data_at = out.size();
  out += names;
  return built;
}

// A universal binary around `slices`, each aligned to 16 bytes.
inline std::string build_fat(const std::vector<std::string>& slices, bool wide = false) {
  namespace mo = ios::macho;
  std::string out;
  put_be(out, wide ? mo::kFatMagic64 : mo::kFatMagic, 4);
  put_be(out, slices.size(), 4);
  std::size_t at = mo::kFatHeaderSize + slices.size() * (wide ? mo::kFatArch64Size : mo::kFatArchSize);
  std::vector<std::size_t> offsets;
  for (const auto& s : slices) {
    at = (at + 15) / 16 * 16;
    offsets.push_back(at);
    at += s.size();
  }
  for (std::size_t i = 0; i < slices.size(); ++i) {
    put_be(out, 0x0100000C, 4);
    put_be(out, 0, 4);
    put_be(out, offsets[i], wide ? 8 : 4);
    put_be(out, slices[i].size(), wide ? 8 : 4);
    put_be(out, 4, 4);
    if (wide) put_be(out, 0, 4);
  }
  for (std::size_t i = 0; i < slices.size(); ++i) {
    out.resize(offsets[i], '\0');
    out += slices[i];
  }
  return out;
}

}  // namespace interdict::testing
