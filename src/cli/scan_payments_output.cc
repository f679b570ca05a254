// How the payment scan writes what it found: JSON objects, the table and the summary
// (scan_payments.h).
#include <cstdio>

#include "cli/scan_payments.h"
#include "cli/screen_output.h"

namespace interdict::cli {

void PaymentScan::append_json(std::string& out, Format format, bool& first_object) const {
  for (const Hit& h : hits_) {
    if (format == Format::kJson && !first_object) out += ',';
    first_object = false;
    out += "{\"kind\":\"payment\"";
    append_json_field(out, "file", h.file);
    append_json_key(out, "line");
    out += std::to_string(h.line);
    if (!h.path.empty()) {
      append_json_field(out, "path", h.path);
    }
    append_json_field(out, "payment_id", h.payment_id);
    append_json_field(out, "time", h.time);
    append_json_field(out, "amount", h.amount);
    append_json_field(out, "currency", h.currency);
    append_json_field(out, "channel", h.channel);
    if (!h.wallet_in_text.empty()) {
      append_json_field(out, "wallet_in_text", h.wallet_in_text);
    }
    append_json_field(out, "verdict", h.verdict);
    append_json_field(out, "status", h.status);
    append_json_key(out, "in_scope");
    out += h.in_scope ? "true" : "false";
    append_json_field(out, "order", h.order);
    append_json_field(out, "prohibition", h.prohibition);
    append_json_field(out, "subject", h.subject);
    append_json_key(out, "matched");
    out += "{\"probe\":";
    append_json_string(out, h.matched_probe);
    append_json_field(out, "value", h.matched_value);
    append_json_field(out, "rule", h.matched_rule);
    if (h.governing_name >= 0) {
      const NameFound& n = h.names[static_cast<std::size_t>(h.governing_name)];
      append_json_field(out, "from", n.from);
      append_json_field(out, "entry", n.id);
      append_json_key(out, "score");
      char score[16];
      std::snprintf(score, sizeof score, "%.4f", n.score);
      out += score;
      append_json_field(out, "name_verdict", n.match ? "match" : "review");
      append_json_field(out, "why", n.why);
    }
    out += '}';
    append_json_key(out, "list_review");
    out += h.list_review ? "true" : "false";
    append_json_key(out, "parties");
    out += '[';
    for (std::size_t i = 0; i < h.parties.size(); ++i) {
      const Party& p = h.parties[i];
      if (i > 0) out += ',';
      out += "{\"role\":";
      append_json_string(out, p.role);
      if (!p.kind.empty()) {
        append_json_field(out, "kind", p.kind);
      }
      append_json_field(out, "name", p.name);
      append_json_field(out, "country", p.country);
      if (!p.account.empty()) {
        append_json_field(out, "account", p.account);
      }
      if (!p.bic.empty()) {
        append_json_field(out, "bic", p.bic);
      }
      if (!p.list_hits.empty()) {
        append_json_key(out, "list_hits");
        out += '[';
        for (std::size_t k = 0; k < p.list_hits.size(); ++k) {
          if (k > 0) out += ',';
          append_hit_json(out, p.list_hits[k], OrderNote{});
        }
        out += ']';
      }
      out += '}';
    }
    out += ']';
    append_json_key(out, "reasons");
    out += '[';
    for (std::size_t i = 0; i < h.reasons.size(); ++i) {
      if (i > 0) out += ',';
      append_json_string(out, h.reasons[i]);
    }
    out += "]}";
    if (format == Format::kJsonl) out += '\n';
  }
}

std::string PaymentScan::render_table() const {
  TextTable table({"payment", "at", "amount", "channel", "matched", "subject", "verdict", "status", "clause", "listed"},
                  44);
  for (const Hit& h : hits_) {
    const std::size_t slash = h.file.rfind('/');
    const std::string where = (slash == std::string::npos ? h.file : h.file.substr(slash + 1)) + ":" +
                              std::to_string(h.line) + " " + h.payment_id;
    std::string matched;
    if (h.governing_name >= 0) {
      const NameFound& n = h.names[static_cast<std::size_t>(h.governing_name)];
      char score[16];
      std::snprintf(score, sizeof score, " %.2f", n.score);
      matched = n.from + " " + n.written + score;
    }
    // Each listed party's best hit, list and score first, since the column is cut at its
    // width: "ofac-sdn 0.99 match: creditor MINGZHENG INTERNATIONAL TRADING LIMITED".
    std::string listed;
    for (const Party& p : h.parties) {
      if (p.list_hits.empty()) continue;
      const NameHit& best = p.list_hits.front();
      char score[16];
      std::snprintf(score, sizeof score, " %.2f ", best.score);
      listed += (listed.empty() ? "" : "; ") + std::string(split_entry_id(best.id).first) + score +
                (best.verdict == NameVerdict::kMatch ? "match: " : "review: ") + p.role + " " + std::string(best.name);
    }
    table.add_row({where, h.time.substr(0, 10), h.amount + " " + h.currency,
                   h.channel.empty() ? h.wallet_in_text : h.channel, matched, h.subject, h.verdict, h.status,
                   h.order.empty() ? "" : h.order + " " + h.prohibition, listed});
  }
  return table.empty() ? std::string() : table.render();
}

std::string PaymentScan::summary() const {
  return "interdict: payments: " + std::to_string(tally_.files) + " file" + (tally_.files == 1 ? "" : "s") + ", " +
         std::to_string(tally_.payments) + " payments, " + std::to_string(tally_.named) +
         " naming a designated subject or entity, " + std::to_string(tally_.listed) + " with a listed party (" +
         std::to_string(tally_.prohibited) + " prohibited, " + std::to_string(tally_.review) + " review); " +
         std::to_string(screen_.searched()) + " distinct names screened; " + std::to_string(tally_.damaged) +
         " damaged records skipped";
}

}  // namespace interdict::cli
