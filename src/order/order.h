// The order model: a ban as data. Loaded from TOML by load_orders(), checked by the same
// call, then compiled by the engine. Every fact keeps its provenance and the file:line:col
// it was read from, so that an answer can cite it and an error can point at it.
//
// Thread-safety: plain values. A loaded Corpus is never changed and may be read from any
// number of threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"

namespace interdict {

// The closed vocabulary of transactions. docs/orders.md defines each one.
enum class Activity : std::uint8_t {
  kStoreDistribute,
  kStoreUpdate,
  kHosting,
  kCdn,
  kTransit,
  kPeering,
  kCode,
  kPayment,
  kSoftwareSupply,
  kSoftwareUpdate,
  kSoftwareResale,
};
inline constexpr int kActivityCount = 11;
using ActivitySet = std::uint32_t;  // bit i set = Activity(i) included
[[nodiscard]] constexpr ActivitySet activity_bit(Activity a) { return ActivitySet{1} << static_cast<int>(a); }

[[nodiscard]] std::string_view activity_name(Activity a);
// "store.distribute" -> kStoreDistribute; nullopt for anything outside the vocabulary.
[[nodiscard]] std::optional<Activity> parse_activity(std::string_view name);
[[nodiscard]] std::span<const std::string_view> activity_names();

enum class Confidence : std::uint8_t { kConfirmed, kSecondary, kUnconfirmed };
[[nodiscard]] std::string_view confidence_name(Confidence c);

struct Provenance {
  std::vector<std::string> sources;
  Confidence confidence = Confidence::kUnconfirmed;
  std::string note;
  Location where;  // the table that states the fact
};

struct EntityParent {
  std::string id;
  std::optional<double> share;
};

struct Entity {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string country;
  std::vector<EntityParent> parents;
  std::vector<std::string> registration;
  Provenance provenance;
};

enum class IdentifierKind : std::uint8_t {
  kApp,
  kDomain,       // suffix rule
  kDomainExact,  // exact rule
  kAsn,
  kPrefix,
  kPackage,
  kClass,
  kUrl,
  kName,
  kScheme,  // a URL scheme an app queries or registers ("weixin"), case-insensitive
  kSymbol,  // a global object web code defines or calls ("ttq"), case-sensitive
};
inline constexpr int kIdentifierKindCount = 11;
// The key an identifier is written under in an order file ("domain_exact").
[[nodiscard]] std::string_view identifier_key(IdentifierKind kind);

struct Identifier {
  IdentifierKind kind;
  std::string value;  // as written in the order file
  Location where;
};

struct Subject {
  std::string id;
  std::string name;
  std::string kind;
  std::string owner;  // entity id, or empty
  std::vector<std::string> aliases;
  std::vector<Identifier> identifiers;  // names and aliases included as kName
  Provenance provenance;
};

enum class EventKind : std::uint8_t {
  kPublished,
  kEffective,
  kDelayed,
  kEnjoined,
  kInjunctionLifted,
  kSuspended,
  kRevoked,
};
[[nodiscard]] std::string_view event_kind_name(EventKind kind);
[[nodiscard]] std::optional<EventKind> parse_event_kind(std::string_view name);

struct Event;

struct Prohibition {
  std::string id;
  std::string title;
  ActivitySet activities = 0;
  std::vector<std::string> subjects;
  std::vector<std::string> scope;  // ISO country codes
  std::string scope_text;
  std::string text;
  Provenance provenance;
  // Indexes into Order::events of the events that target this prohibition, by `at`.
  std::vector<std::uint32_t> events;
  // The same events, compact and contiguous, for the state fold on the hot path.
  struct Step {
    Instant at;
    Instant recorded;
    Instant until;  // suspended: end of the period; kEndOfTime when open or n/a
    const Event* event;
    EventKind kind;
    std::uint32_t lifts;  // injunction_lifted: index into steps of the injunction, or kLiftsAll
  };
  static constexpr std::uint32_t kLiftsAll = 0xffffffffu;
  std::vector<Step> steps;
};

struct Exemption {
  std::string id;
  std::string text;
  std::vector<std::string> prohibitions;  // empty = all of the order
  std::vector<std::string> subjects;
  Provenance provenance;
};

struct Event {
  std::string id;
  EventKind kind = EventKind::kPublished;
  Instant at = 0;
  std::string at_text;  // as written, e.g. "2020-09-27T23:59 America/New_York"
  Instant recorded = 0;
  std::string recorded_text;
  std::optional<Instant> until;
  std::string until_text;
  std::string lifts;                 // injunction_lifted: the enjoined event's id, or empty = all
  std::vector<std::string> targets;  // empty = every prohibition of the order
  std::string title;
  Provenance provenance;
};

struct Order {
  std::string id;
  std::string title;
  std::string authority;
  std::string citation;
  std::string url;
  std::vector<std::string> jurisdiction;
  // Subjects the order designates beyond those its prohibitions name: an order that
  // designated apps but never identified a prohibited transaction (EO 13971).
  std::vector<std::string> designates;
  Provenance provenance;
  std::vector<Prohibition> prohibitions;
  std::vector<Exemption> exemptions;
  std::vector<Event> events;
  std::string file;

