// Payment files: which format a file is (sniff_payment_format), and one entry
// (decode_payments) that reads ISO 20022 pain.001 and pacs.008 XML, CSV and JSON Lines into
// PaymentRecords: who paid whom (parties with names, countries, accounts, BICs, LEIs),
// how much, when, through which channel or wallet, and where in the file it was written.
//
// A reader knows bytes, not law: it reports the payment as written and never decides
// whether a party or channel is designated; in_scope() is a helper for the caller's
// jurisdiction test. grammar.md beside this header lists what is read from each format
// and the specs it follows; docs/payments.md gives the CSV and JSON Lines column names.
//
// Thread-safety: free functions without shared state; each call reads one input, and the
// sink is called from the calling thread only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "base/result.h"
#include "base/time.h"
#include "engine/engine.h"

namespace interdict {

enum class PaymentFormat : std::uint8_t {
  kUnknown,
  kPain001,    // ISO 20022 customer credit transfer initiation, pain.001.001.03 to .11
  kPacs008,    // ISO 20022 FI-to-FI customer credit transfer, pacs.008.001.02 to .12
  kCsv,        // one payment a row, named columns (comma or tab)
  kJsonLines,  // one payment a line, a JSON object
};
// "pain.001", "pacs.008", "csv", "jsonl", "unknown".
[[nodiscard]] std::string_view payment_format_name(PaymentFormat format);

enum class PartyRole : std::uint8_t {
  kDebtor,             // Dbtr: who pays
  kCreditor,           // Cdtr: who is paid
  kUltimateDebtor,     // UltmtDbtr: on whose behalf the debtor pays
  kUltimateCreditor,   // UltmtCdtr: for whom the creditor is paid
  kInitiatingParty,    // InitgPty: who sent the pain.001 (often a payment processor)
  kDebtorAgent,        // DbtrAgt: the debtor's bank
  kCreditorAgent,      // CdtrAgt: the creditor's bank
  kIntermediaryAgent,  // IntrmyAgt1..3: banks in between
  kInstructingAgent,   // InstgAgt (pacs.008): the bank sending this message
  kInstructedAgent,    // InstdAgt (pacs.008): the bank receiving it
};
// "debtor", "creditor", "ultimate_debtor", ..., "instructed_agent".
[[nodiscard]] std::string_view party_role_name(PartyRole role);

// Where a party's country came from, strongest first: a party may have several and the
// strongest wins.
enum class CountrySource : std::uint8_t {
  kNone,
  kAddress,    // PstlAdr/Ctry, or a CSV/JSON country column
  kResidence,  // CtryOfRes
  kIban,       // the first two letters of the party's IBAN
  kBic,        // letters 5-6 of the party's own BIC (AnyBIC, BICFI)
};
// "address", "residence", "iban", "bic", "".
[[nodiscard]] std::string_view country_source_name(CountrySource source);

// What a party is, when the file says: ISO 20022 identifies a party by Id/OrgId
// (organisation) or Id/PrvtId (person), and an agent is a financial institution. CSV and
// JSON Lines do not say.
enum class PartyKind : std::uint8_t { kUnknown, kPerson, kOrganisation };

// One party of a payment. Every view points into the input or the reader's buffers and is
// valid during the sink call only.
struct Party {
  static constexpr std::size_t kMaxAddressLines = 8;
  static constexpr std::size_t kMaxOtherIds = 4;

  PartyRole role = PartyRole::kDebtor;
  PartyKind kind = PartyKind::kUnknown;
  std::string_view name;
  std::string_view country;  // ISO 3166 alpha-2, uppercase, or "" when unknown
  CountrySource country_source = CountrySource::kNone;
  std::string_view account;  // an IBAN, or another account id (Othr/Id, a CSV column)
  bool account_is_iban = false;
  std::string_view bic;  // BICFI / BIC / AnyBIC / BICOrBEI
  std::string_view lei;
  std::array<std::string_view, kMaxAddressLines> address{};  // AdrLine, else the structured parts
  std::uint8_t address_count = 0;
  std::array<std::string_view, kMaxOtherIds> other_ids{};  // Othr/Id, ClrSysMmbId/MmbId
  std::uint8_t other_id_count = 0;

  [[nodiscard]] std::span<const std::string_view> address_lines() const { return {address.data(), address_count}; }
  [[nodiscard]] std::span<const std::string_view> ids() const { return {other_ids.data(), other_id_count}; }
};

// How precise a payment's time is. An ISO 20022 ISODateTime may be written without a zone;
// such a time is read as UTC and marked kLocal, so the caller can widen its window.
enum class TimePrecision : std::uint8_t { kNone, kDate, kLocal, kZoned };

// Where a payment was written.
struct PaymentEvidence {
  std::string_view file;
  std::uint64_t line = 0;    // 1-based line of the transaction's first byte
  std::uint64_t offset = 0;  // byte offset of the transaction (element, row or line)
  std::string_view path;     // "/Document/CstmrCdtTrfInitn/PmtInf[1]/CdtTrfTxInf[2]", "" for rows
};

// One payment. Views as in Party.
struct PaymentRecord {
  static constexpr std::size_t kMaxParties = 12;
  static constexpr std::size_t kMaxRemittanceLines = 8;

