#include "engine/engine.h"

#include <algorithm>
#include <cstring>

#include "base/ascii.h"
#include "engine/engine_impl.h"

namespace interdict {
namespace {

constexpr std::array<std::string_view, kProbeKindCount> kProbeKindNames = {
    "id", "app", "domain", "ip", "asn", "package", "class", "url", "name", "title", "scheme", "symbol",
};

ScopeTest test_scope(const Observation& obs, const std::vector<std::string>& scope) {
  if (obs.country_count == 0) return ScopeTest::kUnknown;
  for (std::uint8_t i = 0; i < obs.country_count; ++i) {
    std::string_view c(obs.countries[i].data(), 2);
    for (const std::string& s : scope) {
      if (s == c) return ScopeTest::kInScope;
    }
  }
  return ScopeTest::kOutOfScope;
}

// How close a match comes to prohibiting, for choosing what governs a decision. Higher is
// closer: the clause that would prohibit if the least changed. A clause in force elsewhere
// ranks above one enjoined here, since the officer must know where the ban does apply.
int closeness(const Match& m) {
  if (m.exemption != nullptr) return 1;
  if (m.scope == ScopeTest::kOutOfScope) return is_prohibiting(m.state.state) ? 6 : 2;
  switch (m.state.state) {
    case State::kUnknown: return 0;
    case State::kRevoked: return 3;
    case State::kScheduled: return 4;
    case State::kEnjoined: return 5;
    case State::kSuspended: return 7;  // prohibits: enforcement withheld, conduct unlawful
    case State::kInForce: return 8;
  }
  return 0;
}

// The combining rule: one case per outcome.
void combine(Finding& f) {
  int best_prohibiting = -1;
  int best_review = -1;
  int closest = -1;
  for (int i = 0; i < f.match_count; ++i) {
    const Match& m = f.matches[static_cast<size_t>(i)];
    if (!m.activity_covered) continue;
    auto better = [&](int current) {
      return current < 0 || closeness(m) > closeness(f.matches[static_cast<size_t>(current)]);
    };
    const bool would_prohibit =
        m.exemption == nullptr && is_prohibiting(m.state.state) && m.scope != ScopeTest::kOutOfScope;
    if (would_prohibit && m.scope == ScopeTest::kInScope && m.how.certain) {
      if (better(best_prohibiting)) best_prohibiting = i;
    } else if (would_prohibit) {
      if (better(best_review)) best_review = i;
    }
    if (better(closest)) closest = i;
  }
  if (best_prohibiting >= 0) {
    // Case 1: a certain identification, in scope, of a clause in force or suspended.
    // The strictest such clause governs: in force before suspended.
    f.verdict = Verdict::kProhibited;
    f.governing = best_prohibiting;
  } else if (best_review >= 0) {
    // Case 2: it would be prohibited, but the identity is uncertain (a partial name) or
    // the transaction named no country to test the scope against.
    f.verdict = Verdict::kReview;
    f.governing = best_review;
  } else {
    // Case 3: nothing prohibits. The closest clause, if any, says why not.
    f.verdict = Verdict::kPermitted;
    f.governing = closest;
  }
  f.status = f.governing >= 0 ? f.matches[static_cast<size_t>(f.governing)].state.state : State::kUnknown;
}

}  // namespace

std::string_view probe_kind_name(ProbeKind kind) { return kProbeKindNames[static_cast<size_t>(kind)]; }

std::optional<ProbeKind> parse_probe_kind(std::string_view name) {
  for (size_t i = 0; i < kProbeKindNames.size(); ++i) {
    if (kProbeKindNames[i] == name) return static_cast<ProbeKind>(i);
  }
  return std::nullopt;
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kPermitted: return "permitted";
    case Verdict::kProhibited: return "prohibited";
    case Verdict::kReview: return "review";
  }
  return "permitted";
}

bool Observation::add_probe(ProbeKind kind, std::string_view value, Strength strength) {
  if (probe_count >= kMaxProbes) return false;
  probes[probe_count++] = Probe{kind, value, strength};
  return true;
}

bool Observation::add_country(std::string_view iso2) {
  if (country_count >= kMaxCountries || iso2.size() != 2) return false;
  auto up = [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; };
  countries[country_count++] = {up(iso2[0]), up(iso2[1])};
  return true;
}

bool Match::prohibits() const {
  return activity_covered && exemption == nullptr && scope == ScopeTest::kInScope && is_prohibiting(state.state);
}

OrderSet::OrderSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OrderSet::~OrderSet() = default;
const Corpus& OrderSet::corpus() const { return impl_->corpus; }

