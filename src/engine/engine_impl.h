// Internal to src/engine: the compiled indexes behind OrderSet.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/engine.h"

namespace interdict {

// An AS number written "AS396986", "as396986" or "396986"; nullopt for anything else.
inline std::optional<std::uint32_t> parse_asn(std::string_view text) {
  if (text.size() > 2 && (text[0] == 'A' || text[0] == 'a') && (text[1] == 'S' || text[1] == 's'))
    text.remove_prefix(2);
  if (text.empty() || text.size() > 10) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value > 0xffffffffULL) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

// A target of the matchers: one identifier of one subject.
struct Rule {
  std::uint32_t subject;
  const Identifier* identifier;
};

// A prohibition that names a subject, or an exemption that takes it out of one.
struct Link {
  const Order* order;
  std::uint32_t prohibition;
  const Exemption* exemption;  // non-null: the subject is exempt from this prohibition
  // Copied from the clause so that a decision tests them without chasing pointers.
  ActivitySet activities;
  Instant known_from;  // the earliest `recorded` of its `published` events
  const std::vector<std::string>* scope;
  // The clause's states over `at` with every event counted, and the latest `recorded` of
  // its events: a decision whose known_at is at or after it looks its state up here instead
  // of folding the events again (state_at was a third of an app id decision).
  std::vector<StateInterval> today;
  Instant all_recorded;

  // The clause's state at (at, known_at): state_at() of its order, from `today` when it can.
  [[nodiscard]] StateAt state(Instant at, Instant known_at) const {
    if (known_at < all_recorded) return state_at(*order, prohibition, at, known_at);
    // INVARIANT: today is sorted by `from`, its first interval starts at kBeginningOfTime.
    std::size_t i = today.size() - 1;
    while (today[i].from > at) --i;
    return today[i].state;
  }
};

struct SubjectIndex {
  std::vector<Link> links;
  std::vector<const Order*> bare_designations;  // orders that designate it without a prohibition
};

// What a bare `id` probe can name.
struct IdTarget {
  bool entity;
  std::uint32_t index;
};

constexpr std::uint8_t kSubjectNames = 0;
constexpr std::uint8_t kEntityNames = 1;

struct OrderSet::Impl {
  Corpus corpus;
  std::vector<Rule> rules;
  DomainMatcher domains;
  AsnMatcher asns;
  PrefixMatcher prefixes;
  AppMatcher apps;
  PackageMatcher packages;
  ClassMatcher classes;
  UrlMatcher urls;
  ExactMatcher schemes{ExactMatcher::Case::kInsensitive};
  ExactMatcher symbols{ExactMatcher::Case::kSensitive};
  // Subjects' names (group kSubjectNames, targets: rule index) before entities' names
  // (kEntityNames, targets: entity index).
  NameMatcher names;
  FlatMap<IdTarget> ids;  // lowercase subject ids, subject aliases, entity ids
  std::vector<SubjectIndex> subjects;
  std::vector<std::vector<std::uint32_t>> entity_subjects;  // subjects owned by an entity or its descendants
};

}  // namespace interdict
