// Path attributes (RFC 4271 section 4.3, RFC 4760, RFC 6793, RFC 8092) and NLRI prefixes.
#include <algorithm>
#include <string>

#include "readers/mrt/cursor.h"
#include "readers/mrt/mrt.h"

namespace interdict::mrt {
namespace {

constexpr std::uint32_t kAsTrans = 23456;
constexpr std::uint8_t kExtendedLength = 0x10;

// Parses AS_PATH or AS4_PATH segments. False when a segment is malformed.
bool parse_segments(std::span<const std::uint8_t> bytes, int width, AsPath& out) {
  Cursor c(bytes);
  while (!c.empty()) {
    std::uint8_t type = 0;
    std::uint8_t count = 0;
    if (!c.u8(type) || !c.u8(count)) return false;
    if (type < 1 || type > 4) return false;
    if (c.remaining() < std::size_t{count} * static_cast<std::size_t>(width)) return false;
    AsSegment segment{static_cast<SegmentType>(type), static_cast<std::uint32_t>(out.asns.size()), count};
    for (int i = 0; i < count; ++i) {
      std::uint32_t asn = 0;
      (void)c.asn(width, asn);
      out.asns.push_back(asn);
    }
    out.segments.push_back(segment);
  }
  return true;
}

bool is_set(SegmentType t) { return t == SegmentType::kSet || t == SegmentType::kConfedSet; }

// RFC 6793 section 4.2.3: the leading ASes of AS_PATH that AS4_PATH does not cover,
// then AS4_PATH. A set counts as one AS.
void merge_as4_path(AsPath& path, const AsPath& as4) {
  const std::uint32_t keep = path.length() - as4.length();
  AsPath merged;
  merged.segments.reserve(path.segments.size() + as4.segments.size());
  std::uint32_t kept = 0;
  for (const AsSegment& s : path.segments) {
    if (kept >= keep) break;
    std::uint32_t take = s.count;
    if (is_set(s.type)) {
      kept += 1;
    } else {
      take = std::min(s.count, keep - kept);
      kept += take;
    }
    merged.segments.push_back({s.type, static_cast<std::uint32_t>(merged.asns.size()), take});
    merged.asns.insert(merged.asns.end(), path.asns.begin() + s.first, path.asns.begin() + s.first + take);
  }
  for (const AsSegment& s : as4.segments) {
    merged.segments.push_back({s.type, static_cast<std::uint32_t>(merged.asns.size()), s.count});
    merged.asns.insert(merged.asns.end(), as4.asns.begin() + s.first, as4.asns.begin() + s.first + s.count);
  }
  // Swap storage so the vectors' capacity is kept for the next record.
  path.segments.swap(merged.segments);
  path.asns.swap(merged.asns);
}

std::optional<std::string> mp_reach(std::span<const std::uint8_t> bytes, bool rib_entry, Attributes& out) {
  Cursor c(bytes);
  MpNlri mp;
  if (rib_entry && !bytes.empty() && bytes[0] != 0) {
    // RFC 6396 4.3.4: in a RIB entry only the next hop's length and the next hop remain;
    // the family is the RIB's. bgpdump reads it as IPv6, so do we.
    mp.afi = 2;
    mp.safi = 1;
    (void)c.u8(mp.next_hop_length);
    mp.next_hop.v6 = true;
    const std::size_t n = std::min<std::size_t>(c.remaining(), 16);
    (void)c.copy(mp.next_hop.bytes.data(), n);
    if (mp.next_hop_length == 32) {
      mp.next_hop_link_local.v6 = true;
      (void)c.copy(mp.next_hop_link_local.bytes.data(), std::min<std::size_t>(c.remaining(), 16));
    }
    out.mp_reach = mp;
    return std::nullopt;
  }
  if (!c.u16(mp.afi) || !c.u8(mp.safi) || !c.u8(mp.next_hop_length)) return "MP_REACH_NLRI is truncated";
  std::span<const std::uint8_t> hop;
  if (!c.bytes(mp.next_hop_length, hop)) return "MP_REACH_NLRI next hop is truncated";
  if (mp.afi == 1 && hop.size() >= 4) {
    std::copy_n(hop.begin(), 4, mp.next_hop.bytes.begin());
  } else if (mp.afi == 2) {
    mp.next_hop.v6 = true;
    std::copy_n(hop.begin(), std::min<std::size_t>(hop.size(), 16), mp.next_hop.bytes.begin());
    if (hop.size() >= 32) {
      mp.next_hop_link_local.v6 = true;
      std::copy_n(hop.begin() + 16, 16, mp.next_hop_link_local.bytes.begin());
    }
  }
  std::uint8_t snpa_count = 0;  // reserved since RFC 4760; skipped like RFC 2858's SNPAs
  if (!c.u8(snpa_count)) return "MP_REACH_NLRI is truncated";
  for (int i = 0; i < snpa_count; ++i) {
    std::uint8_t len = 0;
    if (!c.u8(len) || !c.skip(len)) return "MP_REACH_NLRI SNPA is truncated";
  }
  mp.nlri = c.rest();
  out.mp_reach = mp;
  return std::nullopt;
}

}  // namespace

std::optional<std::uint32_t> AsPath::origin() const {
  if (segments.empty()) return std::nullopt;
  const AsSegment& last = segments.back();
  if (last.type != SegmentType::kSequence || last.count == 0) return std::nullopt;
  return asns[last.first + last.count - 1];
}

std::uint32_t AsPath::length() const {
  std::uint32_t n = 0;
  for (const AsSegment& s : segments) n += is_set(s.type) ? 1 : s.count;
  return n;
}

bool read_prefix(std::span<const std::uint8_t> bytes, std::size_t& pos, int max_bits, bool add_path, Prefix& out) {
  Cursor c(bytes.subspan(pos));
  out = Prefix{};
  out.address.v6 = max_bits == 128;
  if (add_path && !c.u32(out.path_id)) return false;
  if (!c.u8(out.length) || out.length > max_bits) return false;
  const std::size_t n = (out.length + 7u) / 8u;
  if (!c.copy(out.address.bytes.data(), n)) return false;
  // Host bits past the length are not part of the prefix (RFC 4271 4.3); some speakers
  // send them set, and bgpdump's golden output clears them.
  if (out.length % 8 != 0) out.address.bytes[n - 1] &= static_cast<std::uint8_t>(0xff00u >> (out.length % 8));
  pos += c.position();
  return true;
}

std::optional<std::string> decode_attributes(std::span<const std::uint8_t> bytes, bool as4, bool rib_entry,
                                             bool add_path, Attributes& out) {
  (void)add_path;
  out.clear();
  const int width = as4 ? 4 : 2;
  Cursor c(bytes);
  bool have_as4_aggregator = false;
  std::uint32_t as4_aggregator_as = 0;
  std::uint32_t as4_aggregator_address = 0;
  while (!c.empty()) {
    std::uint8_t flags = 0;
    std::uint8_t type = 0;
    if (!c.u8(flags) || !c.u8(type)) return "path attribute header is truncated";
    std::uint16_t length = 0;
    if (flags & kExtendedLength) {
      if (!c.u16(length)) return "path attribute length is truncated";
    } else {
      std::uint8_t short_length = 0;
      if (!c.u8(short_length)) return "path attribute length is truncated";
      length = short_length;
    }
    std::span<const std::uint8_t> value;
    if (!c.bytes(length, value)) {
      return "path attribute " + std::to_string(type) + " claims " + std::to_string(length) + " bytes, " +
             std::to_string(c.remaining()) + " remain";
    }
    if (type < 64) out.seen |= std::uint64_t{1} << type;
    Cursor v(value);
    switch (type) {
      case kOrigin:
        if (!v.u8(out.origin)) return "ORIGIN is empty";
        break;
      case kAsPath:
        if (!parse_segments(value, width, out.as_path)) {
          out.as_path.clear();
          out.as_path.malformed = true;
        }
        break;
      case kNextHop:
        if (!v.u32(out.next_hop)) return "NEXT_HOP is shorter than 4 bytes";
        break;
      case kMultiExitDisc:
        if (!v.u32(out.med)) return "MULTI_EXIT_DISC is shorter than 4 bytes";
        break;
      case kLocalPref:
        if (!v.u32(out.local_pref)) return "LOCAL_PREF is shorter than 4 bytes";
        break;
      case kAggregator:
        if (!v.asn(width, out.aggregator_as) || !v.u32(out.aggregator_address)) return "AGGREGATOR is truncated";
        break;
      case kCommunities: out.communities = value.first(value.size() / 4 * 4); break;
      case kLargeCommunities: out.large_communities = value.first(value.size() / 12 * 12); break;
      case kMpReachNlri:
        if (auto damage = mp_reach(value, rib_entry, out)) return damage;
        break;
      case kMpUnreachNlri: {
        MpNlri mp;
        if (!v.u16(mp.afi) || !v.u8(mp.safi)) return "MP_UNREACH_NLRI is truncated";
        mp.nlri = v.rest();
        out.mp_unreach = mp;
        break;
      }
      case kAs4Path:
        if (!parse_segments(value, 4, out.as4_path)) out.as4_path.clear();
        break;
      case kAs4Aggregator:
        if (v.u32(as4_aggregator_as) && v.u32(as4_aggregator_address)) have_as4_aggregator = true;
        break;
      default: break;  // known to us only by its presence bit
    }
  }
  if (as4) return std::nullopt;  // AS4_PATH and AS4_AGGREGATOR are for 2-byte sessions only
  if (out.has(kAggregator) && have_as4_aggregator) {
    // RFC 6793 4.2.3: an AGGREGATOR that is not AS_TRANS was set by a 2-byte speaker after
    // the 4-byte one; AS4_AGGREGATOR and AS4_PATH are then stale and ignored.
    if (out.aggregator_as != kAsTrans) return std::nullopt;
    out.aggregator_as = as4_aggregator_as;
    out.aggregator_address = as4_aggregator_address;
  }
  if (out.has(kAs4Path) && out.has(kAsPath) && !out.as_path.malformed && !out.as4_path.empty() &&
      out.as_path.length() >= out.as4_path.length()) {
    merge_as4_path(out.as_path, out.as4_path);
  }
  return std::nullopt;
}

}  // namespace interdict::mrt