Finding OrderSet::decide(const Observation& obs, Instant known_at) const {
  const Impl& x = *impl_;
  Finding f;
  f.scope_unknown = obs.country_count == 0;

  struct Hit {
    std::uint32_t subject;
    Identification how;
  };
  std::array<Hit, 16> hits;
  int hit_count = 0;
  auto add_subject = [&](std::uint32_t subject, const Identification& how) {
    for (int i = 0; i < hit_count; ++i) {
      Hit& h = hits[static_cast<size_t>(i)];
      if (h.subject != subject) continue;
      if (!h.how.certain && how.certain) h.how = how;  // a certain identification wins
      return;
    }
    if (hit_count < static_cast<int>(hits.size())) {
      hits[static_cast<size_t>(hit_count++)] = Hit{subject, how};
    } else {
      f.truncated = true;
    }
  };
  auto add_rule_hit = [&](const Probe& probe, const std::optional<MatchHit>& hit) {
    if (!hit) return false;
    const Rule& rule = x.rules[hit->target];
    const bool certain = probe.strength == Strength::kUse && probe.kind != ProbeKind::kTitle &&
                         (rule.identifier->kind != IdentifierKind::kName || hit->exact);
    add_subject(rule.subject,
                Identification{probe.kind, probe.value, rule.identifier, hit->rule, certain, probe.strength});
    return true;
  };
  auto add_designation = [&](const Designation& d) {
    if (f.designation_count >= Finding::kMaxDesignations) {
      f.truncated = true;
      return;
    }
    f.designations[f.designation_count++] = d;
  };
  auto add_entity = [&](std::uint32_t entity, const Identification& how) {
    for (int i = 0; i < f.designation_count; ++i) {
      if (f.designations[static_cast<size_t>(i)].entity == &x.corpus.entities[entity]) return;
    }
    add_designation(Designation{nullptr, nullptr, &x.corpus.entities[entity], how});
  };

  for (std::uint8_t i = 0; i < obs.probe_count; ++i) {
    const Probe& probe = obs.probes[i];
    switch (probe.kind) {
      case ProbeKind::kId: {
        char buf[128];
        if (probe.value.size() > sizeof buf) break;
        ascii_lower_copy(probe.value.data(), probe.value.size(), buf);
        const auto id = x.ids.find_entry(std::string_view(buf, probe.value.size()));
        if (id.value == nullptr) break;
        Identification how{probe.kind, probe.value, nullptr, id.key, probe.strength == Strength::kUse, probe.strength};
        if (id.value->entity) {
          add_entity(id.value->index, how);
        } else {
          add_subject(id.value->index, how);
        }
        break;
      }
      case ProbeKind::kApp: add_rule_hit(probe, x.apps.match(probe.value)); break;
      case ProbeKind::kDomain: add_rule_hit(probe, x.domains.match(probe.value)); break;
      case ProbeKind::kIp: add_rule_hit(probe, x.prefixes.match(probe.value)); break;
      case ProbeKind::kAsn:
        if (auto asn = parse_asn(probe.value)) add_rule_hit(probe, x.asns.match(*asn));
        break;
      case ProbeKind::kPackage: add_rule_hit(probe, x.packages.match(probe.value)); break;
      case ProbeKind::kClass: add_rule_hit(probe, x.classes.match(probe.value)); break;
      case ProbeKind::kScheme: add_rule_hit(probe, x.schemes.match(probe.value)); break;
      case ProbeKind::kSymbol: add_rule_hit(probe, x.symbols.match(probe.value)); break;
      case ProbeKind::kUrl:
        if (!add_rule_hit(probe, x.urls.match(probe.value))) {
          add_rule_hit(probe, x.domains.match(UrlMatcher::host_of(probe.value)));
        }
        break;
      case ProbeKind::kName:
      case ProbeKind::kTitle: {
        // A subject's name comes before an entity's: the subject hit decides.
        const std::optional<NameMatchHit> hit = x.names.match(probe.value);
        if (!hit) break;
        if (hit->group == kSubjectNames) {
          add_rule_hit(probe, *hit);
        } else {
          const bool certain = probe.strength == Strength::kUse && hit->exact && probe.kind == ProbeKind::kName;
          add_entity(hit->target, Identification{probe.kind, probe.value, nullptr, hit->rule, certain, probe.strength});
        }
        break;
      }
    }
  }

  for (int h = 0; h < hit_count; ++h) {
    const Hit& hit = hits[static_cast<size_t>(h)];
    const SubjectIndex& index = x.subjects[hit.subject];
    // Clauses that cover the activity first: only they can decide. The others are listed
    // (by id, in the reasons) only when none covers it, so their writes are skipped else.
    const std::uint8_t first = f.match_count;
    for (int pass = 0; pass < 2; ++pass) {
      const bool covering = pass == 0;
      if (!covering && f.match_count != first) break;
      for (const Link& link : index.links) {
        if (known_at < link.known_from) continue;  // not yet published as of known_at
        if (((link.activities & activity_bit(obs.activity)) != 0) != covering) continue;
        if (f.match_count >= Finding::kMaxMatches) {
          f.truncated = true;
          break;
        }
        Match& m = f.matches[f.match_count];
        m.order = link.order;
        m.prohibition = link.prohibition;
        m.subject = &x.corpus.subjects[hit.subject];
        m.how = hit.how;
        m.activity_covered = covering;
        m.exemption = link.exemption;
        if (covering) {
          m.state = link.state(obs.at, known_at);
          if (m.state.state == State::kUnknown) continue;
          m.scope = test_scope(obs, *link.scope);
        } else {
          m.state = StateAt{State::kUnknown, nullptr, kEndOfTime};
          m.scope = ScopeTest::kUnknown;
        }
        ++f.match_count;
      }
    }
    for (const Order* order : index.bare_designations) {
      add_designation(Designation{order, &x.corpus.subjects[hit.subject], nullptr, hit.how});
    }
    if (index.links.empty() && index.bare_designations.empty()) {
      // Identified, but no order designates it (Tencent's shared domains, say): say so.
      add_designation(Designation{nullptr, &x.corpus.subjects[hit.subject], nullptr, hit.how});
    }
  }
  combine(f);
  return f;
}

}  // namespace interdict
