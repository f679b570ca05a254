// RouteScan: routes and sessions against the AS numbers the orders name; the prefixes they
// name are in scan_routes_prefix.cc.
#include "cli/scan_routes.h"

#include <charconv>

#include "readers/mrt/bgpdump.h"

namespace interdict::cli {
namespace {

std::string asn_text(std::uint32_t asn) { return std::to_string(asn); }

}  // namespace

RouteScan::RouteScan(const OrderSet& orders, Options options)
    : orders_(orders),
      options_(std::move(options)),
      table_({"kind", "network", "subject", "verdict", "status", "clause", "routes", "last seen", "detail"}, 60) {
  for (const Subject& s : orders_.corpus().subjects) {
    for (const Identifier& id : s.identifiers) {
      if (id.kind != IdentifierKind::kAsn) continue;
      std::uint32_t asn = 0;
      const char* begin = id.value.data();
      if (id.value.size() > 2 && (id.value[0] == 'A' || id.value[0] == 'a')) begin += 2;  // "AS396986"
      auto r = std::from_chars(begin, id.value.data() + id.value.size(), asn);
      if (r.ec == std::errc()) watched_.emplace(asn, &s);
    }
  }
  add_designations();
}

void RouteScan::add_peers(const std::vector<mrt::Peer>& peers, std::uint32_t time) {
  for (const mrt::Peer& p : peers) {
    if (!watched_.contains(p.as)) continue;
    std::string address;
    mrt::append_address(p.address, address);
    Session& s = sessions_[{address, p.as}];
    if (time < s.seen.first) s.seen.first = time;
    if (time > s.seen.last) s.seen.last = time;
  }
}

void RouteScan::add(const mrt::RouteEvent& e) {
  const bool peer_watched = watched_.contains(e.peer_as);
  if (e.kind == mrt::EventKind::kStateChange || e.kind == mrt::EventKind::kWithdraw) {
    if (!peer_watched) return;
    std::string address;
    mrt::append_address(e.peer_address, address);
    Session& s = sessions_[{address, e.peer_as}];
    if (e.kind == mrt::EventKind::kStateChange) {
      ++s.state_changes;
      s.last_state = e.new_state;
    } else {
      ++s.withdrawals;
    }
    if (e.time < s.seen.first) s.seen.first = e.time;
    if (e.time > s.seen.last) s.seen.last = e.time;
    return;
  }
  ++routes_;
  if (!designations_.empty()) {
    if (const int d = covering(e.prefix); d >= 0) add_covered(e, d);
  }
  if (peer_watched) {
    std::string address;
    mrt::append_address(e.peer_address, address);
    sessions_[{address, e.peer_as}].seen.at(e.time);
  }
  const mrt::AsPath& path = e.attributes->as_path;
  if (path.asns.empty()) return;
  // The common case: nothing named on the path. One hash probe per AS.
  bool any = false;
  for (std::uint32_t asn : path.asns) {
    if (watched_.contains(asn)) {
      any = true;
      break;
    }
  }
  if (!any) return;
  const std::optional<std::uint32_t> origin = path.origin();
  std::string prefix;
  mrt::append_prefix(e.prefix, prefix);
  for (std::size_t i = 0; i < path.asns.size(); ++i) {
    const std::uint32_t asn = path.asns[i];
    if (!watched_.contains(asn)) continue;
    if (i > 0 && path.asns[i - 1] == asn) continue;  // prepending
    if (origin && asn == *origin) {
      Origin& o = origins_[asn];
      o.seen.at(e.time);
      o.prefixes.insert(prefix);
      // The neighbour it reaches the world through: the first other AS before it.
      for (std::size_t j = i; j-- > 0;) {
        if (path.asns[j] != asn) {
          o.neighbours.insert(path.asns[j]);
          break;
        }
      }
      std::string peer;
      mrt::append_address(e.peer_address, peer);
      o.peers.insert(peer + " AS" + asn_text(e.peer_as));
    } else {
      Path& p = paths_[asn];
      p.seen.at(e.time);
      p.prefixes.insert(prefix);
      if (p.samples.size() < 3) {
        std::string sample = prefix + ": ";
        mrt::append_as_path(path, sample);
        p.samples.push_back(std::move(sample));
      }
    }
  }
}

void RouteScan::render_one(Format format, std::string_view kind, const Network& network, const Seen& seen,
                           std::span<const Activity> activities, const std::function<void(std::string&)>& details,
                           std::string& out, bool& first, std::size_t& prohibited) {
  const Instant at = options_.as_of ? *options_.as_of : static_cast<Instant>(seen.last);
  Finding best;
  Observation best_obs;
  bool have = false;
  for (Activity activity : activities) {
    Observation obs;
    obs.activity = activity;
    obs.add_probe(network.kind, network.probe);
    for (const std::string& c : options_.countries) obs.add_country(c);
    obs.at = at;
    Finding f = orders_.decide(obs, options_.known_at.value_or(kEndOfTime));
    if (!have || severity(f.verdict) > severity(best.verdict)) {
      best = f;
      best_obs = obs;
      have = true;
    }
  }
  // The probe's view points into network.probe, which outlives this function.
  if (best.verdict == Verdict::kProhibited) ++prohibited;
  const Match* m = best.governing_match();
  const Subject* subject = m != nullptr ? m->subject : network.named_by;
  orders_.explain(best, best_obs, reasons_);
  std::string clause = m != nullptr ? m->order->id + " " + m->clause().id : "";
  if (format == Format::kTable) {
    std::string detail;
    details(detail);
    table_.add_row({std::string(kind), std::string(network.text), subject->id, std::string(verdict_name(best.verdict)),
                    std::string(state_name(best.status)), clause, std::to_string(seen.routes),
                    seen.last > 0 ? format_rfc3339(seen.last) : "", detail});
    return;
  }
  if (format == Format::kJson && !first) out += ',';
  first = false;
  out += "{\"kind\":";
  append_json_string(out, kind);
  if (network.kind == ProbeKind::kAsn) {
    append_json_key(out, "asn");
    out += network.text;
  } else {
    append_json_field(out, "prefix", network.text);
  }
  append_json_field(out, "subject", subject->id);
  append_json_field(out, "name", subject->name);
  append_json_field(out, "activity", activity_name(best_obs.activity));
  append_json_field(out, "verdict", verdict_name(best.verdict));
  append_json_field(out, "status", state_name(best.status));
  append_json_field(out, "order", m != nullptr ? std::string_view(m->order->id) : std::string_view());
  append_json_field(out, "prohibition", m != nullptr ? std::string_view(m->clause().id) : std::string_view());
  append_json_field(out, "decided_at", format_rfc3339(at));
  append_json_key(out, "routes");
  out += std::to_string(seen.routes);
  if (seen.last > 0) {
    append_json_field(out, "first_seen", format_rfc3339(seen.first));
    append_json_field(out, "last_seen", format_rfc3339(seen.last));
  }
  std::string detail;
  details(detail);
  out += detail;
  append_json_key(out, "reasons");
  out += '[';
  bool first_reason = true;
  for (const std::string& r : reasons_) {
    if (!first_reason) out += ',';
    first_reason = false;
    append_json_string(out, r);
  }
  out += "]}";
  if (format == Format::kJsonl) out += '\n';
}

std::size_t RouteScan::render(Format format, std::string& out, bool& first) {
  std::size_t prohibited = 0;
  static constexpr Activity kSession[] = {Activity::kPeering, Activity::kTransit};
  static constexpr Activity kTransit[] = {Activity::kTransit};
  const bool table = format == Format::kTable;
  auto list = [&](std::string& d, std::string_view key, const auto& items, std::size_t limit) {
    append_list(table, d, key, items, limit);
  };
  for (const auto& entry : sessions_) {
    const auto& key = entry.first;  // named, not bound: clang 14 lambdas cannot capture bindings
    const Session& s = entry.second;
    const std::string asn = asn_text(key.second);
    render_one(
        format, "session", Network{ProbeKind::kAsn, asn, asn, watched_.at(key.second)}, s.seen, kSession,
        [&](std::string& d) {
          if (table) {
            d = "peer " + key.first + ", " + std::to_string(s.withdrawals) + " withdrawals, " +
                std::to_string(s.state_changes) + " state changes";
            return;
          }
          append_json_key(d, "peer");
          append_json_string(d, key.first);
          append_json_key(d, "withdrawals");
          d += std::to_string(s.withdrawals);
          append_json_key(d, "state_changes");
          d += std::to_string(s.state_changes);
        },
        out, first, prohibited);
  }
  for (const auto& entry : origins_) {
    const std::string asn = asn_text(entry.first);
    const Origin& o = entry.second;
    render_one(
        format, "origin", Network{ProbeKind::kAsn, asn, asn, watched_.at(entry.first)}, o.seen, kTransit,
        [&](std::string& d) {
          if (table) {
            d = std::to_string(o.prefixes.size()) + " prefixes (";
            list(d, "", o.prefixes, 4);
            d += ") via ";
            list(d, "", o.neighbours, 6);
            return;
          }
          list(d, "prefixes", o.prefixes, 0);
          list(d, "neighbours", o.neighbours, 0);
          list(d, "peers", o.peers, 0);
        },
        out, first, prohibited);
  }
  for (const auto& entry : paths_) {
    const std::string asn = asn_text(entry.first);
    const Path& p = entry.second;
    render_one(
        format, "path", Network{ProbeKind::kAsn, asn, asn, watched_.at(entry.first)}, p.seen, kTransit,
        [&](std::string& d) {
          if (table) {
            d = std::to_string(p.prefixes.size()) + " prefixes through it, e.g. " +
                (p.samples.empty() ? "" : p.samples[0]);
            return;
          }
          append_json_key(d, "prefix_count");
          d += std::to_string(p.prefixes.size());
          list(d, "samples", p.samples, 0);
        },
        out, first, prohibited);
  }
  render_prefixes(format, out, first, prohibited);
  if (table) {
    out += table_.empty() ? "no route or session of a named network" : table_.render();
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return prohibited;
}

}  // namespace interdict::cli