  PaymentFormat format = PaymentFormat::kUnknown;
  std::string_view message_type;    // "pain.001.001.09" from the XML namespace; "" for rows
  std::string_view message_id;      // GrpHdr/MsgId, a CSV/JSON message_id
  std::string_view payment_id;      // EndToEndId, else InstrId, else UETR; the CSV/JSON payment_id
  std::string_view instruction_id;  // InstrId, or ""
  std::string_view uetr;            // UETR, or ""
  // The channel column as written ("WeChat Pay", "wire", "微信支付"), or "". The reader does
  // not know which wallets any order designates: the caller screens this as a name.
  std::string_view channel;
  // A wallet named in remittance or purpose text, as written there ("WeChat Pay" in "Paid
  // via WeChat Pay QR", "Zephyr Pay"; fields.h says how it is found), or "". Weaker than
  // a channel column: free text may mention a wallet it was not paid through.
  std::string_view wallet_in_text;

  std::string_view amount_text;   // the amount as written, "1250.00"
  std::int64_t amount_units = 0;  // the exact amount is amount_units / 10^amount_scale
  std::uint8_t amount_scale = 0;
  std::string_view currency;  // ISO 4217 shape: three uppercase letters

  std::string_view time_text;  // ReqdExctnDt, IntrBkSttlmDt, else CreDtTm; the time column
  Instant time = 0;            // meaningful unless time_precision is kNone
  TimePrecision time_precision = TimePrecision::kNone;

  std::array<Party, kMaxParties> party_slots{};
  std::uint8_t party_count = 0;
  std::array<std::string_view, kMaxRemittanceLines> remittance_slots{};  // RmtInf/Ustrd, Strd refs
  std::uint8_t remittance_count = 0;
  std::string_view purpose;  // Purp/Cd or Purp/Prtry, or a purpose column

  PaymentEvidence evidence;

  [[nodiscard]] std::span<const Party> parties() const { return {party_slots.data(), party_count}; }
  [[nodiscard]] std::span<const std::string_view> remittance() const {
    return {remittance_slots.data(), remittance_count};
  }
  // The first party with `role`, or nullptr.
  [[nodiscard]] const Party* party(PartyRole role) const;
  // The amount as a double, for display and thresholds; amount_units/amount_scale is exact.
  [[nodiscard]] double amount() const;
};

// Something a reader could not read. Local damage (one transaction, row or line) is skipped
// and the rest read; fatal damage ends the file, after every payment read before it.
struct PaymentDamage {
  std::string_view file;
  std::uint64_t line = 0;  // 1-based, 0 when unknown
  std::uint64_t offset = 0;
  std::string_view reason;  // lowercase, no final period ("amount `12,50` is not a decimal")
  bool fatal = false;
};

// Receives what a payment reader finds. Implementations decide what to keep and copy.
class PaymentSink {
 public:
  virtual ~PaymentSink() = default;
  virtual void payment(const PaymentRecord& record) = 0;
  virtual void damage(const PaymentDamage& damage) = 0;
};

struct PaymentReadOptions {
  // Extra CSV header or JSON key names, "creditor_name=Beneficiary Name,amount=Amt": each
  // names one of our fields (docs/payments.md) and the column that holds it. Checked by
  // parse_column_mapping; an invalid mapping given here is one fatal damage.
  std::string_view column_mapping;
};

// Checks a column mapping string. Errors (kInvalidArgument): an entry without '=', an
// unknown field name ("did you mean" where close), an empty column name.
[[nodiscard]] Status check_column_mapping(std::string_view mapping);

// Decides the format of a payment file from its first bytes (`head`; 64 KiB is plenty):
// the ISO 20022 namespace or message element for XML, a header naming payment columns for
// CSV, an object with payment keys for JSON Lines. `file_name` is used only to break a tie
// (a ".csv" or ".jsonl" suffix). Returns kUnknown when neither tells. Never fails.
[[nodiscard]] PaymentFormat sniff_payment_format(std::string_view file_name, std::span<const std::byte> head);

// Reads one payment file and reports every payment in it to `sink`.
//
// Input: the whole file (mapped or read). XML is parsed by pugixml into its own tree (a
// DOM costs about three times the file: a 100k-transaction file of 200 MB stays under a
// GiB, and the tree lets a transaction inherit its PmtInf's debtor without a second pass).
// CSV and JSON Lines are read line by line without copying the file.
// `file`: copied into evidence and damage as given.
// Damage: a transaction or row missing a required element (payment id, amount, currency,
// debtor or creditor name), a bad amount, a currency not shaped like ISO 4217, a CSV row
// with the wrong column count, a JSON line that is not an object: local, skipped. XML that
// is not well-formed yields every transaction complete before the break, then one fatal
// damage with its line and byte offset. A file with no message element, no usable header,
// or kUnknown format is one fatal damage.
void decode_payments(PaymentFormat format, std::span<const std::byte> bytes, std::string_view file, PaymentSink& sink,
                     const PaymentReadOptions& options = {});

// True when any party's country is `country` (ISO 3166 alpha-2, compared case-blind), or
// one of `countries` (a jurisdiction and its territories). Parties without a country never
// count; the engine decides what an unknown country means.
[[nodiscard]] bool in_scope(const PaymentRecord& record, std::string_view country);
[[nodiscard]] bool in_scope(const PaymentRecord& record, std::span<const std::string_view> countries);

// The payment as an Observation: activity `payment`; probes, in this order, the channel as
// a name (as written, when given), the wallet named in text as a name, and the names
// of the creditor, ultimate creditor, debtor, ultimate debtor, initiating party and agents,
// each distinct name once, as many as Observation::kMaxProbes holds; every distinct party
// country (up to kMaxCountries); `at` the payment's time, or `fallback` when it has none.
// Views point into `record`: the Observation is valid as long as the record is.
[[nodiscard]] Observation to_observation(const PaymentRecord& record, Instant fallback);

}  // namespace interdict
