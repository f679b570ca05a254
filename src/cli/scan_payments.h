// PaymentScan: the payments chokepoint. Each payment of a payment file (ISO 20022 pain.001
// and pacs.008, CSV, JSON Lines; src/readers/payments/payments.h) is decided for the
// `payment` activity at its own time: the wallet or channel it went through (WeChat Pay)
// and the names of its parties (creditor first) against the orders' subjects and entities,
// in scope when a party is in the order's jurisdiction. A payment that names nothing
// designated is counted, not listed.
//
// One per run, not thread-safe: it is the PaymentSink of each file in turn.
#pragma once

#include <string>
#include <vector>

#include "cli/common.h"
#include "readers/payments/payments.h"
#include "sinks/sinks.h"

namespace interdict::cli {

class PaymentScan final : private PaymentSink {
 public:
  struct Options {
    std::optional<Instant> as_of;  // decide every payment at this time; default: its own
    std::optional<Instant> known_at;
    std::string column_mapping;  // --columns: extra CSV header or JSON key names
  };
  struct Tally {
    std::uint64_t files = 0;
    std::uint64_t payments = 0;
    std::uint64_t named = 0;  // payments that named something designated
    std::uint64_t prohibited = 0;
    std::uint64_t review = 0;
    std::uint64_t damaged = 0;
    bool fatal = false;  // a file could not be read to its end
  };

  PaymentScan(const OrderSet& orders, Options options);

  // Reads one payment file whose first bytes sniffed as `format`.
  void scan(const std::string& path, PaymentFormat format, std::span<const std::byte> bytes);

  void append_json(std::string& out, Format format, bool& first_object) const;
  [[nodiscard]] std::string render_table() const;
  [[nodiscard]] std::string summary() const;
  [[nodiscard]] const Tally& tally() const { return tally_; }
  [[nodiscard]] const std::vector<std::string>& damage() const { return damage_; }

 private:
  struct Party {
    std::string role, name, country, account, bic;
  };
  // One payment that named something designated, decided.
  struct Hit {
    std::string file, payment_id, time, amount, currency, channel;
    std::uint64_t line = 0;
    std::string path;  // the transaction's place in an XML message
    std::vector<Party> parties;
    std::string verdict, status, order, prohibition, subject, matched_probe, matched_value, matched_rule;
    bool in_scope = false;
    std::vector<std::string> reasons;
  };

  void payment(const PaymentRecord& record) override;
  void damage(const PaymentDamage& damage) override;

  const OrderSet& orders_;
  Options options_;
  Instant undated_at_;  // when a payment without a time is decided: --as-of, else the start
  Tally tally_;
  std::vector<Hit> hits_;
  std::vector<std::string> damage_;  // the first messages, "file:line: reason"
};

}  // namespace interdict::cli
