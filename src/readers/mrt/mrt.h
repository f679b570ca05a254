// MRT (RFC 6396) routing data: the RIB dumps and update streams that RouteViews, RIPE RIS
// and every router's mrtdump write, read as a stream of routes.
//
// Three layers, each usable alone:
//   MrtReader   frames records out of a ByteSource (gzip and bzip2 read directly). The
//               body of each record is a view into the reader's buffer: nothing is copied.
//   MrtDecoder  turns one record into route events: a RIB entry, an announcement, a
//               withdrawal or a session state change, with the path attributes decoded
//               (AS_PATH with sets and confederations, AS4_PATH merged the RFC 6793 way,
//               MP_REACH/MP_UNREACH, communities, large communities, ADD-PATH ids).
//   bgpdump     (bgpdump.h) renders events as `bgpdump -m` lines.
//
// Record types: TABLE_DUMP, TABLE_DUMP_V2 (PEER_INDEX_TABLE, RIB_IPV4/IPV6 UNICAST and
// MULTICAST, RIB_GENERIC, the RFC 8050 ADD-PATH subtypes), BGP4MP and BGP4MP_ET (MESSAGE,
// MESSAGE_AS4, STATE_CHANGE, STATE_CHANGE_AS4, the LOCAL and ADD-PATH variants), with RFC
// 8654 extended messages. Damage is an error naming the byte offset of the record; every
// complete record before it is still delivered.
//
// Thread-safety: one reader and one decoder per input; events are valid during the call.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "readers/common/byte_source.h"

namespace interdict::mrt {

// MRT types and subtypes (RFC 6396 section 4, RFC 8050).
enum RecordType : std::uint16_t {
  kTableDump = 12,
  kTableDumpV2 = 13,
  kBgp4mp = 16,
  kBgp4mpEt = 17,
};
enum TableDumpV2Subtype : std::uint16_t {
  kPeerIndexTable = 1,
  kRibIpv4Unicast = 2,
  kRibIpv4Multicast = 3,
  kRibIpv6Unicast = 4,
  kRibIpv6Multicast = 5,
  kRibGeneric = 6,
  kRibIpv4UnicastAddPath = 8,
  kRibIpv4MulticastAddPath = 9,
  kRibIpv6UnicastAddPath = 10,
  kRibIpv6MulticastAddPath = 11,
  kRibGenericAddPath = 12,
};
enum Bgp4mpSubtype : std::uint16_t {
  kStateChange = 0,
  kMessage = 1,
  kMessageAs4 = 4,
  kStateChangeAs4 = 5,
  kMessageLocal = 6,
  kMessageAs4Local = 7,
  kMessageAddPath = 8,
  kMessageAs4AddPath = 9,
  kMessageLocalAddPath = 10,
  kMessageAs4LocalAddPath = 11,
};

// An IPv4 or IPv6 address, as the record gave it.
struct Address {
  std::array<std::uint8_t, 16> bytes{};
  bool v6 = false;
  [[nodiscard]] std::uint32_t v4() const {
    return std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 | std::uint32_t{bytes[2]} << 8 | bytes[3];
  }
  bool operator==(const Address&) const = default;
};

struct Prefix {
  Address address;  // host bits beyond `length` are zero
  std::uint8_t length = 0;
  std::uint32_t path_id = 0;  // RFC 7911 path identifier, when the subtype has one
};

// AS_PATH segment types (RFC 4271, RFC 5065).
enum class SegmentType : std::uint8_t { kSet = 1, kSequence = 2, kConfedSequence = 3, kConfedSet = 4 };

struct AsSegment {
  SegmentType type = SegmentType::kSequence;
  std::uint32_t first = 0;  // index into AsPath::asns
  std::uint32_t count = 0;
};

// A decoded AS path. Memory is reused from record to record.
struct AsPath {
  std::vector<AsSegment> segments;
  std::vector<std::uint32_t> asns;
  bool malformed = false;  // segments that do not parse; the path is then empty

