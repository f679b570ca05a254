// PaymentScan: the payments chokepoint. Each payment of a payment file (ISO 20022 pain.001
// and pacs.008, CSV, JSON Lines; src/readers/payments/payments.h) is decided for the
// `payment` activity at its own time. Its names (the channel column, a wallet named in its
// text, and every party) are screened against the orders' entities and subjects with the
// cross-script matcher (PartyScreen), and what they match is decided by the engine, in
// scope when a party is in the order's jurisdiction. With a lists index (`--lists`), every
// party is also screened against the public sanctions lists: a list hit makes an otherwise
// permitted payment `review`, never `prohibited` (the lists are not orders). A payment that
// names nothing designated or listed is counted, not listed.
//
// One per run, not thread-safe: it is the PaymentSink of each file in turn.
#pragma once

#include <string>
#include <vector>

#include "cli/common.h"
#include "cli/scan_payments_screen.h"
#include "readers/payments/payments.h"
#include "sinks/sinks.h"

namespace interdict::cli {

class PaymentScan final : private PaymentSink {
 public:
  struct Options {
    std::optional<Instant> as_of;  // decide every payment at this time; default: its own
    std::optional<Instant> known_at;
    std::string column_mapping;              // --columns: extra CSV header or JSON key names
    std::shared_ptr<const NameIndex> lists;  // --lists, loaded; null: the orders alone
  };
  struct Tally {
    std::uint64_t files = 0;
    std::uint64_t payments = 0;
    std::uint64_t named = 0;  // payments that named something designated
    std::uint64_t prohibited = 0;
    std::uint64_t review = 0;
    std::uint64_t listed = 0;  // payments with a party on a sanctions list
    std::uint64_t damaged = 0;
    bool fatal = false;  // a file could not be read to its end
  };

  // Builds the orders' name index.
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
    std::string role, kind, name, country, account, bic;
    std::vector<NameHit> list_hits;  // copied: the screen's caches may start afresh
  };
  // A name of the payment that the orders' index matched.
  struct NameFound {
    std::string from;     // "channel", "remittance", or the party's role
    std::string written;  // the name as written in the file
    std::string_view id;  // the entity's or subject's id (a view into the orders)
    std::string listed;   // the order's name that scored best
    double score = 0;
    bool match = false;  // at the match threshold; else for review
    std::string why;     // the token pairs
  };
  // One payment that named something designated or listed, decided.
  struct Hit {
    std::string file, payment_id, time, amount, currency, channel, wallet_in_text;
    std::uint64_t line = 0;
    std::string path;  // the transaction's place in an XML message
    std::vector<Party> parties;
    std::vector<NameFound> names;
    int governing_name = -1;  // the entry of `names` behind the governing identification
    std::string verdict, status, order, prohibition, subject, matched_probe, matched_value, matched_rule;
    bool in_scope = false;
    bool list_review = false;  // review because of a list hit alone
    std::vector<std::string> reasons;
  };

  // The payment's names (channel, wallet in text, parties, receiving side first) that the
  // orders' index matches, one per entry, the strongest kept, at most kMaxProbes.
  void screen_names(const PaymentRecord& record, std::vector<NameFound>& found);
  void add_found(std::string_view from, std::string_view written, const ScreenAnswer& answer,
                 std::vector<NameFound>& found);
  void payment(const PaymentRecord& record) override;
  void damage(const PaymentDamage& damage) override;

  const OrderSet& orders_;
  Options options_;
  PartyScreen screen_;
  std::vector<NameFound> found_;  // scratch, reused for every payment
  Instant undated_at_;            // when a payment without a time is decided: --as-of, else the start
  Tally tally_;
  std::vector<Hit> hits_;
  std::vector<std::string> damage_;  // the first messages, "file:line: reason"
};

}  // namespace interdict::cli
