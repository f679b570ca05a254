// Test helper for the payment readers: a sink that copies every record and damage, and the
// shortcuts the payment tests share.
#pragma once

#include <cstddef>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "readers/payments/payments.h"

namespace interdict::testing {

struct PartyCopy {
  PartyRole role;
  std::string name, country, account, bic, lei;
  CountrySource country_source;
  bool iban;
  std::vector<std::string> address, ids;
};

struct PaymentCopy {
  PaymentFormat format;
  std::string message_type, message_id, payment_id, instruction_id, uetr, channel, wallet_in_text;
  std::string amount_text, currency, time_text, purpose;
  std::int64_t units;
  int scale;
  double amount;
  Instant time;
  TimePrecision precision;
  std::vector<PartyCopy> parties;
  std::vector<std::string> remittance;
  std::string file, path;
  std::uint64_t line, offset;

  [[nodiscard]] const PartyCopy* party(PartyRole role) const {
    for (const PartyCopy& p : parties) {
      if (p.role == role) return &p;
    }
    return nullptr;
  }
};

struct DamageCopy {
  std::uint64_t line, offset;
  std::string reason;
  bool fatal;
};

class PaymentCollector : public PaymentSink {
 public:
  void payment(const PaymentRecord& r) override {
    PaymentCopy c{r.format,
                  std::string(r.message_type),
                  std::string(r.message_id),
                  std::string(r.payment_id),
                  std::string(r.instruction_id),
                  std::string(r.uetr),
                  std::string(r.channel),
                  std::string(r.wallet_in_text),
                  std::string(r.amount_text),
                  std::string(r.currency),
                  std::string(r.time_text),
                  std::string(r.purpose),
                  r.amount_units,
                  r.amount_scale,
                  r.amount(),
                  r.time,
                  r.time_precision,
                  {},
                  {},
                  std::string(r.evidence.file),
                  std::string(r.evidence.path),
                  r.evidence.line,
                  r.evidence.offset};
    for (const Party& p : r.parties()) {
      PartyCopy pc{p.role,
                   std::string(p.name),
                   std::string(p.country),
                   std::string(p.account),
                   std::string(p.bic),
                   std::string(p.lei),
                   p.country_source,
                   p.account_is_iban,
                   {},
                   {}};
      for (std::string_view a : p.address_lines()) pc.address.emplace_back(a);
      for (std::string_view i : p.ids()) pc.ids.emplace_back(i);
      c.parties.push_back(std::move(pc));
    }
    for (std::string_view line : r.remittance()) c.remittance.emplace_back(line);
    payments.push_back(std::move(c));
    if (keep_in_scope) in_scope_us.push_back(in_scope(r, "US"));
  }
  void damage(const PaymentDamage& d) override {
    damages.push_back({d.line, d.offset, std::string(d.reason), d.fatal});
  }

  [[nodiscard]] std::size_t fatal_count() const {
    std::size_t n = 0;
    for (const DamageCopy& d : damages) n += d.fatal ? 1 : 0;
    return n;
  }
  [[nodiscard]] std::string reasons() const {
    std::string all;
    for (const DamageCopy& d : damages) all += std::to_string(d.line) + ": " + d.reason + "\n";
    return all;
  }

  std::vector<PaymentCopy> payments;
  std::vector<DamageCopy> damages;
  std::vector<bool> in_scope_us;
  bool keep_in_scope = true;
};

inline std::span<const std::byte> as_bytes(std::string_view text) {
  return {reinterpret_cast<const std::byte*>(text.data()), text.size()};
}

inline PaymentCollector read_payments(PaymentFormat format, std::string_view text, std::string_view mapping = {}) {
  PaymentCollector sink;
  PaymentReadOptions options;
  options.column_mapping = mapping;
  decode_payments(format, as_bytes(text), "t", sink, options);
  return sink;
}

inline std::string read_file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace interdict::testing
