// PaymentRecord to Observation: what the engine needs to decide a payment.
#include <algorithm>
#include <array>

#include "readers/payments/payments.h"

namespace interdict {

Observation to_observation(const PaymentRecord& record, Instant fallback) {
  Observation obs;
  obs.activity = Activity::kPayment;
  obs.at = record.time_precision == TimePrecision::kNone ? fallback : record.time;
  obs.evidence.file = record.evidence.file;
  obs.evidence.line = record.evidence.line;
  // The channel and a wallet named in text are names as written: the orders say which
  // wallets they designate, and a name that matches only in part is for review.
  if (!record.channel.empty()) (void)obs.add_probe(ProbeKind::kName, record.channel);
  if (!record.wallet_in_text.empty() && record.wallet_in_text != record.channel) {
    // Named in free text: a mention, which asks for review but never prohibits alone.
    (void)obs.add_probe(ProbeKind::kName, record.wallet_in_text, Strength::kMention);
  }
  // The receiving side first: a designated counterparty is most often the one paid.
  static constexpr std::array kOrder{PartyRole::kCreditor,         PartyRole::kUltimateCreditor,
                                     PartyRole::kDebtor,           PartyRole::kUltimateDebtor,
                                     PartyRole::kInitiatingParty,  PartyRole::kCreditorAgent,
                                     PartyRole::kDebtorAgent,      PartyRole::kIntermediaryAgent,
                                     PartyRole::kInstructingAgent, PartyRole::kInstructedAgent};
  for (const PartyRole role : kOrder) {
    for (const Party& p : record.parties()) {
      if (p.role != role || p.name.empty()) continue;
      // The same name in two roles (a debtor that is also the initiating party) is one probe.
      const bool seen = std::any_of(obs.probes.begin(), obs.probes.begin() + obs.probe_count,
                                    [&p](const Probe& probe) { return probe.value == p.name; });
      if (!seen) (void)obs.add_probe(ProbeKind::kName, p.name);
    }
  }
  for (const Party& p : record.parties()) {
    if (p.country.empty()) continue;
    const auto seen =
        std::find_if(obs.countries.begin(), obs.countries.begin() + obs.country_count,
                     [&p](const std::array<char, 2>& c) { return p.country[0] == c[0] && p.country[1] == c[1]; });
    if (seen == obs.countries.begin() + obs.country_count) (void)obs.add_country(p.country);
  }
  return obs;
}

}  // namespace interdict
