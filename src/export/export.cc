// The format list, the labels and header every format shares, and export_as().
#include "export/export.h"

#include <algorithm>
#include <array>

#include "export/export_internal.h"

namespace interdict {
namespace {

constexpr std::array<std::string_view, 7> kFormatNames = {"rpz", "unbound", "dnsmasq", "hosts", "bird", "frr", "json"};

}  // namespace

std::string_view export_format_name(ExportFormat format) { return kFormatNames[static_cast<std::size_t>(format)]; }

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
    if (kFormatNames[i] == name) return static_cast<ExportFormat>(i);
  }
  return std::nullopt;
}

std::span<const std::string_view> export_format_names() { return kFormatNames; }

namespace export_internal {

bool exports_state(State state, const ExportOptions& options) {
  switch (state) {
    case State::kInForce: return true;
    case State::kSuspended: return options.include_suspended;
    case State::kEnjoined: return options.include_enjoined;
    case State::kScheduled: return options.include_scheduled;
    case State::kUnknown:  // not published as known at known_at: the clause does not exist yet
    case State::kRevoked: return false;
  }
  return false;
}

std::string activity_list(ActivitySet activities) {
  std::string out;
  for (int i = 0; i < kActivityCount; ++i) {
    const auto a = static_cast<Activity>(i);
    if ((activities & activity_bit(a)) == 0) continue;
    if (!out.empty()) out += ' ';
    out += activity_name(a);
  }
  return out;
}

std::string clause_name(const ClauseState& clause) { return clause.order->id + " " + clause.clause().id; }

std::string comment_text(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string header(std::string_view format, std::string_view marker, const ExportOptions& options,
                   ActivitySet activities, const std::vector<ClauseState>& exported,
                   const std::vector<ClauseState>& excluded) {
  const std::string m = std::string(marker) + " ";
  std::string out;
  out += m + "interdict export --as " + std::string(format) + " (docs/export.md)\n";
  out += m + "as of " + format_rfc3339(options.as_of) + ", as known at " +
         (options.known_at == kEndOfTime ? std::string("the latest record") : format_rfc3339(options.known_at)) + "\n";
  out += m + "activities: " + activity_list(activities) + "\n";
  if (exported.empty()) {
    out += m + "nothing to enforce: no clause covering these activities is in force at that time\n";
  } else {
    out += m + "clauses exported:\n";
    for (const ClauseState& c : exported) {
      std::string scope;
      for (const std::string& country : c.order->scope_of(c.prohibition)) scope += " " + country;
      out += m + "  " + clause_name(c) + " (" + std::string(state_name(c.state.state)) + "; applies in" + scope +
             "): " + comment_text(c.clause().title) + "\n";
    }
  }
  if (!excluded.empty()) {
    out += m + "left out:\n";
    for (const ClauseState& c : excluded) out += m + "  " + comment_text(describe_exclusion(c)) + "\n";
  }
  return out;
}

void append_json(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

}  // namespace export_internal

std::string source_label(const EntrySource& source) {
  if (source.order == nullptr) {
    return "not designated: " + source.subject->name + " (" + source.subject->id + ")";
  }
  std::string out =
      source.order->id + " " + source.order->prohibitions[source.prohibition].id + " " + source.subject->name;
  if (source.state != State::kInForce) out += " [" + std::string(state_name(source.state)) + "]";
  if (source.observed_from != 0) out += " (observed from AS" + std::to_string(source.observed_from) + ")";
  return export_internal::comment_text(out);
}

std::string sources_label(std::span<const EntrySource> sources) {
  std::vector<std::string> labels;
  for (const EntrySource& s : sources) {
    std::string label = source_label(s);
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(std::move(label));
  }
  std::string out;
  for (const std::string& l : labels) out += (out.empty() ? "" : "; ") + l;
  return out;
}

std::string describe_exclusion(const ClauseState& clause) {
  const std::string name = export_internal::clause_name(clause);
  const Event* cause = clause.state.cause;
  const std::string when = cause != nullptr ? " at " + cause->at_text + " (" + cause->id + ")" : "";
  switch (clause.state.state) {
    case State::kUnknown: return name + ": not yet published as known at that time";
    case State::kScheduled:
      return name + ": scheduled, effective " + format_rfc3339(clause.state.effective) +
             "; --include-scheduled exports it";
    case State::kEnjoined: return name + ": enjoined" + when + "; --include-enjoined exports it";
    case State::kSuspended: {
      std::string until;
      if (cause != nullptr && !cause->until_text.empty()) until = " until " + cause->until_text;
      return name + ": enforcement suspended" + when + until + "; --include-suspended exports it";
    }
    case State::kRevoked: return name + ": revoked" + when;
    case State::kInForce: return name + ": in force";
  }
  return name;
}

Result<ExportOutput> export_as(ExportFormat format, const Corpus& corpus, const ExportOptions& options,
                               std::span<const ObservedRoute> observed) {
  ExportOutput out;
  auto describe = [&](const std::vector<ClauseState>& excluded, const std::vector<std::string>& notes) {
    for (const ClauseState& c : excluded) out.notes.push_back("left out: " + describe_exclusion(c));
    out.notes.insert(out.notes.end(), notes.begin(), notes.end());
  };
  const bool dns = format == ExportFormat::kRpz || format == ExportFormat::kUnbound ||
                   format == ExportFormat::kDnsmasq || format == ExportFormat::kHosts || format == ExportFormat::kJson;
  const bool routes = format == ExportFormat::kBird || format == ExportFormat::kFrr || format == ExportFormat::kJson;
  DomainSelection domains;
  RouteSelection route_sel;
  if (dns) {
    auto sel = select_domains(corpus, options);
    if (!sel) return std::move(sel.error());
    domains = std::move(*sel);
    describe(domains.excluded, domains.notes);
    out.entries += domains.domains.size();
  }
  if (routes) {
    auto sel = select_routes(corpus, options, observed);
    if (!sel) return std::move(sel.error());
    route_sel = std::move(*sel);
    describe(route_sel.excluded, route_sel.notes);
    out.entries += route_sel.asns.size() + route_sel.v4.size() + route_sel.v6.size();
  }
  switch (format) {
    case ExportFormat::kRpz: out.text = render_rpz(domains, out.notes); break;
    case ExportFormat::kUnbound: out.text = render_unbound(domains, out.notes); break;
    case ExportFormat::kDnsmasq: out.text = render_dnsmasq(domains, out.notes); break;
    case ExportFormat::kHosts: out.text = render_hosts(domains, out.notes); break;
    case ExportFormat::kBird: out.text = render_bird(route_sel, out.notes); break;
    case ExportFormat::kFrr: out.text = render_frr(route_sel, out.notes); break;
    case ExportFormat::kJson: out.text = render_json(domains, route_sel); break;
  }
  // A clause covering both families is left out of both; say it once.
  std::vector<std::string> distinct;
  for (std::string& note : out.notes) {
    if (std::find(distinct.begin(), distinct.end(), note) == distinct.end()) distinct.push_back(std::move(note));
  }
  out.notes = std::move(distinct);
  return out;
}

}  // namespace interdict
