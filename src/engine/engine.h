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
// kTitle is a display title (a store listing's, say): matched like a name, but never
// taken as certain, since any app may carry a designated app's title.
enum class ProbeKind : std::uint8_t {
  kId,
  kApp,
  kDomain,
  kIp,
  kAsn,
  kPackage,
  kClass,
  kUrl,
  kName,
  kTitle,
  kScheme,
  kSymbol,
};
inline constexpr int kProbeKindCount = 12;
[[nodiscard]] std::string_view probe_kind_name(ProbeKind kind);
[[nodiscard]] std::optional<ProbeKind> parse_probe_kind(std::string_view name);

// How strongly the evidence ties the record to a probe's identifier. Anything short of kUse
// makes every identification through the probe uncertain, so the most it earns is
// `review`; the rule lives here so that every scan and `check` apply it alike.
// - kMention: the evidence names the identifier without showing it in use (a URL in a
//   string constant, a wallet named in free remittance text): it may only point at it.
// - kResemblance: a screen outside the engine found a name that only resembles the
//   designated one and hands over what it resembles (the payment scan's name matcher).
enum class Strength : std::uint8_t { kUse, kMention, kResemblance };

struct Probe {
  ProbeKind kind = ProbeKind::kId;
  std::string_view value;
  Strength strength = Strength::kUse;
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
  bool add_probe(ProbeKind kind, std::string_view value, Strength strength = Strength::kUse);
  bool add_country(std::string_view iso2);
};

enum class Verdict : std::uint8_t { kPermitted, kProhibited, kReview };
[[nodiscard]] std::string_view verdict_name(Verdict v);

enum class ScopeTest : std::uint8_t { kInScope, kOutOfScope, kUnknown };

// How a probe reached a subject or entity.
// A string view that is trivially default-constructible, unlike std::string_view, so an
// array of structs holding it costs nothing to create. Converts both ways.
struct TextView {
  const char* ptr;
  std::size_t len;
  TextView() = default;
  constexpr TextView(std::string_view s) : ptr(s.data()), len(s.size()) {}  // NOLINT: implicit by design
  constexpr operator std::string_view() const { return {ptr, len}; }        // NOLINT
  [[nodiscard]] constexpr std::string_view view() const { return {ptr, len}; }
  [[nodiscard]] constexpr const char* data() const { return ptr; }
  [[nodiscard]] constexpr std::size_t size() const { return len; }
  [[nodiscard]] constexpr bool empty() const { return len == 0; }
};

// Trivial on purpose (see Match); always built with every field given.
struct Identification {
  ProbeKind probe;
  TextView probe_value;    // the transaction's identifier, as given
  const Identifier* rule;  // the order's identifier that matched; null for a match by id
  TextView rule_text;      // the normalised rule, e.g. "weixin.qq.com"
  bool certain;            // false: a partial name match, a mention or a resemblance
  Strength strength;       // the probe's: why an identification is uncertain
};

// One prohibition that a subject of the transaction falls under, and how it stands.
// A trivial type on purpose (no member initialisers): Finding holds an array of them.
// decide() sets every field of each match it adds.
struct Match {
  const Order* order;
  std::uint32_t prohibition;  // index into order->prohibitions
  const Subject* subject;
  Identification how;
  bool activity_covered;  // the prohibition names the transaction's activity
  StateAt state;          // at (observation.at, known_at)
  ScopeTest scope;
  const Exemption* exemption;  // an exemption that takes the subject out

  [[nodiscard]] const Prohibition& clause() const { return order->prohibitions[prohibition]; }
  // Prohibited by this match alone: covered, in scope, not exempt, and in force or suspended.
  [[nodiscard]] bool prohibits() const;
};

// What was identified without a clause to decide by: a subject of an order without
// prohibitions (EO 13971: order and subject set), an entity the transaction named (entity
// set), or a subject that no order designates (only subject set).
struct Designation {
  const Order* order;
  const Subject* subject;
  const Entity* entity;
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
  // Only the first match_count and designation_count entries are meaningful; the rest
  // are left unset so that a decision does not pay to clear kilobytes it never reads.
  std::array<Match, kMaxMatches> matches;
  std::uint8_t match_count = 0;
  std::array<Designation, kMaxDesignations> designations;
  std::uint8_t designation_count = 0;
  bool truncated = false;
  bool scope_unknown = false;  // the transaction named no country

