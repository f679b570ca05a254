// RouteScan: the transit and peering chokepoint. Routes and sessions from MRT files are
// checked against the networks the orders name (their AS numbers), aggregated, and each
// aggregate decided once:
//
//   session  a BGP session whose peer AS is named: the directly arranged transit or
//            peering the 2020 orders prohibit (decided for peering and transit);
//   origin   routes originated by a named AS: its prefixes, the neighbours it reaches the
//            world through, and the peers that carried them (decided for transit);
//   path     routes that traverse a named AS without starting there (decided for transit).
//
// One per run, not thread-safe; add() sees every route event of every input in turn.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/common.h"
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

  void render_one(Format format, std::string_view kind, std::uint32_t asn, const Seen& seen,
                  std::span<const Activity> activities, const std::function<void(std::string&)>& details,
                  std::string& out, bool& first, std::size_t& prohibited);

  const OrderSet& orders_;
  Options options_;
  std::unordered_map<std::uint32_t, const Subject*> watched_;
  std::map<std::pair<std::string, std::uint32_t>, Session> sessions_;  // (peer address, AS)
  std::map<std::uint32_t, Origin> origins_;
  std::map<std::uint32_t, Path> paths_;
  std::uint64_t routes_ = 0;
  TextTable table_;
  Reasons reasons_;
};

}  // namespace interdict::cli
