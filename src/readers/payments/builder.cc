#include <string>

#include "readers/payments/fields.h"

namespace interdict::payments {

RecordBuilder::RecordBuilder(PaymentFormat format, std::string_view file, PaymentSink& sink)
    : format_(format), file_(file), sink_(sink) {}

PaymentRecord& RecordBuilder::start() {
  // Only the used slots are cleared, so a record costs what it holds, not its capacity.
  PaymentRecord& r = record_;
  for (std::size_t i = 0; i < r.party_count; ++i) r.party_slots[i] = Party{};
  r.party_count = 0;
  r.remittance_count = 0;
  r.message_type = r.message_id = r.payment_id = r.instruction_id = r.uetr = r.channel = {};
  r.amount_text = r.currency = r.time_text = r.purpose = {};
  r.wallet_in_text = {};
  r.amount_units = 0;
  r.amount_scale = 0;
  r.time = 0;
  r.time_precision = TimePrecision::kNone;
  r.evidence = PaymentEvidence{};
  r.format = format_;
  record_.evidence.file = file_;
  failed_ = false;
  return record_;
}

Party* RecordBuilder::add_party(PartyRole role) {
  if (record_.party_count == PaymentRecord::kMaxParties) return nullptr;
  Party& party = record_.party_slots[record_.party_count++];
  party.role = role;
  return &party;
}

Party* RecordBuilder::party(PartyRole role) {
  for (std::size_t i = 0; i < record_.party_count; ++i) {
    if (record_.party_slots[i].role == role) return &record_.party_slots[i];
  }
  return add_party(role);
}

void RecordBuilder::add_remittance(std::string_view text) {
  text = trim(text);
  if (text.empty() || record_.remittance_count == PaymentRecord::kMaxRemittanceLines) return;
  record_.remittance_slots[record_.remittance_count++] = text;
}

void RecordBuilder::add_address(Party& party, std::string_view text) {
  text = trim(text);
  if (text.empty() || party.address_count == Party::kMaxAddressLines) return;
  party.address[party.address_count++] = text;
}

void RecordBuilder::add_id(Party& party, std::string_view text) {
  text = trim(text);
  if (text.empty() || party.other_id_count == Party::kMaxOtherIds) return;
  party.other_ids[party.other_id_count++] = text;
}

void RecordBuilder::set_country(Party& party, std::string_view code, CountrySource source) {
  if (code.empty()) return;
  // CountrySource is ordered strongest first after kNone.
  if (party.country_source == CountrySource::kNone || source < party.country_source) {
    party.country = code;
    party.country_source = source;
  }
}

bool RecordBuilder::set_amount(std::string_view text) {
  text = trim(text);
  const std::string_view why = parse_amount(text, record_.amount_units, record_.amount_scale);
  if (!why.empty()) {
    reason_.assign("amount `").append(text).append("`: ").append(why);
    damage(reason_);
    return false;
  }
  record_.amount_text = text;
  return true;
}

bool RecordBuilder::set_currency(std::string_view text) {
  text = trim(text);
  if (!is_currency_code(text)) {
    reason_.assign(text.empty() ? "missing currency" : "currency `");
    if (!text.empty()) reason_.append(text).append("` is not three uppercase letters");
    damage(reason_);
    return false;
  }
  record_.currency = text;
  return true;
}

bool RecordBuilder::set_time(std::string_view text) {
  text = trim(text);
  if (!parse_payment_time(text, record_.time, record_.time_precision)) {
    reason_.assign("time `").append(text).append("` is not an iso 8601 date or date-time");
    damage(reason_);
    return false;
  }
  record_.time_text = text;
  return true;
}

void RecordBuilder::finish() {
  if (failed_) return;
  PaymentRecord& r = record_;
  if (r.payment_id.empty()) r.payment_id = !r.instruction_id.empty() ? r.instruction_id : r.uetr;
  if (r.amount_text.empty()) {
    damage("missing amount");
    return;
  }
  bool named = false;
  for (std::size_t i = 0; i < r.party_count; ++i) {
    Party& party = r.party_slots[i];
    if (party.account_is_iban) set_country(party, iban_country(party.account), CountrySource::kIban);
    set_country(party, bic_country(party.bic), CountrySource::kBic);
    if ((party.role == PartyRole::kDebtor || party.role == PartyRole::kCreditor) && !party.name.empty()) {
      named = true;
    }
  }
  if (!named) {
    damage("missing debtor and creditor name");
    return;
  }
  // The channel column is reported as written; a wallet named in the text is reported
  // beside it, since "wire" paid "via WeChat Pay QR" went through the wallet.
  r.channel = trim(r.channel);
  for (std::size_t i = 0; i < r.remittance_count && r.wallet_in_text.empty(); ++i) {
    r.wallet_in_text = wallet_in_text(r.remittance_slots[i]);
  }
  if (r.wallet_in_text.empty()) r.wallet_in_text = wallet_in_text(r.purpose);
  ++emitted_;
  sink_.payment(r);
}

void RecordBuilder::damage(std::string_view reason) {
  // One report per record: the first fault says why it is skipped.
  if (failed_) return;
  failed_ = true;
  damage_at(record_.evidence.line, record_.evidence.offset, reason, false);
}

void RecordBuilder::damage_at(std::uint64_t line, std::uint64_t offset, std::string_view reason, bool fatal) {
  PaymentDamage d;
  d.file = file_;
  d.line = line;
  d.offset = offset;
  d.reason = reason;
  d.fatal = fatal;
  sink_.damage(d);
}

}  // namespace interdict::payments
