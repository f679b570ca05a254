// Internal to the payment readers: the field checks every format shares (amounts, currency
// codes, times, countries from IBANs and BICs, wallets named in text), and the small
// builder that fills a reused PaymentRecord and hands it, or damage, to the sink.
//
// Thread-safety: free functions are pure; a RecordBuilder is one per input, not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "readers/payments/payments.h"

namespace interdict::payments {

// Strips ASCII whitespace (space, tab, CR, LF) at both ends.
[[nodiscard]] std::string_view trim(std::string_view text);

// Parses a non-negative decimal "1250", "1250.5", "0.01" (ISO 20022 ActiveCurrencyAndAmount:
// at most 18 digits, 5 of them after the point). On success sets units/scale and returns "";
// else returns a lowercase reason ("not a decimal", "more than 18 digits").
[[nodiscard]] std::string_view parse_amount(std::string_view text, std::int64_t& units, std::uint8_t& scale);

// True for three uppercase ASCII letters (the ISO 4217 shape; whether the code is assigned
// is not checked, since historic codes appear in old files).
[[nodiscard]] bool is_currency_code(std::string_view text);

// Parses "2020-09-21" (kDate), "2020-09-21T10:30:00" with optional fraction (kLocal, read
// as UTC) or with "Z"/"+08:00" (kZoned). A space may stand for 'T'. False when malformed.
[[nodiscard]] bool parse_payment_time(std::string_view text, Instant& out, TimePrecision& precision);

// The country of an IBAN (its first two letters) or a BIC (letters 5-6), or "" when the
// text does not have the shape (IBAN: 2 letters, 2 digits, up to 30 alphanumerics; BIC: 8
// or 11 alphanumerics with letters in 1-6).
[[nodiscard]] std::string_view iban_country(std::string_view iban);
[[nodiscard]] std::string_view bic_country(std::string_view bic);

// A country code: two ASCII letters, returned uppercase (lowercase input is answered from
// a static table, so the view outlives the input); "" otherwise.
[[nodiscard]] std::string_view country_code(std::string_view text);

// A wallet named inside free text, as written there (a view into `text`): a phrase people
// write for a wallet ("paid via WECHAT PAY QR" -> "WECHAT PAY", "支付宝转账" -> "支付宝"), else
// "<word> Pay" or "<word> Wallet" ("Zephyr Pay"); "" when none. It names no order's subject:
// the caller screens it as a name.
[[nodiscard]] std::string_view wallet_in_text(std::string_view text);

// Counts lines lazily from the last query forward or back, so offsets that mostly grow
// cost one pass over the text in all.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}
  // The 1-based line that holds byte `offset` (offsets past the end count as the end).
  [[nodiscard]] std::uint64_t line_at(std::uint64_t offset);

 private:
  std::string_view text_;
  std::uint64_t pos_ = 0;
  std::uint64_t line_ = 1;
};

// Fills one PaymentRecord after another (the same storage, so no allocation once warm) and
// reports records and damage to the sink with the file name set.
class RecordBuilder {
 public:
  RecordBuilder(PaymentFormat format, std::string_view file, PaymentSink& sink);
  RecordBuilder(const RecordBuilder&) = delete;
  RecordBuilder& operator=(const RecordBuilder&) = delete;

  // Clears the record for the next payment; evidence line/offset/path are set by the caller.
  PaymentRecord& start();
  [[nodiscard]] PaymentRecord& record() { return record_; }

  // A new party with `role`, or nullptr when the record is full (a local damage is kept
  // for finish()).
  Party* add_party(PartyRole role);
  // The existing party with `role`, else a new one.
  Party* party(PartyRole role);
  // Appends a remittance line (ignored past kMaxRemittanceLines, empty text ignored).
  void add_remittance(std::string_view text);
  // Appends an address line or id to a party (ignored past capacity, empty text ignored).
  static void add_address(Party& party, std::string_view text);
  static void add_id(Party& party, std::string_view text);
  // Sets a party's country when `source` is stronger than the one it has.
  static void set_country(Party& party, std::string_view code, CountrySource source);

  // Sets amount_text, units and scale; returns false after reporting a damage.
  bool set_amount(std::string_view text);
  // Sets the currency; returns false after reporting a damage.
  bool set_currency(std::string_view text);
  // Sets time_text and time when `text` parses; a malformed time is a damage, returns false.
  bool set_time(std::string_view text);

  // Derives countries from IBANs and BICs and the channel from remittance text, checks the
  // required fields (reporting a damage for the first one missing), and emits the record.
  void finish();

  // Reports damage at the current record's evidence (local) or at `line`/`offset`.
  void damage(std::string_view reason);
  void damage_at(std::uint64_t line, std::uint64_t offset, std::string_view reason, bool fatal);

  [[nodiscard]] std::uint64_t emitted() const { return emitted_; }
  [[nodiscard]] std::string_view file() const { return file_; }

 private:
  PaymentFormat format_;
  std::string_view file_;
  PaymentSink& sink_;
  PaymentRecord record_;
  std::string reason_;  // scratch for composed reasons
  std::uint64_t emitted_ = 0;
  bool failed_ = false;  // a damage was reported for the current record: do not emit it
};

}  // namespace interdict::payments
