// A file of the MRT edge cases that real dumps rarely hold, one record each, shared by the
// decoder's unit tests and the comparison with Debian's bgpdump.
#pragma once

#include "readers/mrt_builder.h"

namespace interdict::testing::mrt {

inline Bytes edge_case_file() {
  const std::uint32_t peer = v4(198, 51, 100, 7);
  const Bytes base = origin(0);
  Bytes file;
  // A 4-byte ASN behind AS_TRANS on a 2-byte session: AS4_PATH restores it (RFC 6793).
  {
    Bytes a = base;
    append(a, as_path({{2, {65001, 23456, 23456}}}, 2));
    append(a, next_hop(peer));
    append(a, as4_path({{2, {396986, 138699}}}));
    append(file, bgp4mp_message(1600000000, 1, 65001, peer, update({}, a, prefix({71, 18, 0, 0}, 16))));
  }
  // An AS_SET at the end, and a confederation sequence and set before a sequence.
  {
    Bytes a = base;
    append(a, as_path({{2, {3356, 174}}, {1, {45090, 132203}}}, 4));
    append(a, next_hop(peer));
    append(file, bgp4mp_message(1600000001, 4, 3356, peer, update({}, a, prefix({101, 33, 0, 0}, 16))));
    Bytes c = base;
    append(c, as_path({{3, {65500, 65501}}, {4, {65502, 65503}}, {2, {6939, 396986}}}, 4));
    append(c, next_hop(peer));
    append(file, bgp4mp_message(1600000002, 4, 65500, peer, update({}, c, prefix({130, 44, 212, 0}, 22))));
  }
  // AGGREGATOR of AS_TRANS with AS4_AGGREGATOR; MED, LOCAL_PREF, ATOMIC_AGGREGATE;
  // well-known and large communities.
  {
    Bytes a = base;
    append(a, as_path({{2, {64512, 23456}}}, 2));
    append(a, next_hop(peer));
    append(a, u32_attribute(0x80, 4, 4000000000u));
    append(a, u32_attribute(0x40, 5, 150));
    append(a, attribute(0x40, 6, {}));
    append(a, aggregator(23456, v4(10, 0, 0, 1), 2));
    append(a, communities({0xFFFFFF01, 0xFFFFFF02, 0xFFFFFF03, 0xFFFF029A, 65001u << 16 | 100}));
    append(a, large_communities({396986, 1, 2}));
    append(a, as4_path({{2, {138699}}}));
    append(a, as4_aggregator(138699, v4(10, 0, 0, 1)));
    append(file, bgp4mp_message(1600000003, 1, 64512, peer, update({}, a, prefix({147, 160, 176, 0}, 21))));
  }
  // An AGGREGATOR that is not AS_TRANS: AS4_PATH and AS4_AGGREGATOR are stale, ignored.
  {
    Bytes a = base;
    append(a, as_path({{2, {64512, 23456}}}, 2));
    append(a, next_hop(peer));
    append(a, aggregator(64999, v4(10, 0, 0, 2), 2));
    append(a, as4_path({{2, {138699}}}));
    append(a, as4_aggregator(138699, v4(10, 0, 0, 2)));
    append(file, bgp4mp_message(1600000004, 1, 64512, peer, update({}, a, prefix({139, 177, 224, 0}, 20))));
  }
  // AS4_PATH longer than AS_PATH: ignored.
  {
    Bytes a = base;
    append(a, as_path({{2, {64512}}}, 2));
    append(a, next_hop(peer));
    append(a, as4_path({{2, {1, 2, 3}}}));
    append(file, bgp4mp_message(1600000005, 1, 64512, peer, update({}, a, prefix({103, 136, 220, 0}, 22))));
  }
  // IPv6 over MP_REACH with a link-local next hop, and IPv6 and IPv4 withdrawals.
  {
    Bytes a = base;
    append(a, as_path({{2, {6939, 138699}}}, 4));
    Bytes hop = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    for (std::uint8_t x : {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}) hop.push_back(x);
    append(a, mp_reach_v6(hop, prefix({0x24, 0x04, 0x9d, 0xc0}, 32)));
    append(a, mp_unreach_v6(prefix({0x20, 0x01, 0x0d, 0xb8, 0, 0x10}, 48)));
    append(file, bgp4mp_message(1600000006, 4, 6939, peer, update(prefix({192, 0, 2, 0}, 24), a, {})));
  }
  // A session coming up, and a withdrawal-only update.
  append(file, state_change_as4(1600000007, 396986, peer, 5, 6));
  append(file, bgp4mp_message(1600000008, 4, 396986, peer, update(prefix({71, 18, 0, 0}, 16), {}, {})));
  // A RIB: a peer index, then a prefix seen from two peers.
  append(file, peer_index({{v4(198, 51, 100, 7), 6939}, {v4(198, 51, 100, 8), 396986}}));
  {
    Bytes a = base;
    append(a, as_path({{2, {6939, 396986}}}, 4));
    append(a, next_hop(v4(198, 51, 100, 7)));
    Bytes b = base;
    append(b, as_path({{2, {396986}}}, 4));
    append(b, next_hop(v4(198, 51, 100, 8)));
    append(file, rib_v4(0, prefix({71, 18, 0, 0}, 16), {{0, a}, {1, b}}));
  }
  // An extended-timestamp record, one sent by the collector (LOCAL), and ADD-PATH.
  {
    Bytes a = base;
    append(a, as_path({{2, {6939, 396986}}}, 4));
    append(a, next_hop(peer));
    append(file, bgp4mp_message(1600000009, 4, 6939, peer, update({}, a, prefix({71, 18, 0, 0}, 16)), 17, 123));
    append(file, bgp4mp_message(1600000010, 7, 6939, peer, update({}, a, prefix({71, 18, 0, 0}, 16))));
    append(file, bgp4mp_message(1600000011, 9, 6939, peer,
                                update(prefix({10, 0, 0, 0}, 8, 7, true), a, prefix({71, 18, 0, 0}, 16, 5, true))));
  }
  return file;
}

}  // namespace interdict::testing::mrt
