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

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// "AS396986", "as396986" or "396986".
std::optional<std::uint32_t> parse_asn(std::string_view text) {
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

Result<std::shared_ptr<const OrderSet>> OrderSet::compile(Corpus corpus) {
  auto impl = std::make_unique<Impl>();
  impl->corpus = std::move(corpus);
  Impl& x = *impl;
  const Corpus& c = x.corpus;
  x.subjects.resize(c.subjects.size());
  auto subject_index = [&](std::string_view id) -> std::optional<std::uint32_t> {
    for (std::uint32_t i = 0; i < c.subjects.size(); ++i) {
      if (c.subjects[i].id == id) return i;
    }
    return std::nullopt;
  };

  for (std::uint32_t s = 0; s < c.subjects.size(); ++s) {
    const Subject& subject = c.subjects[s];
    x.ids.try_emplace(lower(subject.id), IdTarget{false, s});
    for (const std::string& alias : subject.aliases) x.ids.try_emplace(lower(alias), IdTarget{false, s});
    for (const Identifier& id : subject.identifiers) {
      auto target = static_cast<std::uint32_t>(x.rules.size());
      x.rules.push_back(Rule{s, &id});
      bool ok = true;
      switch (id.kind) {
        case IdentifierKind::kApp: x.apps.add(id.value, target); break;
        case IdentifierKind::kDomain: ok = x.domains.add(id.value, false, target); break;
        case IdentifierKind::kDomainExact: ok = x.domains.add(id.value, true, target); break;
        case IdentifierKind::kAsn: {
          auto asn = parse_asn(id.value);
          ok = asn.has_value();
          if (ok) x.asns.add(*asn, target);
          break;
        }
        case IdentifierKind::kPrefix: ok = x.prefixes.add(id.value, target); break;
        case IdentifierKind::kPackage: x.packages.add(id.value, target); break;
        case IdentifierKind::kClass: x.classes.add(id.value, target); break;
        case IdentifierKind::kUrl: x.urls.add(id.value, target); break;
        case IdentifierKind::kName: x.names.add(id.value, target, kSubjectNames); break;
        case IdentifierKind::kScheme: x.schemes.add(id.value, target); break;
        case IdentifierKind::kSymbol: x.symbols.add(id.value, target); break;
      }
      if (!ok) {
        return Error(ErrorCategory::kValidation,
                     "cannot index " + std::string(identifier_key(id.kind)) + " `" + id.value + "`", id.where);
      }
    }
  }
  for (std::uint32_t e = 0; e < c.entities.size(); ++e) {
    const Entity& entity = c.entities[e];
    x.ids.try_emplace(lower(entity.id), IdTarget{true, e});
    x.names.add(entity.name, e, kEntityNames);
    for (const std::string& alias : entity.aliases) x.names.add(alias, e, kEntityNames);
  }
  // Each subject counts under its owner and every controlling ancestor: a parent with no
  // share given or a majority share. A minority holder (ByteDance's 19.9% of the US joint
  // venture, a state fund's 1% golden share) does not own what the company owns.
  x.entity_subjects.resize(c.entities.size());
  auto entity_index = [&](std::string_view id) -> std::optional<std::uint32_t> {
    for (std::uint32_t e = 0; e < c.entities.size(); ++e) {
      if (c.entities[e].id == id) return e;
    }
    return std::nullopt;
  };
  for (std::uint32_t s = 0; s < c.subjects.size(); ++s) {
    std::vector<std::uint32_t> frontier;
    if (auto owner = entity_index(c.subjects[s].owner)) frontier.push_back(*owner);
    for (std::size_t k = 0; k < frontier.size() && k < 64; ++k) {
      auto& list = x.entity_subjects[frontier[k]];
      if (std::find(list.begin(), list.end(), s) != list.end()) continue;  // also breaks cycles
      list.push_back(s);
      for (const EntityParent& parent : c.entities[frontier[k]].parents) {
        if (parent.share && *parent.share <= 0.5) continue;
        if (auto p = entity_index(parent.id)) frontier.push_back(*p);
      }
    }
  }
  auto make_link = [&](const Order& order, std::uint32_t p, const Exemption* ex) {
    const Prohibition& clause = order.prohibitions[p];
    Instant known_from = kEndOfTime;
    for (std::uint32_t e : clause.events) {
      if (order.events[e].kind == EventKind::kPublished) known_from = std::min(known_from, order.events[e].recorded);
    }
    Instant all_recorded = kBeginningOfTime;
    for (const Prohibition::Step& step : clause.steps) all_recorded = std::max(all_recorded, step.recorded);
    return Link{&order,      p, ex, clause.activities, known_from, &order.scope_of(p), timeline(order, p, kEndOfTime),
                all_recorded};
  };
  for (std::uint32_t o = 0; o < c.orders.size(); ++o) {
    const Order& order = c.orders[o];
    for (std::uint32_t p = 0; p < order.prohibitions.size(); ++p) {
      const Prohibition& clause = order.prohibitions[p];
      for (const std::string& sid : clause.subjects) {
        auto s = subject_index(sid);
        if (!s) continue;
        // A subject both named by a clause and exempted from it is exempt: the exemption
        // is the more specific statement. Linked here once, not tested per decision.
        bool exempt = false;
        for (const Exemption& ex : order.exemptions) {
          const auto& limited = ex.prohibitions;
          exempt |= std::find(ex.subjects.begin(), ex.subjects.end(), sid) != ex.subjects.end() &&
                    (limited.empty() || std::find(limited.begin(), limited.end(), clause.id) != limited.end());
        }
        if (!exempt) x.subjects[*s].links.push_back(make_link(order, p, nullptr));
      }
    }
    for (const Exemption& ex : order.exemptions) {
      for (const std::string& sid : ex.subjects) {
        auto s = subject_index(sid);
        if (!s) continue;
        for (std::uint32_t p = 0; p < order.prohibitions.size(); ++p) {
          const auto& limited = ex.prohibitions;
          if (!limited.empty() &&
              std::find(limited.begin(), limited.end(), order.prohibitions[p].id) == limited.end()) {
            continue;
          }
          x.subjects[*s].links.push_back(make_link(order, p, &ex));
        }
      }
    }
    for (const std::string& sid : order.designates) {
      if (auto s = subject_index(sid)) x.subjects[*s].bare_designations.push_back(&order);
    }
  }
  return std::shared_ptr<const OrderSet>(new OrderSet(std::move(impl)));
}

Result<std::shared_ptr<const OrderSet>> OrderSet::compile_bundled() {
  LoadReport report = load_orders(bundled_orders());
  if (!report.ok()) return Error(ErrorCategory::kValidation, report.errors.front().to_string());
  return compile(std::move(report.corpus));
}

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
