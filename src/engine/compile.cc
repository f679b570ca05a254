// OrderSet::compile (engine.h): a corpus of orders into the indexes a decision reads
// (engine_impl.h). decide() is in engine.cc.
#include <algorithm>

#include "base/ascii.h"
#include "engine/engine.h"
#include "engine/engine_impl.h"

namespace interdict {

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
    x.ids.try_emplace(ascii_lowered(subject.id), IdTarget{false, s});
    for (const std::string& alias : subject.aliases) x.ids.try_emplace(ascii_lowered(alias), IdTarget{false, s});
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
    x.ids.try_emplace(ascii_lowered(entity.id), IdTarget{true, e});
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

}  // namespace interdict
