// How `interdict screen` writes a hit: the "why" text of its token pairs, the JSON object
// with every field, and the orders' word on it (docs/screen.md).
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "cli/screen_orders.h"
#include "names/names.h"

namespace interdict::cli {

// "tengxun~tengxun 1.00, holdings (weak)": each aligned pair with its similarity; a token
// left alone is marked weak (it barely counts) or unmatched (it lowered the score); then
// "other kind" or "other country" when a hint lowered the score.
std::string why_text(const Explanation& why);

// An entry id split at its first colon: "ofac-sdn:306" -> ("ofac-sdn", "306"),
// "order:wechat" -> ("order", "wechat"); ("", id) when there is none.
std::pair<std::string_view, std::string_view> split_entry_id(std::string_view id);

// Appends `hit` as a JSON object: verdict, score, name, list, id, why, explanation, and for
// an order entry the orders and payment prohibitions of `note`.
void append_hit_json(std::string& out, const NameHit& hit, const OrderNote& note);

// "us-2020-wechat, us-2021-eo13971; payment: us-2020-wechat/2 (revoked)"; "" for no orders.
std::string note_text(const OrderNote& note);

}  // namespace interdict::cli
