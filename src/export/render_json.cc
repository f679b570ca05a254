// The JSON format: every DNS and routing entry with the clauses behind it, for tools that
// build their own filters and for audit.
#include "export/export.h"
#include "export/export_internal.h"

namespace interdict {
namespace {

using export_internal::append_json;

void clause_json(std::string& out, const ClauseState& c, bool excluded) {
  out += "{\"order\":";
  append_json(out, c.order->id);
  out += ",\"prohibition\":";
  append_json(out, c.clause().id);
  out += ",\"title\":";
  append_json(out, c.clause().title);
  out += ",\"state\":";
  append_json(out, state_name(c.state.state));
  out += ",\"event\":";
  if (c.state.cause != nullptr) {
    append_json(out, c.state.cause->id);
  } else {
    out += "null";
  }
  out += ",\"applies_in\":[";
  bool first = true;
  for (const std::string& country : c.order->scope_of(c.prohibition)) {
    if (!first) out += ',';
    first = false;
    append_json(out, country);
  }
  out += ']';
  if (excluded) {
    out += ",\"reason\":";
    append_json(out, describe_exclusion(c));
  }
  out += '}';
}

void clauses_json(std::string& out, std::string_view key, const std::vector<ClauseState>& clauses, bool excluded) {
  out += ",\"";
  out += key;
  out += "\":[";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0) out += ',';
    clause_json(out, clauses[i], excluded);
  }
  out += ']';
}

void sources_json(std::string& out, const std::vector<EntrySource>& sources) {
  out += ",\"sources\":[";
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const EntrySource& s = sources[i];
    if (i > 0) out += ',';
    out += "{\"order\":";
    if (s.order != nullptr) {
      append_json(out, s.order->id);
      out += ",\"prohibition\":";
      append_json(out, s.order->prohibitions[s.prohibition].id);
      out += ",\"state\":";
      append_json(out, state_name(s.state));
    } else {
      out += "null,\"prohibition\":null,\"state\":null";
    }
    out += ",\"subject\":";
    append_json(out, s.subject->id);
    out += ",\"subject_name\":";
    append_json(out, s.subject->name);
    if (s.observed_from != 0) out += ",\"observed_from\":" + std::to_string(s.observed_from);
    out += '}';
  }
  out += ']';
}

void activities_json(std::string& out, ActivitySet activities) {
  out += "\"activities\":[";
  bool first = true;
  for (int i = 0; i < kActivityCount; ++i) {
    const auto a = static_cast<Activity>(i);
    if ((activities & activity_bit(a)) == 0) continue;
    if (!first) out += ',';
    first = false;
    append_json(out, activity_name(a));
  }
  out += ']';
}

}  // namespace

std::string render_json(const DomainSelection& dns, const RouteSelection& routes) {
  std::string out = "{\"generator\":\"interdict export\",\"as_of\":";
  append_json(out, format_rfc3339(dns.options.as_of));
  out += ",\"known_at\":";
  if (dns.options.known_at == kEndOfTime) {
    out += "null";
  } else {
    append_json(out, format_rfc3339(dns.options.known_at));
  }

  out += ",\n\"dns\":{";
  activities_json(out, dns.activities);
  clauses_json(out, "exported", dns.exported, false);
  clauses_json(out, "excluded", dns.excluded, true);
  out += ",\"domains\":[";
  for (std::size_t i = 0; i < dns.domains.size(); ++i) {
    const DomainEntry& d = dns.domains[i];
    out += i > 0 ? ",\n" : "\n";
    out += "{\"name\":";
    append_json(out, d.name);
    out += d.exact ? ",\"match\":\"exact\"" : ",\"match\":\"suffix\"";
    out += d.action == DomainAction::kBlock ? ",\"action\":\"block\"" : ",\"action\":\"pass\"";
    sources_json(out, d.sources);
    out += '}';
  }
  out += "]},\n\"routing\":{";
  activities_json(out, routes.activities);
  clauses_json(out, "exported", routes.exported, false);
  clauses_json(out, "excluded", routes.excluded, true);
  out += ",\"asns\":[";
  for (std::size_t i = 0; i < routes.asns.size(); ++i) {
    out += i > 0 ? ",\n" : "\n";
    out += "{\"asn\":" + std::to_string(routes.asns[i].asn);
    sources_json(out, routes.asns[i].sources);
    out += '}';
  }
  out += "],\"prefixes\":[";
  bool first = true;
  for (const auto* family : {&routes.v4, &routes.v6}) {
    for (const PrefixEntry& p : *family) {
      out += first ? "\n" : ",\n";
      first = false;
      out += "{\"prefix\":";
      append_json(out, format_prefix(p.prefix));
      out += p.prefix.v4() ? ",\"family\":4" : ",\"family\":6";
      sources_json(out, p.sources);
      out += '}';
    }
  }
  out += "],\"observed_routes\":{\"used\":" + std::to_string(routes.observed_used) +
         ",\"ignored\":" + std::to_string(routes.observed_ignored) + "}}}\n";
  return out;
}

}  // namespace interdict
