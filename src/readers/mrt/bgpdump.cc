// append_bgpdump_line and the address, prefix and path text it is made of.
#include "readers/mrt/bgpdump.h"

#include <charconv>

namespace interdict::mrt {
namespace {

void append_u32(std::uint32_t v, std::string& out) {
  char buf[12];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

// bgpdump prints local preference and MED of IPv4 MP_REACH routes with %d.
void append_i32(std::uint32_t v, std::string& out) {
  char buf[12];
  auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int32_t>(v));
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void append_v4(std::uint32_t v, std::string& out) {
  char buf[16];
  char* p = buf;
  for (int shift = 24; shift >= 0; shift -= 8) {
    p = std::to_chars(p, buf + sizeof buf, (v >> shift) & 0xff).ptr;
    *p++ = '.';
  }
  out.append(buf, static_cast<std::size_t>(p - buf - 1));
}

void append_v6(const std::array<std::uint8_t, 16>& b, std::string& out) {
  std::uint16_t words[8];
  for (int i = 0; i < 8; ++i) words[i] = static_cast<std::uint16_t>(b[2 * i] << 8 | b[2 * i + 1]);
  // The longest run of two or more zero words becomes "::"; the first wins a tie.
  int best = -1;
  int best_len = 0;
  for (int i = 0; i < 8;) {
    if (words[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && words[j] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  if (best_len < 2) best = -1;
  char buf[48];
  char* p = buf;
  for (int i = 0; i < 8; ++i) {
    if (best >= 0 && i >= best && i < best + best_len) {
      if (i == best) *p++ = ':';
      continue;
    }
    if (i > 0) *p++ = ':';
    // IPv4-compatible and IPv4-mapped addresses end in dotted quad, as inet_ntop writes them.
    if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff))) {
      out.append(buf, static_cast<std::size_t>(p - buf));
      append_v4(std::uint32_t{b[12]} << 24 | std::uint32_t{b[13]} << 16 | std::uint32_t{b[14]} << 8 | b[15], out);
      return;
    }
    p = std::to_chars(p, buf + sizeof buf, words[i], 16).ptr;
  }
  if (best >= 0 && best + best_len == 8) *p++ = ':';
  out.append(buf, static_cast<std::size_t>(p - buf));
}

bool is_set(SegmentType t) { return t == SegmentType::kSet || t == SegmentType::kConfedSet; }

char opening(SegmentType t) {
  switch (t) {
    case SegmentType::kSet: return '{';
    case SegmentType::kConfedSet: return '[';
    case SegmentType::kConfedSequence: return '(';
    case SegmentType::kSequence: break;
  }
  return ' ';
}
char closing(SegmentType t) {
  switch (t) {
    case SegmentType::kSet: return '}';
    case SegmentType::kConfedSet: return ']';
    case SegmentType::kConfedSequence: return ')';
    case SegmentType::kSequence: break;
  }
  return ' ';
}

void append_communities(const Attributes& a, std::string& out) {
  const auto& c = a.communities;
  for (std::size_t i = 0; i + 4 <= c.size(); i += 4) {
    const std::uint32_t v =
        std::uint32_t{c[i]} << 24 | std::uint32_t{c[i + 1]} << 16 | std::uint32_t{c[i + 2]} << 8 | c[i + 3];
    if (i > 0) out += ' ';
    switch (v) {
      case 0xFFFFFF01: out += "no-export"; break;
      case 0xFFFFFF02: out += "no-advertise"; break;
      case 0xFFFFFF03: out += "local-AS"; break;
      default:
        append_u32(v >> 16, out);
        out += ':';
        append_u32(v & 0xffff, out);
    }
  }
}

std::string_view origin_name(std::uint8_t origin) {
  if (origin == 0) return "IGP";
  if (origin == 1) return "EGP";
  return "INCOMPLETE";
}

// "|as_path|origin|next_hop|local_pref|med|communities|AG|aggregator|" after the prefix.
void append_route_tail(const RouteEvent& e, std::string& out) {
  const Attributes& a = *e.attributes;
  out += '|';
  if (a.has(kAsPath)) append_as_path(a.as_path, out);
  out += '|';
  out += origin_name(a.origin);
  out += '|';
  const bool signed_numbers = e.source == NlriSource::kMpIpv4;
  if (e.source == NlriSource::kMpIpv4) {
    append_v4(a.mp_reach->next_hop.v4(), out);
  } else if (e.source == NlriSource::kMpIpv6) {
    append_v6(a.mp_reach->next_hop.bytes, out);
  } else if (!e.add_path && a.has(kMpReachNlri) && a.mp_reach && a.mp_reach->afi == 2 && a.mp_reach->safi == 1 &&
             e.kind == EventKind::kRib) {
    // A RIB entry's next hop is its MP_REACH_NLRI's when that is IPv6 unicast (bgpdump
    // 1.6 ignores it in ADD-PATH RIB entries).
    append_v6(a.mp_reach->next_hop.bytes, out);
  } else {
    append_v4(a.next_hop, out);
  }
  out += '|';
  const std::uint32_t local_pref = a.has(kLocalPref) ? a.local_pref : 0;
  const std::uint32_t med = a.has(kMultiExitDisc) ? a.med : 0;
  if (signed_numbers) {
    append_i32(local_pref, out);
    out += '|';
    append_i32(med, out);
  } else {
    append_u32(local_pref, out);
    out += '|';
    append_u32(med, out);
  }
  out += '|';
  if (a.has(kCommunities)) append_communities(a, out);
  out += a.has(kAtomicAggregate) ? "|AG|" : "|NAG|";
  if (a.aggregator_address != 0xffffffff) {
    append_u32(a.aggregator_as, out);
    out += ' ';
    append_v4(a.aggregator_address, out);
  }
  out += "|\n";
}

void append_bgp4mp_label(const RouteEvent& e, std::string& out) {
  const RecordHeader& h = *e.header;
  out += h.type == kBgp4mpEt ? "BGP4MP_ET" : "BGP4MP";
  const bool local = h.subtype == kMessageLocal || h.subtype == kMessageAs4Local || h.subtype == kMessageLocalAddPath ||
                     h.subtype == kMessageAs4LocalAddPath;
  if (local) out += "_LOCAL";
  if (e.add_path) out += "_AP";
}

void append_time(const RouteEvent& e, std::string& out) {
  append_u32(e.time, out);
  if (e.header->type == kBgp4mpEt) {
    char buf[8];
    std::uint32_t us = e.header->microseconds;
    for (int i = 5; i >= 0; --i) {
      buf[i] = static_cast<char>('0' + us % 10);
      us /= 10;
    }
    out += '.';
    out.append(buf, 6);
  }
}

}  // namespace

// "peer|peer_as|prefix", and "|path_id" for ADD-PATH.
static void append_peer_and_prefix(const RouteEvent& e, std::string& out) {
  append_address(e.peer_address, out);
  out += '|';
  append_u32(e.peer_as, out);
  out += '|';
  append_prefix(e.prefix, out);
  if (e.add_path) {
    out += '|';
    append_u32(e.prefix.path_id, out);
  }
}

void append_address(const Address& address, std::string& out) {
  if (address.v6) {
    append_v6(address.bytes, out);
  } else {
    append_v4(address.v4(), out);
  }
}

void append_prefix(const Prefix& prefix, std::string& out) {
  append_address(prefix.address, out);
  out += '/';
  append_u32(prefix.length, out);
}

void append_as_path(const AsPath& path, std::string& out) {
  if (path.malformed) {
    out += "! Error !";
    return;
  }
  // bgpdump (after Zebra) closes a set only when the next segment starts or the path
  // ends, and stops at about 8,000 characters with "...".
  const std::size_t start = out.size();
  SegmentType previous = SegmentType::kSequence;
  bool space = false;
  for (const AsSegment& s : path.segments) {
    if (previous != SegmentType::kSequence) out += closing(previous);
    if (space) out += ' ';
    if (s.type != SegmentType::kSequence) out += opening(s.type);
    space = false;
    for (std::uint32_t i = 0; i < s.count; ++i) {
      if (space) {
        out += is_set(s.type) ? ',' : ' ';
      } else {
        space = true;
      }
      append_u32(path.asns[s.first + i], out);
      if (out.size() - start > 7900) {
        out += "...";
        return;
      }
    }
    previous = s.type;
  }
  if (!path.segments.empty() && path.segments.back().type != SegmentType::kSequence) {
    out += closing(path.segments.back().type);
  }
}

void append_bgpdump_line(const RouteEvent& e, std::string& out) {
  const RecordHeader& h = *e.header;
  switch (e.kind) {
    case EventKind::kRib: {
      if (h.type == kTableDump) {
        out += "TABLE_DUMP|";
      } else {
        // bgpdump prints unicast RIBs only.
        const bool unicast = h.subtype == kRibIpv4Unicast || h.subtype == kRibIpv6Unicast ||
                             h.subtype == kRibIpv4UnicastAddPath || h.subtype == kRibIpv6UnicastAddPath;
        if (!unicast) return;
        out += e.add_path ? "TABLE_DUMP2_AP|" : "TABLE_DUMP2|";
      }
      append_u32(e.time, out);
      out += "|B|";
      append_peer_and_prefix(e, out);
      append_route_tail(e, out);
      return;
    }
    case EventKind::kAnnounce:
    case EventKind::kWithdraw: {
      append_bgp4mp_label(e, out);
      out += '|';
      append_time(e, out);
      out += e.kind == EventKind::kAnnounce ? "|A|" : "|W|";
      append_peer_and_prefix(e, out);
      if (e.kind == EventKind::kWithdraw) {
        out += '\n';
        return;
      }
      append_route_tail(e, out);
      return;
    }
    case EventKind::kStateChange: {
      out += h.type == kBgp4mpEt ? "BGP4MP_ET|" : "BGP4MP|";
      append_time(e, out);
      out += "|STATE|";
      append_address(e.peer_address, out);
      out += '|';
      append_u32(e.peer_as, out);
      out += '|';
      append_u32(e.old_state, out);
      out += '|';
      append_u32(e.new_state, out);
      out += '\n';
      return;
    }
  }
}

}  // namespace interdict::mrt
