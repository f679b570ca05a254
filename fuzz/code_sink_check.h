// The CodeSink every code-reader fuzz target hands its reader. It reads every byte of every
// view it is given, so AddressSanitizer sees a view into freed or unmapped memory (a
// sink that only takes sizes never touches the bytes), and it traps on what a reader must
// never report. Line-oriented readers (SBOMs, lockfiles) also promise a line for every item,
// a non-empty value and at most one fatal damage.
#pragma once

#include <cstddef>
#include <string_view>

#include "readers/code/code_item.h"

namespace interdict::fuzzing {

class CheckingCodeSink : public CodeSink {
 public:
  explicit CheckingCodeSink(bool line_oriented = false) : line_oriented_(line_oriented) {}

  void item(const CodeItem& item) override {
    for (std::string_view s : {item.value, item.version, item.component, item.role, item.path}) touch(s);
    if (line_oriented_ && (item.value.empty() || item.line == 0)) __builtin_trap();
  }
  void damage(const CodeDamage& damage) override {
    touch(damage.reason);
    touch(damage.path);
    if (line_oriented_ && (damage.reason.empty() || (damage.fatal && ++fatal_ > 1))) __builtin_trap();
  }

 private:
  void touch(std::string_view s) {
    for (char c : s) checksum_ += static_cast<unsigned char>(c);
  }

  bool line_oriented_;
  int fatal_ = 0;
  std::size_t checksum_ = 0;
};

}  // namespace interdict::fuzzing
