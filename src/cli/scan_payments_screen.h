// PartyScreen: the names of a payment (its parties, its channel, a wallet named in its
// text) screened with the cross-script matcher of src/names, against the orders' entities
// and subjects and, with `scan --lists`, against an index of the public sanctions lists.
//
// The orders' index is built here from the corpus, not taken from the engine: the engine
// decides by id what the matcher found, so a payment party is identified by the same
// scores as `interdict screen` gives (docs/payments.md says why the engine's own name
// matcher is not used for parties).
//
// Each name is screened once per scan: answers are cached by the name as written and by
// its normalised form with the hints, so a file that pays the same creditor 100,000 times
// normalises and searches that name once.
//
// One per scan, not thread-safe (the caches fill as it goes). Answers are valid until the
// next trim().
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "names/names.h"
#include "order/order.h"

namespace interdict::cli {

// What one index says about one name: its hits, best first (views into the index).
struct ScreenAnswer {
  std::vector<NameHit> hits;
};

// An entry of the orders' index: the id the engine knows it by.
struct OrderEntry {
  bool entity = false;  // an entity (a company); else a subject (an app or service)
  std::string_view id;  // the entity's or subject's id, a view into the corpus
};

class PartyScreen {
 public:
  // Builds the orders' index from `corpus` (every entity's and subject's name and aliases,
  // and each subject's `name` identifiers). `corpus` must outlive the PartyScreen.
  explicit PartyScreen(const Corpus& corpus);
  PartyScreen(const PartyScreen&) = delete;
  PartyScreen& operator=(const PartyScreen&) = delete;

  // Screens parties against `lists` too (an index `interdict lists import` wrote, loaded by
  // the caller when it read its options), or against the orders alone when null.
  void use_lists(std::shared_ptr<const NameIndex> lists) { lists_ = std::move(lists); }
  [[nodiscard]] bool has_lists() const { return lists_ != nullptr; }

  // The orders' entries that `name` matches: every hit at the match threshold, else the
  // best review hit; empty for a name with no letter or digit.
  [[nodiscard]] const ScreenAnswer& against_orders(std::string_view name, const SearchHints& hints);
  // The list entries `name` matches (up to three, best first), leaving out the orders'
  // own entries that `lists import` adds ("order:..."): the orders are screened above,
  // as they stand now. REQUIRES: has_lists().
  [[nodiscard]] const ScreenAnswer& against_lists(std::string_view name, const SearchHints& hints);

  // Empties a cache that has grown past its bound (about a million names). Call it between
  // payments, never while holding answers: it frees them.
  void trim();

  // The order entry behind a hit of against_orders().
  [[nodiscard]] const OrderEntry& order_entry(const NameHit& hit) const { return entries_[hit.entry]; }

  // Names searched in an index (cache misses) and answers served from the caches.
  [[nodiscard]] std::uint64_t searched() const { return searched_; }
  [[nodiscard]] std::uint64_t cached() const { return cached_; }

 private:
  // The caches of one index: by the name as written with its hints, then by its
  // normalised form with the hints; both point into `answers`.
  struct Cache {
    std::unordered_map<std::string, std::uint32_t> by_text;
    std::unordered_map<std::string, std::uint32_t> by_form;
    std::deque<ScreenAnswer> answers;  // a deque keeps answers in place as it grows
  };
  const ScreenAnswer& screen(const NameIndex& index, Cache& cache, std::string_view name, const SearchHints& hints,
                             bool orders);

  NameIndex orders_;
  std::vector<OrderEntry> entries_;  // by entry number in orders_
  std::shared_ptr<const NameIndex> lists_;
  Cache orders_cache_;
  Cache lists_cache_;
  std::string key_;  // scratch for cache keys
  std::uint64_t searched_ = 0;
  std::uint64_t cached_ = 0;
};

}  // namespace interdict::cli
