// What `lists import` and `screen` share: the orders' entities and subjects as name-index
// entries, and what the orders say about an entry that was hit.
//
// Thread-safety: pure functions over a const Corpus; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "names/names.h"
#include "order/order.h"

namespace interdict::cli {

// The prefix of every entry id taken from the orders: "order:tencent", "order:wechat-pay".
inline constexpr std::string_view kOrderIdPrefix = "order:";

// Adds each entity and subject of `corpus` (name first, then aliases) to `index`, with id
// "order:<id>", kind organization (orders designate companies and their services) and the
// entity's country. Returns the number of entries added. REQUIRES: index not frozen.
std::size_t add_order_entries(const Corpus& corpus, NameIndex& index);

// What the orders say about an entry hit by the matcher.
struct OrderNote {
  // Orders whose prohibitions or designations name the entry or, for an entity, a subject
  // it or a company under it owns; by order id, without duplicates.
  std::vector<std::string> orders;
  // Prohibitions covering the `payment` activity for those subjects, as
  // "order/prohibition (state now)", e.g. "us-2020-wechat/2 (enjoined)".
  std::vector<std::string> payment;
};

// The note for `entry_id` ("order:<id>"); empty for an id that is not from the orders or
// no longer in `corpus`. `now` is the time the prohibitions' states are read at.
OrderNote order_note(const Corpus& corpus, std::string_view entry_id, Instant now);

}  // namespace interdict::cli
