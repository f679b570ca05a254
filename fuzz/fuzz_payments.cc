// libFuzzer target for the payment readers. The first byte picks the path: 0 sniffs the
// rest by content, 1 to 4 force pain.001, pacs.008, CSV or JSON Lines; bit 3 adds a column
// mapping. The sink checks what every reader promises: a record has an amount, a currency
// that is empty or three letters, at least one named party, and a line; damage has a
// reason; at most one damage is fatal.
#include <cstddef>
#include <cstdint>
#include <span>

#include "readers/payments/payments.h"

namespace {

class Check : public interdict::PaymentSink {
 public:
  void payment(const interdict::PaymentRecord& r) override {
    if (r.amount_text.empty() || (!r.currency.empty() && r.currency.size() != 3) || r.parties().empty()) {
      __builtin_trap();
    }
    if (r.evidence.line == 0 || r.party_count > interdict::PaymentRecord::kMaxParties) __builtin_trap();
    for (const interdict::Party& p : r.parties()) {
      if (!p.country.empty() && p.country.size() != 2) __builtin_trap();
    }
    (void)interdict::in_scope(r, "US");
  }
  void damage(const interdict::PaymentDamage& d) override {
    if (d.reason.empty() || (d.fatal && ++fatal_ > 1)) __builtin_trap();
  }

 private:
  int fatal_ = 0;
};

constexpr interdict::PaymentFormat kFormats[] = {
    interdict::PaymentFormat::kUnknown, interdict::PaymentFormat::kPain001,   interdict::PaymentFormat::kPacs008,
    interdict::PaymentFormat::kCsv,     interdict::PaymentFormat::kJsonLines,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data + 1), size - 1);
  interdict::PaymentFormat format = kFormats[(data[0] & 7) % std::size(kFormats)];
  if (format == interdict::PaymentFormat::kUnknown) format = interdict::sniff_payment_format("", bytes);
  if (format == interdict::PaymentFormat::kUnknown) return 0;
  interdict::PaymentReadOptions options;
  if (data[0] & 8) options.column_mapping = "creditor_name=Bene,amount=Wert,debtor_country=Land";
  Check sink;
  interdict::decode_payments(format, bytes, "", sink, options);
  return 0;
}
