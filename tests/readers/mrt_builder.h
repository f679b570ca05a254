// Test helpers that write MRT records byte by byte (RFC 6396, RFC 4271 messages), so that
// tests can make the cases real dumps rarely hold: AS_TRANS with AS4_PATH, sets and
// confederations, extended timestamps, ADD-PATH, damaged and truncated records.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace interdict::testing::mrt {

using Bytes = std::vector<std::uint8_t>;

inline void put8(Bytes& b, std::uint32_t v) { b.push_back(static_cast<std::uint8_t>(v)); }
inline void put16(Bytes& b, std::uint32_t v) {
  put8(b, v >> 8);
  put8(b, v);
}
inline void put32(Bytes& b, std::uint32_t v) {
  put16(b, v >> 16);
  put16(b, v);
}
inline void append(Bytes& b, const Bytes& more) { b.insert(b.end(), more.begin(), more.end()); }

inline std::uint32_t v4(int a, int b, int c, int d) {
  return static_cast<std::uint32_t>(a) << 24 | static_cast<std::uint32_t>(b) << 16 |
         static_cast<std::uint32_t>(c) << 8 | static_cast<std::uint32_t>(d);
}

// One path attribute; the extended-length flag is set when the value needs it.
inline Bytes attribute(std::uint8_t flags, std::uint8_t type, const Bytes& value) {
  Bytes b;
  const bool extended = value.size() > 255;
  put8(b, extended ? (flags | 0x10) : flags);
  put8(b, type);
  if (extended) {
    put16(b, static_cast<std::uint32_t>(value.size()));
  } else {
    put8(b, static_cast<std::uint32_t>(value.size()));
  }
  append(b, value);
  return b;
}

struct Segment {
  std::uint8_t type;  // 1 set, 2 sequence, 3 confed sequence, 4 confed set
  std::vector<std::uint32_t> asns;
};

inline Bytes segments(std::initializer_list<Segment> list, int width) {
  Bytes b;
  for (const Segment& s : list) {
    put8(b, s.type);
    put8(b, static_cast<std::uint32_t>(s.asns.size()));
    for (std::uint32_t a : s.asns) width == 4 ? put32(b, a) : put16(b, a);
  }
  return b;
}

inline Bytes origin(int o) { return attribute(0x40, 1, Bytes{static_cast<std::uint8_t>(o)}); }
inline Bytes as_path(std::initializer_list<Segment> list, int width) {
  return attribute(0x40, 2, segments(list, width));
}
inline Bytes as4_path(std::initializer_list<Segment> list) { return attribute(0xc0, 17, segments(list, 4)); }
inline Bytes next_hop(std::uint32_t ip) {
  Bytes v;
  put32(v, ip);
  return attribute(0x40, 3, v);
}
inline Bytes u32_attribute(std::uint8_t flags, std::uint8_t type, std::uint32_t x) {
  Bytes v;
  put32(v, x);
  return attribute(flags, type, v);
}
inline Bytes aggregator(std::uint32_t as, std::uint32_t ip, int width) {
  Bytes v;
  width == 4 ? put32(v, as) : put16(v, as);
  put32(v, ip);
  return attribute(0xc0, 7, v);
}
inline Bytes as4_aggregator(std::uint32_t as, std::uint32_t ip) {
  Bytes v;
  put32(v, as);
  put32(v, ip);
  return attribute(0xc0, 18, v);
}
inline Bytes communities(std::initializer_list<std::uint32_t> list) {
  Bytes v;
  for (std::uint32_t c : list) put32(v, c);
  return attribute(0xc0, 8, v);
}
inline Bytes large_communities(std::initializer_list<std::uint32_t> triples) {
  Bytes v;
  for (std::uint32_t c : triples) put32(v, c);
  return attribute(0xc0, 32, v);
}

// An NLRI prefix; bytes past the length are cut, host bits kept as given.
inline Bytes prefix(std::initializer_list<std::uint8_t> address, int length, std::uint32_t path_id = 0,
                    bool add_path = false) {
  Bytes b;
  if (add_path) put32(b, path_id);
  put8(b, static_cast<std::uint32_t>(length));
  const std::size_t n = (static_cast<std::size_t>(length) + 7) / 8;
  std::size_t i = 0;
  for (std::uint8_t x : address) {
    if (i++ >= n) break;
    put8(b, x);
  }
  return b;
}

