// The reasons of a Finding, in words a compliance officer can act on and an auditor can
// replay: each names the clause, the event and its source, the scope test and the rule.
#include <algorithm>

#include "engine/engine.h"
#include "engine/engine_impl.h"

namespace interdict {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string first_source(const Provenance& p) {
  std::string out = p.sources.empty() ? std::string("no source") : p.sources.front();
  if (p.confidence != Confidence::kConfirmed) out += " [" + std::string(confidence_name(p.confidence)) + "]";
  return out;
}

std::string describe_rule(const Identification& how, const Subject* subject) {
  std::string who = subject != nullptr ? subject->name + " (`" + subject->id + "`)" : std::string("?");
  std::string probe = std::string(probe_kind_name(how.probe)) + " `" + std::string(how.probe_value) + "`";
  if (how.rule == nullptr) return probe + " is the id of " + who;
  std::string rule;
  switch (how.rule->kind) {
    case IdentifierKind::kDomain: rule = "the suffix rule"; break;
    case IdentifierKind::kDomainExact: rule = "the exact rule"; break;
    case IdentifierKind::kClass: rule = "the class prefix"; break;
    case IdentifierKind::kUrl: rule = "the URL prefix"; break;
    case IdentifierKind::kPrefix: rule = "the prefix"; break;
    default: rule = "the " + std::string(identifier_key(how.rule->kind)) + " identifier"; break;
  }
  std::string verb = how.certain ? " matches " : " partially matches (review the identity) ";
  return probe + verb + rule + " `" + std::string(how.rule_text) + "` of " + who + ", " + how.rule->where.to_string();
}

std::string describe_event(const Event& e) {
  std::string out = "event `" + e.id + "` (" + std::string(event_kind_name(e.kind)) + ": " + e.title + ") at " + e.at_text;
  if (e.until) out += " until " + e.until_text;
  out += ", recorded " + format_rfc3339(e.recorded) + ", source: " + first_source(e.provenance);
  return out;
}

std::string clause_name(const Match& m) {
  const Prohibition& p = m.clause();
  return "`" + m.order->id + "` prohibition " + p.id + " (" + p.title + "; " + m.order->citation + ")";
}

}  // namespace

std::vector<std::string> OrderSet::explain(const Finding& f, const Observation& obs) const {
  const Impl& x = *impl_;
  std::vector<std::string> out;
  const std::string activity(activity_name(obs.activity));
  if (const Match* m = f.governing_match()) {
    const Prohibition& p = m->clause();
    const std::vector<std::string>& scope = x.scope_of(m->order, m->prohibition);
    out.push_back("clause: " + clause_name(*m) + " covers `" + activity + "`: \"" + p.text + "\"");
    out.push_back("identified: " + describe_rule(m->how, m->subject));
    std::string state = "state: " + std::string(state_name(m->state.state)) + " at " + format_rfc3339(obs.at);
    if (m->state.cause != nullptr) state += ", set by " + describe_event(*m->state.cause);
    if (m->state.state == State::kScheduled && m->state.effective != kEndOfTime) {
      state += "; takes effect " + format_rfc3339(m->state.effective);
    }
    out.push_back(state);
    switch (m->scope) {
      case ScopeTest::kInScope:
        out.push_back("scope: the transaction is within " + join(scope, ", ") +
                      (p.scope_text.empty() ? "" : " (\"" + p.scope_text + "\")"));
        break;
      case ScopeTest::kOutOfScope:
        out.push_back("scope: no country of the transaction is within " + join(scope, ", ") + ": outside the clause");
        break;
      case ScopeTest::kUnknown:
        out.push_back("scope: the transaction names no country; the clause applies within " + join(scope, ", "));
        break;
    }
    if (m->exemption != nullptr) {
      out.push_back("exempt: exemption `" + m->exemption->id + "`: " + m->exemption->text +
                    ", source: " + first_source(m->exemption->provenance));
    }
    switch (f.verdict) {
      case Verdict::kProhibited:
        if (m->state.state == State::kSuspended) {
          out.push_back("enforcement is suspended, but the conduct remains unlawful");
        }
        break;
      case Verdict::kReview:
        out.push_back(m->how.certain ? "review: decide the scope before acting"
                                     : "review: the identity match is uncertain");
        break;
      case Verdict::kPermitted:
        if (m->exemption == nullptr && m->scope != ScopeTest::kOutOfScope) {
          out.push_back("not prohibited: the clause is " + std::string(state_name(m->state.state)) + " at that time");
        }
        break;
    }
  } else {
    // Nothing covers the activity. Say what did match, so the answer is not a bare "no".
    std::vector<std::string> uncovered;
    for (int i = 0; i < f.match_count; ++i) {
      const Match& m = f.matches[static_cast<size_t>(i)];
      std::string name = "`" + m.order->id + "` " + m.clause().id;
      if (std::find(uncovered.begin(), uncovered.end(), name) == uncovered.end()) uncovered.push_back(name);
    }
    if (!uncovered.empty()) {
      const Match& m = f.matches[0];
      out.push_back("identified: " + describe_rule(m.how, m.subject));
      out.push_back("not prohibited: the clauses naming " + m.subject->name + " (" + join(uncovered, ", ") +
                    ") do not cover `" + activity + "`");
    }
  }
  for (int i = 0; i < f.designation_count; ++i) {
    const Designation& d = f.designations[static_cast<size_t>(i)];
    if (d.order != nullptr) {
      std::string last;
      for (const Event& e : d.order->events) {
        if (e.at <= obs.at) last = std::string(event_kind_name(e.kind)) + " " + e.at_text + " (" + e.title + ")";
      }
      out.push_back("designated: `" + d.order->id + "` (" + d.order->citation + ") names " + d.subject->name +
                    " but identified no prohibited transaction" + (last.empty() ? "" : "; last event: " + last));
    } else if (d.entity != nullptr) {
      std::string owner = "entity: " + std::string(probe_kind_name(d.how.probe)) + " `" + std::string(d.how.probe_value) +
                          "` names " + d.entity->name + " (`" + d.entity->id + "`)" + (d.how.certain ? "" : " [partial match]");
      auto index = static_cast<std::size_t>(d.entity - x.corpus.entities.data());
      std::vector<std::string> designated;
      for (std::uint32_t s : x.entity_subjects[index]) {
        const SubjectIndex& si = x.subjects[s];
        bool named = !si.bare_designations.empty() ||
                     std::any_of(si.links.begin(), si.links.end(), [](const Link& l) { return l.exemption == nullptr; });
        if (named) {
          designated.push_back(x.corpus.subjects[s].name + " (`" + x.corpus.subjects[s].id + "`)");
        }
      }
      if (designated.empty()) {
        out.push_back(owner + ", which owns no designated subject");
      } else {
        out.push_back(owner + ", which owns the designated " + join(designated, ", ") +
                      "; orders designate those, not their owner's other businesses: name the app, domain or other "
                      "identifier of the transaction to decide it");
      }
    } else if (d.subject != nullptr) {
      out.push_back("identified: " + describe_rule(d.how, d.subject) + ", which no order designates");
    }
  }
  if (out.empty()) {
    std::vector<std::string> probes;
    for (std::uint8_t i = 0; i < obs.probe_count; ++i) {
      probes.push_back(std::string(probe_kind_name(obs.probes[i].kind)) + " `" + std::string(obs.probes[i].value) + "`");
    }
    out.push_back("no designated subject matches " + (probes.empty() ? std::string("(no identifiers given)") : join(probes, ", ")));
  }
  if (f.truncated) out.push_back("note: more matches than one answer holds; the rest are not listed");
  return out;
}

}  // namespace interdict
