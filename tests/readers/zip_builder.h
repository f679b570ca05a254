// ZipBuilder: writes zip files in memory for tests, with stored and deflated entries and
// hooks to damage them. Not a general zip writer: no ZIP64 unless asked, no encryption.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace interdict::testing {

class ZipBuilder {
 public:
  struct Options {
    bool deflate = true;
    bool zip64_extra = false;     // write sizes and offset through the ZIP64 extra field
    std::uint32_t crc_xor = 0;    // damage the recorded CRC-32
    std::int64_t size_delta = 0;  // damage the recorded uncompressed size
    std::uint16_t flags = 0;
  };

  void add(std::string_view name, std::string_view data) { add(name, data, Options{}); }
  void add(std::string_view name, std::string_view data, const Options& options) {
    Entry e;
    e.name = std::string(name);
    e.size = data.size();
    e.crc = static_cast<std::uint32_t>(
                crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()))) ^
            options.crc_xor;
    e.method = options.deflate ? 8 : 0;
    e.payload = options.deflate ? deflate_raw(data) : std::string(data);
    e.options = options;
    e.offset = out_.size();
    const std::uint64_t recorded = static_cast<std::uint64_t>(static_cast<std::int64_t>(e.size) + options.size_delta);
    u32(0x04034b50);
    u16(20);
    u16(options.flags);
    u16(e.method);
    u16(0);
    u16(0);
    u32(e.crc);
    u32(static_cast<std::uint32_t>(e.payload.size()));
    u32(static_cast<std::uint32_t>(recorded));
    u16(static_cast<std::uint16_t>(e.name.size()));
    u16(0);
    out_ += e.name;
    out_ += e.payload;
    entries_.push_back(std::move(e));
  }

  // The finished archive; `comment` goes after the end record.
  [[nodiscard]] std::string finish(std::string_view comment = {}) {
    const std::uint64_t directory = out_.size();
    for (const Entry& e : entries_) {
      const std::uint64_t recorded =
          static_cast<std::uint64_t>(static_cast<std::int64_t>(e.size) + e.options.size_delta);
      const bool z = e.options.zip64_extra;
      u32(0x02014b50);
      u16(45);
      u16(45);
      u16(e.options.flags);
      u16(e.method);
      u16(0);
      u16(0);
      u32(e.crc);
      u32(z ? 0xFFFFFFFF : static_cast<std::uint32_t>(e.payload.size()));
      u32(z ? 0xFFFFFFFF : static_cast<std::uint32_t>(recorded));
      u16(static_cast<std::uint16_t>(e.name.size()));
      u16(z ? 28 : 0);
      u16(0);
      u16(0);
      u16(0);
      u32(0);
      u32(z ? 0xFFFFFFFF : static_cast<std::uint32_t>(e.offset));
      out_ += e.name;
      if (z) {
        u16(0x0001);
        u16(24);
        u64(recorded);
        u64(e.payload.size());
        u64(e.offset);
      }
    }
    const std::uint64_t directory_size = out_.size() - directory;
    u32(0x06054b50);
    u16(0);
    u16(0);
    u16(static_cast<std::uint16_t>(entries_.size()));
    u16(static_cast<std::uint16_t>(entries_.size()));
    u32(static_cast<std::uint32_t>(directory_size));
    u32(static_cast<std::uint32_t>(directory));
    u16(static_cast<std::uint16_t>(comment.size()));
    out_ += comment;
    return out_;
  }

  static std::string deflate_raw(std::string_view data) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
  }

 private:
  struct Entry {
    std::string name;
    std::string payload;
    std::uint64_t size = 0;
    std::uint64_t offset = 0;
    std::uint32_t crc = 0;
    std::uint16_t method = 0;
    Options options;
  };
  void u16(std::uint16_t v) { put(v, 2); }
  void u32(std::uint32_t v) { put(v, 4); }
  void u64(std::uint64_t v) { put(v, 8); }
  void put(std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  std::string out_;
  std::vector<Entry> entries_;
};

inline std::span<const std::byte> as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

}  // namespace interdict::testing
