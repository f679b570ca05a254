// The second pass of loading orders (load_orders in loader.cc): what is wrong between tables
// and files (ids defined twice, references to what does not exist, prohibitions without
// text or source), and the links the engine follows (each prohibition's events, in time).
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "order/loader_passes.h"
#include "order/toml_table.h"

namespace interdict {
namespace {

using Severity = Diagnostic::Severity;

// Checks a corpus every file of which has been parsed, and links its events.
class Validator {
 public:
  explicit Validator(LoadReport& report) : report_(report), corpus_(report.corpus) {}

  void run() {
    check_unique_ids();
    check_entities();
    check_subjects();
    for (Order& order : corpus_.orders) check_order(order);
  }

 private:
  void error(const Location& where, const std::string& order, std::string message) {
    report_.errors.push_back({Severity::kError, where, order, std::move(message)});
  }
  void warning(const Location& where, const std::string& order, std::string message) {
    report_.warnings.push_back({Severity::kWarning, where, order, std::move(message)});
  }

  template <typename T>
  void unique(const std::vector<T>& items, const char* what, const std::string& order,
              const Location& (*where)(const T&)) {
    std::unordered_map<std::string, const T*> seen;
    for (const T& item : items) {
      if (item.id.empty()) continue;
      auto [it, fresh] = seen.emplace(item.id, &item);
      if (!fresh) {
        error(where(item), order,
              std::string(what) + " `" + item.id + "` is defined twice (first at " + where(*it->second).to_string() +
                  ")");
      }
    }
  }

  void check_unique_ids() {
    unique<Order>(corpus_.orders, "order", "", [](const Order& o) -> const Location& { return o.provenance.where; });
    unique<Entity>(corpus_.entities, "entity", "",
                   [](const Entity& e) -> const Location& { return e.provenance.where; });
    unique<Subject>(corpus_.subjects, "subject", "",
                    [](const Subject& s) -> const Location& { return s.provenance.where; });
    for (const Order& o : corpus_.orders) {
      unique<Prohibition>(o.prohibitions, "prohibition", o.id,
                          [](const Prohibition& p) -> const Location& { return p.provenance.where; });
      unique<Exemption>(o.exemptions, "exemption", o.id,
                        [](const Exemption& e) -> const Location& { return e.provenance.where; });
      unique<Event>(o.events, "event", o.id, [](const Event& e) -> const Location& { return e.provenance.where; });
    }
  }

  void check_provenance(const Provenance& p, const std::string& order, std::string_view what) {
    if (p.confidence != Confidence::kConfirmed && p.note.empty()) {
      warning(
          p.where, order,
          std::string(what) + " is " + std::string(confidence_name(p.confidence)) + " but has no `note` saying why");
    }
  }

  void check_entities() {
    for (const Entity& e : corpus_.entities) {
      check_provenance(e.provenance, "", "entity `" + e.id + "`");
      for (const EntityParent& parent : e.parents) {
        if (!parent.id.empty() && corpus_.find_entity(parent.id) == nullptr) {
          error(e.provenance.where, "",
                "entity `" + e.id + "` names unknown parent `" + parent.id + "`" + entity_hint(parent.id));
        }
      }
    }
  }

  std::string entity_hint(const std::string& id) {
    std::vector<std::string_view> ids;
    for (const Entity& e : corpus_.entities) ids.push_back(e.id);
    return did_you_mean(id, ids);
  }
  std::string subject_hint(const std::string& id) {
    std::vector<std::string_view> ids;
    for (const Subject& s : corpus_.subjects) ids.push_back(s.id);
    return did_you_mean(id, ids);
  }

  void check_subjects() {
    // One identifier, one subject: otherwise a match could not say what it found.
    std::map<std::pair<IdentifierKind, std::string>, std::pair<const Subject*, const Identifier*>> owner;
    for (const Subject& s : corpus_.subjects) {
      check_provenance(s.provenance, "", "subject `" + s.id + "`");
      if (!s.owner.empty() && corpus_.find_entity(s.owner) == nullptr) {
        error(s.provenance.where, "",
              "subject `" + s.id + "` names unknown owner `" + s.owner + "`" + entity_hint(s.owner));
      }
      for (const Identifier& id : s.identifiers) {
        auto key = std::make_pair(id.kind, fold_identifier(id.kind, id.value));
        auto [it, fresh] = owner.emplace(key, std::make_pair(&s, &id));
        if (fresh) continue;
        const auto& [first_subject, first_id] = it->second;
        if (first_subject == &s) {
          if (id.kind != IdentifierKind::kName) {
            warning(id.where, "",
                    std::string(identifier_key(id.kind)) + " `" + id.value + "` is listed twice for subject `" + s.id +
                        "`");
          }
        } else {
          error(id.where, "",
                std::string(identifier_key(id.kind)) + " `" + id.value + "` points to subject `" + s.id +
                    "` and to subject `" + first_subject->id + "` (" + first_id->where.to_string() + ")");
        }
      }
    }
  }

