// Internal to src/match: NameMatcher's index (NameMatcher::Impl), built in name.cc and
// searched in name_search.cc.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "match/flat_map.h"
#include "match/match.h"
#include "match/name_key_filter.h"
#include "match/name_read.h"
#include "match/name_tokens.h"

namespace interdict {
namespace name_detail {

template <typename V>
using FlatIndex = FlatMap<V>;

// Runs of adjacent tokens indexed per name; a longer probe inside a longer name is still
// found by token containment, and names stay linear to index.
constexpr std::size_t kMaxRunTokens = 16;
constexpr std::uint32_t kNoEntry = UINT32_MAX;

// A name this short on its own would match too much by containment ("qq", "mi").
inline bool can_be_contained(std::size_t token_count, std::size_t first_token_size) {
  return token_count >= 2 || (token_count == 1 && first_token_size >= 5);
}
inline bool can_be_contained(const Tokens& tokens) {
  return can_be_contained(tokens.size(), tokens.size() == 0 ? 0 : tokens.token(0).size());
}

inline std::string spaced(const Tokens& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i != 0) out += ' ';
    out += tokens.token(i);
  }
  return out;
}

// Per-thread scratch for match(): the probe's tokens, room for the ids of its distinct
// indexed tokens and marks of which it holds, and what the index last said of each
// ideograph read alone.
struct Scratch {
  Tokens tokens;
  std::vector<std::uint32_t> ids;
  // By token id: the stamp of the last probe holding the token. Stamps grow by probe and
  // never repeat, so the marks of earlier probes, and of other indexes, are simply old.
  std::vector<std::uint64_t> marks;
  std::uint64_t stamp = 0;
  // By ideograph_slot: the epoch of the index asked (high 32 bits) and the id + 1 of the
  // token its reading is there, or 0 when it is not (low 32 bits). A Han name of a few
  // thousand ideographs in use costs each a hash lookup once per thread and index; an
  // entry of another index's epoch is asked again. Sized on the first Han probe.
  std::vector<std::uint64_t> ideograph_tokens;
};

}  // namespace name_detail

// The index of every name added to a NameMatcher: each name's entry (its tokens, group and
// target), looked up whole (by_concat), by its tokens (by_token, by_rarest) and by its runs
// of adjacent tokens (by_part).
// Thread-safety: built once, on the first probe (ensure_built), then only read.
struct NameMatcher::Impl {
  using Tokens = name_detail::Tokens;
  using Scratch = name_detail::Scratch;
  using KeyFilter = name_detail::KeyFilter;
  template <typename V>
  using FlatIndex = name_detail::FlatIndex<V>;
  static constexpr std::uint32_t kNoEntry = name_detail::kNoEntry;

  struct Entry {
    std::string spaced;               // tokens joined by ' ': the rule reported in a hit
    std::vector<std::uint32_t> ends;  // where each token ends in the joined tokens
    std::uint32_t concat_size = 0;    // the joined tokens' length: the longest partial hit wins
    std::uint32_t distinct = 0;       // distinct tokens
    std::uint32_t tokens_at = 0;      // where its distinct token ids start in entry_tokens
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
  // Sets each token's begins_name and ends_name, and postings_by_id, once every name is
  // indexed: one pass over the names' tokens.
  void mark_run_ends();
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
  std::size_t entry_count = 0;  // entries.size() once built
  FlatIndex<Slots> by_concat;   // whole name -> its entry in each group
  // A token's id and the entries holding it, in the order they were added.
  struct Postings {
    std::uint32_t id = 0;
    std::vector<std::uint32_t> holders;
    // Whether some containable name, its tokens joined, begins or ends with this token: a
    // run of probe tokens can spell such a name only from a token that begins one to a
    // token that ends one (set by mark_run_ends).
    bool begins_name = false;
    bool ends_name = false;
  };
  FlatIndex<Postings> by_token;
  std::vector<const Postings*> postings_by_id;  // by token id, into by_token
  // Which index a Scratch::ideograph_tokens entry is of: unique to each built index.
  std::uint32_t epoch = 0;
  std::vector<std::uint32_t> entry_tokens;   // each entry's distinct token ids, sorted, back to back
  std::vector<std::uint32_t> holder_counts;  // by token id: how many entries hold it
  // By token id: the entries whose rarest token (held by the fewest entries) it is. A name
  // lies within a probe only if the probe has all its tokens, its rarest among them: each
  // entry is met through one token, not through every token it shares with the probe.
  std::vector<std::vector<std::uint32_t>> by_rarest;
  FlatIndex<std::vector<std::uint32_t>> by_part;  // a proper run of adjacent tokens, joined -> entries
  std::size_t longest_concat = 0;                 // no run of probe tokens longer than this can be a name
  // The keys of by_concat, by_token and by_part.
  KeyFilter concat_keys;
  KeyFilter token_keys;
  KeyFilter part_keys;
};

}  // namespace interdict
