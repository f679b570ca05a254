// Selection: which clauses an export takes at (as_of, known_at), and what their subjects
// designate. The outcome for every name must equal the engine's: the most specific rule
// decides, exact before suffix, and a subject that no exported clause names is let through.
#include <unicode/bytestream.h>
#include <unicode/idna.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "export/export.h"
#include "export/export_internal.h"

namespace interdict {
namespace {

using export_internal::clause_name;
using export_internal::exports_state;

// Every clause covering one of `activities`, split by whether its state exports.
void fold_clauses(const Corpus& corpus, const ExportOptions& options, ActivitySet activities,
                  std::vector<ClauseState>& exported, std::vector<ClauseState>& excluded) {
  for (const Order& order : corpus.orders) {
    for (std::size_t i = 0; i < order.prohibitions.size(); ++i) {
      if ((order.prohibitions[i].activities & activities) == 0) continue;
      ClauseState clause{&order, static_cast<std::uint32_t>(i), state_at(order, i, options.as_of, options.known_at)};
      (exports_state(clause.state.state, options) ? exported : excluded).push_back(clause);
    }
  }
}

// The exemption of `order` that takes `subject` out of clause `clause_id`, or null.
const Exemption* exemption_for(const Order& order, std::string_view clause_id, std::string_view subject) {
  for (const Exemption& e : order.exemptions) {
    const bool names_subject = std::find(e.subjects.begin(), e.subjects.end(), subject) != e.subjects.end();
    const bool covers_clause = e.prohibitions.empty() || std::find(e.prohibitions.begin(), e.prohibitions.end(),
                                                                   clause_id) != e.prohibitions.end();
    if (names_subject && covers_clause) return &e;
  }
  return nullptr;
}

// The subjects of the exported clauses, each with the clauses that name it.
struct SubjectClauses {
  const Subject* subject;
  std::vector<EntrySource> sources;
};

std::vector<SubjectClauses> subjects_of(const Corpus& corpus, const std::vector<ClauseState>& exported,
                                        std::vector<std::string>& notes) {
  std::vector<SubjectClauses> out;
  for (const ClauseState& c : exported) {
    for (const std::string& id : c.clause().subjects) {
      const Subject* subject = corpus.find_subject(id);
      if (subject == nullptr) continue;  // load_orders() rejects this; nothing to export
      if (const Exemption* e = exemption_for(*c.order, c.clause().id, id)) {
        notes.push_back(clause_name(c) + ": subject `" + id + "` left out: exemption `" + e->id + "`");
        continue;
      }
      auto it = std::find_if(out.begin(), out.end(), [&](const SubjectClauses& s) { return s.subject == subject; });
      if (it == out.end()) it = out.insert(out.end(), SubjectClauses{subject, {}});
      it->sources.push_back(EntrySource{c.order, c.prohibition, subject, c.state.state, 0});
    }
  }
  return out;
}

bool valid_label_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

// A name with a non-ASCII byte in its ASCII (A-label) form by UTS #46, non-transitional, as
// the domain matcher reads it; nullopt when UTS #46 refuses it.
std::optional<std::string> to_ascii(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::IDNA* idna =
      icu::IDNA::createUTS46Instance(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, status);
  if (idna == nullptr) return std::nullopt;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  icu::IDNAInfo info;
  status = U_ZERO_ERROR;
  idna->nameToASCII_UTF8(icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())), sink, info, status);
  if (U_FAILURE(status) || info.hasErrors()) return std::nullopt;
  return out;
}