  void check_order(Order& order) {
    check_provenance(order.provenance, order.id, "order `" + order.id + "`");
    for (const std::string& sid : order.designates) {
      if (corpus_.find_subject(sid) == nullptr) {
        error(order.provenance.where, order.id,
              "order `" + order.id + "` designates unknown subject `" + sid + "`" + subject_hint(sid));
      }
    }
    for (const Prohibition& p : order.prohibitions) {
      check_provenance(p.provenance, order.id, "prohibition `" + p.id + "`");
      for (const std::string& sid : p.subjects) {
        if (corpus_.find_subject(sid) == nullptr) {
          error(p.provenance.where, order.id,
                "prohibition `" + p.id + "` names unknown subject `" + sid + "`" + subject_hint(sid));
        }
      }
    }
    auto check_prohibition_ref = [&](const Location& where, const std::string& what, const std::string& pid) {
      if (order.find_prohibition(pid) != nullptr) return;
      std::vector<std::string_view> ids;
      for (const Prohibition& p : order.prohibitions) ids.push_back(p.id);
      error(where, order.id,
            what + " names unknown prohibition `" + pid + "` of order `" + order.id + "`" + did_you_mean(pid, ids));
    };
    for (const Exemption& e : order.exemptions) {
      check_provenance(e.provenance, order.id, "exemption `" + e.id + "`");
      for (const std::string& pid : e.prohibitions)
        check_prohibition_ref(e.provenance.where, "exemption `" + e.id + "`", pid);
      for (const std::string& sid : e.subjects) {
        if (corpus_.find_subject(sid) == nullptr) {
          error(e.provenance.where, order.id,
                "exemption `" + e.id + "` names unknown subject `" + sid + "`" + subject_hint(sid));
        }
      }
    }
    for (const Event& e : order.events) {
      check_provenance(e.provenance, order.id, "event `" + e.id + "`");
      for (const std::string& pid : e.targets) check_prohibition_ref(e.provenance.where, "event `" + e.id + "`", pid);
      if (!e.lifts.empty()) {
        auto it = std::find_if(order.events.begin(), order.events.end(), [&](const Event& other) {
          return other.id == e.lifts && other.kind == EventKind::kEnjoined;
        });
        if (it == order.events.end()) {
          error(e.provenance.where, order.id,
                "event `" + e.id + "` lifts `" + e.lifts + "`, which is no `enjoined` event of this order");
        }
      }
    }
    link_events(order);
    for (const Prohibition& p : order.prohibitions) {
      bool published = false;
      bool effective = false;
      for (std::uint32_t i : p.events) {
        published |= order.events[i].kind == EventKind::kPublished;
        effective |= order.events[i].kind == EventKind::kEffective;
      }
      if (!published) error(p.provenance.where, order.id, "prohibition `" + p.id + "` has no `published` event");
      if (!effective) error(p.provenance.where, order.id, "prohibition `" + p.id + "` has no `effective` event");
    }
  }

  static void link_events(Order& order) {
    for (std::uint32_t i = 0; i < order.events.size(); ++i) {
      const Event& e = order.events[i];
      for (Prohibition& p : order.prohibitions) {
        if (e.targets.empty() || std::find(e.targets.begin(), e.targets.end(), p.id) != e.targets.end()) {
          p.events.push_back(i);
        }
      }
    }
    for (Prohibition& p : order.prohibitions) {
      std::stable_sort(p.events.begin(), p.events.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return order.events[a].at < order.events[b].at; });
      p.steps.clear();
      for (std::uint32_t i : p.events) {
        const Event& e = order.events[i];
        p.steps.push_back(
            Prohibition::Step{e.at, e.recorded, e.until.value_or(kEndOfTime), &e, e.kind, Prohibition::kLiftsAll});
      }
      for (Prohibition::Step& step : p.steps) {
        if (step.kind != EventKind::kInjunctionLifted || step.event->lifts.empty()) continue;
        for (std::uint32_t k = 0; k < p.steps.size(); ++k) {
          if (p.steps[k].kind == EventKind::kEnjoined && p.steps[k].event->id == step.event->lifts) step.lifts = k;
        }
      }
    }
  }

  LoadReport& report_;
  Corpus& corpus_;
};

}  // namespace

void validate_corpus(LoadReport& report) { Validator(report).run(); }

}  // namespace interdict
