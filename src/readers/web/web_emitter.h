// WebEmitter: the web reader's one way out to the CodeSink: it keeps each distinct value
// once per file and caps the damage reported, so a hostile file cannot flood the sink.
//
// Thread-safety: one per file being read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "readers/code/code_item.h"

namespace interdict::web {

class WebEmitter {
 public:
  WebEmitter(std::string_view path, CodeSink& sink) : path_(path), sink_(sink) {}

  void emit(CodeKind kind, std::string_view value, std::string_view role, std::uint64_t line, std::uint64_t offset) {
    if (value.empty()) return;
    key_.assign(1, static_cast<char>('0' + static_cast<int>(kind)));
    key_ += value;
    if (!seen_.insert(key_).second) return;
    CodeItem item;
    item.kind = kind;
    item.value = value;
    item.role = role;
    item.path = path_;
    item.line = line;
    item.offset = offset;
    sink_.item(item);
  }

  void damage(std::uint64_t line, std::uint64_t offset, std::string_view reason) {
    if (++damage_count_ > kMaxDamage) return;
    CodeDamage d;
    d.path = path_;
    d.line = line;
    d.offset = offset;
    d.reason = damage_count_ == kMaxDamage ? "too much damage, the rest is not reported" : reason;
    sink_.damage(d);
  }

  static constexpr int kMaxDamage = 100;

 private:
  std::string_view path_;
  CodeSink& sink_;
  std::unordered_set<std::string> seen_;
  std::string key_;
  int damage_count_ = 0;
};

}  // namespace interdict::web
