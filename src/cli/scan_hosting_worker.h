// The per-line work of the hosting scan: parse, normalise the host, probe the designated
// names, decide, aggregate. Internal to scan_hosting*.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/scan_hosting_aggregate.h"
#include "match/match.h"
#include "readers/hosting/host_record.h"

namespace interdict::cli {

// The last one or two labels of every designated domain ("tiktok.com" for the rule
// "www.tiktok.com", "akamaized.net" for "tiktokcdn.com.akamaized.net"): a name that matches
// a rule ends with that rule's last two labels, so a host whose own last labels are none of
// these needs no further look. One hash probe, cheaper than the full matcher's probe per
// label. Immutable once built.
class LabelGate {
 public:
  void add(std::string_view domain);
  // False only when no rule can match the ASCII, lower-case `host`, whose last two labels
  // start at `last2` and last label at `last1` (offsets, 0 when it has fewer labels).
  [[nodiscard]] bool may_match(std::string_view host, std::size_t last2, std::size_t last1) const;

 private:
  [[nodiscard]] bool contains(std::string_view key) const;
  std::vector<std::string> keys_;
  std::vector<std::uint32_t> slots_;  // index + 1 into keys_; 0 is empty
  bool single_labels_ = false;        // a rule of one label: the last label alone is a key
  bool open_ = false;                 // a rule it cannot index: every host passes
};

// What every worker reads and none writes: the orders and a prefilter of their domain and
// prefix identifiers, built with the engine's own matchers so that a host the prefilter
// misses is one decide() would not identify either. Immutable once built; shared by all
// threads.
struct HostingShared {
  explicit HostingShared(const OrderSet& orders);
  const OrderSet& orders;
  LabelGate gate;
  DomainMatcher domains;
  PrefixMatcher prefixes;
  Instant as_of = 0;
  Instant known_at = kEndOfTime;
  std::string country;  // upper case; empty when not given
};

struct HostCounts {
  std::uint64_t lines = 0;
  std::uint64_t records = 0;
  std::uint64_t no_host = 0;
  std::uint64_t damaged = 0;
  std::uint64_t identified = 0;
  void add(const HostCounts& o) {
    lines += o.lines;
    records += o.records;
    no_host += o.no_host;
    damaged += o.damaged;
    identified += o.identified;
  }
};

using HostAggregates = StringMap<HostAggregate>;

// Where the last labels of a normalised host start, found while normalising it.
struct HostLabels {
  std::size_t last2 = 0;  // offset of the last two labels
  std::size_t last1 = 0;  // offset of the last label
  bool ascii = true;
};

// The host as it is matched and reported: lower case, without "[...]" around an IPv6
// address, a ":port" or a trailing dot. Empty for "-" or a name longer than 253 bytes.
// The view points into `buffer`.
[[nodiscard]] std::string_view normalise_host(std::string_view host, char (&buffer)[256], HostLabels* labels = nullptr);

// One thread's reader: its own parser, scratch space and aggregates. Not thread-safe.
class HostWorker {
 public:
  enum class Outcome : std::uint8_t { kOk, kDamaged };

  explicit HostWorker(const HostingShared& shared) : shared_(shared) {}

  // Starts an input: `parser` reads its lines, `input` is its index and `file` its name
  // (which must outlive the input's lines).
  void begin_input(std::unique_ptr<HostLineParser> parser, std::uint32_t input, std::string_view file);
  [[nodiscard]] HostLineParser& parser() { return *parser_; }

  // Reads line `number` of the input. For kDamaged, why() says what is wrong.
  Outcome line(std::string_view text, std::uint64_t number);
  [[nodiscard]] const std::string& why() const { return why_; }

  HostAggregates aggregates;
  HostCounts counts;

 private:
  // Decides `probe` (the host, or the target it points at) and adds the answer to the
  // aggregate of `host`. Returns true when a designation identified it.
  bool consider(std::string_view host, std::string_view probe, const HostLabels& labels, std::string_view via,
                std::string_view text, std::uint64_t number);
  void aggregate(std::string_view host, std::string_view via, const Finding& f, const Observation& obs,
                 std::uint8_t stop, std::uint8_t review, std::string_view text, std::uint64_t number);

  const HostingShared& shared_;
  std::unique_ptr<HostLineParser> parser_;
  bool cdn_ = false;
  std::uint32_t input_ = 0;
  std::string_view file_;
  HostRecord record_;
  std::string why_;
  std::string key_;
  Reasons reasons_;
  char host_[256];
  char target_[256];
  char country_[2];
};

}  // namespace interdict::cli
