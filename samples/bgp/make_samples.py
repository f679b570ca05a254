#!/usr/bin/env python3
"""Writes the sample MRT files of samples/bgp/ (synthetic; see README.md there).

    python3 samples/bgp/make_samples.py

rib.20201101.0000.mrt     a TABLE_DUMP_V2 RIB as a collector on a US exchange would dump it
updates.20201112.1200.mrt BGP4MP_ET updates of the day the TikTok transit clause was to start
"""
import ipaddress
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def attr(flags, kind, value):
    if len(value) > 255:
        return struct.pack(">BBH", flags | 0x10, kind, len(value)) + value
    return struct.pack(">BBB", flags, kind, len(value)) + value


def path(asns, width=4):
    fmt = ">I" if width == 4 else ">H"
    return attr(0x40, 2, struct.pack(">BB", 2, len(asns)) + b"".join(struct.pack(fmt, a) for a in asns))


def attrs(asns, next_hop, communities=(), width=4, extra=b""):
    out = attr(0x40, 1, b"\x00") + path(asns, width)
    if next_hop is not None:
        out += attr(0x40, 3, ipaddress.IPv4Address(next_hop).packed)
    if communities:
        out += attr(0xC0, 8, b"".join(struct.pack(">HH", a, v) for a, v in communities))
    return out + extra


def nlri(prefix):
    net = ipaddress.ip_network(prefix)
    n = (net.prefixlen + 7) // 8
    return bytes([net.prefixlen]) + net.network_address.packed[:n]


def record(t, kind, subtype, body, usec=None):
    if usec is not None:
        return struct.pack(">IHHII", t, kind, subtype, len(body) + 4, usec) + body
    return struct.pack(">IHHI", t, kind, subtype, len(body)) + body


PEERS = [  # (address, AS): a route server, two transit providers, and a peer of TikTok's
    ("198.51.100.1", 6939),
    ("198.51.100.2", 3356),
    ("198.51.100.3", 138699),
    ("2001:db8:100::4", 174),
]

ROUTES = [  # prefix, AS path per peer index
    ("8.8.8.0/24", {0: [6939, 15169], 1: [3356, 15169]}),
    ("1.1.1.0/24", {0: [6939, 13335], 1: [3356, 13335]}),
    ("151.101.0.0/16", {0: [6939, 54113], 1: [3356, 54113]}),
    ("13.32.0.0/15", {0: [6939, 16509], 1: [3356, 16509]}),
    ("17.0.0.0/8", {0: [6939, 714], 1: [3356, 714]}),
    ("23.32.0.0/11", {0: [6939, 20940], 1: [3356, 20940]}),
    # The networks the orders name (documentation prefixes stand in for theirs).
    ("192.0.2.0/24", {0: [6939, 396986], 1: [3356, 2914, 396986], 2: [138699, 396986]}),
    ("198.51.100.0/25", {0: [6939, 138699], 2: [138699]}),
    ("203.0.113.0/24", {1: [3356, 4837, 45090], 0: [6939, 4134, 132203]}),
    ("2001:db8:1000::/36", {3: [174, 396986]}),
]


def rib():
    t = 1604188800  # 2020-11-01T00:00:00Z
    body = ipaddress.IPv4Address("198.51.100.250").packed + struct.pack(">H", 4) + b"demo" + struct.pack(">H", len(PEERS))
    for address, asn in PEERS:
        ip = ipaddress.ip_address(address)
        body += struct.pack(">B", 2 | (1 if ip.version == 6 else 0)) + ipaddress.IPv4Address("10.0.0.%d" % (PEERS.index((address, asn)) + 1)).packed
        body += ip.packed + struct.pack(">I", asn)
    out = record(t, 13, 1, body)
    for seq, (prefix, by_peer) in enumerate(ROUTES):
        net = ipaddress.ip_network(prefix)
        entries = b""
        for peer, asns in by_peer.items():
            hop = PEERS[peer][0]
            if net.version == 6:
                mp = attr(0x80, 14, bytes([16]) + ipaddress.IPv6Address(hop).packed)
                a = attrs(asns, None, [(asns[0] & 0xFFFF, 100)], extra=mp)
            else:
                a = attrs(asns, hop, [(asns[0] & 0xFFFF, 100)])
            entries += struct.pack(">HIH", peer, t - 86400 * (seq + 1), len(a)) + a
        out += record(t, 13, 4 if net.version == 6 else 2, struct.pack(">I", seq) + nlri(prefix) + struct.pack(">H", len(by_peer)) + entries)
    return out


def bgp4mp(t, usec, subtype, peer, peer_as, update_body):
    width = 4 if subtype in (4, 5) else 2
    fmt = ">I" if width == 4 else ">H"
    msg = b"\xff" * 16 + struct.pack(">HB", 19 + len(update_body), 2) + update_body
    head = struct.pack(fmt, peer_as) + struct.pack(fmt, 64496) + struct.pack(">HH", 0, 1)
    head += ipaddress.IPv4Address(peer).packed + ipaddress.IPv4Address("198.51.100.250").packed
    return record(t, 17, subtype, head + msg, usec)


def update(withdrawn, attributes, announced):
    w = b"".join(nlri(p) for p in withdrawn)
    n = b"".join(nlri(p) for p in announced)
    return struct.pack(">H", len(w)) + w + struct.pack(">H", len(attributes)) + attributes + n


def updates():
    t = 1605182400  # 2020-11-12T12:00:00Z
    out = b""
    # The session with TikTok's AS comes up (OpenConfirm -> Established).
    head = struct.pack(">IIHH", 138699, 64496, 0, 1) + ipaddress.IPv4Address("198.51.100.3").packed
    head += ipaddress.IPv4Address("198.51.100.250").packed + struct.pack(">HH", 5, 6)
    out += record(t, 17, 5, head, 1200)
    out += bgp4mp(t, 5000, 4, "198.51.100.3", 138699, update([], attrs([138699, 396986], "198.51.100.3"), ["192.0.2.0/24"]))
    out += bgp4mp(t + 1, 0, 4, "198.51.100.1", 6939, update([], attrs([6939, 15169], "198.51.100.1"), ["8.8.4.0/24"]))
    # A 2-byte session: ByteDance's 4-byte AS hides as AS_TRANS, AS4_PATH tells.
    as4 = attr(0xC0, 17, struct.pack(">BBII", 2, 2, 6939, 396986))
    out += bgp4mp(t + 2, 0, 1, "198.51.100.9", 64500, update([], attrs([64500, 6939, 23456], "198.51.100.9", width=2, extra=as4), ["192.0.2.0/25"]))
    out += bgp4mp(t + 3, 0, 4, "198.51.100.2", 3356, update(["203.0.113.0/24"], b"", []))
    out += bgp4mp(t + 4, 250000, 4, "198.51.100.2", 3356, update([], attrs([3356, 174, 13335], "198.51.100.2"), ["1.0.0.0/24"]))
    return out


if __name__ == "__main__":
    with open(os.path.join(HERE, "rib.20201101.0000.mrt"), "wb") as f:
        f.write(rib())
    with open(os.path.join(HERE, "updates.20201112.1200.mrt"), "wb") as f:
        f.write(updates())
