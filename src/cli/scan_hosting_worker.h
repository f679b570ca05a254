// The per-line work of the hosting scan: parse, normalise the host, probe the designated
// names, decide, aggregate (scan_hosting_worker.cc; normalise_host and LabelGate in
// scan_hosting_gate.cc). Internal to scan_hosting*.cc.
#pragma once

#include <array>
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
  // True only when `host`, as a record gives it (any case, not normalised), is an ASCII
  // name that normalise_host would keep as it is but for case, not an address, and no key
  // ends it: then neither may_match nor the domain matcher would take it. False means
  // "normalise and ask may_match".
  [[nodiscard]] bool rejects_raw(std::string_view host) const;

 private:
  [[nodiscard]] bool contains(std::string_view key) const;
  // A bitmap of the last min(8, size) bytes of every key, hashed: a first test that needs
  // one load of the host's last eight bytes and no labels. False only when no key ends
  // the host.
  void add_tail(std::string_view key);
  [[nodiscard]] bool tail_may_match(std::string_view host) const;
  // True when `word` (a host's last eight bytes) or its last 1-7 bytes hit the bitmap.
  [[nodiscard]] bool tail_hit(std::uint64_t word) const;
  // The last `size` (at most 8) bytes of `name` as a word, tagged with `size` when short.
  // REQUIRES: size <= name.size().
  [[nodiscard]] static std::uint64_t tail_word(std::string_view name, std::size_t size);
  [[nodiscard]] static std::size_t tail_bit(std::uint64_t word) {
    return static_cast<std::size_t>((word * 0x9e3779b97f4a7c15ULL) >> 52);
  }
  std::array<std::uint64_t, 64> tail_bits_{};  // 4,096 bits
  std::array<std::uint8_t, 8> short_sizes_{};  // the sizes of keys shorter than 8 bytes
  std::size_t short_count_ = 0;
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
  bool colon = false;  // a colon is left in it: an IPv6 address, or damage
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
  // Reads line `number`, which starts at `begin` and ends at the first newline before
  // `end` (or at `end`), as line() would, and sets `next` to where the next line starts.
  // The input is read in place: the parser finds the line end. REQUIRES: begin < end.
  Outcome line_at(const char* begin, const char* end, std::uint64_t number, const char*& next);
  [[nodiscard]] const std::string& why() const { return why_; }

  HostAggregates aggregates;
  HostCounts counts;

 private:
  // The part of line() after the parser's answer.
  [[gnu::always_inline]] inline Outcome take(LineKind kind, std::string_view text, std::uint64_t number);
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
