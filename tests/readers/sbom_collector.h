// Test helpers for the manifest readers (SBOMs and lockfiles): the shared collector, and
// runners that read a string or a shared-data file.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "readers/code/code_item.h"
#include "readers/code_collector.h"
#include "readers/lockfile/lockfile.h"
#include "readers/sbom/sbom.h"

namespace interdict::testing_manifest {

using Collector = testing::CodeCollector;

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