// Lowercase ASCII, no trailing dot, and safe to write unquoted into every format.
Result<std::string> normalise_domain(const Identifier& id) {
  std::string name;
  if (std::any_of(id.value.begin(), id.value.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    auto ascii = to_ascii(id.value);
    if (!ascii) {
      return Error(ErrorCategory::kValidation, "domain `" + id.value + "` cannot be exported: UTS #46 refuses it",
                   id.where);
    }
    name = std::move(*ascii);
  } else {
    name = id.value;
  }
  for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (!name.empty() && name.back() == '.') name.pop_back();
  auto fail = [&](std::string_view why) {
    return Error(ErrorCategory::kValidation, "domain `" + id.value + "` cannot be exported: " + std::string(why),
                 id.where);
  };
  if (name.empty() || name.size() > 253) return fail("empty or longer than 253 bytes");
  std::size_t label = 0;
  for (char c : name) {
    if (c == '.') {
      if (label == 0) return fail("empty label");
      label = 0;
      continue;
    }
    if (!valid_label_char(c)) return fail("only letters, digits, `-` and `_` may form a label");
    if (++label > 63) return fail("a label is longer than 63 bytes");
  }
  if (label == 0) return fail("empty label");
  return name;
}

// Every name from `name` up to its top-level label: "a.b.c", "b.c", "c".
std::vector<std::string_view> self_and_ancestors(std::string_view name) {
  std::vector<std::string_view> out{name};
  for (std::size_t dot = name.find('.'); dot != std::string_view::npos; dot = name.find('.', dot + 1)) {
    out.push_back(name.substr(dot + 1));
  }
  return out;
}

void add_source(std::vector<EntrySource>& into, const EntrySource& s) {
  auto same = [&](const EntrySource& t) {
    return t.order == s.order && t.prohibition == s.prohibition && t.subject == s.subject &&
           t.observed_from == s.observed_from;
  };
  if (std::none_of(into.begin(), into.end(), same)) into.push_back(s);
}

}  // namespace

Result<DomainSelection> select_domains(const Corpus& corpus, const ExportOptions& options) {
  DomainSelection sel;
  sel.options = options;
  sel.activities = kDnsActivities | options.extra_activities;
  fold_clauses(corpus, options, sel.activities, sel.exported, sel.excluded);
  const std::vector<SubjectClauses> subjects = subjects_of(corpus, sel.exported, sel.notes);

  // Every rule, keyed by (name, exact): the blocked ones of the exported subjects, and the
  // rules of all other subjects, which decide for the names under them.
  std::map<std::pair<std::string, bool>, DomainEntry> rules;
  std::vector<std::string> without_domains;
  for (const SubjectClauses& s : subjects) {
    bool any = false;
    for (const Identifier& id : s.subject->identifiers) {
      if (id.kind != IdentifierKind::kDomain && id.kind != IdentifierKind::kDomainExact) continue;
      auto name = normalise_domain(id);
      if (!name) return std::move(name.error());
      any = true;
      const bool exact = id.kind == IdentifierKind::kDomainExact;
      DomainEntry& e = rules[{*name, exact}];
      e.name = *name;
      e.exact = exact;
      e.action = DomainAction::kBlock;
      for (const EntrySource& src : s.sources) add_source(e.sources, src);
    }
    if (!any) without_domains.push_back(s.subject->id);
  }
  if (!without_domains.empty()) {
    std::string list;
    for (const std::string& id : without_domains) list += (list.empty() ? "" : ", ") + id;
    sel.notes.push_back("no domains in the orders for " + list + ": nothing to block by name for them");
  }
  for (const Subject& subject : corpus.subjects) {
    const bool exported =
        std::any_of(subjects.begin(), subjects.end(), [&](const SubjectClauses& s) { return s.subject == &subject; });
    if (exported) continue;
    for (const Identifier& id : subject.identifiers) {
      if (id.kind != IdentifierKind::kDomain && id.kind != IdentifierKind::kDomainExact) continue;
      auto name = normalise_domain(id);
      if (!name) continue;  // never written unless it lies under a blocked rule, checked below
      const bool exact = id.kind == IdentifierKind::kDomainExact;
      auto [it, inserted] = rules.try_emplace({*name, exact});
      if (!inserted) continue;  // the same rule on an exported subject: the order validator forbids it
      it->second = DomainEntry{*name, exact, DomainAction::kPass, {{nullptr, 0, &subject, State::kUnknown, 0}}};
    }
  }

  // Keep a rule only where it changes what its nearest enclosing suffix rule (or, for an
  // exact rule, the suffix rule of the same name) decides; with none, names resolve freely.
  for (auto& [key, entry] : rules) {
    DomainAction parent = DomainAction::kPass;
    const auto names = self_and_ancestors(entry.name);
    for (std::size_t i = entry.exact ? 0 : 1; i < names.size(); ++i) {
      auto it = rules.find({std::string(names[i]), false});
      if (it != rules.end()) {
        parent = it->second.action;
        break;
      }
    }
    if (entry.action != parent) sel.domains.push_back(std::move(entry));
  }
  // std::map ordered (name, exact) with suffix (false) first; exact first reads better.
  std::stable_sort(sel.domains.begin(), sel.domains.end(), [](const DomainEntry& a, const DomainEntry& b) {
    if (a.name != b.name) return a.name < b.name;
    return a.exact && !b.exact;
  });
  return sel;
}