  void clear() {
    segments.clear();
    asns.clear();
    malformed = false;
  }
  [[nodiscard]] bool empty() const { return segments.empty(); }
  // The AS that originated the route: the last AS of a trailing AS_SEQUENCE; nothing when
  // the path ends in a set (the origin is then ambiguous) or is empty.
  [[nodiscard]] std::optional<std::uint32_t> origin() const;
  // Path length as RFC 4271 counts it for the RFC 6793 merge: each AS of a sequence
  // counts one, a set counts one, confederation segments count as the BGP speaker sees
  // them (bgpdump counts them too; so do we, for identical output).
  [[nodiscard]] std::uint32_t length() const;
};

// Path attribute type codes.
enum AttributeType : std::uint8_t {
  kOrigin = 1,
  kAsPath = 2,
  kNextHop = 3,
  kMultiExitDisc = 4,
  kLocalPref = 5,
  kAtomicAggregate = 6,
  kAggregator = 7,
  kCommunities = 8,
  kOriginatorId = 9,
  kClusterList = 10,
  kMpReachNlri = 14,
  kMpUnreachNlri = 15,
  kAs4Path = 17,
  kAs4Aggregator = 18,
  kLargeCommunities = 32,
};

// MP_REACH_NLRI or MP_UNREACH_NLRI: the address family and the raw NLRI bytes.
struct MpNlri {
  std::uint16_t afi = 0;
  std::uint8_t safi = 0;
  Address next_hop;  // MP_REACH only
  Address next_hop_link_local;
  std::uint8_t next_hop_length = 0;
  std::span<const std::uint8_t> nlri;
};

// The path attributes of one route. Views point into the record being decoded.
struct Attributes {
  std::uint64_t seen = 0;      // bit t set when attribute type t (< 64) was present
  std::uint8_t origin = 0xff;  // 0 IGP, 1 EGP, 2 INCOMPLETE; 0xff absent
  AsPath as_path;              // after the RFC 6793 merge with AS4_PATH
  AsPath as4_path;             // AS4_PATH as received (empty when absent)
  std::uint32_t next_hop = 0xffffffff;
  std::uint32_t med = 0;
  std::uint32_t local_pref = 0;
  std::uint32_t aggregator_as = 0;
  std::uint32_t aggregator_address = 0xffffffff;    // 255.255.255.255 when absent, as bgpdump
  std::span<const std::uint8_t> communities;        // 4 bytes each
  std::span<const std::uint8_t> large_communities;  // 12 bytes each
  std::optional<MpNlri> mp_reach;
  std::optional<MpNlri> mp_unreach;

  [[nodiscard]] bool has(AttributeType t) const { return (seen >> t) & 1; }
  void clear() {
    seen = 0;
    origin = 0xff;
    as_path.clear();
    as4_path.clear();
    next_hop = 0xffffffff;
    med = local_pref = aggregator_as = 0;
    aggregator_address = 0xffffffff;
    communities = {};
    large_communities = {};
    mp_reach.reset();
    mp_unreach.reset();
  }
};

// The header of one MRT record.
struct RecordHeader {
  std::uint32_t timestamp = 0;
  std::uint16_t type = 0;
  std::uint16_t subtype = 0;
  std::uint32_t length = 0;        // of the body, without the ET microseconds
  std::uint32_t microseconds = 0;  // BGP4MP_ET only
  std::uint64_t offset = 0;        // of the record in the (decompressed) input
};

// Frames MRT records. One per input.
class MrtReader {
 public:
  static constexpr std::size_t kHeaderSize = 12;
  // Bodies longer than this are damage, not data: the largest real record (a RIB entry
  // for a prefix with every peer, or an RFC 8654 message) is far below it.
  static constexpr std::uint32_t kMaxRecord = 16u << 20;

  [[nodiscard]] static Result<std::unique_ptr<MrtReader>> open(const std::string& path);
  [[nodiscard]] static std::unique_ptr<MrtReader> from_source(std::unique_ptr<ByteSource> input);

  // The next record; its body stays valid until the next call. False at the end of the
  // input or on damage (then error() says what and where).
  [[nodiscard]] bool next(RecordHeader& header, std::span<const std::uint8_t>& body);

  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  [[nodiscard]] const std::string& name() const { return input_->name(); }
  [[nodiscard]] const ByteSource& input() const { return *input_; }
  [[nodiscard]] std::uint64_t records() const { return records_; }

 private:
  explicit MrtReader(std::unique_ptr<ByteSource> input);
  // Makes at least `want` unread bytes available; false at the end or on error.
  bool ensure(std::size_t want);

