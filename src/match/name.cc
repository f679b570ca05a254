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

#include "match/name_index.h"

namespace interdict {
namespace {

using name_detail::can_be_contained;
using name_detail::kMaxRunTokens;
using name_detail::kNoEntry;
using name_detail::Scratch;
using name_detail::spaced;
using name_detail::Tokens;

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

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
    self->mark_run_ends();
    // Epochs start at 1, so a Scratch entry never asked (0) is of no index. Past 2^32
    // indexes built in one process they would repeat.
    static std::atomic<std::uint32_t> epochs{0};
    self->epoch = epochs.fetch_add(1, std::memory_order_relaxed) + 1;
    self->by_rarest.resize(self->holder_counts.size());
    for (std::uint32_t index = 0; index < self->entry_count; ++index) {
      const Entry& e = self->entries[index];
      const std::uint32_t* ids = self->entry_tokens.data() + e.tokens_at;
      const std::uint32_t rarest = *std::min_element(
          ids, ids + e.distinct, [&](std::uint32_t a, std::uint32_t b) { return holder_counts[a] < holder_counts[b]; });
      self->by_rarest[rarest].push_back(index);
    }
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
  e.tokens_at = static_cast<std::uint32_t>(entry_tokens.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::string_view token = t.token(i);
    token_keys.add(token);
    Postings& postings = by_token[token];
    if (postings.holders.empty()) {  // a token never seen before
      postings.id = static_cast<std::uint32_t>(holder_counts.size());
      holder_counts.push_back(0);
    }
    if (postings.holders.empty() || postings.holders.back() != index) {
      postings.holders.push_back(index);
      ++holder_counts[postings.id];
      entry_tokens.push_back(postings.id);
      ++e.distinct;
    }
  }
  std::sort(entry_tokens.begin() + e.tokens_at, entry_tokens.end());
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

void NameMatcher::Impl::mark_run_ends() {
  // The beginnings and endings of every containable name, joined: a few per name and byte,
  // and the orders hold a few hundred names.
  FlatIndex<char> beginnings;
  FlatIndex<char> endings;
  for (const Entry& e : entries) {
    if (!e.containable) continue;
    std::string concat;
    std::copy_if(e.spaced.begin(), e.spaced.end(), std::back_inserter(concat), [](char c) { return c != ' '; });
    for (std::size_t n = 1; n <= concat.size(); ++n) {
      beginnings.try_emplace(std::string_view(concat).substr(0, n), 1);
      endings.try_emplace(std::string_view(concat).substr(concat.size() - n), 1);
    }
  }
  postings_by_id.resize(holder_counts.size());
  for (const Entry& e : entries) {
    for (std::size_t at = 0; at < e.spaced.size();) {
      const std::size_t space = std::min(e.spaced.find(' ', at), e.spaced.size());
      const std::string_view token = std::string_view(e.spaced).substr(at, space - at);
      Postings& postings = by_token[token];
      postings.begins_name = beginnings.contains(token);
      postings.ends_name = endings.contains(token);
      postings_by_id[postings.id] = &postings;
      at = space + 1;
    }
  }
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