Result<RouteSelection> select_routes(const Corpus& corpus, const ExportOptions& options,
                                     std::span<const ObservedRoute> observed) {
  RouteSelection sel;
  sel.options = options;
  sel.activities = kRouteActivities | options.extra_activities;
  fold_clauses(corpus, options, sel.activities, sel.exported, sel.excluded);
  const std::vector<SubjectClauses> subjects = subjects_of(corpus, sel.exported, sel.notes);

  std::map<std::uint32_t, AsnEntry> asns;
  std::vector<PrefixEntry> v4;
  std::vector<PrefixEntry> v6;
  std::vector<std::string> without;
  for (const SubjectClauses& s : subjects) {
    bool any = false;
    for (const Identifier& id : s.subject->identifiers) {
      if (id.kind == IdentifierKind::kAsn) {
        std::uint32_t asn = 0;
        const char* end = id.value.data() + id.value.size();
        auto [ptr, ec] = std::from_chars(id.value.data(), end, asn);
        if (ec != std::errc() || ptr != end) {
          return Error(ErrorCategory::kValidation, "asn `" + id.value + "` cannot be exported", id.where);
        }
        AsnEntry& e = asns[asn];
        e.asn = asn;
        for (const EntrySource& src : s.sources) add_source(e.sources, src);
        any = true;
      } else if (id.kind == IdentifierKind::kPrefix) {
        auto prefix = parse_prefix(id.value);
        if (!prefix) {
          return Error(ErrorCategory::kValidation, prefix.error().message() + ": cannot be exported", id.where);
        }
        (prefix->v4() ? v4 : v6).push_back(PrefixEntry{*prefix, s.sources});
        any = true;
      }
    }
    if (!any) without.push_back(s.subject->id);
  }
  if (!without.empty()) {
    std::string list;
    for (const std::string& id : without) list += (list.empty() ? "" : ", ") + id;
    sel.notes.push_back("no ASNs or prefixes in the orders for " + list + ": nothing to filter for them");
  }

  std::set<std::uint32_t> ignored_origins;
  for (const ObservedRoute& route : observed) {
    auto it = asns.find(route.origin_asn);
    if (it == asns.end()) {
      ++sel.observed_ignored;
      ignored_origins.insert(route.origin_asn);
      continue;
    }
    ++sel.observed_used;
    std::vector<EntrySource> sources = it->second.sources;
    for (EntrySource& src : sources) src.observed_from = route.origin_asn;
    (route.prefix.v4() ? v4 : v6).push_back(PrefixEntry{route.prefix, std::move(sources)});
  }
  if (sel.observed_ignored > 0) {
    sel.notes.push_back(std::to_string(sel.observed_ignored) + " observed routes from " +
                        std::to_string(ignored_origins.size()) +
                        " origin ASNs that no exported clause designates: not exported");
  }

  for (auto& [asn, entry] : asns) sel.asns.push_back(std::move(entry));
  sel.v4 = aggregate_prefixes(std::move(v4));
  sel.v6 = aggregate_prefixes(std::move(v6));

  // A prefix filter matches every more specific route, so a listed prefix of another subject
  // inside an exported one is filtered too; the engine would let it through. Say so.
  for (const Subject& subject : corpus.subjects) {
    const bool exported =
        std::any_of(subjects.begin(), subjects.end(), [&](const SubjectClauses& s) { return s.subject == &subject; });
    if (exported) continue;
    for (const Identifier& id : subject.identifiers) {
      if (id.kind != IdentifierKind::kPrefix) continue;
      auto inner = parse_prefix(id.value);
      if (!inner) continue;
      for (const PrefixEntry& outer : inner->v4() ? sel.v4 : sel.v6) {
        if (!export_internal::prefix_contains(outer.prefix, *inner)) continue;
        sel.notes.push_back("prefix " + id.value + " of `" + subject.id +
                            "`, which no exported clause names, lies inside " + format_prefix(outer.prefix) +
                            " and is filtered with it");
      }
    }
  }
  return sel;
}

}  // namespace interdict
