// A DEX writer for tests: a header with a correct Adler-32 checksum and SHA-1 signature,
// sorted string_ids and type_ids, class_defs, string data and a map_list, so that Debian's
// dexdump accepts the file (the tests check it does). Damaged variants are made by editing
// the bytes afterwards and, where the test wants it, calling fix_checksum().
// Layout and field meanings: src/readers/android/dex_format.h.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "readers/android/dex_format.h"

namespace interdict::testing::dex {

using Bytes = std::vector<std::byte>;

inline void put_u16_at(Bytes& b, std::size_t at, std::uint32_t v) {
  b[at] = std::byte(v & 0xFF);
  b[at + 1] = std::byte(v >> 8 & 0xFF);
}
inline void put_u32_at(Bytes& b, std::size_t at, std::uint32_t v) {
  put_u16_at(b, at, v & 0xFFFF);
  put_u16_at(b, at + 2, v >> 16);
}
inline void put_u32(Bytes& b, std::uint32_t v) {
  b.resize(b.size() + 4);
  put_u32_at(b, b.size() - 4, v);
}
inline void put_uleb128(Bytes& b, std::uint32_t v) {
  do {
    std::uint8_t byte = v & 0x7F;
    v >>= 7;
    if (v != 0) byte |= 0x80;
    b.push_back(std::byte(byte));
  } while (v != 0);
}
inline std::uint32_t get_u32_at(const Bytes& b, std::size_t at) {
  return std::to_integer<std::uint32_t>(b[at]) | std::to_integer<std::uint32_t>(b[at + 1]) << 8 |
         std::to_integer<std::uint32_t>(b[at + 2]) << 16 | std::to_integer<std::uint32_t>(b[at + 3]) << 24;
}

// SHA-1 (FIPS 180-4), enough for a DEX signature.
inline std::array<std::uint8_t, 20> sha1(std::span<const std::byte> data) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::vector<std::uint8_t> m(data.size());
  std::transform(data.begin(), data.end(), m.begin(), [](std::byte b) { return std::to_integer<std::uint8_t>(b); });
  const std::uint64_t bits = std::uint64_t{data.size()} * 8;
  m.push_back(0x80);
  while (m.size() % 64 != 56) m.push_back(0);
  for (int i = 7; i >= 0; --i) m.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
  const auto rotl = [](std::uint32_t x, int n) { return x << n | x >> (32 - n); };
  for (std::size_t block = 0; block < m.size(); block += 64) {
    std::uint32_t w[80];
    for (int t = 0; t < 16; ++t) {
      const std::uint8_t* p = &m[block + 4 * t];
      w[t] = std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
    }
    for (int t = 16; t < 80; ++t) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; ++t) {
      std::uint32_t f, k;
      if (t < 20) {
        f = (b & c) | (~b & d), k = 0x5A827999;
      } else if (t < 40) {
        f = b ^ c ^ d, k = 0x6ED9EBA1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d, k = 0xCA62C1D6;
      }
      const std::uint32_t temp = rotl(a, 5) + f + e + k + w[t];
      e = d, d = c, c = rotl(b, 30), b = a, a = temp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (int i = 0; i < 20; ++i) out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return out;
}

// Rewrites the signature and then the checksum, as dx and d8 do, over file_size bytes.
inline void fix_checksum(Bytes& b) {
  const std::size_t size = std::min<std::size_t>(get_u32_at(b, interdict::android::dex::kFileSizeOffset), b.size());
  const auto digest = sha1(std::span<const std::byte>(b).subspan(32, size - 32));
  for (int i = 0; i < 20; ++i) b[12 + i] = std::byte(digest[i]);
  const auto* p = reinterpret_cast<const Bytef*>(b.data() + 12);
  put_u32_at(b, 8, static_cast<std::uint32_t>(adler32_z(adler32_z(0, nullptr, 0), p, size - 12)));
}

struct DexSpec {
  std::vector<std::string> classes;  // descriptors, "Lcom/a/B$C;", in class_defs order
  std::vector<std::string> strings;  // more string constants, raw MUTF-8
  std::string version = "035";
};

// The shop app of the tests: its own classes, the WeChat SDK's, two URLs and other strings.
inline DexSpec wechat_dex_spec() {
  DexSpec spec;
  spec.classes = {"Lcom/example/shop/MainActivity;", "Lcom/tencent/mm/opensdk/openapi/IWXAPI;",
                  "Lcom/tencent/mm/opensdk/openapi/WXAPIFactory;", "Lcom/example/shop/wxapi/WXEntryActivity;",
                  "Lcom/example/shop/MainActivity$Inner;"};
  spec.strings = {"https://open.weixin.qq.com/connect/oauth2", "http://example.com/", "hello", "httpx is not a url",
                  "Lcom/example/Unused;"};
  return spec;
}

// UTF-16 units of a MUTF-8 string: one per lead byte.
inline std::uint32_t utf16_size(const std::string& s) {
  std::uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline Bytes build_dex(const DexSpec& spec) {
  namespace f = interdict::android::dex;
  std::set<std::string> all(spec.strings.begin(), spec.strings.end());
  all.insert(spec.classes.begin(), spec.classes.end());
  all.insert("Ljava/lang/Object;");
  // ASCII (and the tests' few other strings) sort the same by bytes and by UTF-16 units.
  const std::vector<std::string> strings(all.begin(), all.end());
  std::map<std::string, std::uint32_t> string_index;
  for (std::uint32_t i = 0; i < strings.size(); ++i) string_index[strings[i]] = i;
  std::set<std::uint32_t> type_strings{string_index["Ljava/lang/Object;"]};
  for (const auto& c : spec.classes) type_strings.insert(string_index[c]);
  const std::vector<std::uint32_t> types(type_strings.begin(), type_strings.end());
  const auto type_of = [&](const std::string& s) {
    return static_cast<std::uint32_t>(std::find(types.begin(), types.end(), string_index[s]) - types.begin());
  };

  // Version 041 adds container_size and header_offset to the header.
  const bool container = spec.version == "041";
  const std::uint32_t header_size = container ? f::kContainerHeaderSize : f::kHeaderSize;
  const std::uint32_t string_ids_off = header_size;
  const std::uint32_t type_ids_off = string_ids_off + 4 * static_cast<std::uint32_t>(strings.size());
  const std::uint32_t class_defs_off = type_ids_off + 4 * static_cast<std::uint32_t>(types.size());
  const std::uint32_t data_off = class_defs_off + f::kClassDefSize * static_cast<std::uint32_t>(spec.classes.size());

  Bytes b(data_off);
  std::vector<std::uint32_t> string_offsets;
  for (const auto& s : strings) {
    string_offsets.push_back(static_cast<std::uint32_t>(b.size()));
    put_uleb128(b, utf16_size(s));
    for (char c : s) b.push_back(std::byte(static_cast<unsigned char>(c)));
    b.push_back(std::byte{0});
  }
  while (b.size() % 4 != 0) b.push_back(std::byte{0});
  const std::uint32_t map_off = static_cast<std::uint32_t>(b.size());
  struct MapItem {
    std::uint16_t type;
    std::uint32_t size, offset;
  };
  std::vector<MapItem> map{{f::kTypeHeaderItem, 1, 0}};
  if (!strings.empty())
    map.push_back({f::kTypeStringIdItem, static_cast<std::uint32_t>(strings.size()), string_ids_off});
  map.push_back({f::kTypeTypeIdItem, static_cast<std::uint32_t>(types.size()), type_ids_off});
  if (!spec.classes.empty()) {
    map.push_back({f::kTypeClassDefItem, static_cast<std::uint32_t>(spec.classes.size()), class_defs_off});
  }
  map.push_back({f::kTypeStringDataItem, static_cast<std::uint32_t>(strings.size()), data_off});
  map.push_back({f::kTypeMapList, 1, map_off});
  put_u32(b, static_cast<std::uint32_t>(map.size()));
  for (const auto& item : map) {
    put_u32(b, item.type);
    put_u32(b, item.size);
    put_u32(b, item.offset);
  }

  const std::string magic = "dex\n" + spec.version;
  for (std::size_t i = 0; i < 7; ++i) b[i] = std::byte(static_cast<unsigned char>(magic[i]));
  put_u32_at(b, f::kFileSizeOffset, static_cast<std::uint32_t>(b.size()));
  put_u32_at(b, f::kHeaderSizeOffset, header_size);
  if (container) {
    put_u32_at(b, f::kContainerSizeOffset, static_cast<std::uint32_t>(b.size()));
    put_u32_at(b, f::kHeaderOffsetOffset, 0);
  }
  put_u32_at(b, f::kEndianTagOffset, f::kEndianConstant);
  put_u32_at(b, f::kMapOffOffset, map_off);
  put_u32_at(b, f::kStringIdsOffset, static_cast<std::uint32_t>(strings.size()));
  put_u32_at(b, f::kStringIdsOffset + 4, strings.empty() ? 0 : string_ids_off);
  put_u32_at(b, f::kTypeIdsOffset, static_cast<std::uint32_t>(types.size()));
  put_u32_at(b, f::kTypeIdsOffset + 4, type_ids_off);
  put_u32_at(b, f::kClassDefsOffset, static_cast<std::uint32_t>(spec.classes.size()));
  put_u32_at(b, f::kClassDefsOffset + 4, spec.classes.empty() ? 0 : class_defs_off);
  put_u32_at(b, f::kDataOffset, static_cast<std::uint32_t>(b.size()) - data_off);
  put_u32_at(b, f::kDataOffset + 4, data_off);
  for (std::uint32_t i = 0; i < strings.size(); ++i) put_u32_at(b, string_ids_off + 4 * i, string_offsets[i]);
  for (std::uint32_t i = 0; i < types.size(); ++i) put_u32_at(b, type_ids_off + 4 * i, types[i]);
  for (std::size_t i = 0; i < spec.classes.size(); ++i) {
    const std::size_t at = class_defs_off + f::kClassDefSize * i;
    put_u32_at(b, at, type_of(spec.classes[i]));
    put_u32_at(b, at + 4, 0x0001);  // public
    put_u32_at(b, at + 8, type_of("Ljava/lang/Object;"));
    put_u32_at(b, at + 16, 0xFFFFFFFF);  // no source file
  }
  fix_checksum(b);
  return b;
}

inline void write_file(const std::string& path, std::span<const std::byte> bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace interdict::testing::dex
