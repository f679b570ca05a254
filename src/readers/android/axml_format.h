// Android's binary XML (the ResXMLTree of frameworks/base libs/androidfw ResourceTypes.h),
// as APKs store AndroidManifest.xml, shared by the decoder and the tests' writer.
//
// Grammar (integers little-endian; every chunk starts with a ResChunk_header and its
// `size` covers the header and everything inside it):
//
//   chunk_header    = type u16, header_size u16, size u32
//   document        = chunk_header(type 0x0003) { chunk }
//   string_pool     = chunk_header(0x0001) string_count u32, style_count u32, flags u32
//                     (0x100 UTF-8, 0x1 sorted), strings_start u32, styles_start u32,
//                     string_offsets u32[string_count] (from strings_start),
//                     style_offsets u32[style_count], string data, style data
//     utf16 string  = length (u16, or two u16 when the high bit is set: (hi & 0x7fff) << 16
//                     | lo), UTF-16 units, 0x0000
//     utf8 string   = UTF-16 length (u8, or two u8 when the high bit is set), byte length
//                     (same), bytes, 0x00
//   resource_map    = chunk_header(0x0180) resource id u32 per string, from string 0
//   tree node       = chunk_header(0x0100..0x0104, header_size 16) line u32, comment u32
//                     then, at header_size:
//     start_namespace / end_namespace (0x0100/0x0101) = prefix u32, uri u32
//     start_element (0x0102) = ns u32, name u32, attribute_start u16 (from this point),
//                     attribute_size u16 (20), attribute_count u16, id_index u16,
//                     class_index u16, style_index u16, then the attributes:
//       attribute   = ns u32, name u32, raw_value u32, value: size u16, res0 u8,
//                     data_type u8, data u32
//     end_element (0x0103)   = ns u32, name u32
//     cdata (0x0104)         = data u32, value (8 bytes)
// String references are indexes into the pool; 0xffffffff means none.
#pragma once

#include <cstddef>
#include <cstdint>

namespace interdict::android::axml {

inline constexpr std::uint16_t kNullType = 0x0000;
inline constexpr std::uint16_t kStringPoolType = 0x0001;
inline constexpr std::uint16_t kXmlType = 0x0003;
inline constexpr std::uint16_t kStartNamespaceType = 0x0100;
inline constexpr std::uint16_t kEndNamespaceType = 0x0101;
inline constexpr std::uint16_t kStartElementType = 0x0102;
inline constexpr std::uint16_t kEndElementType = 0x0103;
inline constexpr std::uint16_t kCdataType = 0x0104;
inline constexpr std::uint16_t kResourceMapType = 0x0180;

inline constexpr std::size_t kChunkHeaderSize = 8;
inline constexpr std::size_t kStringPoolHeaderSize = 28;
inline constexpr std::size_t kNodeHeaderSize = 16;
inline constexpr std::size_t kAttrExtSize = 20;
inline constexpr std::size_t kAttributeSize = 20;
inline constexpr std::uint32_t kUtf8Flag = 0x100;
inline constexpr std::uint32_t kNoIndex = 0xffffffff;

// Res_value data types read here.
inline constexpr std::uint8_t kTypeReference = 0x01;
inline constexpr std::uint8_t kTypeString = 0x03;
inline constexpr std::uint8_t kTypeIntDec = 0x10;

// Attribute resource ids (android.R.attr).
inline constexpr std::uint32_t kAttrName = 0x01010003;
inline constexpr std::uint32_t kAttrScheme = 0x01010027;
inline constexpr std::uint32_t kAttrVersionName = 0x0101021c;
inline constexpr std::uint32_t kAttrVersionCode = 0x0101021b;

inline constexpr char kAndroidNamespace[] = "http://schemas.android.com/apk/res/android";

}  // namespace interdict::android::axml
