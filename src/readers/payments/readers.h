// Internal to the payment readers: the entry of each format, and the column names CSV
// headers and JSON keys share (docs/payments.md lists them).
//
// Thread-safety: a ColumnMap is immutable once built and may be shared; the decode
// functions are one call per input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/payments/fields.h"

namespace interdict::payments {

enum class Field : std::uint8_t {
  kNone,
  kPaymentId,
  kMessageId,
  kTime,
  kAmount,
  kCurrency,
  kChannel,
  kRemittance,
  kPurpose,
  // Party fields; Target::role says whose.
  kName,
  kCountry,
  kAccount,
  kBic,
  kLei,
  kAddress,
  kId,
};

// What a column or key holds.
struct Target {
  Field field = Field::kNone;
  PartyRole role = PartyRole::kDebtor;
  [[nodiscard]] bool is_party() const { return field >= Field::kName; }
};

// Resolves header and key names: the user's mapping first, then our names and synonyms,
// compared with ASCII case folded and '_', '-', ' ', '.' dropped.
class ColumnMap {
 public:
  // Parses "creditor_name=Beneficiary Name,amount=Amt". Errors (kInvalidArgument) as
  // check_column_mapping.
  [[nodiscard]] static Result<ColumnMap> parse(std::string_view mapping);

  [[nodiscard]] Target resolve(std::string_view header) const;
  // A key inside a nested party object ("name", "iban", "bic"): only party fields.
  [[nodiscard]] static Target resolve_party_key(std::string_view key, PartyRole role);

 private:
  std::vector<std::pair<std::string, Target>> mapped_;  // folded column name, target
};

// Sets `value` (already trimmed, non-empty) into the record being built.
void apply(RecordBuilder& out, const Target& target, std::string_view value);

void decode_iso20022(PaymentFormat format, std::string_view text, std::string_view file, PaymentSink& sink);
void decode_payment_csv(std::string_view text, std::string_view file, PaymentSink& sink, const ColumnMap& columns);
void decode_payment_jsonl(std::string_view text, std::string_view file, PaymentSink& sink, const ColumnMap& columns);

}  // namespace interdict::payments
