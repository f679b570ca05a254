// PaymentScan: payments decided for the `payment` activity, listed when they name
// something designated.
#include "cli/scan_payments.h"

namespace interdict::cli {
namespace {

constexpr std::size_t kMaxDamageKept = 100;

}  // namespace

PaymentScan::PaymentScan(const OrderSet& orders, Options options)
    : orders_(orders),
      options_(std::move(options)),
      undated_at_(options_.as_of.value_or(static_cast<Instant>(::time(nullptr)))) {}

void PaymentScan::scan(const std::string& path, PaymentFormat format, std::span<const std::byte> bytes) {
  ++tally_.files;
  PaymentReadOptions read;
  read.column_mapping = options_.column_mapping;
  decode_payments(format, bytes, path, *this, read);
}

void PaymentScan::payment(const PaymentRecord& record) {
  ++tally_.payments;
  Observation obs = to_observation(record, undated_at_);
  if (options_.as_of) obs.at = *options_.as_of;
  const Finding f = orders_.decide(obs, options_.known_at.value_or(kEndOfTime));
  if (f.match_count == 0 && f.designation_count == 0) return;
  ++tally_.named;
  tally_.prohibited += f.verdict == Verdict::kProhibited ? 1 : 0;
  tally_.review += f.verdict == Verdict::kReview ? 1 : 0;

  Hit& h = hits_.emplace_back();
  h.file = std::string(record.evidence.file);
  h.line = record.evidence.line;
  h.path = std::string(record.evidence.path);
  h.payment_id = std::string(record.payment_id);
  h.time = record.time_precision == TimePrecision::kNone ? "" : format_rfc3339(record.time);
  h.amount = std::string(record.amount_text);
  h.currency = std::string(record.currency);
  h.channel = std::string(record.channel);
  for (const interdict::Party& p : record.parties()) {
    h.parties.push_back(Party{std::string(party_role_name(p.role)), std::string(p.name), std::string(p.country),
                              std::string(p.account), std::string(p.bic)});
  }
  h.verdict = std::string(verdict_name(f.verdict));
  h.status = f.status == State::kUnknown ? "none" : std::string(state_name(f.status));
  const Identification* how = nullptr;
  if (const Match* m = f.governing_match()) {
    h.order = m->order->id;
    h.prohibition = m->clause().id;
    h.subject = m->subject->id;
    how = &m->how;
  } else if (f.designation_count > 0) {
    const Designation& d = f.designations[0];
    h.order = d.order != nullptr ? d.order->id : "";
    h.subject = d.subject != nullptr ? d.subject->id : (d.entity != nullptr ? d.entity->id : "");
    how = &d.how;
  }
  if (how != nullptr) {
    h.matched_probe = std::string(probe_kind_name(how->probe));
    h.matched_value = std::string(how->probe_value.view());
    h.matched_rule = std::string(how->rule_text.view());
  }
  // In scope: a party is in the governing clause's jurisdiction (the reasons say which).
  if (const Match* m = f.governing_match()) h.in_scope = m->scope == ScopeTest::kInScope;
  h.reasons = orders_.explain(f, obs);
}

void PaymentScan::damage(const PaymentDamage& d) {
  ++tally_.damaged;
  if (d.fatal) tally_.fatal = true;
  if (damage_.size() < kMaxDamageKept) {
    damage_.push_back(std::string(d.file) +
                      (d.line > 0 ? ":" + std::to_string(d.line) : "@" + std::to_string(d.offset)) + ": " +
                      std::string(d.reason));
  }
}

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
    out += '}';
    append_json_key(out, "parties");
    out += '[';
    for (std::size_t i = 0; i < h.parties.size(); ++i) {
      const Party& p = h.parties[i];
      if (i > 0) out += ',';
      out += "{\"role\":";
      append_json_string(out, p.role);
      append_json_field(out, "name", p.name);
      append_json_field(out, "country", p.country);
      if (!p.account.empty()) {
        append_json_field(out, "account", p.account);
      }
      if (!p.bic.empty()) {
        append_json_field(out, "bic", p.bic);
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
  TextTable table({"payment", "at", "amount", "channel", "matched", "subject", "verdict", "status", "clause"}, 44);
  for (const Hit& h : hits_) {
    const std::size_t slash = h.file.rfind('/');
    const std::string where = (slash == std::string::npos ? h.file : h.file.substr(slash + 1)) + ":" +
                              std::to_string(h.line) + " " + h.payment_id;
    table.add_row({where, h.time.substr(0, 10), h.amount + " " + h.currency, h.channel,
                   h.matched_probe + " " + h.matched_value, h.subject, h.verdict, h.status,
                   h.order.empty() ? "" : h.order + " " + h.prohibition});
  }
  return table.empty() ? std::string() : table.render();
}

std::string PaymentScan::summary() const {
  return "interdict: payments: " + std::to_string(tally_.files) + " file" + (tally_.files == 1 ? "" : "s") + ", " +
         std::to_string(tally_.payments) + " payments, " + std::to_string(tally_.named) +
         " naming a designated subject or entity (" + std::to_string(tally_.prohibited) + " prohibited, " +
         std::to_string(tally_.review) + " review); " + std::to_string(tally_.damaged) + " damaged records skipped";
}

}  // namespace interdict::cli