inline Bytes mp_reach_v6(const Bytes& next_hop16or32, const Bytes& nlri) {
  Bytes v;
  put16(v, 2);
  put8(v, 1);
  put8(v, static_cast<std::uint32_t>(next_hop16or32.size()));
  append(v, next_hop16or32);
  put8(v, 0);
  append(v, nlri);
  return attribute(0x80, 14, v);
}
inline Bytes mp_unreach_v6(const Bytes& nlri) {
  Bytes v;
  put16(v, 2);
  put8(v, 1);
  append(v, nlri);
  return attribute(0x80, 15, v);
}

// A BGP UPDATE message with its 19-byte header.
inline Bytes update(const Bytes& withdrawn, const Bytes& attributes, const Bytes& nlri) {
  Bytes body;
  put16(body, static_cast<std::uint32_t>(withdrawn.size()));
  append(body, withdrawn);
  put16(body, static_cast<std::uint32_t>(attributes.size()));
  append(body, attributes);
  append(body, nlri);
  Bytes m(16, 0xff);
  put16(m, static_cast<std::uint32_t>(19 + body.size()));
  put8(m, 2);
  append(m, body);
  return m;
}

inline Bytes record(std::uint32_t time, std::uint16_t type, std::uint16_t subtype, const Bytes& body,
                    std::uint32_t microseconds = 0) {
  Bytes r;
  put32(r, time);
  put16(r, type);
  put16(r, subtype);
  const bool et = type == 17;
  put32(r, static_cast<std::uint32_t>(body.size() + (et ? 4 : 0)));
  if (et) put32(r, microseconds);
  append(r, body);
  return r;
}

// A BGP4MP MESSAGE record over IPv4 between `peer` and `local`.
inline Bytes bgp4mp_message(std::uint32_t time, std::uint16_t subtype, std::uint32_t peer_as, std::uint32_t peer_ip,
                            const Bytes& message, std::uint16_t type = 16, std::uint32_t microseconds = 0) {
  const bool as4 = subtype == 4 || subtype == 7 || subtype == 9 || subtype == 11;
  Bytes b;
  as4 ? put32(b, peer_as) : put16(b, peer_as);
  as4 ? put32(b, 64496) : put16(b, 64496);
  put16(b, 0);
  put16(b, 1);
  put32(b, peer_ip);
  put32(b, v4(192, 0, 2, 1));
  append(b, message);
  return record(time, type, subtype, b, microseconds);
}

inline Bytes state_change_as4(std::uint32_t time, std::uint32_t peer_as, std::uint32_t peer_ip, int from, int to) {
  Bytes b;
  put32(b, peer_as);
  put32(b, 64496);
  put16(b, 0);
  put16(b, 1);
  put32(b, peer_ip);
  put32(b, v4(192, 0, 2, 1));
  put16(b, static_cast<std::uint32_t>(from));
  put16(b, static_cast<std::uint32_t>(to));
  return record(time, 16, 5, b);
}

// A PEER_INDEX_TABLE of IPv4 peers with 4-byte AS numbers.
inline Bytes peer_index(std::initializer_list<std::pair<std::uint32_t, std::uint32_t>> peers) {
  Bytes b;
  put32(b, v4(192, 0, 2, 1));
  put16(b, 0);
  put16(b, static_cast<std::uint32_t>(peers.size()));
  for (const auto& [ip, as] : peers) {
    put8(b, 2);
    put32(b, ip);
    put32(b, ip);
    put32(b, as);
  }
  return record(1400000000, 13, 1, b);
}

// A RIB_IPV4_UNICAST record with one entry per (peer index, attributes).
inline Bytes rib_v4(std::uint32_t sequence, const Bytes& nlri_prefix,
                    std::initializer_list<std::pair<std::uint16_t, Bytes>> entries) {
  Bytes b;
  put32(b, sequence);
  append(b, nlri_prefix);
  put16(b, static_cast<std::uint32_t>(entries.size()));
  for (const auto& [peer, attrs] : entries) {
    put16(b, peer);
    put32(b, 1399990000);
    put16(b, static_cast<std::uint32_t>(attrs.size()));
    append(b, attrs);
  }
  return record(1400000000, 13, 2, b);
}

inline std::string as_string(const Bytes& b) { return std::string(b.begin(), b.end()); }

}  // namespace interdict::testing::mrt
