// The reasons of a Finding, in words a compliance officer can act on and an auditor can
// replay: each names the clause, the event and its source, the scope test and the rule.
// Reasons are built by appending into reused strings: `check` explains millions of lines.
#include <algorithm>
#include <charconv>

#include "engine/engine.h"
#include "engine/engine_impl.h"

namespace interdict {
namespace {

void cat(std::string&) {}
template <typename First, typename... Rest>
void cat(std::string& out, const First& first, const Rest&... rest) {
  if constexpr (std::is_same_v<First, char>) {
    out.push_back(first);
  } else {
    out.append(std::string_view(first));
  }
  cat(out, rest...);
}

void cat_time(std::string& out, Instant t) { append_rfc3339(out, t); }

template <typename Range, typename F>
void cat_joined(std::string& out, const Range& items, std::string_view sep, F&& item) {
  bool first = true;
  for (const auto& x : items) {
    if (!first) out.append(sep);
    first = false;
    item(x);
  }
}

void cat_list(std::string& out, const std::vector<std::string>& items) {
  cat_joined(out, items, ", ", [&](const std::string& s) { out.append(s); });
}

void cat_source(std::string& out, const Provenance& p) {
  out.append(p.sources.empty() ? std::string_view("no source") : std::string_view(p.sources.front()));
  if (p.confidence != Confidence::kConfirmed) cat(out, " [", confidence_name(p.confidence), "]");
}

std::string_view rule_words(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::kDomain: return "the suffix rule";
    case IdentifierKind::kDomainExact: return "the exact rule";
    case IdentifierKind::kClass: return "the class prefix";
    case IdentifierKind::kUrl: return "the URL prefix";
    case IdentifierKind::kPrefix: return "the prefix";
    case IdentifierKind::kApp: return "the app identifier";
    case IdentifierKind::kAsn: return "the asn";
    case IdentifierKind::kPackage: return "the package";
    case IdentifierKind::kName: return "the name";
    case IdentifierKind::kScheme: return "the URL scheme";
    case IdentifierKind::kSymbol: return "the global symbol";
  }
  return "the identifier";
}

void cat_location(std::string& out, const Location& where) {
  out.append(where.file);
  char buf[32];
  auto put = [&](std::uint32_t n) {
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    out.push_back(':');
    out.append(buf, static_cast<std::size_t>(end - buf));
  };
  if (where.line != 0) put(where.line);
  if (where.column != 0) put(where.column);
}

void cat_rule(std::string& out, const Identification& how, const Subject* subject) {
  cat(out, probe_kind_name(how.probe), " `", how.probe_value, "`");
  if (how.rule == nullptr) {
    cat(out, " is the id of ");
  } else {
    const std::string_view verb = how.strength == Strength::kMention
                                      ? " is only mentioned in the evidence (review the use) and matches "
                                  : how.certain ? " matches "
                                                : " partially matches (review the identity) ";
    cat(out, verb, rule_words(how.rule->kind), " `", how.rule_text, "` of ");
  }
  if (subject != nullptr) cat(out, subject->name, " (`", subject->id, "`)");
  if (how.rule == nullptr && how.strength == Strength::kResemblance) {
    out.append(", handed over for a name that only resembles it (review the identity)");
  }
  if (how.rule != nullptr) {
    out.append(", ");
    cat_location(out, how.rule->where);
  }
}

void cat_event(std::string& out, const Event& e) {
  cat(out, "event `", e.id, "` (", event_kind_name(e.kind), ": ", e.title, ") at ", e.at_text);
  if (e.until) cat(out, " until ", e.until_text);
  out.append(", recorded ");
  cat_time(out, e.recorded);
  out.append(", source: ");
  cat_source(out, e.provenance);
}

void cat_clause(std::string& out, const Match& m) {
  const Prohibition& p = m.clause();
  cat(out, "`", m.order->id, "` prohibition ", p.id, " (", p.title, "; ", m.order->citation, ")");
}

}  // namespace

std::vector<std::string> OrderSet::explain(const Finding& f, const Observation& obs) const {
  Reasons reasons;
  explain(f, obs, reasons);
  return {reasons.begin(), reasons.end()};
}

