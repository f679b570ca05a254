// PaymentScan: payments decided for the `payment` activity through the names the matcher
// finds in them, listed when they name something designated or listed.
#include "cli/scan_payments.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "cli/screen_output.h"

namespace interdict::cli {
namespace {

constexpr std::size_t kMaxDamageKept = 100;

// The receiving side first: a designated counterparty is most often the one paid.
constexpr std::array kRoleOrder{PartyRole::kCreditor,       PartyRole::kUltimateCreditor,  PartyRole::kDebtor,
                                PartyRole::kUltimateDebtor, PartyRole::kInitiatingParty,   PartyRole::kCreditorAgent,
                                PartyRole::kDebtorAgent,    PartyRole::kIntermediaryAgent, PartyRole::kInstructingAgent,
                                PartyRole::kInstructedAgent};

EntityKind entity_kind(PartyKind kind) {
  switch (kind) {
    case PartyKind::kPerson: return EntityKind::kPerson;
    case PartyKind::kOrganisation: return EntityKind::kOrganization;
    case PartyKind::kUnknown: break;
  }
  return EntityKind::kUnknown;
}

std::string_view party_kind_name(PartyKind kind) {
  switch (kind) {
    case PartyKind::kPerson: return "person";
    case PartyKind::kOrganisation: return "organization";
    case PartyKind::kUnknown: break;
  }
  return "";
}

}  // namespace

PaymentScan::PaymentScan(const OrderSet& orders, Options options)
    : orders_(orders),
      options_(std::move(options)),
      screen_(orders.corpus()),
      undated_at_(options_.as_of.value_or(static_cast<Instant>(::time(nullptr)))) {
  screen_.use_lists(options_.lists);
}

void PaymentScan::scan(const std::string& path, PaymentFormat format, std::span<const std::byte> bytes) {
  ++tally_.files;
  PaymentReadOptions read;
  read.column_mapping = options_.column_mapping;
  decode_payments(format, bytes, path, *this, read);
}

void PaymentScan::add_found(std::string_view from, std::string_view written, const ScreenAnswer& answer,
                            std::vector<NameFound>& found) {
  for (const NameHit& hit : answer.hits) {
    const std::string_view id = screen_.order_entry(hit).id;
    const bool match = hit.verdict == NameVerdict::kMatch;
    NameFound item{std::string(from), std::string(written), id, std::string(hit.name), hit.score, match,
                   why_text(hit.why)};
    // One probe per entry: a name that matches beats one that only resembles it.
    auto same = std::find_if(found.begin(), found.end(), [id](const NameFound& f) { return f.id == id; });
    if (same != found.end()) {
      if (match && !same->match) *same = std::move(item);
      continue;
    }
    if (found.size() < static_cast<std::size_t>(Observation::kMaxProbes)) found.push_back(std::move(item));
  }
}

void PaymentScan::screen_names(const PaymentRecord& record, std::vector<NameFound>& found) {
  const SearchHints none;
  if (!record.channel.empty())
    add_found("channel", record.channel, screen_.against_orders(record.channel, none), found);
  if (!record.wallet_in_text.empty()) {
    add_found("remittance", record.wallet_in_text, screen_.against_orders(record.wallet_in_text, none), found);
  }
  for (const PartyRole role : kRoleOrder) {
    for (const interdict::Party& p : record.parties()) {
      if (p.role != role || p.name.empty()) continue;
      const SearchHints hints{entity_kind(p.kind), p.country};
      add_found(party_role_name(role), p.name, screen_.against_orders(p.name, hints), found);
    }
  }
}

void PaymentScan::payment(const PaymentRecord& record) {
  ++tally_.payments;
  // The reader's Observation gives the time, the countries and the evidence; the names in
  // it are decided here, by what the cross-script matcher finds, as ids the engine knows.
  Observation obs = to_observation(record, undated_at_);
  if (options_.as_of) obs.at = *options_.as_of;
  obs.probe_count = 0;
  found_.clear();
  screen_names(record, found_);
  // A wallet named in remittance text is a mention (review at most), however well it matches.
  for (const NameFound& f : found_) {
    const Strength strength =
        !f.match ? Strength::kResemblance : (f.from == "remittance" ? Strength::kMention : Strength::kUse);
    (void)obs.add_probe(ProbeKind::kId, f.id, strength);
  }

  // No answer of this payment's parties may be evicted while `listed` points at them.
  screen_.trim();

  std::array<const ScreenAnswer*, PaymentRecord::kMaxParties> listed{};
  bool any_listed = false;
  if (screen_.has_lists()) {
    for (std::size_t i = 0; i < record.party_count; ++i) {
      const interdict::Party& p = record.party_slots[i];
      if (p.name.empty()) continue;
      listed[i] = &screen_.against_lists(p.name, SearchHints{entity_kind(p.kind), p.country});
      any_listed |= !listed[i]->hits.empty();
    }
  }
  Finding f;
  if (obs.probe_count > 0) f = orders_.decide(obs, options_.known_at.value_or(kEndOfTime));
  const bool named = f.match_count > 0 || f.designation_count > 0;
  if (!named && !any_listed) return;
  tally_.named += named ? 1 : 0;
  tally_.listed += any_listed ? 1 : 0;

  Hit& h = hits_.emplace_back();
  h.file = std::string(record.evidence.file);
  h.line = record.evidence.line;
  h.path = std::string(record.evidence.path);
  h.payment_id = std::string(record.payment_id);
  h.time = record.time_precision == TimePrecision::kNone ? "" : format_rfc3339(record.time);
  h.amount = std::string(record.amount_text);
  h.currency = std::string(record.currency);
  h.channel = std::string(record.channel);
  h.wallet_in_text = std::string(record.wallet_in_text);
  for (std::size_t i = 0; i < record.party_count; ++i) {
    const interdict::Party& p = record.party_slots[i];
    Party& out = h.parties.emplace_back();
    out.role = party_role_name(p.role);
    out.kind = party_kind_name(p.kind);
    out.name = p.name;
    out.country = p.country;
    out.account = p.account;
    out.bic = p.bic;
    if (listed[i] != nullptr) out.list_hits = listed[i]->hits;
  }
  h.names = found_;

  // The lists are not orders: a list hit alone asks for review, only an order prohibits.
  Verdict verdict = named ? f.verdict : Verdict::kReview;
  if (any_listed && verdict == Verdict::kPermitted) verdict = Verdict::kReview;
  h.list_review = any_listed && (!named || f.verdict == Verdict::kPermitted);
  tally_.prohibited += verdict == Verdict::kProhibited ? 1 : 0;
  tally_.review += verdict == Verdict::kReview ? 1 : 0;
  h.verdict = std::string(verdict_name(verdict));
  h.status = f.status == State::kUnknown ? "none" : std::string(state_name(f.status));
  const Identification* how = nullptr;
  if (const Match* m = f.governing_match()) {
    h.order = m->order->id;
    h.prohibition = m->clause().id;
    h.subject = m->subject->id;
    how = &m->how;
    h.in_scope = m->scope == ScopeTest::kInScope;
  } else if (f.designation_count > 0) {
    const Designation& d = f.designations[0];
    h.order = d.order != nullptr ? d.order->id : "";
    h.subject = d.subject != nullptr ? d.subject->id : (d.entity != nullptr ? d.entity->id : "");
    how = &d.how;
  }
  if (how != nullptr) {
    for (std::size_t i = 0; i < found_.size(); ++i) {
      if (found_[i].id.data() == how->probe_value.data()) h.governing_name = static_cast<int>(i);
    }
    h.matched_probe = "name";
    h.matched_value = h.governing_name >= 0 ? found_[static_cast<std::size_t>(h.governing_name)].written : "";
    h.matched_rule = h.governing_name >= 0 ? found_[static_cast<std::size_t>(h.governing_name)].listed : "";
  }
  if (h.governing_name >= 0) {
    const NameFound& n = found_[static_cast<std::size_t>(h.governing_name)];
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", n.score);
    h.reasons.push_back(n.from + " `" + n.written + "` " + (n.match ? "matches" : "resembles (review the identity)") +
                        " `" + n.listed + "` of `" + std::string(n.id) + "`, score " + score + ": " + n.why);
  }
  if (named) {
    for (const std::string& r : orders_.explain(f, obs)) h.reasons.push_back(r);
  }
  if (h.list_review) {
    h.reasons.push_back("review: a party is on a sanctions list (the lists are not orders: a person decides)");
  }
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

}  // namespace interdict::cli
