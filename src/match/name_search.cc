// NameMatcher's search (name_index.h): a probe's tokens against the index, whole, then by
// token containment and by runs of adjacent tokens either way.

#include <algorithm>
#include <array>
#include <cstdint>

#include "match/name_index.h"

namespace interdict {

using name_detail::can_be_contained;

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

  // Token containment either way, in any order, by the ids of the probe's distinct indexed
  // tokens. The probe lies within a name only if every one of its tokens is indexed; such a
  // name holds the probe's rarest token, so only that token's holders are checked.
  s.ids.clear();
  bool all_indexed = true;
  const Postings* narrowest = nullptr;
  // Bit i: token i is indexed, and begins (ends) no containable name; of the first 64.
  std::uint64_t begins_none = 0;
  std::uint64_t ends_none = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view t = tokens.token(i);
    const Postings* postings = token_keys.may_hold(t) ? by_token.find(t) : nullptr;
    if (postings == nullptr) {
      all_indexed = false;
      continue;
    }
    if (i < 64) {
      begins_none |= std::uint64_t{!postings->begins_name} << i;
      ends_none |= std::uint64_t{!postings->ends_name} << i;
    }
    // Kept sorted as they come, a probe's few ids: one pass finds a repeat and the place.
    const auto place = std::lower_bound(s.ids.begin(), s.ids.end(), postings->id);
    if (place != s.ids.end() && *place == postings->id) continue;
    s.ids.insert(place, postings->id);
    if (narrowest == nullptr || postings->holders.size() < narrowest->holders.size()) narrowest = postings;
  }
  const auto ids_of = [&](const Entry& e) { return entry_tokens.data() + e.tokens_at; };
  for (const std::uint32_t id : s.ids) {  // names within the probe
    for (const std::uint32_t index : by_rarest[id]) {
      const Entry& e = entries[index];
      if (e.containable && e.distinct <= s.ids.size() &&
          std::includes(s.ids.begin(), s.ids.end(), ids_of(e), ids_of(e) + e.distinct)) {
        consider(index);
      }
    }
  }
  if (all_indexed && probe_containable && narrowest != nullptr) {  // the probe within names
    for (const std::uint32_t index : narrowest->holders) {
      const Entry& e = entries[index];
      if (e.distinct >= s.ids.size() && std::includes(ids_of(e), ids_of(e) + e.distinct, s.ids.begin(), s.ids.end())) {
        consider(index);
      }
    }
  }

  // Adjacent-token runs either way, so "zi jie tiao dong ke ji" holds "Zijie Tiaodong".
  // A run spells a name only from a token that begins one to a token that ends one; an
  // indexed token tells which it does, so most runs of a probe of indexed tokens (a Han
  // name's syllables) are not looked at.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i < 64 && ((begins_none >> i) & 1) != 0) continue;
    for (std::size_t j = i; j < tokens.size(); ++j) {
      const std::string_view run = tokens.run(i, j);
      if (run.size() > longest_concat) break;
      if (i == 0 && j + 1 == tokens.size()) break;  // the whole probe, already looked up
      if (j < 64 && ((ends_none >> j) & 1) != 0) continue;
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

}  // namespace interdict
