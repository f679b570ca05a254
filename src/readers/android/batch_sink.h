// BatchSink: keeps what one DEX decode emits so that a worker thread can decode while the
// caller's thread emits earlier files, in entry order. Values go into one arena string, so
// a batch costs a few allocations however many classes it holds.
//
// Thread-safety: filled by one thread, then replayed by another after a happens-before edge
// (the archive decoder's mutex); never both at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/code/code_item.h"

namespace interdict::android {

class BatchSink : public CodeSink {
 public:
  void item(const CodeItem& item) override {
    items_.push_back({item.kind, keep(item.value), keep(item.version), keep(item.component), keep(item.role), item.line,
                      item.offset});
  }
  void damage(const CodeDamage& damage) override {
    damages_.push_back({items_.size(), std::string(damage.reason), damage.line, damage.offset, damage.fatal});
  }

  // Sends everything to `sink` in the order received, each with `path`.
  void replay(std::string_view path, CodeSink& sink) const {
    std::size_t next_damage = 0;
    const auto flush_damage = [&](std::size_t before) {
      for (; next_damage < damages_.size() && damages_[next_damage].before <= before; ++next_damage) {
        const auto& d = damages_[next_damage];
        CodeDamage out;
        out.path = path;
        out.line = d.line;
        out.offset = d.offset;
        out.reason = d.reason;
        out.fatal = d.fatal;
        sink.damage(out);
      }
    };
    for (std::size_t i = 0; i < items_.size(); ++i) {
      flush_damage(i);
      const Stored& s = items_[i];
      CodeItem out;
      out.kind = s.kind;
      out.value = view(s.value);
      out.version = view(s.version);
      out.component = view(s.component);
      out.role = view(s.role);
      out.path = path;
      out.line = s.line;
      out.offset = s.offset;
      sink.item(out);
    }
    flush_damage(items_.size());
  }

  [[nodiscard]] std::size_t bytes() const { return arena_.size() + items_.size() * sizeof(Stored); }

 private:
  struct Span {
    std::size_t offset = 0;
    std::size_t size = 0;
  };
  struct Stored {
    CodeKind kind;
    Span value, version, component, role;
    std::uint64_t line, offset;
  };
  struct StoredDamage {
    std::size_t before;  // items received before it
    std::string reason;
    std::uint64_t line, offset;
    bool fatal;
  };
  Span keep(std::string_view s) {
    const Span out{arena_.size(), s.size()};
    arena_.append(s);
    return out;
  }
  [[nodiscard]] std::string_view view(Span s) const { return std::string_view(arena_).substr(s.offset, s.size); }

  std::string arena_;
  std::vector<Stored> items_;
  std::vector<StoredDamage> damages_;
};

}  // namespace interdict::android
