// NameMatcher's search (name_index.h): a probe's tokens against the index, whole, then by
// token containment and by runs of adjacent tokens either way.

#include <algorithm>
#include <array>
#include <bit>
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
  // The ids are kept sorted as they come, in place: a probe has a few, and one backward
  // pass finds a repeat and the place, where a vector insert costs a call and a move.
  if (s.ids.size() < tokens.size()) s.ids.resize(tokens.size());
  std::uint32_t* const ids = s.ids.data();
  const std::uint32_t* const ids_begin = ids;
  std::size_t id_count = 0;
  bool all_indexed = true;
  const Postings* narrowest = nullptr;
  // Bit i: token i is indexed, and begins (ends) no containable name; of the first 64.
  std::uint64_t begins_none = 0;
  std::uint64_t ends_none = 0;
  // A Han token's ideograph usually tells, from the memo, without its reading hashed. Slot 0
  // (a token of no ideograph) is never written, so its epoch is none.
  const std::uint32_t* const ideographs = tokens.ideographs.empty() ? nullptr : tokens.ideographs.data();
  if (ideographs != nullptr && s.ideograph_tokens.empty()) s.ideograph_tokens.resize(name_detail::kIdeographSlots);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Postings* postings;
    const std::uint64_t known = ideographs != nullptr ? s.ideograph_tokens[ideographs[i]] : 0;
    if (known >> 32 == epoch) {
      const auto id = static_cast<std::uint32_t>(known);
      postings = id == 0 ? nullptr : postings_by_id[id - 1];
    } else {
      const std::string_view t = tokens.token(i);
      postings = token_keys.may_hold(t) ? by_token.find(t) : nullptr;
      if (ideographs != nullptr && ideographs[i] != 0) {
        s.ideograph_tokens[ideographs[i]] = std::uint64_t{epoch} << 32 | (postings == nullptr ? 0 : postings->id + 1);
      }
    }
    if (postings == nullptr) {
      all_indexed = false;
      continue;
    }
    if (i < 64) {
      begins_none |= std::uint64_t{!postings->begins_name} << i;
      ends_none |= std::uint64_t{!postings->ends_name} << i;
    }
    // Moved up while found larger, as insertion sort does; a repeat (rare) moves them back.
    const std::uint32_t id = postings->id;
    std::size_t place = id_count;
    for (; place > 0 && ids[place - 1] > id; --place) ids[place] = ids[place - 1];
    if (place > 0 && ids[place - 1] == id) {
      for (; place < id_count; ++place) ids[place] = ids[place + 1];
      continue;
    }
    ids[place] = id;
    ++id_count;
    if (narrowest == nullptr || postings->holders.size() < narrowest->holders.size()) narrowest = postings;
  }
  const std::uint32_t* const ids_end = ids + id_count;
  const auto ids_of = [&](const Entry& e) { return entry_tokens.data() + e.tokens_at; };
  for (const std::uint32_t* id = ids_begin; id != ids_end; ++id) {  // names within the probe
    for (const std::uint32_t index : by_rarest[*id]) {
      const Entry& e = entries[index];
      if (e.containable && e.distinct <= id_count &&
          std::includes(ids_begin, ids_end, ids_of(e), ids_of(e) + e.distinct)) {
        consider(index);
      }
    }
  }
  if (all_indexed && probe_containable && narrowest != nullptr) {  // the probe within names
    for (const std::uint32_t index : narrowest->holders) {
      const Entry& e = entries[index];
      if (e.distinct >= id_count && std::includes(ids_of(e), ids_of(e) + e.distinct, ids_begin, ids_end)) {
        consider(index);
      }
    }
  }

  // Adjacent-token runs either way, so "zi jie tiao dong ke ji" holds "Zijie Tiaodong".
  // A run spells a name only from a token that begins one to a token that ends one; an
  // indexed token tells which it does, so most runs of a probe of indexed tokens (a Han
  // name's syllables) are not looked at: the next token that may end a run is found by
  // the bits, not by trying each.
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i < 64 && ((begins_none >> i) & 1) != 0) continue;
    const std::size_t begin = tokens.begin_of(i);
    for (std::size_t j = i; j < n; ++j) {
      if (j < 64 && ((ends_none >> j) & 1) != 0) continue;
      const std::size_t size = tokens.ends[j] - begin;
      if (size > longest_concat) break;
      if (i == 0 && j + 1 == n) break;  // the whole probe, already looked up
      const std::string_view run(tokens.text.data() + begin, size);
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
