// A sink that keeps what the list readers hand over, for the lists_*_test.cc files.
#pragma once

#include <string>
#include <vector>

#include "readers/lists/lists.h"

namespace interdict::lists_test {

struct KeptDamage {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t offset = 0;
  std::string reason;
  bool fatal = false;
};

class KeepSink : public ListSink {
 public:
  void entity(const ListEntity& e) override { entities.push_back(e); }
  void damage(const ListDamage& d) override {
    damages.push_back({std::string(d.file), d.line, d.offset, std::string(d.reason), d.fatal});
  }

  [[nodiscard]] const ListEntity* find(const std::string& id) const {
    for (const ListEntity& e : entities) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
  [[nodiscard]] std::size_t name_count() const {
    std::size_t n = 0;
    for (const ListEntity& e : entities) n += e.names.size();
    return n;
  }

  std::vector<ListEntity> entities;
  std::vector<KeptDamage> damages;
};

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const std::string& x : v) {
    if (x == s) return true;
  }
  return false;
}

}  // namespace interdict::lists_test
