// The parts of the Dalvik executable format that the class inventory reads, shared by the
// decoder and the tests' DEX writer. Source: source.android.com/docs/core/runtime/dex-format
// ("File layout", "header_item", "string_id_item", "type_id_item", "class_def_item",
// "MUTF-8 encoding"); version 041 containers as ART's libdexfile reads them.
//
// Grammar (all integers little-endian; "off" is a byte offset from the start of the file,
// or of the container for version 041):
//
//   file          = header_item string_ids type_ids proto_ids field_ids method_ids
//                   class_defs data
//   header_item   = magic[8]            "dex\n" 3 digits "\0": 035..039, 040, 041
//                   checksum u32        Adler-32 of bytes [12, file_size)
//                   signature[20]       SHA-1 of bytes [32, file_size)
//                   file_size u32       this DEX's bytes, header included
//                   header_size u32     0x70 (0x78 from version 041)
//                   endian_tag u32      0x12345678 (0x78563412: byte-swapped, unsupported)
//                   link_size u32, link_off u32, map_off u32
//                   string_ids_size u32, string_ids_off u32
//                   type_ids_size u32,   type_ids_off u32
//                   proto_ids_size u32,  proto_ids_off u32
//                   field_ids_size u32,  field_ids_off u32
//                   method_ids_size u32, method_ids_off u32
//                   class_defs_size u32, class_defs_off u32
//                   data_size u32,       data_off u32
//                   [041] container_size u32, header_offset u32
//   string_id     = string_data_off u32                     (4 bytes each)
//   string_data   = utf16_size uleb128, MUTF-8 bytes, 0x00
//   type_id       = descriptor_idx u32 (into string_ids)    (4 bytes each)
//   class_def     = class_idx u32 (into type_ids), access_flags u32, superclass_idx u32,
//                   interfaces_off u32, source_file_idx u32, annotations_off u32,
//                   class_data_off u32, static_values_off u32            (32 bytes each)
//   class descriptor = "L" binary name with '/' ";"   e.g. "Lcom/a/B$C;"
//
// MUTF-8: U+0000 is written 0xC0 0x80, and a code point past U+FFFF as two 3-byte
// surrogates; otherwise UTF-8. Strings end at the first 0x00 byte.
// Version 041 puts several DEX files in one container: each header's file_size is that
// DEX's share, the next header follows it, and section offsets count from the container.
#pragma once

#include <cstddef>
#include <cstdint>

namespace interdict::android::dex {

inline constexpr std::size_t kHeaderSize = 0x70;
inline constexpr std::size_t kContainerHeaderSize = 0x78;
inline constexpr std::uint32_t kEndianConstant = 0x12345678;
inline constexpr std::uint32_t kReverseEndianConstant = 0x78563412;
inline constexpr std::size_t kClassDefSize = 32;
inline constexpr std::size_t kIdSize = 4;

// Field offsets inside header_item.
inline constexpr std::size_t kChecksumOffset = 8;
inline constexpr std::size_t kSignatureOffset = 12;
inline constexpr std::size_t kFileSizeOffset = 32;
inline constexpr std::size_t kHeaderSizeOffset = 36;
inline constexpr std::size_t kEndianTagOffset = 40;
inline constexpr std::size_t kMapOffOffset = 52;
inline constexpr std::size_t kStringIdsOffset = 56;
inline constexpr std::size_t kTypeIdsOffset = 64;
inline constexpr std::size_t kClassDefsOffset = 96;
inline constexpr std::size_t kDataOffset = 104;
inline constexpr std::size_t kContainerSizeOffset = 0x70;
inline constexpr std::size_t kHeaderOffsetOffset = 0x74;

// map_list item types the tests' writer emits.
inline constexpr std::uint16_t kTypeHeaderItem = 0x0000;
inline constexpr std::uint16_t kTypeStringIdItem = 0x0001;
inline constexpr std::uint16_t kTypeTypeIdItem = 0x0002;
inline constexpr std::uint16_t kTypeClassDefItem = 0x0006;
inline constexpr std::uint16_t kTypeMapList = 0x1000;
inline constexpr std::uint16_t kTypeStringDataItem = 0x2002;

}  // namespace interdict::android::dex
