// The face of the payment readers: names, sniffing by content, the dispatch, and the
// record helpers.
#include "readers/payments/payments.h"

#include <algorithm>
#include <string>

#include "readers/common/csv.h"
#include "readers/payments/readers.h"

namespace interdict {
namespace {

using payments::ColumnMap;
using payments::Field;
using payments::Target;
using payments::trim;

struct Evidence {
  bool amount = false;
  bool party = false;
};

void note(Evidence& e, const Target& t) {
  e.amount |= t.field == Field::kAmount;
  e.party |= t.field == Field::kName && (t.role == PartyRole::kDebtor || t.role == PartyRole::kCreditor);
}

// The keys of the first JSON object in `line`: every quoted string followed by ':'. Nested
// keys count too, which is what "debtor": {"name": ...} needs.
Evidence json_keys(std::string_view line) {
  const ColumnMap columns;
  Evidence e;
  std::size_t pos = 0;
  while ((pos = line.find('"', pos)) != std::string_view::npos) {
    std::size_t end = pos + 1;
    while (end < line.size() && line[end] != '"') end += line[end] == '\\' ? 2 : 1;
    if (end >= line.size()) break;
    const std::string_view key = line.substr(pos + 1, end - pos - 1);
    std::size_t after = end + 1;
    while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
    if (after < line.size() && line[after] == ':') note(e, columns.resolve(key));
    pos = end + 1;
  }
  return e;
}

Evidence csv_header(std::string_view line) {
  const ColumnMap columns;
  Evidence e;
  CsvParser parser(detect_csv_delimiter(line));
  if (parser.feed(line) != CsvParser::Step::kDone || parser.field_count() < 2) return e;
  for (std::size_t i = 0; i < parser.field_count(); ++i) note(e, columns.resolve(parser.field(i)));
  return e;
}

bool ends_with_folded(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  const std::string_view tail = name.substr(name.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

}  // namespace

std::string_view payment_format_name(PaymentFormat format) {
  switch (format) {
    case PaymentFormat::kUnknown: return "unknown";
    case PaymentFormat::kPain001: return "pain.001";
    case PaymentFormat::kPacs008: return "pacs.008";
    case PaymentFormat::kCsv: return "csv";
    case PaymentFormat::kJsonLines: return "jsonl";
  }
  return "unknown";
}

std::string_view party_role_name(PartyRole role) {
  switch (role) {
    case PartyRole::kDebtor: return "debtor";
    case PartyRole::kCreditor: return "creditor";
    case PartyRole::kUltimateDebtor: return "ultimate_debtor";
    case PartyRole::kUltimateCreditor: return "ultimate_creditor";
    case PartyRole::kInitiatingParty: return "initiating_party";
    case PartyRole::kDebtorAgent: return "debtor_agent";
    case PartyRole::kCreditorAgent: return "creditor_agent";
    case PartyRole::kIntermediaryAgent: return "intermediary_agent";
    case PartyRole::kInstructingAgent: return "instructing_agent";
    case PartyRole::kInstructedAgent: return "instructed_agent";
  }
  return "?";
}

std::string_view country_source_name(CountrySource source) {
  switch (source) {
    case CountrySource::kNone: return "";
    case CountrySource::kAddress: return "address";
    case CountrySource::kResidence: return "residence";
    case CountrySource::kIban: return "iban";
    case CountrySource::kBic: return "bic";
  }
  return "";
}

const Party* PaymentRecord::party(PartyRole role) const {
  for (const Party& p : parties()) {
    if (p.role == role) return &p;
  }
  return nullptr;
}

double PaymentRecord::amount() const {
  double value = static_cast<double>(amount_units);
  for (std::uint8_t i = 0; i < amount_scale; ++i) value /= 10;
  return value;
}

Status check_column_mapping(std::string_view mapping) {
  Result<ColumnMap> map = ColumnMap::parse(mapping);
  if (!map) return map.error();
  return Ok{};
}

PaymentFormat sniff_payment_format(std::string_view file_name, std::span<const std::byte> head) {
  std::string_view text(reinterpret_cast<const char*>(head.data()), head.size());
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return PaymentFormat::kUnknown;
  text.remove_prefix(first);
  if (text.front() == '<') {
    const std::size_t pain = std::min(text.find("CstmrCdtTrfInitn"), text.find("pain.001."));
    const std::size_t pacs = std::min(text.find("FIToFICstmrCdtTrf"), text.find("pacs.008."));
    if (pain == pacs) return PaymentFormat::kUnknown;  // both npos
    return pain < pacs ? PaymentFormat::kPain001 : PaymentFormat::kPacs008;
  }
  const std::string_view line = text.substr(0, text.find('\n'));
  const bool json = text.front() == '{';
  const Evidence e = json ? json_keys(line) : csv_header(trim(line));
  if (e.amount && e.party) return json ? PaymentFormat::kJsonLines : PaymentFormat::kCsv;
  if (!e.amount && !e.party) return PaymentFormat::kUnknown;
  // Half the evidence: the file name decides.
  if (json && (ends_with_folded(file_name, ".jsonl") || ends_with_folded(file_name, ".ndjson"))) {
    return PaymentFormat::kJsonLines;
  }
  if (!json && (ends_with_folded(file_name, ".csv") || ends_with_folded(file_name, ".tsv"))) return PaymentFormat::kCsv;
  return PaymentFormat::kUnknown;
}

void decode_payments(PaymentFormat format, std::span<const std::byte> bytes, std::string_view file, PaymentSink& sink,
                     const PaymentReadOptions& options) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  Result<ColumnMap> columns = ColumnMap::parse(options.column_mapping);
  payments::RecordBuilder out(format, file, sink);
  if (!columns) return out.damage_at(0, 0, columns.error().message(), true);
  switch (format) {
    case PaymentFormat::kPain001:
    case PaymentFormat::kPacs008: return payments::decode_iso20022(format, text, file, sink);
    case PaymentFormat::kCsv: return payments::decode_payment_csv(text, file, sink, *columns);
    case PaymentFormat::kJsonLines: return payments::decode_payment_jsonl(text, file, sink, *columns);
    case PaymentFormat::kUnknown: break;
  }
  out.damage_at(0, 0, "unknown payment format", true);
}

bool in_scope(const PaymentRecord& record, std::string_view country) {
  const std::string_view code = payments::country_code(country);
  if (code.empty()) return false;
  return std::any_of(record.parties().begin(), record.parties().end(),
                     [code](const Party& p) { return p.country == code; });
}

bool in_scope(const PaymentRecord& record, std::span<const std::string_view> countries) {
  return std::any_of(countries.begin(), countries.end(),
                     [&record](std::string_view country) { return in_scope(record, country); });
}

}  // namespace interdict