  [[nodiscard]] const Match* governing_match() const {
    return governing < 0 ? nullptr : &matches[static_cast<size_t>(governing)];
  }
};

// The reasons of a Finding, in a list whose strings keep their capacity across uses, so
// explaining a stream of findings allocates only while the longest reason still grows.
// Not thread-safe: one per thread.
class Reasons {
 public:
  // A cleared string at the end of the list.
  std::string& add() {
    if (used_ == items_.size()) items_.emplace_back();
    std::string& s = items_[used_++];
    s.clear();
    return s;
  }
  void clear() { used_ = 0; }
  [[nodiscard]] std::size_t size() const { return used_; }
  [[nodiscard]] const std::string* begin() const { return items_.data(); }
  [[nodiscard]] const std::string* end() const { return items_.data() + used_; }
  [[nodiscard]] const std::string& front() const { return items_.front(); }
  [[nodiscard]] bool empty() const { return used_ == 0; }

 private:
  std::vector<std::string> items_;
  std::size_t used_ = 0;
};

class JsonReasons;

// Compiled orders: immutable, shared by all threads; decide() may run concurrently.
class OrderSet {
 public:
  // Compiles a validated corpus (LoadReport::ok()). Errors: kValidation when an identifier
  // cannot be indexed (the validator should have caught it).
  [[nodiscard]] static Result<std::shared_ptr<const OrderSet>> compile(Corpus corpus);
  // The orders compiled into this binary, loaded and compiled. Errors: kValidation, with
  // the first diagnostic, should the bundled orders not load (a build defect).
  [[nodiscard]] static Result<std::shared_ptr<const OrderSet>> compile_bundled();

  OrderSet(const OrderSet&) = delete;
  OrderSet& operator=(const OrderSet&) = delete;
  ~OrderSet();

  // The answer for `obs` as the orders stood at obs.at, counting only events recorded by
  // `known_at`. Pure: same inputs, same Finding. Never fails; never allocates, except for a
  // `name` probe.
  [[nodiscard]] Finding decide(const Observation& obs, Instant known_at = kEndOfTime) const;

  // What a compliance officer reads: the clause, the event that set its state with its
  // source, the scope test, the identifier that matched; or why nothing prohibits.
  // Replaces the contents of `out`.
  void explain(const Finding& finding, const Observation& obs, Reasons& out) const;
  [[nodiscard]] std::vector<std::string> explain(const Finding& finding, const Observation& obs) const;

  [[nodiscard]] const Corpus& corpus() const;

 private:
  friend class JsonReasons;  // renders what explain() says, with the orders' parts cached
  struct Impl;
  explicit OrderSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The reasons of OrderSet::explain() as a JSON array of strings, for a stream of answers
// (`interdict check`): byte for byte what escaping each string of explain() gives. The parts
// of a reason that depend only on the orders (the clause, the event that set a state, the
// rule that matched and its subject, the scope test, an exemption, a designation) are
// rendered and JSON-escaped once and then copied; an answer escapes only what the
// transaction brings (its identifiers) and formats its times.
// Not thread-safe: one per thread. Bound to one OrderSet, which must outlive it.
class JsonReasons {
 public:
  explicit JsonReasons(const OrderSet& orders);
  JsonReasons(const JsonReasons&) = delete;
  JsonReasons& operator=(const JsonReasons&) = delete;
  JsonReasons(JsonReasons&&) noexcept;
  ~JsonReasons();

  // Appends `[...]`, the reasons of `finding` (made by this OrderSet) for `obs`. Never fails;
  // allocates only while its cache and `out` grow.
  void append(std::string& out, const Finding& finding, const Observation& obs);

 private:
  struct Cache;
  const OrderSet* orders_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace interdict
