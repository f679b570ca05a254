// Test helpers for the iOS and web readers: byte conversions, and a binary property list builder that writes `bplist00`
// object by object, so that tests can also write broken references, cycles and bad trailers.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "readers/code/code_item.h"
#include "readers/code_collector.h"
#include "readers/zip_builder.h"  // as_bytes, and ZipBuilder for IPAs

namespace interdict::testing {

// The iOS and web tests predate the shared collector's name.
using CollectingSink = CodeCollector;

inline void put_be(std::string& out, std::uint64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) out.push_back(static_cast<char>(v >> (8 * i) & 0xFF));
}
inline void put_le(std::string& out, std::uint64_t v, int width) {
  for (int i = 0; i < width; ++i) out.push_back(static_cast<char>(v >> (8 * i) & 0xFF));
}

// Writes a binary property list from objects added one by one; references are object
// indices and are not checked, so a test can point them anywhere.
class BplistBuilder {
 public:
  std::uint64_t add_raw(std::string bytes) {
    objects_.push_back(std::move(bytes));
    return objects_.size() - 1;
  }
  std::uint64_t add_string(std::string_view s) { return add_raw(marker(0x50, s.size()) + std::string(s)); }
  // UTF-16BE from code units.
  std::uint64_t add_utf16(const std::vector<std::uint16_t>& units) {
    std::string out = marker(0x60, units.size());
    for (auto u : units) put_be(out, u, 2);
    return add_raw(out);
  }
  std::uint64_t add_int(std::int64_t v) {
    std::string out;
    if (v >= 0 && v < 256) {
      out = "\x10";
      put_be(out, static_cast<std::uint64_t>(v), 1);
    } else {
      out = "\x13";
      put_be(out, static_cast<std::uint64_t>(v), 8);
    }
    return add_raw(out);
  }
  std::uint64_t add_bool(bool v) { return add_raw(v ? "\x09" : std::string(1, '\x08')); }
  std::uint64_t add_array(const std::vector<std::uint64_t>& refs) {
    std::string out = marker(0xA0, refs.size());
    for (auto r : refs) put_be(out, r, ref_size);
    return add_raw(out);
  }
  std::uint64_t add_dict(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& members) {
    std::string out = marker(0xD0, members.size());
    for (const auto& m : members) put_be(out, m.first, ref_size);
    for (const auto& m : members) put_be(out, m.second, ref_size);
    return add_raw(out);
  }
  // A dictionary of string keys to objects already added.
  std::uint64_t add_named_dict(const std::vector<std::pair<std::string, std::uint64_t>>& members) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> refs;
    for (const auto& m : members) refs.emplace_back(add_string(m.first), m.second);
    return add_dict(refs);
  }
  std::uint64_t add_string_array(const std::vector<std::string>& strings) {
    std::vector<std::uint64_t> refs;
    for (const auto& s : strings) refs.push_back(add_string(s));
    return add_array(refs);
  }

  [[nodiscard]] std::string build(std::uint64_t top) const {
    std::string out = "bplist00";
    std::vector<std::uint64_t> offsets;
    for (const auto& o : objects_) {
      offsets.push_back(out.size());
      out += o;
    }
    const std::uint64_t table = out.size();
    for (auto off : offsets) put_be(out, off, offset_size);
    out.append(6, '\0');
    out.push_back(static_cast<char>(offset_size));
    out.push_back(static_cast<char>(ref_size));
    put_be(out, objects_.size(), 8);
    put_be(out, top, 8);
    put_be(out, table, 8);
    return out;
  }

  int ref_size = 2;
  int offset_size = 4;

 private:
  static std::string marker(int type, std::size_t count) {
    std::string out;
    if (count < 15) {
      out.push_back(static_cast<char>(type | static_cast<int>(count)));
    } else {
      out.push_back(static_cast<char>(type | 0xF));
      out.push_back('\x13');
      put_be(out, count, 8);
    }
    return out;
  }
  std::vector<std::string> objects_;
};

// An app Info.plist that integrates the WeChat SDK, in the binary encoding.
inline std::string wechat_binary() {
  BplistBuilder b;
  auto url_type1 = b.add_named_dict({{"CFBundleURLName", b.add_string("weixin")},
                                     {"CFBundleURLSchemes", b.add_string_array({"wx1234567890abcdef"})}});
  auto url_type2 = b.add_named_dict({{"CFBundleURLSchemes", b.add_string_array({"shop", "shop-auth"})}});
  auto root = b.add_named_dict({{"CFBundleExecutable", b.add_string("Shop")},
                                {"CFBundleIdentifier", b.add_string("com.example.shop")},
                                {"CFBundleShortVersionString", b.add_string("4.2.1")},
                                {"CFBundleVersion", b.add_string("421")},
                                {"CFBundleURLTypes", b.add_array({url_type1, url_type2})},
                                {"LSApplicationQueriesSchemes", b.add_string_array({"weixin", "weixinULAPI"})},
                                {"LSRequiresIPhoneOS", b.add_bool(true)},
                                {"Build", b.add_int(-5)}});
  return b.build(root);
}

// Writes `bytes` to a fresh file under the test's temporary directory and returns its path.
inline std::string write_temp(const std::string& name, std::string_view bytes) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/interdict_" + name;
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// The standard output of a shell command, and whether it exited with 0.
inline bool run_command(const std::string& command, std::string& output) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return false;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  return pclose(pipe) == 0;
}

}  // namespace interdict::testing
