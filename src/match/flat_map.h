// FlatMap: the string-keyed map behind the matchers' exact lookups, the name matcher's
// indexes and the engine's table of ids.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace interdict {

// A 64-bit hash of short text, eight bytes a step: keys here are identifiers, tokens and names.
// `fold` maps each word read to what is hashed, byte by byte (a byte's result depends on that
// byte alone, and 0 stays 0): hash_text(s, ascii_lower_word) hashes s lowercased without
// writing the lowercase copy, which a caller would read back at once, in words straddling
// the stores that wrote it, and wait for each.
template <typename Fold>
inline std::uint64_t hash_text(std::string_view s, Fold fold) {
  constexpr std::uint64_t kMul = 0xff51afd7ed558ccdULL;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ fold(w)) * kMul;
    h ^= h >> 32;
  }
  if (i < s.size()) {
    // The last bytes by fixed-size loads: a memcpy of a variable count into a word goes
    // through the stack, and reading the word back stalls on store forwarding (a third of
    // a name lookup's time).
    const std::size_t n = s.size();
    const char* p = s.data();
    std::uint64_t w;
    if (n >= 8) {
      std::memcpy(&w, p + n - 8, 8);
      w >>= 8 * (8 - (n - i));  // drop the bytes already hashed
    } else if (n >= 4) {
      std::uint32_t first;
      std::uint32_t last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      w = first | (std::uint64_t{last} << 32);
    } else {
      w = static_cast<unsigned char>(p[0]) | (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    h = (h ^ fold(w)) * 0xc4ceb9fe1a85ec53ULL;
  }
  h ^= h >> 33;
  h *= kMul;
  h ^= h >> 33;
  return h;
}

inline std::uint64_t hash_text(std::string_view s) {
  return hash_text(s, [](std::uint64_t w) { return w; });
}

// Whether the `n` bytes at `a` and `b` are equal, by fixed-size loads that overlap rather
// than a library memcmp, whose call and dispatch cost more than comparing a token.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  const auto word = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  const auto half = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (word(a + i) != word(b + i)) return false;
    }
    return word(a + n - 8) == word(b + n - 8);
  }
  if (n >= 4) return half(a) == half(b) && half(a + n - 4) == half(b + n - 4);
  // Bytes 0, n/2 and n-1 are every byte of a text of one to three.
  return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

// A string-keyed map for lookups on a decision's path: open addressing over a power-of-two
// table of slots holding each key's 64-bit hash, the keys back to back in one string. Filled
// at index time, then only read (concurrently): a lookup is one cheap hash, and nearly always
// one slot and one compare, where a std::unordered_map pays a hash of the whole key, a division
// and a node. Keys found are views into the map, valid while it lives unchanged.
template <typename V>
class FlatMap {
 public:
  // A key found and its value.
  struct Entry {
    std::string_view key;
    const V* value;
  };

  // Adds `key` with `value` unless the key is present (its value is kept). Index time only.
  // Returns whether it was added.
  bool try_emplace(std::string_view key, V value) {
    const std::size_t before = used_;
    V& slot = (*this)[key];
    if (used_ == before) return false;
    slot = std::move(value);
    return true;
  }
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
  // `key` as stored, with its value; value is null when the key is absent.
  [[nodiscard]] Entry find_entry(std::string_view key) const {
    if (slots_.empty()) return Entry{{}, nullptr};
    const Slot& slot = slots_[locate(hash_text(key), key)];
    if (slot.value == 0) return Entry{{}, nullptr};
    return Entry{std::string_view(keys_.data() + slot.offset, slot.size), &values_[slot.value - 1]};
  }
  [[nodiscard]] bool empty() const { return used_ == 0; }
  [[nodiscard]] std::size_t size() const { return used_; }

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
      if (slot.hash == h && slot.size == key.size() && same_bytes(keys_.data() + slot.offset, key.data(), key.size())) {
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

}  // namespace interdict
