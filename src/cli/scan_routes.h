// RouteScan: the transit and peering chokepoint. Routes and sessions from MRT files are
// checked against the networks the orders name (their AS numbers and prefixes), aggregated,
// and each aggregate decided once:
//
//   session  a BGP session whose peer AS is named: the directly arranged transit or
//            peering the 2020 orders prohibit (decided for peering and transit);
//   origin   routes originated by a named AS: its prefixes, the neighbours it reaches the
//            world through, and the peers that carried them (decided for transit);
//   path     routes that traverse a named AS without starting there (decided for transit);
//   prefix   routes to a named prefix or a more specific one, whoever originates them: per
//            named prefix and subject, the routes' prefixes, origins, neighbours and peers
//            (decided for transit). A less specific route (a /8 over a named /24) also
//            carries other networks' traffic and is not reported.
//
// One per run, not thread-safe; add() sees every route event of every input in turn.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "cli/common.h"
#include "match/match.h"
#include "readers/mrt/mrt.h"
#include "sinks/sinks.h"

namespace interdict::cli {

class RouteScan {
 public:
  struct Options {
    std::optional<Instant> as_of;  // decide at this time; default: when each was last seen
    std::optional<Instant> known_at;
    std::vector<std::string> countries{"US"};  // where the operator provides the service
  };

  RouteScan(const OrderSet& orders, Options options);

  // The named AS numbers (from the orders' subjects), for a caller's summary.
  [[nodiscard]] const std::unordered_map<std::uint32_t, const Subject*>& watched() const { return watched_; }

  void add(const mrt::RouteEvent& event);
  // The peers of a PEER_INDEX_TABLE: sessions even when they carried no route.
  void add_peers(const std::vector<mrt::Peer>& peers, std::uint32_t time);

  // Appends the findings in `format` (table rows go to `table`); returns how many were
  // prohibited.
  std::size_t render(Format format, std::string& out, bool& first_json_object);
  [[nodiscard]] std::uint64_t routes_seen() const { return routes_; }

 private:
  struct Seen {
    std::uint64_t routes = 0;
    std::uint32_t first = 0xffffffff;
    std::uint32_t last = 0;
    void at(std::uint32_t t) {
      ++routes;
      if (t < first) first = t;
      if (t > last) last = t;
    }
  };
  struct Session {
    Seen seen;
    std::uint64_t withdrawals = 0;
    std::uint64_t state_changes = 0;
    std::uint16_t last_state = 0;
  };
  struct Origin {
    Seen seen;
    std::set<std::string> prefixes;
    std::set<std::uint32_t> neighbours;
    std::set<std::string> peers;  // "address AS"
  };
  struct Path {
    Seen seen;
    std::set<std::string> prefixes;
    std::vector<std::string> samples;  // up to three "prefix: path"
  };
  // A prefix an order names, for one subject. IPv4 is held IPv4-mapped with its length
  // plus 96, as PrefixMatcher holds it, so one comparison serves both families.
  struct Designation {
    const Subject* subject = nullptr;
    std::string text;   // normalised, e.g. "1.0.128.0/17"
    std::string probe;  // the address the engine decides it by
    std::array<std::uint8_t, 16> bytes{};
    int length = 0;
  };
  struct Covered {
    Seen seen;
    std::set<std::string> prefixes;
    std::set<std::uint32_t> origins;
    std::set<std::uint32_t> neighbours;
    std::set<std::string> peers;  // "address ASn"
  };

  void add_designations();
  // The most specific designation that covers `prefix` (equal or less specific than it),
  // or -1. One longest-prefix probe; a second look only when a designation more specific
  // than the route sits on its address.
  [[nodiscard]] int covering(const mrt::Prefix& prefix) const;
  void add_covered(const mrt::RouteEvent& event, int designation);
  void render_prefixes(Format format, std::string& out, bool& first, std::size_t& prohibited);
  // The network a finding is about: an AS number (kind kAsn, JSON key "asn") or a
  // designated prefix (kIp, probed with an address inside it, JSON key "prefix").
  struct Network {
    ProbeKind kind = ProbeKind::kAsn;
    std::string_view text;      // "396986" or "1.0.128.0/17"
    std::string_view probe;     // the probe's value: the AS number, or an address inside the prefix
    const Subject* named_by{};  // the subject that named it, when no order governs
  };
  void render_one(Format format, std::string_view kind, const Network& network, const Seen& seen,
                  std::span<const Activity> activities, const std::function<void(std::string&)>& details,
                  std::string& out, bool& first, std::size_t& prohibited);
  // Appends `items` (strings or AS numbers): a table's space-separated text cut at `limit`
  // with " ...", or a JSON array under `key`.
  template <class Items>
  static void append_list(bool table, std::string& d, std::string_view key, const Items& items, std::size_t limit) {
    if (table) {
      std::size_t n = 0;
      for (const auto& item : items) {
        if (n++ == limit) {
          d += " ...";
          break;
        }
        if (n > 1) d += ' ';
        if constexpr (std::is_same_v<std::decay_t<decltype(item)>, std::uint32_t>) {
          d += "AS" + std::to_string(item);
        } else {
          d += item;
        }
      }
      return;
    }
    append_json_key(d, key);
    d += '[';
    bool f = true;
    for (const auto& item : items) {
      if (!f) d += ',';
      f = false;
      if constexpr (std::is_same_v<std::decay_t<decltype(item)>, std::uint32_t>) {
        d += std::to_string(item);
      } else {
        append_json_string(d, item);
      }
    }
    d += ']';
  }

  const OrderSet& orders_;
  Options options_;
  std::unordered_map<std::uint32_t, const Subject*> watched_;
  std::map<std::pair<std::string, std::uint32_t>, Session> sessions_;  // (peer address, AS)
  std::map<std::uint32_t, Origin> origins_;
  std::map<std::uint32_t, Path> paths_;
  std::vector<Designation> designations_;
  PrefixMatcher designated_;        // target: index into designations_
  std::map<int, Covered> covered_;  // by index into designations_, in the orders' order
  std::uint64_t routes_ = 0;
  TextTable table_;
  Reasons reasons_;
};

}  // namespace interdict::cli
