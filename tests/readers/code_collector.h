// A CodeSink for reader tests that keeps owned copies of every item and damage report, so
// tests can assert on them after the reader's buffers are gone. One collector for every
// code reader (Android, iOS, web, SBOMs, lockfiles), so a new field in CodeItem is copied
// in one place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "readers/code/code_item.h"

namespace interdict::testing {

struct OwnedItem {
  CodeKind kind;
  std::string value, version, component, role, path;
  std::uint64_t line = 0, offset = 0;
};

struct OwnedDamage {
  std::string path, reason;
  std::uint64_t line = 0, offset = 0;
  bool fatal = false;
};

class CodeCollector : public CodeSink {
 public:
  void item(const CodeItem& i) override {
    items.push_back({i.kind, std::string(i.value), std::string(i.version), std::string(i.component),
                     std::string(i.role), std::string(i.path), i.line, i.offset});
  }
  void damage(const CodeDamage& d) override {
    damages.push_back({std::string(d.path), std::string(d.reason), d.line, d.offset, d.fatal});
  }

  // The values of every item, in order.
  [[nodiscard]] std::vector<std::string> values() const {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.value);
    return out;
  }
  // The values of the items of `kind` with `role` (any role when empty), in order.
  [[nodiscard]] std::vector<std::string> values(CodeKind kind, std::string_view role = {}) const {
    std::vector<std::string> out;
    for (const auto& i : items) {
      if (i.kind == kind && (role.empty() || i.role == role)) out.push_back(i.value);
    }
    return out;
  }
  // The first item with `value` (of `kind`), or null.
  [[nodiscard]] const OwnedItem* find(std::string_view value) const {
    for (const auto& i : items) {
      if (i.value == value) return &i;
    }
    return nullptr;
  }
  [[nodiscard]] const OwnedItem* find(CodeKind kind, std::string_view value) const {
    for (const auto& i : items) {
      if (i.kind == kind && i.value == value) return &i;
    }
    return nullptr;
  }
  [[nodiscard]] std::size_t fatal_count() const {
    std::size_t n = 0;
    for (const auto& d : damages) n += d.fatal ? 1 : 0;
    return n;
  }
  [[nodiscard]] bool any_fatal() const { return fatal_count() > 0; }
  // Whether any damage reason contains `text`.
  [[nodiscard]] bool damage_mentions(std::string_view text) const {
    for (const auto& d : damages) {
      if (d.reason.find(text) != std::string::npos) return true;
    }
    return false;
  }

  std::vector<OwnedItem> items;
  std::vector<OwnedDamage> damages;
};

}  // namespace interdict::testing
