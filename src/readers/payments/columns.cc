#include <array>
#include <string>

#include "readers/payments/readers.h"

namespace interdict::payments {
namespace {

constexpr std::size_t kMaxFolded = 128;

// Folds ASCII case and drops '_', '-', ' ', '.'; bytes past ASCII are kept as they are.
// Returns "" when the folded name would not fit.
std::string_view fold(std::string_view text, std::array<char, kMaxFolded>& buffer) {
  std::size_t n = 0;
  for (const char c : trim(text)) {
    if (c == '_' || c == '-' || c == ' ' || c == '.') continue;
    if (n == buffer.size()) return {};
    buffer[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {buffer.data(), n};
}

struct Name {
  std::string_view folded;
  Field field;
};
constexpr std::array kGeneral{
    Name{"paymentid", Field::kPaymentId},
    Name{"id", Field::kPaymentId},
    Name{"transactionid", Field::kPaymentId},
    Name{"txid", Field::kPaymentId},
    Name{"txnid", Field::kPaymentId},
    Name{"endtoendid", Field::kPaymentId},
    Name{"uetr", Field::kPaymentId},
    Name{"instructionid", Field::kPaymentId},
    Name{"messageid", Field::kMessageId},
    Name{"msgid", Field::kMessageId},
    Name{"batchid", Field::kMessageId},
    Name{"time", Field::kTime},
    Name{"timestamp", Field::kTime},
    Name{"datetime", Field::kTime},
    Name{"date", Field::kTime},
    Name{"createdat", Field::kTime},
    Name{"valuedate", Field::kTime},
    Name{"executiondate", Field::kTime},
    Name{"settlementdate", Field::kTime},
    Name{"amount", Field::kAmount},
    Name{"amt", Field::kAmount},
    Name{"instdamt", Field::kAmount},
    Name{"currency", Field::kCurrency},
    Name{"ccy", Field::kCurrency},
    Name{"currencycode", Field::kCurrency},
    Name{"channel", Field::kChannel},
    Name{"wallet", Field::kChannel},
    Name{"method", Field::kChannel},
    Name{"paymentmethod", Field::kChannel},
    Name{"paymentchannel", Field::kChannel},
    Name{"rail", Field::kChannel},
    Name{"remittance", Field::kRemittance},
    Name{"remittanceinfo", Field::kRemittance},
    Name{"remittanceinformation", Field::kRemittance},
    Name{"memo", Field::kRemittance},
    Name{"description", Field::kRemittance},
    Name{"narrative", Field::kRemittance},
    Name{"details", Field::kRemittance},
    Name{"purpose", Field::kPurpose},
    Name{"purposecode", Field::kPurpose},
};

struct Prefix {
  std::string_view folded;
  PartyRole role;
};
// Longer prefixes first, so "debtorbank" is tried before "debtor".
constexpr std::array kPrefixes{
    Prefix{"intermediaryagent", PartyRole::kIntermediaryAgent},
    Prefix{"intermediarybank", PartyRole::kIntermediaryAgent},
    Prefix{"beneficiarybank", PartyRole::kCreditorAgent},
    Prefix{"originatorbank", PartyRole::kDebtorAgent},
    Prefix{"ultimatecreditor", PartyRole::kUltimateCreditor},
    Prefix{"ultimatedebtor", PartyRole::kUltimateDebtor},
    Prefix{"creditoragent", PartyRole::kCreditorAgent},
    Prefix{"creditorbank", PartyRole::kCreditorAgent},
    Prefix{"receiverbank", PartyRole::kCreditorAgent},
    Prefix{"debtoragent", PartyRole::kDebtorAgent},
    Prefix{"debtorbank", PartyRole::kDebtorAgent},
    Prefix{"senderbank", PartyRole::kDebtorAgent},
    Prefix{"payeebank", PartyRole::kCreditorAgent},
    Prefix{"payerbank", PartyRole::kDebtorAgent},
    Prefix{"beneficiary", PartyRole::kCreditor},
    Prefix{"originator", PartyRole::kDebtor},
    Prefix{"ultmtcdtr", PartyRole::kUltimateCreditor},
    Prefix{"ultmtdbtr", PartyRole::kUltimateDebtor},
    Prefix{"recipient", PartyRole::kCreditor},
    Prefix{"creditor", PartyRole::kCreditor},
    Prefix{"receiver", PartyRole::kCreditor},
    Prefix{"remitter", PartyRole::kDebtor},
    Prefix{"cdtragt", PartyRole::kCreditorAgent},
    Prefix{"dbtragt", PartyRole::kDebtorAgent},
    Prefix{"debtor", PartyRole::kDebtor},
    Prefix{"sender", PartyRole::kDebtor},
    Prefix{"payee", PartyRole::kCreditor},
    Prefix{"payer", PartyRole::kDebtor},
    Prefix{"cdtr", PartyRole::kCreditor},
    Prefix{"dbtr", PartyRole::kDebtor},
    Prefix{"from", PartyRole::kDebtor},
    Prefix{"to", PartyRole::kCreditor},
};

constexpr std::array kSuffixes{
    Name{"", Field::kName},
    Name{"name", Field::kName},
    Name{"nm", Field::kName},
    Name{"fullname", Field::kName},
    Name{"country", Field::kCountry},
    Name{"ctry", Field::kCountry},
    Name{"countrycode", Field::kCountry},
    Name{"account", Field::kAccount},
    Name{"acct", Field::kAccount},
    Name{"iban", Field::kAccount},
    Name{"accountnumber", Field::kAccount},
    Name{"accountno", Field::kAccount},
    Name{"accountid", Field::kAccount},
    Name{"bic", Field::kBic},
    Name{"bicfi", Field::kBic},
    Name{"swift", Field::kBic},
    Name{"swiftcode", Field::kBic},
    Name{"swiftbic", Field::kBic},
    Name{"bankbic", Field::kBic},
    Name{"agentbic", Field::kBic},
    Name{"lei", Field::kLei},
    Name{"address", Field::kAddress},
    Name{"addr", Field::kAddress},
    Name{"adrline", Field::kAddress},
    Name{"lines", Field::kAddress},
    Name{"street", Field::kAddress},
    Name{"city", Field::kAddress},
    Name{"postcode", Field::kAddress},
    Name{"id", Field::kId},
    Name{"identifier", Field::kId},
};

Field suffix_field(std::string_view rest) {
  for (const Name& s : kSuffixes) {
    if (s.folded == rest) return s.field;
  }
  return Field::kNone;
}

// Our own name for a target: "amount", "creditor_name", "debtor_agent_bic".
std::string canonical_name(const Target& t) {
  switch (t.field) {
    case Field::kNone: return "";
    case Field::kPaymentId: return "payment_id";
    case Field::kMessageId: return "message_id";
    case Field::kTime: return "time";
    case Field::kAmount: return "amount";
    case Field::kCurrency: return "currency";
    case Field::kChannel: return "channel";
    case Field::kRemittance: return "remittance";
    case Field::kPurpose: return "purpose";
    default: break;
  }
  std::string name(party_role_name(t.role));
  switch (t.field) {
    case Field::kName: return name + "_name";
    case Field::kCountry: return name + "_country";
    case Field::kAccount: return name + "_account";
    case Field::kBic: return name + "_bic";
    case Field::kLei: return name + "_lei";
    case Field::kAddress: return name + "_address";
    case Field::kId: return name + "_id";
    default: return "";
  }
}

Target resolve_folded(std::string_view key) {
  for (const Name& g : kGeneral) {
    if (g.folded == key) return {g.field, PartyRole::kDebtor};
  }
  for (const Prefix& p : kPrefixes) {
    if (!key.starts_with(p.folded)) continue;
    if (const Field f = suffix_field(key.substr(p.folded.size())); f != Field::kNone) return {f, p.role};
  }
  return {};
}

}  // namespace

Result<ColumnMap> ColumnMap::parse(std::string_view mapping) {
  ColumnMap map;
  while (!trim(mapping).empty()) {
    const std::size_t comma = mapping.find(',');
    const std::string_view entry = trim(mapping.substr(0, comma));
    mapping = comma == std::string_view::npos ? std::string_view{} : mapping.substr(comma + 1);
    if (entry.empty()) continue;
    const std::size_t equals = entry.find('=');
    if (equals == std::string_view::npos) {
      return Error(ErrorCategory::kInvalidArgument, "column mapping `" + std::string(entry) + "` has no `=`");
    }
    const std::string_view field = trim(entry.substr(0, equals));
    const std::string_view column = trim(entry.substr(equals + 1));
    std::array<char, kMaxFolded> a{}, b{};
    const Target target = resolve_folded(fold(field, a));
    // Only our own names are accepted on the left, not synonyms, so a mapping reads alike
    // to everyone: "creditor_name", never "payee".
    const std::string canonical = canonical_name(target);
    if (canonical != field) {
      std::string message = "column mapping: unknown field `" + std::string(field) + "`";
      if (!canonical.empty()) message += ", did you mean `" + canonical + "`";
      return Error(ErrorCategory::kInvalidArgument, message);
    }
    const std::string_view folded = fold(column, b);
    if (folded.empty()) {
      return Error(ErrorCategory::kInvalidArgument, "column mapping: field `" + canonical + "` names no column");
    }
    map.mapped_.emplace_back(std::string(folded), target);
  }
  return map;
}

Target ColumnMap::resolve(std::string_view header) const {
  std::array<char, kMaxFolded> buffer{};
  const std::string_view key = fold(header, buffer);
  if (key.empty()) return {};
  for (const auto& [column, target] : mapped_) {
    if (column == key) return target;
  }
  return resolve_folded(key);
}

Target ColumnMap::resolve_party_key(std::string_view key, PartyRole role) {
  std::array<char, kMaxFolded> buffer{};
  const std::string_view folded = fold(key, buffer);
  if (folded.empty()) return {};
  const Field field = suffix_field(folded);
  return {field, role};
}

void apply(RecordBuilder& out, const Target& target, std::string_view value) {
  PaymentRecord& r = out.record();
  switch (target.field) {
    case Field::kNone: return;
    case Field::kPaymentId: r.payment_id = value; return;
    case Field::kMessageId: r.message_id = value; return;
    case Field::kTime: (void)out.set_time(value); return;
    case Field::kAmount: (void)out.set_amount(value); return;
    case Field::kCurrency: (void)out.set_currency(value); return;
    case Field::kChannel: r.channel = value; return;
    case Field::kRemittance: out.add_remittance(value); return;
    case Field::kPurpose: r.purpose = value; return;
    default: break;
  }
  Party* party = out.party(target.role);
  if (party == nullptr) return;
  switch (target.field) {
    case Field::kName: party->name = value; return;
    case Field::kCountry: {
      const std::string_view code = country_code(value);
      if (code.empty()) {
        out.damage("country `" + std::string(value) + "` is not an iso 3166 alpha-2 code");
        return;
      }
      RecordBuilder::set_country(*party, code, CountrySource::kAddress);
      return;
    }
    case Field::kAccount:
      party->account = value;
      party->account_is_iban = !iban_country(value).empty();
      return;
    case Field::kBic: party->bic = value; return;
    case Field::kLei: party->lei = value; return;
    case Field::kAddress: RecordBuilder::add_address(*party, value); return;
    case Field::kId: RecordBuilder::add_id(*party, value); return;
    default: return;
  }
}

}  // namespace interdict::payments