void OrderSet::explain(const Finding& f, const Observation& obs, Reasons& out) const {
  const Impl& x = *impl_;
  out.clear();
  const std::string_view activity = activity_name(obs.activity);
  if (const Match* m = f.governing_match()) {
    const Prohibition& p = m->clause();
    const std::vector<std::string>& scope = m->order->scope_of(m->prohibition);
    {
      std::string& r = out.add();
      cat(r, "clause: ");
      cat_clause(r, *m);
      // The verbatim text is one `interdict orders show` away; repeating it in every answer
      // of a million-line run would triple the output for nothing an auditor lacks.
      cat(r, " covers `", activity, "`");
    }
    {
      std::string& r = out.add();
      r.append("identified: ");
      cat_rule(r, m->how, m->subject);
    }
    {
      std::string& r = out.add();
      cat(r, "state: ", state_name(m->state.state), " at ");
      cat_time(r, obs.at);
      if (m->state.cause != nullptr) {
        r.append(", set by ");
        cat_event(r, *m->state.cause);
      }
      if (m->state.state == State::kScheduled && m->state.effective != kEndOfTime) {
        r.append("; takes effect ");
        cat_time(r, m->state.effective);
      }
    }
    {
      std::string& r = out.add();
      switch (m->scope) {
        case ScopeTest::kInScope:
          r.append("scope: the transaction is within ");
          cat_list(r, scope);
          if (!p.scope_text.empty()) cat(r, " (\"", p.scope_text, "\")");
          break;
        case ScopeTest::kOutOfScope:
          r.append("scope: no country of the transaction is within ");
          cat_list(r, scope);
          r.append(": outside the clause");
          break;
        case ScopeTest::kUnknown:
          r.append("scope: the transaction names no country; the clause applies within ");
          cat_list(r, scope);
          break;
      }
    }
    if (m->exemption != nullptr) {
      std::string& r = out.add();
      cat(r, "exempt: exemption `", m->exemption->id, "`: ", m->exemption->text, ", source: ");
      cat_source(r, m->exemption->provenance);
    }
    switch (f.verdict) {
      case Verdict::kProhibited:
        if (m->state.state == State::kSuspended)
          out.add() = "enforcement is suspended, but the conduct remains unlawful";
        break;
      case Verdict::kReview:
        out.add() = m->how.certain ? "review: decide the scope before acting"
                    : m->how.strength == Strength::kMention
                        ? "review: the evidence mentions the identifier but does not show it in use"
                        : "review: the identity match is uncertain";
        break;
      case Verdict::kPermitted:
        if (m->exemption == nullptr && m->scope != ScopeTest::kOutOfScope) {
          cat(out.add(), "not prohibited: the clause is ", state_name(m->state.state), " at that time");
        }
        break;
    }
  } else if (f.match_count > 0) {
    // Nothing covers the activity. Say what did match, so the answer is not a bare "no".
    const Match& first = f.matches[0];
    {
      std::string& r = out.add();
      r.append("identified: ");
      cat_rule(r, first.how, first.subject);
    }
    std::string& r = out.add();
    cat(r, "not prohibited: the clauses naming ", first.subject->name, " (");
    for (int i = 0; i < f.match_count; ++i) {
      const Match& m = f.matches[static_cast<size_t>(i)];
      if (i > 0) r.append(", ");
      cat(r, "`", m.order->id, "` ", m.clause().id);
    }
    cat(r, ") do not cover `", activity, "`");
  }
  for (int i = 0; i < f.designation_count; ++i) {
    const Designation& d = f.designations[static_cast<size_t>(i)];
    std::string& r = out.add();
    if (d.order != nullptr) {
      const Event* last = nullptr;
      for (const Event& e : d.order->events) {
        if (e.at <= obs.at) last = &e;
      }
      cat(r, "designated: `", d.order->id, "` (", d.order->citation, ") names ", d.subject->name,
          " but identified no prohibited transaction");
      if (last != nullptr)
        cat(r, "; last event: ", event_kind_name(last->kind), " ", last->at_text, " (", last->title, ")");
    } else if (d.entity != nullptr) {
      cat(r, "entity: ", probe_kind_name(d.how.probe), " `", d.how.probe_value, "` names ", d.entity->name, " (`",
          d.entity->id, "`)", d.how.certain ? "" : " [partial match]");
      auto index = static_cast<std::size_t>(d.entity - x.corpus.entities.data());
      bool any = false;
      for (std::uint32_t s : x.entity_subjects[index]) {
        const SubjectIndex& si = x.subjects[s];
        bool named = !si.bare_designations.empty() || std::any_of(si.links.begin(), si.links.end(),
                                                                  [](const Link& l) { return l.exemption == nullptr; });
        if (!named) continue;
        r.append(any ? ", " : ", which owns the designated ");
        cat(r, x.corpus.subjects[s].name, " (`", x.corpus.subjects[s].id, "`)");
        any = true;
      }
      if (any) {
        r.append(
            "; orders designate those, not their owner's other businesses: name the app, domain or other identifier of "
            "the transaction to decide it");
      } else {
        r.append(", which owns no designated subject");
      }
    } else if (d.subject != nullptr) {
      r.append("identified: ");
      cat_rule(r, d.how, d.subject);
      r.append(", which no order designates");
    }
  }
  if (out.empty()) {
    std::string& r = out.add();
    r.append("no designated subject matches ");
    if (obs.probe_count == 0) r.append("(no identifiers given)");
    for (std::uint8_t i = 0; i < obs.probe_count; ++i) {
      if (i > 0) r.append(", ");
      cat(r, probe_kind_name(obs.probes[i].kind), " `", obs.probes[i].value, "`");
    }
  }
  if (f.truncated) out.add() = "note: more matches than one answer holds; the rest are not listed";
}

}  // namespace interdict
