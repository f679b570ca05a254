// Internal to src/match: FlatIndex, the string-keyed map of the name matcher's indexes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace interdict::name_detail {

// A 64-bit hash of short text, eight bytes a step: keys here are tokens and names.
inline std::uint64_t hash_text(std::string_view s) {
  constexpr std::uint64_t kMul = 0xff51afd7ed558ccdULL;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  if (i < s.size()) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
  }
  h ^= h >> 33;
  h *= kMul;
  h ^= h >> 33;
  return h;
}

// A string-keyed map for the name path: open addressing over a power-of-two table of slots
// holding each key's 64-bit hash, the keys back to back in one string. Filled at index time,
// then only read (concurrently): a lookup is one cheap hash, and nearly always one slot and
// one memcmp, where a std::unordered_map pays a hash of the whole key, a division and a node.
template <typename V>
class FlatIndex {
 public:
  // The value of `key`, default-constructed on first use. Index time only.
  V& operator[](std::string_view key) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = hash_text(key);
    Slot* slot = &slots_[locate(h, key)];
    if (slot->value == 0) {
      slot->hash = h;
      slot->offset = static_cast<std::uint32_t>(keys_.size());
      slot->size = static_cast<std::uint32_t>(key.size());
      keys_.append(key);
      values_.emplace_back();
      slot->value = static_cast<std::uint32_t>(values_.size());
      ++used_;
    }
    return values_[slot->value - 1];
  }
  [[nodiscard]] const V* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[locate(hash_text(key), key)];
    return slot.value == 0 ? nullptr : &values_[slot.value - 1];
  }
  [[nodiscard]] bool contains(std::string_view key) const { return find(key) != nullptr; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
    std::uint32_t value = 0;  // index + 1 into values_; 0 = empty
  };
  // The index of the slot holding `key`, or of the empty one where it would go.
  // REQUIRES: a free slot (the table is at most half full).
  [[nodiscard]] std::size_t locate(std::uint64_t h, std::string_view key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.value == 0) return i;
      if (slot.hash == h && slot.size == key.size() &&
          std::memcmp(keys_.data() + slot.offset, key.data(), key.size()) == 0) {
        return i;
      }
    }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.value == 0) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].value != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<V> values_;
  std::size_t used_ = 0;
};

}  // namespace interdict::name_detail
