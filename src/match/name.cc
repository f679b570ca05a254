// NameMatcher: names reduced to lowercase ASCII tokens, then compared whole or by containment.
//
// Names are read into tokens by NameReader (name_read.h): NFKC, transliteration to ASCII,
// case, separators, legal forms.
// Transliteration splits Han into one token per syllable while people write pinyin as words
// ("Zijie Tiaodong"), so whole names compare by the concatenation of their tokens, and
// containment also accepts a run of adjacent tokens spelling a whole name.
//
// All groups share one index, so a probe is tokenised and searched once. A probe that is
// token for token a name of a later group answers from that name's stored answer: it would
// otherwise search every earlier group's partial hits to learn that none comes first.

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "match/flat_map.h"
#include "match/match.h"
#include "match/name_read.h"
#include "match/name_tokens.h"

namespace interdict {
namespace {

template <typename V>
using FlatIndex = FlatMap<V>;
using name_detail::Tokens;

// Runs of adjacent tokens indexed per name; a longer probe inside a longer name is still
// found by token containment, and names stay linear to index.
constexpr std::size_t kMaxRunTokens = 16;
constexpr std::uint32_t kNoEntry = UINT32_MAX;

// A name this short on its own would match too much by containment ("qq", "mi").
bool can_be_contained(std::size_t token_count, std::size_t first_token_size) {
  return token_count >= 2 || (token_count == 1 && first_token_size >= 5);
}
bool can_be_contained(const Tokens& tokens) {
  return can_be_contained(tokens.size(), tokens.size() == 0 ? 0 : tokens.token(0).size());
}

std::string spaced(const Tokens& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i != 0) out += ' ';
    out += tokens.token(i);
  }
  return out;
}