  [[nodiscard]] const Prohibition* find_prohibition(std::string_view id) const;
  // Where prohibition `index` applies: its own `scope`, else the order's jurisdiction.
  [[nodiscard]] const std::vector<std::string>& scope_of(std::size_t index) const {
    const Prohibition& p = prohibitions[index];
    return p.scope.empty() ? jurisdiction : p.scope;
  }
};

// Everything loaded from a set of order files, checked and cross-linked.
struct Corpus {
  std::vector<Order> orders;
  std::vector<Entity> entities;
  std::vector<Subject> subjects;

  [[nodiscard]] const Order* find_order(std::string_view id) const;
  [[nodiscard]] const Subject* find_subject(std::string_view id) const;
  [[nodiscard]] const Entity* find_entity(std::string_view id) const;
};

// One finding of validation: an error stops the load, a warning does not.
struct Diagnostic {
  enum class Severity : std::uint8_t { kError, kWarning };
  Severity severity;
  Location where;
  std::string order;  // order id, when the finding belongs to one
  std::string message;

  // "orders/x.toml:12:3: unknown activity `hostng` (did you mean `hosting`?)"
  [[nodiscard]] std::string to_string() const;
};

// An order file's name and text. The bundled orders come from memory, others from disk.
struct OrderSource {
  std::string name;
  std::string text;
};

struct LoadReport {
  Corpus corpus;
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// Parses and validates `sources` as one corpus. Never throws; every problem is a
// Diagnostic. The corpus is usable only when report.ok().
[[nodiscard]] LoadReport load_orders(std::span<const OrderSource> sources);

// The orders compiled into this binary (orders/*.toml at build time).
[[nodiscard]] std::span<const OrderSource> bundled_orders();

// Reads every *.toml file of `dir`, sorted by name. Errors: kNotFound, kIo.
[[nodiscard]] Result<std::vector<OrderSource>> read_order_dir(const std::string& dir);

// ---- The timeline: the state of a prohibition at a time, as known at a time ----

enum class State : std::uint8_t { kUnknown, kScheduled, kInForce, kEnjoined, kSuspended, kRevoked };
// "scheduled", "in_force", ...; kUnknown is "unknown".
[[nodiscard]] std::string_view state_name(State s);
// True where the conduct is unlawful: in force, or in force with enforcement withheld.
[[nodiscard]] constexpr bool is_prohibiting(State s) { return s == State::kInForce || s == State::kSuspended; }

// Trivial on purpose, like the engine's Match that embeds it: state_at() sets every field.
struct StateAt {
  State state;
  const Event* cause;  // the event that set the state; null only when unknown
  Instant effective;   // the effective time as known, kEndOfTime if none
};

// The state of `order.prohibitions[index]` for a transaction at `at`, folded from the
// events recorded by `known_at` (docs/orders.md, "States"). Pure; no allocation.
// REQUIRES: index < order.prohibitions.size() and the order came from load_orders().
[[nodiscard]] StateAt state_at(const Order& order, std::size_t index, Instant at, Instant known_at);

// A maximal stretch of `at` over which the state does not change.
struct StateInterval {
  Instant from = kBeginningOfTime;  // inclusive
  Instant to = kEndOfTime;          // exclusive
  StateAt state{State::kUnknown, nullptr, kEndOfTime};
};

// Every state a prohibition passes through, in order, as known at `known_at`.
[[nodiscard]] std::vector<StateInterval> timeline(const Order& order, std::size_t index, Instant known_at);

}  // namespace interdict
