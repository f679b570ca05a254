// The engine: orders compiled into flat indexes, and decide(), the pure function from a
// transaction (an Observation) to an answer with its reasons (a Finding).
//
// The engine knows law, not bytes: readers build Observations, sinks render Findings.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "match/match.h"
#include "order/order.h"

namespace interdict {

// The kinds of identifier a transaction can name its subject by.
enum class ProbeKind : std::uint8_t { kId, kApp, kDomain, kIp, kAsn, kPackage, kClass, kUrl, kName };
inline constexpr int kProbeKindCount = 9;
[[nodiscard]] std::string_view probe_kind_name(ProbeKind kind);
[[nodiscard]] std::optional<ProbeKind> parse_probe_kind(std::string_view name);

struct Probe {
  ProbeKind kind = ProbeKind::kId;
  std::string_view value;
};

// Where an observation came from, for the evidence trail.
struct EvidenceRef {
  std::string_view file;
  std::uint64_t line = 0;  // 1-based; 0 when not line-oriented
};

// One transaction to decide. Views must stay valid for the duration of decide().
// A value type with inline storage: building one never allocates.
struct Observation {
  static constexpr int kMaxProbes = 8;
  static constexpr int kMaxCountries = 8;

  Activity activity = Activity::kStoreDistribute;
  std::array<Probe, kMaxProbes> probes{};
  std::uint8_t probe_count = 0;
  std::array<std::array<char, 2>, kMaxCountries> countries{};
  std::uint8_t country_count = 0;
  Instant at = 0;
  EvidenceRef evidence;

  // Return false when full.
  bool add_probe(ProbeKind kind, std::string_view value);
  bool add_country(std::string_view iso2);
};

enum class Verdict : std::uint8_t { kPermitted, kProhibited, kReview };
[[nodiscard]] std::string_view verdict_name(Verdict v);

enum class ScopeTest : std::uint8_t { kInScope, kOutOfScope, kUnknown };

// How a probe reached a subject or entity.
struct Identification {
  ProbeKind probe = ProbeKind::kId;
  std::string_view probe_value;      // the transaction's identifier, as given
  const Identifier* rule = nullptr;  // the order's identifier that matched; null for a match by id
  std::string_view rule_text;        // the normalised rule, e.g. "weixin.qq.com"
  bool certain = true;               // false: a partial name match, to be reviewed
};

// One prohibition that a subject of the transaction falls under, and how it stands.
struct Match {
  const Order* order = nullptr;
  std::uint32_t prohibition = 0;  // index into order->prohibitions
  const Subject* subject = nullptr;
  Identification how;
  bool activity_covered = false;      // the prohibition names the transaction's activity
  StateAt state;                      // at (observation.at, known_at)
  ScopeTest scope = ScopeTest::kUnknown;
  const Exemption* exemption = nullptr;  // an exemption that takes the subject out

  [[nodiscard]] const Prohibition& clause() const { return order->prohibitions[prohibition]; }
  // Prohibited by this match alone: covered, in scope, not exempt, and in force or suspended.
  [[nodiscard]] bool prohibits() const;
};

// What was identified without a clause to decide by: a subject of an order without
// prohibitions (EO 13971: order and subject set), an entity the transaction named (entity
// set), or a subject that no order designates (only subject set).
struct Designation {
  const Order* order = nullptr;
  const Subject* subject = nullptr;
  const Entity* entity = nullptr;
  Identification how;
};

// The answer for one Observation. Pointers refer into the OrderSet that made it and stay
// valid while that OrderSet lives. Holds at most kMaxMatches matches; `truncated` says so.
struct Finding {
  static constexpr int kMaxMatches = 24;
  static constexpr int kMaxDesignations = 8;

  Verdict verdict = Verdict::kPermitted;
  State status = State::kUnknown;  // the governing match's state; kUnknown = none matched
  int governing = -1;              // index into matches, -1 when nothing matched
  std::array<Match, kMaxMatches> matches{};
  std::uint8_t match_count = 0;
  std::array<Designation, kMaxDesignations> designations{};
  std::uint8_t designation_count = 0;
  bool truncated = false;
  bool scope_unknown = false;  // the transaction named no country

  [[nodiscard]] const Match* governing_match() const { return governing < 0 ? nullptr : &matches[static_cast<size_t>(governing)]; }
};

// Compiled orders: immutable, shared by all threads; decide() may run concurrently.
class OrderSet {
 public:
  // Compiles a validated corpus (LoadReport::ok()). Errors: kValidation when an identifier
  // cannot be indexed (the validator should have caught it).
  [[nodiscard]] static Result<std::shared_ptr<const OrderSet>> compile(Corpus corpus);

  OrderSet(const OrderSet&) = delete;
  OrderSet& operator=(const OrderSet&) = delete;
  ~OrderSet();

  // The answer for `obs` as the orders stood at obs.at, counting only events recorded by
  // `known_at`. Pure: same inputs, same Finding. Never fails; never allocates, except for a
  // `name` probe.
  [[nodiscard]] Finding decide(const Observation& obs, Instant known_at = kEndOfTime) const;

  // What a compliance officer reads: the clause, the event that set its state with its
  // source, the scope test, the identifier that matched; or why nothing prohibits.
  [[nodiscard]] std::vector<std::string> explain(const Finding& finding, const Observation& obs) const;

  [[nodiscard]] const Corpus& corpus() const;

 private:
  struct Impl;
  explicit OrderSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace interdict
