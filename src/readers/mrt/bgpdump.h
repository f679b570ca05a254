// The text `bgpdump -m` (and `-vm`) prints for MRT route events, byte for byte, so that
// scripts written against bgpdump can read interdict's `mrt dump` instead.
//
// One line per RIB entry, announced or withdrawn prefix, and session state change:
//   TABLE_DUMP2|1400824800|B|peer|peer_as|prefix|as_path|origin|next_hop|local_pref|med|
//     communities|AG or NAG|aggregator|
//   BGP4MP|1470931200|A|peer|peer_as|prefix|as_path|origin|next_hop|local_pref|med|...
//   BGP4MP|1470931200|W|peer|peer_as|prefix
//   BGP4MP|1470931200|STATE|peer|peer_as|old_state|new_state
// ADD-PATH records carry the path id after the prefix (TABLE_DUMP2_AP, BGP4MP_AP).
//
// Where Debian's bgpdump 1.6.2 and bgpdump's own golden files disagree (host bits past a
// prefix's length: the golden output clears them), the golden files win. Multicast and
// RIB_GENERIC entries are decoded for findings but, as in bgpdump, not printed.
#pragma once

#include <string>

#include "readers/mrt/mrt.h"

namespace interdict::mrt {

// Appends the line for `event` (with its newline) to `out`; appends nothing for events
// bgpdump does not print.
void append_bgpdump_line(const RouteEvent& event, std::string& out);

// Text forms shared with other outputs: dotted IPv4, and IPv6 as inet_ntop writes it.
void append_address(const Address& address, std::string& out);
void append_prefix(const Prefix& prefix, std::string& out);
// The AS path as bgpdump writes it: "1 2 {3,4} (5 6) [7,8]".
void append_as_path(const AsPath& path, std::string& out);

}  // namespace interdict::mrt
