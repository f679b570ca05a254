// Test helpers for the manifest readers (SBOMs and lockfiles): a CodeSink that copies what
// it receives, and runners that read a string or a shared-data file.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "readers/code/code_item.h"
#include "readers/lockfile/lockfile.h"
#include "readers/sbom/sbom.h"

namespace interdict::testing_manifest {

struct Item {
  CodeKind kind;
  std::string value;
  std::string version;
  std::string component;
  std::string role;
  std::string path;
  std::uint64_t line;
  std::uint64_t offset;
};

struct Damage {
  std::uint64_t line;
  std::uint64_t offset;
  std::string reason;
  bool fatal;
};

class Collector : public CodeSink {
 public:
  void item(const CodeItem& i) override {
    items.push_back({i.kind, std::string(i.value), std::string(i.version), std::string(i.component),
                     std::string(i.role), std::string(i.path), i.line, i.offset});
  }
  void damage(const CodeDamage& d) override { damages.push_back({d.line, d.offset, std::string(d.reason), d.fatal}); }

  [[nodiscard]] const Item* find(std::string_view value) const {
    for (const Item& i : items) {
      if (i.value == value) return &i;
    }
    return nullptr;
  }
  [[nodiscard]] std::size_t fatal_count() const {
    std::size_t n = 0;
    for (const Damage& d : damages) n += d.fatal ? 1 : 0;
    return n;
  }
  [[nodiscard]] std::vector<std::string> values() const {
    std::vector<std::string> out;
    for (const Item& i : items) out.push_back(i.value);
    return out;
  }

  std::vector<Item> items;
  std::vector<Damage> damages;
};

inline std::span<const std::byte> bytes_of(std::string_view text) {
  return {reinterpret_cast<const std::byte*>(text.data()), text.size()};
}

// Reads `text` as `format` through the one dispatch the scan uses.
inline Collector read(ManifestFormat format, std::string_view text, std::string_view file = "") {
  Collector c;
  decode_manifest(format, bytes_of(text), file, c);
  return c;
}

inline std::string shared_file(const std::string& relative) {
  std::ifstream in(std::string(INTERDICT_SHARED_DATA) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace interdict::testing_manifest