// Which keys an index may hold: one bit per key, at a hash of its length and its first and
// last four bytes (fixed-size loads, no loop). A probe's token or run whose bit is clear is
// not looked up: most runs of most names are in no index of the orders' few hundred names,
// and a bit test costs a fifth of hashing the run and probing the table. Length and first
// bytes alone let through the runs of a Han name made of indexed syllables.
class KeyFilter {
 public:
  void add(std::string_view key) {
    const std::size_t b = bit(key);
    bits_[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  [[nodiscard]] bool may_hold(std::string_view key) const {
    const std::size_t b = bit(key);
    return ((bits_[b / 64] >> (b % 64)) & 1u) != 0;
  }

 private:
  static constexpr std::size_t kBits = 1u << 15;  // 4 KB: under 10% set by the bundled orders
  static std::size_t bit(std::string_view key) {
    const std::size_t n = key.size();
    const char* p = key.data();
    std::uint64_t w = 0;
    if (n >= 4) {
      std::uint32_t first;
      std::uint32_t last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      w = first | (std::uint64_t{last} << 32);
    } else if (n > 0) {
      w = static_cast<unsigned char>(p[0]) | (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
          (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    w = (w ^ (n * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
    return static_cast<std::size_t>(w >> 49);  // the top 15 bits
  }
  std::array<std::uint64_t, kBits / 64> bits_{};
};

// Per-thread scratch for match(): the probe's tokens, and a count per entry of the probe's
// tokens it holds (with the entries touched, to reset them, and the holder lists met, to
// count a repeated token once).
struct Scratch {
  Tokens tokens;
  std::vector<std::uint32_t> shared;
  std::vector<std::uint32_t> touched;
  std::vector<const std::vector<std::uint32_t>*> holders;
};
Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

struct NameMatcher::Impl {
  struct Entry {
    std::string spaced;               // tokens joined by ' ': the rule reported in a hit
    std::vector<std::uint32_t> ends;  // where each token ends in the joined tokens
    std::uint32_t concat_size = 0;    // the joined tokens' length: the longest partial hit wins
    std::uint32_t distinct = 0;       // distinct tokens
    std::uint32_t target = 0;
    std::uint8_t group = 0;
    bool containable = false;  // can_be_contained(its tokens)
    // The whole answer to a probe of exactly these tokens, found once the index is built:
    // an exact hit in a later group must still search the earlier groups' partial hits.
    std::uint32_t answer = kNoEntry;
    bool answer_exact = false;
  };
  // The entry of each group that a whole name (tokens joined) belongs to.
  struct Slots {
    Slots() { entry.fill(kNoEntry); }
    std::array<std::uint32_t, NameMatcher::kGroups> entry;
  };
  struct Found {
    std::uint32_t entry = kNoEntry;
    bool exact = false;
  };

  void index(std::string_view name, std::uint32_t target, std::uint8_t group);
  // The answer for `tokens`: exact in group 0, else partial in group 0, else exact in group
  // 1... `use_answers` lets an exact hit answer from its entry's stored answer.
  [[nodiscard]] Found find(const Tokens& tokens, Scratch& s, bool use_answers) const;
  // The best partial hit of each group (the longest name, then the first added).
  void partial(const Tokens& tokens, Scratch& s, std::array<std::uint32_t, NameMatcher::kGroups>& best) const;
  // Builds the reader and the index on first use: ICU's transliterator costs a tenth of a
  // second to create, which a run that never screens a name should not pay.
  void ensure_built() const;

  struct Pending {
    std::string name;
    std::uint32_t target;
    std::uint8_t group;
  };
  std::vector<Pending> pending;  // added, not yet indexed
  mutable std::once_flag built;
  // Set once the index is complete: checked on every probe before call_once, whose
  // libstdc++ form enters pthread_once each time (a tenth of a miss's cost).
  mutable std::atomic<bool> ready{false};

  std::unique_ptr<name_detail::NameReader> reader;  // made by ensure_built()

  // INVARIANT: entries grow only while the index is built, before any probe: hits view
  // their strings.
  std::vector<Entry> entries;
  std::size_t entry_count = 0;                     // entries.size() once built
  FlatIndex<Slots> by_concat;                      // whole name -> its entry in each group
  FlatIndex<std::vector<std::uint32_t>> by_token;  // token -> entries holding it
  FlatIndex<std::vector<std::uint32_t>> by_part;   // a proper run of adjacent tokens, joined -> entries
  std::size_t longest_concat = 0;                  // no run of probe tokens longer than this can be a name
  // The keys of by_concat, by_token and by_part.
  KeyFilter concat_keys;
  KeyFilter token_keys;
  KeyFilter part_keys;
};

void NameMatcher::Impl::ensure_built() const {
  if (ready.load(std::memory_order_acquire)) return;
  std::call_once(built, [this] {
    auto* self = const_cast<Impl*>(this);  // the one mutation, serialised by call_once
    self->reader = std::make_unique<name_detail::NameReader>();
    self->entries.reserve(pending.size());
    for (const Pending& p : pending) self->index(p.name, p.target, p.group);
    self->pending.clear();
    self->pending.shrink_to_fit();
    self->entry_count = self->entries.size();
    // Each name's own answer, with the index complete. Its joined tokens are its spaced
    // form without the spaces.
    Tokens tokens;
    for (Entry& e : self->entries) {
      tokens.clear();
      std::copy_if(e.spaced.begin(), e.spaced.end(), std::back_inserter(tokens.text), [](char c) { return c != ' '; });
      tokens.ends = e.ends;
      const Found answer = find(tokens, scratch(), false);
      e.answer = answer.entry;
      e.answer_exact = answer.exact;
    }
    ready.store(true, std::memory_order_release);
  });
}

NameMatcher::NameMatcher() : impl_(std::make_unique<Impl>()) {}
NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(NameMatcher&&) noexcept = default;
NameMatcher& NameMatcher::operator=(NameMatcher&&) noexcept = default;

void NameMatcher::add(std::string_view name, std::uint32_t target, std::uint8_t group) {
  if (!impl_ || group >= kGroups) return;
  impl_->pending.push_back(Impl::Pending{std::string(name), target, group});
}

void NameMatcher::Impl::index(std::string_view name, std::uint32_t target, std::uint8_t group) {
  Tokens t;
  reader->tokens(name, t);
  if (t.size() == 0) return;
  const std::string_view concat = t.concat();
  // The first name of a group to normalise to a form keeps it, as in the other matchers.
  std::uint32_t& slot = by_concat[concat].entry[group];
  if (slot != kNoEntry) return;

  const auto index = static_cast<std::uint32_t>(entries.size());
  slot = index;
  Entry& e = entries.emplace_back();
  e.spaced = spaced(t);
  e.ends = t.ends;
  e.concat_size = static_cast<std::uint32_t>(concat.size());
  e.target = target;
  e.group = group;
  e.containable = can_be_contained(t);
  longest_concat = std::max(longest_concat, concat.size());
  concat_keys.add(concat);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string_view token = t.token(i);
    token_keys.add(token);
    auto& list = by_token[token];
    if (list.empty() || list.back() != index) {
      list.push_back(index);
      ++e.distinct;
    }
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (std::size_t j = i; j < t.size() && j - i < kMaxRunTokens; ++j) {
      if (i == 0 && j + 1 == t.size()) break;  // the whole name is by_concat's
      const std::string_view run = t.run(i, j);
      part_keys.add(run);
      auto& list = by_part[run];
      if (list.empty() || list.back() != index) list.push_back(index);
    }
  }
}

void NameMatcher::Impl::partial(const Tokens& tokens, Scratch& s, std::array<std::uint32_t, kGroups>& best) const {
  best.fill(kNoEntry);
  const auto consider = [&](std::uint32_t index) {
    std::uint32_t& b = best[entries[index].group];
    if (b == kNoEntry) {
      b = index;
      return;
    }
    const std::uint32_t have = entries[b].concat_size;
    const std::uint32_t size = entries[index].concat_size;
    if (size > have || (size == have && index < b)) b = index;
  };
  const bool probe_containable = can_be_contained(tokens);

  // Token containment either way, in any order: count the probe's distinct tokens per entry.
  // A token repeated in the probe meets the same holder list, which counts once. The probe
  // lies within a name only if every one of its tokens is indexed.
  if (s.shared.size() < entry_count) s.shared.resize(entry_count, 0);
  s.touched.clear();
  s.holders.clear();
  bool all_indexed = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view t = tokens.token(i);
    const std::vector<std::uint32_t>* holders = token_keys.may_hold(t) ? by_token.find(t) : nullptr;
    if (holders == nullptr) {
      all_indexed = false;
      continue;
    }
    if (std::find(s.holders.begin(), s.holders.end(), holders) != s.holders.end()) continue;
    s.holders.push_back(holders);
    for (const std::uint32_t index : *holders) {
      if (s.shared[index]++ == 0) s.touched.push_back(index);
    }
  }
  const std::size_t distinct = s.holders.size();
  for (const std::uint32_t index : s.touched) {
    const std::uint32_t count = s.shared[index];
    s.shared[index] = 0;
    const Entry& e = entries[index];
    if (count == e.distinct && e.containable) consider(index);                   // name within probe
    if (all_indexed && count == distinct && probe_containable) consider(index);  // probe within name
  }

  // Adjacent-token runs either way, so "zi jie tiao dong ke ji" holds "Zijie Tiaodong".
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (std::size_t j = i; j < tokens.size(); ++j) {
      const std::string_view run = tokens.run(i, j);
      if (run.size() > longest_concat) break;
      if (i == 0 && j + 1 == tokens.size()) break;  // the whole probe, already looked up
      if (!concat_keys.may_hold(run)) continue;
      if (const Slots* slots = by_concat.find(run)) {
        for (const std::uint32_t index : slots->entry) {
          if (index != kNoEntry && entries[index].containable) consider(index);
        }
      }
    }
  }
  const std::string_view concat = tokens.concat();
  if (probe_containable && part_keys.may_hold(concat)) {
    if (const std::vector<std::uint32_t>* holders = by_part.find(concat)) {
      for (const std::uint32_t index : *holders) consider(index);
    }
  }
}

NameMatcher::Impl::Found NameMatcher::Impl::find(const Tokens& tokens, Scratch& s, bool use_answers) const {
  const std::string_view concat = tokens.concat();
  const Slots* exact = concat_keys.may_hold(concat) ? by_concat.find(concat) : nullptr;
  if (exact != nullptr) {
    if (exact->entry[0] != kNoEntry) return Found{exact->entry[0], true};
    // A name of a later group, token for token: its answer is known.
    for (const std::uint32_t index : exact->entry) {
      if (!use_answers || index == kNoEntry) continue;
      const Entry& e = entries[index];
      if (e.answer != kNoEntry && e.ends == tokens.ends) return Found{e.answer, e.answer_exact};
    }
  }
  std::array<std::uint32_t, kGroups> best;
  partial(tokens, s, best);
  for (std::size_t g = 0; g < kGroups; ++g) {
    if (exact != nullptr && exact->entry[g] != kNoEntry) return Found{exact->entry[g], true};
    if (best[g] != kNoEntry) return Found{best[g], false};
  }
  return Found{};
}

std::optional<NameMatchHit> NameMatcher::match(std::string_view name) const {
  if (!impl_) return std::nullopt;
  impl_->ensure_built();
  const Impl& m = *impl_;
  Scratch& s = scratch();
  m.reader->tokens(name, s.tokens);
  if (s.tokens.size() == 0) return std::nullopt;
  const Impl::Found found = m.find(s.tokens, s, true);
  if (found.entry == kNoEntry) return std::nullopt;
  const Impl::Entry& e = m.entries[found.entry];
  NameMatchHit hit;
  hit.target = e.target;
  hit.rule = e.spaced;
  hit.exact = found.exact;
  hit.group = e.group;
  return hit;
}

std::string NameMatcher::normalise(std::string_view name) const {
  if (!impl_) return {};
  impl_->ensure_built();
  Tokens tokens;
  impl_->reader->tokens(name, tokens);
  return spaced(tokens);
}

}  // namespace interdict
