// Test helpers for the Android readers: the shared collector under its Android names, and a
// runner for the peer tools (dexdump) the tests compare with.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "readers/code/code_item.h"
#include "readers/code_collector.h"

namespace interdict::testing::android {

using Item = OwnedItem;
using CollectingSink = CodeCollector;

// Runs a shell command and returns its standard output; `status` gets the exit status.
inline std::string run_command(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int rc = pclose(pipe);
  if (status != nullptr) *status = rc;
  return out;
}

}  // namespace interdict::testing::android
