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
  // Which ids the probe holds is marked by token id with a stamp new to this probe, so a
  // repeat and a name's tokens are each tested by one load: a sorted list of a probe's ids
  // cost a mispredicted branch a token to keep sorted, and more to compare.
  if (s.ids.size() < tokens.size()) s.ids.resize(tokens.size());
  if (s.marks.size() < holder_counts.size()) s.marks.resize(holder_counts.size());
  std::uint32_t* const ids = s.ids.data();
  std::uint64_t* const marks = s.marks.data();
  const std::uint64_t stamp = ++s.stamp;
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
    if (marks[postings->id] == stamp) continue;  // a repeat
    marks[postings->id] = stamp;
    ids[id_count++] = postings->id;
    if (narrowest == nullptr || postings->holders.size() < narrowest->holders.size()) narrowest = postings;
  }
  const auto marked_of = [&](const Entry& e) {  // how many of its tokens the probe holds
    const std::uint32_t* t = entry_tokens.data() + e.tokens_at;
    std::size_t n = 0;
    for (std::uint32_t k = 0; k < e.distinct; ++k) n += marks[t[k]] == stamp ? 1 : 0;
    return n;
  };
  const auto all_marked = [&](const Entry& e) {
    const std::uint32_t* t = entry_tokens.data() + e.tokens_at;
    return std::all_of(t, t + e.distinct, [&](std::uint32_t id) { return marks[id] == stamp; });
  };
  for (std::size_t k = 0; k < id_count; ++k) {  // names within the probe
    for (const std::uint32_t index : by_rarest[ids[k]]) {
      const Entry& e = entries[index];
      if (e.containable && e.distinct <= id_count && all_marked(e)) consider(index);
    }
  }
  if (all_indexed && probe_containable && narrowest != nullptr) {  // the probe within names
    for (const std::uint32_t index : narrowest->holders) {
      const Entry& e = entries[index];
      if (e.distinct >= id_count && marked_of(e) == id_count) consider(index);
    }
  }

  // Adjacent-token runs either way, so "zi jie tiao dong ke ji" holds "Zijie Tiaodong".
  // A run spells a name only from a token that begins one to a token that ends one; an
  // indexed token tells which it does, so most runs of a probe of indexed tokens (a Han
  // name's syllables) are not looked at, and those that are, are found by the bits.
  const std::size_t n = tokens.size();
  // Inlined at both uses: a call per run cost a fifth of a Latin probe's search.
  const auto look_up_run = [&](std::size_t i, std::size_t j)
      __attribute__((always_inline)) {  // false past the longest name
    const std::size_t begin = tokens.begin_of(i);
    const std::size_t size = tokens.ends[j] - begin;
    if (size > longest_concat) return false;
    if (i == 0 && j + 1 == n) return false;  // the whole probe, already looked up
    const std::string_view run(tokens.text.data() + begin, size);
    if (!concat_keys.may_hold(run)) return true;
    if (const Slots* slots = by_concat.find(run)) {
      for (const std::uint32_t index : slots->entry) {
        if (index != kNoEntry && entries[index].containable) consider(index);
      }
    }
    return true;
  };
  if (n <= 64) {
    const std::uint64_t all = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
    for (std::uint64_t starts = ~begins_none & all; starts != 0; starts &= starts - 1) {
      const auto i = static_cast<std::size_t>(std::countr_zero(starts));
      for (std::uint64_t stops = ~ends_none & all & (~std::uint64_t{0} << i); stops != 0; stops &= stops - 1) {
        if (!look_up_run(i, static_cast<std::size_t>(std::countr_zero(stops)))) break;
      }
    }
  } else {  // past 64 tokens no marks: every run
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i; j < n && look_up_run(i, j); ++j) {
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
