// MrtDecoder: MRT records to route events.
#include <string>

#include "readers/mrt/cursor.h"
#include "readers/mrt/mrt.h"

namespace interdict::mrt {
namespace {

constexpr std::uint8_t kBgpUpdate = 2;
constexpr std::size_t kBgpHeader = 19;  // marker, length, type

bool read_address(Cursor& c, bool v6, Address& out) {
  out = Address{};
  out.v6 = v6;
  return c.copy(out.bytes.data(), v6 ? 16 : 4);
}

bool is_add_path_rib(std::uint16_t subtype) {
  return subtype >= kRibIpv4UnicastAddPath && subtype <= kRibGenericAddPath;
}

// Emits one event per prefix of an NLRI list. Returns damage, if any.
std::optional<std::string> each_prefix(std::span<const std::uint8_t> nlri, int bits, bool add_path, RouteEvent& event,
                                       const MrtDecoder::Sink& sink, const char* what) {
  std::size_t pos = 0;
  while (pos < nlri.size()) {
    if (!read_prefix(nlri, pos, bits, add_path, event.prefix)) {
      return std::string(what) + " holds a prefix that is truncated or longer than " + std::to_string(bits) +
             " bits (byte " + std::to_string(pos) + " of " + std::to_string(nlri.size()) + ")";
    }
    sink(event);
  }
  return std::nullopt;
}

// Only unicast and multicast NLRI have the plain prefix encoding; labelled and VPN
// families carry labels and route distinguishers this reader does not decode.
bool plain_prefixes(const MpNlri& mp) { return (mp.afi == 1 || mp.afi == 2) && mp.safi >= 1 && mp.safi <= 3; }

}  // namespace

std::optional<std::string> MrtDecoder::decode(const RecordHeader& header, std::span<const std::uint8_t> body,
                                              const Sink& sink) {
  switch (header.type) {
    case kTableDump: return table_dump(header, body, sink);
    case kTableDumpV2:
      if (header.subtype == kPeerIndexTable) return peer_index_table(body);
      return rib(header, body, sink);
    case kBgp4mp:
    case kBgp4mpEt: return bgp4mp(header, body, sink);
    default: ++unsupported_; return std::nullopt;
  }
}

std::optional<std::string> MrtDecoder::table_dump(const RecordHeader& header, std::span<const std::uint8_t> body,
                                                  const Sink& sink) {
  // Subtype 1 is IPv4, 2 IPv6; Zebra's 3 and 4 are the same with 4-byte AS numbers.
  if (header.subtype < 1 || header.subtype > 4) {
    ++unsupported_;
    return std::nullopt;
  }
  const bool v6 = header.subtype == 2 || header.subtype == 4;
  const bool as4 = header.subtype >= 3;
  Cursor c(body);
  std::uint16_t view = 0;
  std::uint16_t sequence = 0;
  RouteEvent event;
  event.kind = EventKind::kRib;
  event.header = &header;
  event.time = header.timestamp;
  std::uint8_t status = 0;
  std::uint16_t attr_length = 0;
  std::span<const std::uint8_t> attrs;
  if (!c.u16(view) || !c.u16(sequence) || !read_address(c, v6, event.prefix.address) || !c.u8(event.prefix.length) ||
      !c.u8(status) || !c.u32(event.originated) || !read_address(c, v6, event.peer_address) ||
      !c.asn(as4 ? 4 : 2, event.peer_as) || !c.u16(attr_length) || !c.bytes(attr_length, attrs)) {
    return "TABLE_DUMP record is truncated";
  }
  if (event.prefix.length > (v6 ? 128 : 32)) return "TABLE_DUMP prefix length " + std::to_string(event.prefix.length);
  if (auto damage = decode_attributes(attrs, as4, true, false, attributes_)) return damage;
  event.attributes = &attributes_;
  sink(event);
  return std::nullopt;
}

std::optional<std::string> MrtDecoder::peer_index_table(std::span<const std::uint8_t> body) {
  Cursor c(body);
  std::uint32_t collector = 0;
  std::uint16_t name_length = 0;
  std::uint16_t count = 0;
  if (!c.u32(collector) || !c.u16(name_length) || !c.skip(name_length) || !c.u16(count)) {
    return "PEER_INDEX_TABLE header is truncated";
  }
  peers_.clear();
  peers_.reserve(count);
  for (int i = 0; i < count; ++i) {
    std::uint8_t type = 0;
    Peer peer;
    if (!c.u8(type) || !c.u32(peer.bgp_id) || !read_address(c, (type & 1) != 0, peer.address) ||
        !c.asn((type & 2) ? 4 : 2, peer.as)) {
      return "PEER_INDEX_TABLE is truncated at peer " + std::to_string(i) + " of " + std::to_string(count);
    }
    peers_.push_back(peer);
  }
  return std::nullopt;
}

std::optional<std::string> MrtDecoder::rib(const RecordHeader& header, std::span<const std::uint8_t> body,
                                           const Sink& sink) {
  const std::uint16_t subtype = header.subtype;
  const bool add_path = is_add_path_rib(subtype);
  const std::uint16_t base = add_path ? static_cast<std::uint16_t>(subtype - 6) : subtype;
  Cursor c(body);
  std::uint32_t sequence = 0;
  if (!c.u32(sequence)) return "RIB record is truncated";
  RouteEvent event;
  event.kind = EventKind::kRib;
  event.header = &header;
  event.time = header.timestamp;
  event.add_path = add_path;
  int bits = 0;
  if (base == kRibIpv4Unicast || base == kRibIpv4Multicast) {
    bits = 32;
  } else if (base == kRibIpv6Unicast || base == kRibIpv6Multicast) {
    bits = 128;
  } else if (base == kRibGeneric) {
    std::uint16_t afi = 0;
    std::uint8_t safi = 0;
    if (!c.u16(afi) || !c.u8(safi)) return "RIB_GENERIC record is truncated";
    if ((afi != 1 && afi != 2) || safi < 1 || safi > 3) {
      ++unsupported_;  // VPN, labelled and other families
      return std::nullopt;
    }
    bits = afi == 1 ? 32 : 128;
  } else {
    ++unsupported_;
    return std::nullopt;
  }
  // The RIB's prefix carries no path id; each entry does (RFC 8050).
  std::size_t pos = c.position();
  if (!read_prefix(body, pos, bits, false, event.prefix)) return "RIB record's prefix is truncated or too long";
  c.skip(pos - c.position());
  std::uint16_t entries = 0;
  if (!c.u16(entries)) return "RIB record is truncated before its entry count";
  for (int i = 0; i < entries; ++i) {
    std::uint16_t peer_index = 0;
    std::uint16_t attr_length = 0;
    std::span<const std::uint8_t> attrs;
    if (!c.u16(peer_index) || !c.u32(event.originated) || (add_path && !c.u32(event.prefix.path_id)) ||
        !c.u16(attr_length) || !c.bytes(attr_length, attrs)) {
      return "RIB entry " + std::to_string(i) + " of " + std::to_string(entries) + " is truncated";
    }
    if (peer_index >= peers_.size()) {
      return "RIB entry names peer " + std::to_string(peer_index) + ", but the PEER_INDEX_TABLE has " +
             std::to_string(peers_.size());
    }
    event.peer_address = peers_[peer_index].address;
    event.peer_as = peers_[peer_index].as;
    if (auto damage = decode_attributes(attrs, true, true, add_path, attributes_)) return damage;
    event.attributes = &attributes_;
    sink(event);
  }
  return std::nullopt;
}

std::optional<std::string> MrtDecoder::bgp4mp(const RecordHeader& header, std::span<const std::uint8_t> body,
                                              const Sink& sink) {
  const std::uint16_t subtype = header.subtype;
  const bool state = subtype == kStateChange || subtype == kStateChangeAs4;
  const bool message = subtype == kMessage ||
                       (subtype >= kMessageAs4 && subtype <= kMessageAs4LocalAddPath && subtype != kStateChangeAs4);
  if (!state && !message) {
    ++unsupported_;
    return std::nullopt;
  }
  const bool as4 = subtype == kStateChangeAs4 || subtype == kMessageAs4 || subtype == kMessageAs4Local ||
                   subtype == kMessageAs4AddPath || subtype == kMessageAs4LocalAddPath;
  const bool add_path = subtype >= kMessageAddPath;
  Cursor c(body);
  RouteEvent event;
  event.header = &header;
  event.time = header.timestamp;
  event.add_path = add_path;
  std::uint16_t interface = 0;
  std::uint16_t afi = 0;
  if (!c.asn(as4 ? 4 : 2, event.peer_as) || !c.asn(as4 ? 4 : 2, event.local_as) || !c.u16(interface) || !c.u16(afi)) {
    return "BGP4MP header is truncated";
  }
  if (afi != 1 && afi != 2) return "BGP4MP names address family " + std::to_string(afi);
  if (!read_address(c, afi == 2, event.peer_address) || !read_address(c, afi == 2, event.local_address)) {
    return "BGP4MP addresses are truncated";
  }
  if (state) {
    event.kind = EventKind::kStateChange;
    if (!c.u16(event.old_state) || !c.u16(event.new_state)) return "STATE_CHANGE is truncated";
    sink(event);
    return std::nullopt;
  }
  std::span<const std::uint8_t> marker;
  std::uint16_t length = 0;
  std::uint8_t type = 0;
  if (!c.bytes(16, marker) || !c.u16(length) || !c.u8(type)) return "BGP message header is truncated";
  if (type != kBgpUpdate) return std::nullopt;  // OPEN, NOTIFICATION, KEEPALIVE carry no routes
  if (length < kBgpHeader + 4) return "BGP UPDATE length " + std::to_string(length) + " is too short";
  std::span<const std::uint8_t> update;
  if (!c.bytes(length - kBgpHeader, update)) {
    return "BGP UPDATE claims " + std::to_string(length) + " bytes, the record holds " +
           std::to_string(c.remaining() + kBgpHeader);
  }
  Cursor u(update);
  std::uint16_t withdrawn_length = 0;
  std::span<const std::uint8_t> withdrawn;
  std::uint16_t attr_length = 0;
  std::span<const std::uint8_t> attrs;
  if (!u.u16(withdrawn_length) || !u.bytes(withdrawn_length, withdrawn) || !u.u16(attr_length) ||
      !u.bytes(attr_length, attrs)) {
    return "BGP UPDATE lengths run past the message";
  }
  const std::span<const std::uint8_t> nlri = u.rest();
  auto damage = decode_attributes(attrs, as4, false, add_path, attributes_);
  event.attributes = &attributes_;

  event.kind = EventKind::kWithdraw;
  event.source = NlriSource::kUpdate;
  if (auto d = each_prefix(withdrawn, 32, add_path, event, sink, "the withdrawn routes")) return d;
  if (!damage && attributes_.mp_unreach && plain_prefixes(*attributes_.mp_unreach)) {
    const MpNlri& mp = *attributes_.mp_unreach;
    event.source = mp.afi == 1 ? NlriSource::kMpIpv4 : NlriSource::kMpIpv6;
    if (auto d = each_prefix(mp.nlri, mp.afi == 1 ? 32 : 128, add_path, event, sink, "MP_UNREACH_NLRI")) return d;
  }
  if (damage) return damage;
  event.kind = EventKind::kAnnounce;
  event.source = NlriSource::kUpdate;
  if (auto d = each_prefix(nlri, 32, add_path, event, sink, "the NLRI")) return d;
  if (attributes_.mp_reach && plain_prefixes(*attributes_.mp_reach)) {
    const MpNlri& mp = *attributes_.mp_reach;
    event.source = mp.afi == 1 ? NlriSource::kMpIpv4 : NlriSource::kMpIpv6;
    if (auto d = each_prefix(mp.nlri, mp.afi == 1 ? 32 : 128, add_path, event, sink, "MP_REACH_NLRI")) return d;
  }
  return std::nullopt;
}

}  // namespace interdict::mrt
