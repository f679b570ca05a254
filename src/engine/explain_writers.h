// Internal to src/engine: where explain() writes its reasons. One text of reasons, two
// renderings: plain strings (OrderSet::explain) and a JSON array (JsonReasons), from one
// function (explain_into) so the two cannot drift apart.
//
// A writer takes a reason at a time, in pieces:
//   start()          opens the next reason;
//   put(a, b, ...)   appends words of this file and names of enums (activities, states,
//                    kinds): text with nothing to escape, written every time;
//   text(s)          appends any other text that changes per transaction (the transaction's
//                    identifiers, ids from the orders), escaped;
//   time(t)          appends an RFC 3339 time;
//   fixed(key, f)    appends the text f(std::string&) writes, which must depend only on the
//                    orders and on `key`: the JSON writer renders and escapes it once.
// Neither is thread-safe: one per thread.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/json_escape.h"
#include "engine/engine.h"
#include "engine/engine_impl.h"

namespace interdict {

// What a fixed part of a reason is rendered from: up to three pointers into the orders and
// a number (an index, an enum, a flag), with `kind` saying which part.
struct FixedKey {
  const void* a = nullptr;
  const void* b = nullptr;
  const void* c = nullptr;
  std::uint32_t n = 0;
  std::uint8_t kind = 0;
  bool operator==(const FixedKey&) const = default;
};
struct FixedKeyHash {
  std::size_t operator()(const FixedKey& k) const noexcept {
    auto mix = [](std::uint64_t h, std::uint64_t v) { return (h ^ v) * 0x9e3779b97f4a7c15ULL; };
    std::uint64_t h = mix(reinterpret_cast<std::uintptr_t>(k.a), reinterpret_cast<std::uintptr_t>(k.b) >> 3);
    h = mix(h, reinterpret_cast<std::uintptr_t>(k.c));
    h = mix(h, (static_cast<std::uint64_t>(k.n) << 8) | k.kind);
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// Appends the pieces of `args` (string views, strings, C strings or chars) to `out`.
inline void cat(std::string&) {}
template <typename First, typename... Rest>
void cat(std::string& out, const First& first, const Rest&... rest) {
  if constexpr (std::is_same_v<First, char>) {
    out.push_back(first);
  } else {
    out.append(std::string_view(first));
  }
  cat(out, rest...);
}

// Into a Reasons list, as plain text.
class PlainReasonWriter {
 public:
  explicit PlainReasonWriter(Reasons& out) : out_(out) { out_.clear(); }
  void start() { current_ = &out_.add(); }
  template <typename... Args>
  void put(const Args&... args) {
    cat(*current_, args...);
  }
  void text(std::string_view s) { current_->append(s); }
  void time(Instant t) { append_rfc3339(*current_, t); }
  template <typename F>
  void fixed(const FixedKey& /*key*/, F&& write) {
    write(*current_);
  }
  [[nodiscard]] bool empty() const { return out_.empty(); }

 private:
  Reasons& out_;
  std::string* current_ = nullptr;
};

// The fixed parts already rendered, JSON-escaped, by what they were rendered from: open
// addressing over a power-of-two table, at most half full. The orders are immutable, so an
// entry never goes stale while its OrderSet lives.
class JsonReasonCache {
 public:
  // The escaped part for `key`, or null.
  [[nodiscard]] const std::string* find(const FixedKey& key) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[locate(key)];
    return slot.text == 0 ? nullptr : &texts_[slot.text - 1];
  }
  const std::string& insert(const FixedKey& key, std::string escaped) {
    if ((texts_.size() + 1) * 2 > slots_.size()) grow();
    Slot& slot = slots_[locate(key)];
    texts_.push_back(std::move(escaped));
    slot = Slot{key, static_cast<std::uint32_t>(texts_.size())};
    return texts_.back();
  }
  std::string plain;  // scratch for rendering a part before it is escaped

 private:
  struct Slot {
    FixedKey key;
    std::uint32_t text = 0;  // index + 1 into texts_; 0 = empty
  };
  [[nodiscard]] std::size_t locate(const FixedKey& key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = FixedKeyHash{}(key)&mask;; i = (i + 1) & mask) {
      if (slots_[i].text == 0 || slots_[i].key == key) return i;
    }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.text != 0) slots_[locate(s.key)] = s;
    }
  }
  std::vector<Slot> slots_;
  std::vector<std::string> texts_;
};

// Into a JSON array of strings appended to `out`: call finish() to close it.
class JsonReasonWriter {
 public:
  JsonReasonWriter(std::string& out, JsonReasonCache& cache) : out_(out), cache_(cache) { out_.push_back('['); }
  void start() {
    // Closes the previous string, if any, and opens this one.
    if (count_ > 0) {
      out_.append("\",\"", 3);
    } else {
      out_.push_back('"');
    }
    ++count_;
  }
  template <typename... Args>
  void put(const Args&... args) {
    cat(out_, args...);
  }
  void text(std::string_view s) { append_json_escaped(out_, s); }
  void time(Instant t) { append_rfc3339(out_, t); }  // digits, '-', ':', 'T', 'Z': nothing to escape
  template <typename F>
  void fixed(const FixedKey& key, F&& write) {
    const std::string* escaped = cache_.find(key);
    if (escaped == nullptr) {
      cache_.plain.clear();
      write(cache_.plain);
      std::string text;
      append_json_escaped(text, cache_.plain);
      escaped = &cache_.insert(key, std::move(text));
    }
    out_.append(*escaped);
  }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  void finish() {
    if (count_ > 0) out_.push_back('"');
    out_.push_back(']');
  }

 private:
  std::string& out_;
  JsonReasonCache& cache_;
  int count_ = 0;
};

// What explaining needs of the compiled orders (OrderSet::Impl is private to OrderSet).
struct ExplainContext {
  const Corpus& corpus;
  const std::vector<SubjectIndex>& subjects;
  const std::vector<std::vector<std::uint32_t>>& entity_subjects;
};

// The reasons of `f` for `obs`, written to `w` (one of the writers above).
template <typename Writer>
void explain_into(const ExplainContext& x, const Finding& f, const Observation& obs, Writer& w);

}  // namespace interdict
