// A CodeSink for the Android tests that keeps copies of every item and damage report.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "readers/code/code_item.h"

namespace interdict::testing::android {

struct Item {
  CodeKind kind;
  std::string value, version, role, path;
  std::uint64_t offset;
};
struct Damage {
  std::string path, reason;
  std::uint64_t offset;
  bool fatal;
};

class CollectingSink : public CodeSink {
 public:
  void item(const CodeItem& i) override {
    items.push_back(
        {i.kind, std::string(i.value), std::string(i.version), std::string(i.role), std::string(i.path), i.offset});
  }
  void damage(const CodeDamage& d) override {
    damages.push_back({std::string(d.path), std::string(d.reason), d.offset, d.fatal});
  }
  // Values of the items of `kind` (and `role` when given), in order.
  [[nodiscard]] std::vector<std::string> values(CodeKind kind, const std::string& role = "") const {
    std::vector<std::string> out;
    for (const auto& i : items) {
      if (i.kind == kind && (role.empty() || i.role == role)) out.push_back(i.value);
    }
    return out;
  }
  [[nodiscard]] bool has_damage(const std::string& fragment) const {
    return std::any_of(damages.begin(), damages.end(),
                       [&](const Damage& d) { return d.reason.find(fragment) != std::string::npos; });
  }
  [[nodiscard]] bool any_fatal() const {
    return std::any_of(damages.begin(), damages.end(), [](const Damage& d) { return d.fatal; });
  }
  std::vector<Item> items;
  std::vector<Damage> damages;
};

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
