// The reasons of a Finding, in words a compliance officer can act on and an auditor can
// replay: each names the clause, the event and its source, the scope test and the rule.
// Written once (explain_into) for two writers: plain strings for explain(), and a JSON array
// with the orders' parts cached for JsonReasons (explain_json.cc): `check` explains millions
// of lines, and most of each reason depends only on the orders.
#include <algorithm>
#include <charconv>

#include "engine/engine.h"
#include "engine/engine_impl.h"
#include "engine/explain_writers.h"

namespace interdict {
namespace {

// What each fixed part is rendered from (FixedKey::kind).
enum FixedPart : std::uint8_t {
  kClausePart = 1,   // order, prohibition, activity
  kRuleTail,         // rule, subject, strength, certain
  kEventPart,        // event
  kScopePart,        // order, prohibition, scope test
  kExemptionPart,    // exemption
  kSubjectNamePart,  // subject
  kDesignatedPart,   // order, subject
  kLastEventPart,    // event
  kEntityTail,       // entity, certain
};

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

// "KIND `value` matches the RULE `text` of NAME (`id`), FILE:LINE:COL": all but the
// transaction's own identifier is fixed by the rule, the subject and the certainty.
template <typename Writer>
void put_rule(Writer& w, const Identification& how, const Subject* subject) {
  w.put(probe_kind_name(how.probe), " `");
  w.text(how.probe_value);
  w.put("`");
  // A rule's text is the matcher's, stored once per rule, so its address and size key it
  // too. A match by id has no rule text to key (it may view the transaction's own bytes).
  const char* text = how.rule != nullptr ? how.rule_text.data() : nullptr;
  const std::uint32_t size = how.rule != nullptr ? static_cast<std::uint32_t>(how.rule_text.size()) : 0;
  const std::uint32_t how_bits = (static_cast<std::uint32_t>(how.strength) << 1) | (how.certain ? 1u : 0u);
  w.fixed(FixedKey{how.rule, subject, text, (size << 3) | how_bits, kRuleTail}, [&](std::string& out) {
    if (how.rule == nullptr) {
      out.append(" is the id of ");
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
  });
}

void cat_event(std::string& out, const Event& e) {
  cat(out, "event `", e.id, "` (", event_kind_name(e.kind), ": ", e.title, ") at ", e.at_text);
  if (e.until) cat(out, " until ", e.until_text);
  out.append(", recorded ");
  append_rfc3339(out, e.recorded);
  out.append(", source: ");
  cat_source(out, e.provenance);
}

void cat_clause(std::string& out, const Match& m) {
  const Prohibition& p = m.clause();
  cat(out, "`", m.order->id, "` prohibition ", p.id, " (", p.title, "; ", m.order->citation, ")");
}

template <typename Writer>
void explain_governing(const Finding& f, const Observation& obs, const Match& match, Writer& w) {
  const Match* m = &match;
  const std::string_view activity = activity_name(obs.activity);
  w.start();
  w.fixed(FixedKey{m->order, nullptr, nullptr, (m->prohibition << 8) | static_cast<std::uint32_t>(obs.activity),
                   kClausePart},
          [&](std::string& r) {
            cat(r, "clause: ");
            cat_clause(r, *m);
            // The verbatim text is one `interdict orders show` away; repeating it in every answer
            // of a million-line run would triple the output for nothing an auditor lacks.
            cat(r, " covers `", activity, "`");
          });
  w.start();
  w.put("identified: ");
  put_rule(w, m->how, m->subject);
  w.start();
  w.put("state: ", state_name(m->state.state), " at ");
  w.time(obs.at);
  if (m->state.cause != nullptr) {
    w.fixed(FixedKey{m->state.cause, nullptr, nullptr, 0, kEventPart}, [&](std::string& r) {
      r.append(", set by ");
      cat_event(r, *m->state.cause);
    });
  }
  if (m->state.state == State::kScheduled && m->state.effective != kEndOfTime) {
    w.put("; takes effect ");
    w.time(m->state.effective);
  }
  w.start();
  w.fixed(
      FixedKey{m->order, nullptr, nullptr, (m->prohibition << 8) | static_cast<std::uint32_t>(m->scope), kScopePart},
      [&](std::string& r) {
        const Prohibition& p = m->clause();
        const std::vector<std::string>& scope = m->order->scope_of(m->prohibition);
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
      });
  if (m->exemption != nullptr) {
    w.start();
    w.fixed(FixedKey{m->exemption, nullptr, nullptr, 0, kExemptionPart}, [&](std::string& r) {
      cat(r, "exempt: exemption `", m->exemption->id, "`: ", m->exemption->text, ", source: ");
      cat_source(r, m->exemption->provenance);
    });
  }
  switch (f.verdict) {
    case Verdict::kProhibited:
      if (m->state.state == State::kSuspended) {
        w.start();
        w.put("enforcement is suspended, but the conduct remains unlawful");
      }
      break;
    case Verdict::kReview:
      w.start();
      w.put(m->how.certain ? "review: decide the scope before acting"
            : m->how.strength == Strength::kMention
                ? "review: the evidence mentions the identifier but does not show it in use"
                : "review: the identity match is uncertain");
      break;
    case Verdict::kPermitted:
      if (m->exemption == nullptr && m->scope != ScopeTest::kOutOfScope) {
        w.start();
        w.put("not prohibited: the clause is ", state_name(m->state.state), " at that time");
      }
      break;
  }
}

template <typename Writer>
void explain_designation(const ExplainContext& x, const Observation& obs, const Designation& d, Writer& w) {
  w.start();
  if (d.order != nullptr) {
    const Event* last = nullptr;
    for (const Event& e : d.order->events) {
      if (e.at <= obs.at) last = &e;
    }
    w.fixed(FixedKey{d.order, d.subject, nullptr, 0, kDesignatedPart}, [&](std::string& r) {
      cat(r, "designated: `", d.order->id, "` (", d.order->citation, ") names ", d.subject->name,
          " but identified no prohibited transaction");
    });
    if (last != nullptr) {
      w.fixed(FixedKey{last, nullptr, nullptr, 0, kLastEventPart}, [&](std::string& r) {
        cat(r, "; last event: ", event_kind_name(last->kind), " ", last->at_text, " (", last->title, ")");
      });
    }
  } else if (d.entity != nullptr) {
    w.put("entity: ", probe_kind_name(d.how.probe), " `");
    w.text(d.how.probe_value);
    w.put("`");
    w.fixed(FixedKey{d.entity, nullptr, nullptr, d.how.certain ? 1u : 0u, kEntityTail}, [&](std::string& r) {
      cat(r, " names ", d.entity->name, " (`", d.entity->id, "`)", d.how.certain ? "" : " [partial match]");
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
    });
  } else if (d.subject != nullptr) {
    w.put("identified: ");
    put_rule(w, d.how, d.subject);
    w.put(", which no order designates");
  }
}

}  // namespace

template <typename Writer>
void explain_into(const ExplainContext& x, const Finding& f, const Observation& obs, Writer& w) {
  if (const Match* m = f.governing_match()) {
    explain_governing(f, obs, *m, w);
  } else if (f.match_count > 0) {
    // Nothing covers the activity. Say what did match, so the answer is not a bare "no".
    const Match& first = f.matches[0];
    w.start();
    w.put("identified: ");
    put_rule(w, first.how, first.subject);
    w.start();
    w.fixed(FixedKey{first.subject, nullptr, nullptr, 0, kSubjectNamePart},
            [&](std::string& r) { cat(r, "not prohibited: the clauses naming ", first.subject->name, " ("); });
    for (int i = 0; i < f.match_count; ++i) {
      const Match& m = f.matches[static_cast<size_t>(i)];
      if (i > 0) w.put(", ");
      w.put("`");
      w.text(m.order->id);
      w.put("` ");
      w.text(m.clause().id);
    }
    w.put(") do not cover `", activity_name(obs.activity), "`");
  }
  for (int i = 0; i < f.designation_count; ++i) explain_designation(x, obs, f.designations[static_cast<size_t>(i)], w);
  if (w.empty()) {
    w.start();
    w.put("no designated subject matches ");
    if (obs.probe_count == 0) w.put("(no identifiers given)");
    for (std::uint8_t i = 0; i < obs.probe_count; ++i) {
      if (i > 0) w.put(", ");
      w.put(probe_kind_name(obs.probes[i].kind), " `");
      w.text(obs.probes[i].value);
      w.put("`");
    }
  }
  if (f.truncated) {
    w.start();
    w.put("note: more matches than one answer holds; the rest are not listed");
  }
}

template void explain_into(const ExplainContext&, const Finding&, const Observation&, PlainReasonWriter&);
template void explain_into(const ExplainContext&, const Finding&, const Observation&, JsonReasonWriter&);

std::vector<std::string> OrderSet::explain(const Finding& f, const Observation& obs) const {
  Reasons reasons;
  explain(f, obs, reasons);
  return {reasons.begin(), reasons.end()};
}

void OrderSet::explain(const Finding& f, const Observation& obs, Reasons& out) const {
  PlainReasonWriter w(out);
  explain_into(ExplainContext{impl_->corpus, impl_->subjects, impl_->entity_subjects}, f, obs, w);
}

}  // namespace interdict
