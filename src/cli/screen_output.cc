// How `interdict screen` writes a hit (screen_output.h).
#include "cli/screen_output.h"

#include <cstdio>

#include "sinks/sinks.h"

namespace interdict::cli {
namespace {

void append_number(std::string& out, double v) {
  char num[32];
  std::snprintf(num, sizeof num, "%.4f", v);
  out += num;
}

void append_strings(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, items[i]);
  }
  out += ']';
}

}  // namespace

std::string why_text(const Explanation& why) {
  std::string out;
  char num[16];
  for (const TokenPair& p : why.pairs) {
    if (!out.empty()) out += ", ";
    if (!p.query_token.empty() && !p.name_token.empty()) {
      std::snprintf(num, sizeof num, " %.2f", p.similarity);
      out += p.query_token + "~" + p.name_token + num;
      if (p.weak) out += " (weak)";
    } else {
      const std::string& alone = p.query_token.empty() ? p.name_token : p.query_token;
      out += alone + (p.weak ? " (weak)" : " (unmatched)");
    }
  }
  if (why.kind_factor < 1) out += ", other kind";
  if (why.country_factor < 1) out += ", other country";
  if (why.review_only) out += ", romanised: review at most";
  return out;
}

std::pair<std::string_view, std::string_view> split_entry_id(std::string_view id) {
  const std::size_t colon = id.find(':');
  if (colon == std::string_view::npos) return {"", id};
  return {id.substr(0, colon), id.substr(colon + 1)};
}

void append_hit_json(std::string& out, const NameHit& hit, const OrderNote& note) {
  const auto [list, id] = split_entry_id(hit.id);
  out += "{\"verdict\":";
  append_json_string(out, hit.verdict == NameVerdict::kMatch ? "match" : "review");
  out += ",\"score\":";
  append_number(out, hit.score);
  out += ",\"name\":";
  append_json_string(out, hit.name);
  out += ",\"list\":";
  append_json_string(out, list);
  out += ",\"id\":";
  append_json_string(out, id);
  out += ",\"why\":";
  append_json_string(out, why_text(hit.why));
  out += ",\"explanation\":{\"pairs\":[";
  for (std::size_t i = 0; i < hit.why.pairs.size(); ++i) {
    const TokenPair& p = hit.why.pairs[i];
    if (i > 0) out += ',';
    out += "{\"query\":";
    append_json_string(out, p.query_token);
    out += ",\"name\":";
    append_json_string(out, p.name_token);
    out += ",\"similarity\":";
    append_number(out, p.similarity);
    out += ",\"weight\":";
    append_number(out, p.weight);
    out += ",\"weak\":";
    out += p.weak ? "true" : "false";
    out += '}';
  }
  out += "],\"kind_factor\":";
  append_number(out, hit.why.kind_factor);
  out += ",\"country_factor\":";
  append_number(out, hit.why.country_factor);
  out += ",\"review_only\":";
  out += hit.why.review_only ? "true" : "false";
  out += '}';
  if (list == "order") {
    out += ",\"orders\":";
    append_strings(out, note.orders);
    out += ",\"payment_prohibitions\":";
    append_strings(out, note.payment);
  }
  out += '}';
}

std::string note_text(const OrderNote& note) {
  std::string out;
  for (const std::string& o : note.orders) out += (out.empty() ? "" : ", ") + o;
  if (!note.payment.empty()) {
    out += "; payment: ";
    for (std::size_t i = 0; i < note.payment.size(); ++i) out += (i > 0 ? ", " : "") + note.payment[i];
  } else if (!note.orders.empty()) {
    out += "; no payment prohibition";
  }
  return out;
}

}  // namespace interdict::cli