  std::unique_ptr<ByteSource> input_;
  std::vector<std::uint8_t> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t consumed_ = 0;  // bytes dropped from the front of buffer_
  bool eof_ = false;
  std::uint64_t records_ = 0;
  std::optional<Error> error_;
};

// BGP finite state machine states in STATE_CHANGE records.
enum class BgpState : std::uint16_t { kIdle = 1, kConnect, kActive, kOpenSent, kOpenConfirm, kEstablished };

enum class EventKind : std::uint8_t { kRib, kAnnounce, kWithdraw, kStateChange };

// Where an event's prefix came from, which decides (for bgpdump's output) which next hop
// and formatting apply.
enum class NlriSource : std::uint8_t { kRib, kUpdate, kMpIpv4, kMpIpv6 };

// One route event. Views point into the decoder and the record.
struct RouteEvent {
  EventKind kind = EventKind::kRib;
  NlriSource source = NlriSource::kRib;
  const RecordHeader* header = nullptr;
  std::uint32_t time = 0;        // the record's time; for a RIB entry, the dump's
  std::uint32_t originated = 0;  // RIB entries: when the route was learnt
  Address peer_address;
  std::uint32_t peer_as = 0;
  Address local_address;  // BGP4MP: our side of the session
  std::uint32_t local_as = 0;
  bool add_path = false;
  Prefix prefix;
  const Attributes* attributes = nullptr;  // announcements and RIB entries
  std::uint16_t old_state = 0;             // state changes
  std::uint16_t new_state = 0;
};

// A peer of the PEER_INDEX_TABLE, and a session seen in BGP4MP headers.
struct Peer {
  Address address;
  std::uint32_t as = 0;
  std::uint32_t bgp_id = 0;
};

// Decodes records into events. Keeps the PEER_INDEX_TABLE between records.
class MrtDecoder {
 public:
  using Sink = std::function<void(const RouteEvent&)>;

  // Decodes one record, calling `sink` for each event in bgpdump's order (withdrawals,
  // then announcements; IPv4 before IPv6). Returns the damage found, if any: the events
  // before it were delivered; the rest of the record is skipped.
  [[nodiscard]] std::optional<std::string> decode(const RecordHeader& header, std::span<const std::uint8_t> body,
                                                  const Sink& sink);

  [[nodiscard]] const std::vector<Peer>& peer_index() const { return peers_; }
  // Records of a type or subtype this decoder does not read (counted, not damage).
  [[nodiscard]] std::uint64_t unsupported() const { return unsupported_; }

 private:
  std::optional<std::string> table_dump(const RecordHeader& header, std::span<const std::uint8_t> body,
                                        const Sink& sink);
  std::optional<std::string> peer_index_table(std::span<const std::uint8_t> body);
  std::optional<std::string> rib(const RecordHeader& header, std::span<const std::uint8_t> body, const Sink& sink);
  std::optional<std::string> bgp4mp(const RecordHeader& header, std::span<const std::uint8_t> body, const Sink& sink);

  std::vector<Peer> peers_;
  Attributes attributes_;
  std::uint64_t unsupported_ = 0;
};

// Whether `head`, the first bytes of an input (decompressed, at least 12), is an MRT
// record header of a type this reader knows. Text never is: its bytes 4 and 5 would have
// to be a zero and a control character.
[[nodiscard]] bool sniff_mrt(std::string_view head);

// Decodes path attributes (the bytes after the total length) into `out`. `as4` says
// whether AS numbers in AS_PATH and AGGREGATOR are four bytes. `rib_entry` allows the
// abbreviated MP_REACH_NLRI of RFC 6396 section 4.3.4. Returns damage, if any.
[[nodiscard]] std::optional<std::string> decode_attributes(std::span<const std::uint8_t> bytes, bool as4,
                                                           bool rib_entry, bool add_path, Attributes& out);

// Reads one NLRI prefix at `bytes[pos]` for an address family of `max_bits` bits; masks
// host bits. False when the bytes end early or the length is impossible.
[[nodiscard]] bool read_prefix(std::span<const std::uint8_t> bytes, std::size_t& pos, int max_bits, bool add_path,
                               Prefix& out);

}  // namespace interdict::mrt
