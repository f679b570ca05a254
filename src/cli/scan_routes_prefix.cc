// RouteScan's prefix findings: routes to a prefix an order names, or to a more specific one.
#include <algorithm>
#include <charconv>

#include "cli/scan_routes.h"
#include "readers/mrt/bgpdump.h"

namespace interdict::cli {
namespace {

constexpr int kV4Offset = 96;  // IPv4 held as ::ffff:a.b.c.d, its lengths plus 96
constexpr std::array<std::uint8_t, 12> kV4Mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

// The route's network as PrefixMatcher holds addresses; no allocation.
IpAddress mapped(const mrt::Prefix& p, int& length) {
  IpAddress ip;
  if (p.address.v6) {
    ip.bytes = p.address.bytes;
    length = p.length;
  } else {
    std::copy(kV4Mapped.begin(), kV4Mapped.end(), ip.bytes.begin());
    std::copy(p.address.bytes.begin(), p.address.bytes.begin() + 4, ip.bytes.begin() + 12);
    ip.v4 = true;
    length = p.length + kV4Offset;
  }
  return ip;
}

// Whether the first `length` bits of `a` and `b` agree.
bool same_bits(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int length) {
  for (int i = 0; i < 16 && length > 0; ++i, length -= 8) {
    const auto mask = static_cast<std::uint8_t>(0xff00 >> std::min(length, 8));
    if ((a[i] & mask) != (b[i] & mask)) return false;
  }
  return true;
}

}  // namespace

void RouteScan::add_designations() {
  for (const Subject& s : orders_.corpus().subjects) {
    for (const Identifier& id : s.identifiers) {
      if (id.kind != IdentifierKind::kPrefix) continue;
      const std::size_t slash = id.value.find('/');
      if (slash == std::string::npos) continue;
      const auto ip = parse_ip(std::string_view(id.value).substr(0, slash));
      int length = 0;
      const char* end = id.value.data() + id.value.size();
      auto r = std::from_chars(id.value.data() + slash + 1, end, length);
      // The order loader checks prefixes; one it let through that we cannot read is skipped.
      if (!ip || r.ec != std::errc() || r.ptr != end) continue;
      Designation d;
      d.subject = &s;
      d.bytes = ip->bytes;
      d.length = ip->v4 ? length + kV4Offset : length;
      if (d.length > 128) continue;
      // A prefix named twice keeps its first subject, as the engine's matcher does.
      const bool again = std::any_of(designations_.begin(), designations_.end(), [&d](const Designation& o) {
        return o.length == d.length && same_bits(o.bytes, d.bytes, d.length);
      });
      if (again || !designated_.add(id.value, static_cast<std::uint32_t>(designations_.size()))) continue;
      // Written as the routes are, host bits cleared: "1.0.128.0/17", "fd01:1::/48".
      mrt::Prefix p;
      p.address.v6 = !ip->v4;
      const std::size_t from = ip->v4 ? 12 : 0;
      const int bits = ip->v4 ? length : d.length;
      for (std::size_t k = from; k < 16; ++k) {
        const int left = bits - static_cast<int>(8 * (k - from));
        const auto mask = static_cast<std::uint8_t>(0xff00 >> std::clamp(left, 0, 8));
        p.address.bytes[k - from] = static_cast<std::uint8_t>(ip->bytes[k] & mask);
      }
      p.length = static_cast<std::uint8_t>(bits);
      mrt::append_prefix(p, d.text);
      designations_.push_back(std::move(d));
    }
  }
  // The engine decides an address by its longest prefix, so each designation is probed by
  // an address of its own that no more specific designation claims: its first or its last.
  for (std::size_t i = 0; i < designations_.size(); ++i) {
    Designation& d = designations_[i];
    IpAddress ip;
    ip.bytes = d.bytes;
    ip.v4 = d.length >= kV4Offset && std::equal(kV4Mapped.begin(), kV4Mapped.end(), d.bytes.begin());
    for (int last = 0; last < 2; ++last) {
      for (int b = 0; b < 16; ++b) {
        const int left = d.length - 8 * b;
        const auto mask = static_cast<std::uint8_t>(0xff00 >> std::clamp(left, 0, 8));
        ip.bytes[b] = static_cast<std::uint8_t>((d.bytes[b] & mask) | (last != 0 ? ~mask & 0xff : 0));
      }
      const auto hit = designated_.match(ip);
      if (hit && hit->target == i) break;
    }
    mrt::Address a;
    a.v6 = !ip.v4;
    std::copy(ip.bytes.begin() + (ip.v4 ? 12 : 0), ip.bytes.end(), a.bytes.begin());
    mrt::append_address(a, d.probe);
  }
}

int RouteScan::covering(const mrt::Prefix& prefix) const {
  int length = 0;
  const IpAddress ip = mapped(prefix, length);
  const auto hit = designated_.match(ip);
  if (!hit) return -1;
  if (designations_[hit->target].length <= length) return static_cast<int>(hit->target);
  // The longest designation on the route's address is more specific than the route, which
  // is not that network; a shorter one may still cover it. Rare: look through them all.
  int best = -1;
  for (std::size_t i = 0; i < designations_.size(); ++i) {
    const Designation& d = designations_[i];
    if (d.length > length || (best >= 0 && d.length <= designations_[best].length)) continue;
    if (ip.v4 && d.length < kV4Offset) continue;  // as the matcher: no IPv6 prefix over IPv4
    if (same_bits(d.bytes, ip.bytes, d.length)) best = static_cast<int>(i);
  }
  return best;
}

void RouteScan::add_covered(const mrt::RouteEvent& e, int designation) {
  Covered& c = covered_[designation];
  c.seen.at(e.time);
  std::string text;
  mrt::append_prefix(e.prefix, text);
  c.prefixes.insert(std::move(text));
  const mrt::AsPath& path = e.attributes->as_path;
  if (const std::optional<std::uint32_t> origin = path.origin()) {
    c.origins.insert(*origin);
    // The neighbour that announces it onward: the first AS before the origin's run.
    for (std::size_t j = path.asns.size(); j-- > 0;) {
      if (path.asns[j] != *origin) {
        c.neighbours.insert(path.asns[j]);
        break;
      }
    }
  }
  std::string peer;
  mrt::append_address(e.peer_address, peer);
  c.peers.insert(peer + " AS" + std::to_string(e.peer_as));
}

void RouteScan::render_prefixes(Format format, std::string& out, bool& first, std::size_t& prohibited) {
  static constexpr Activity kTransit[] = {Activity::kTransit};
  const bool table = format == Format::kTable;
  for (const auto& entry : covered_) {
    const Designation& d = designations_[static_cast<std::size_t>(entry.first)];
    const Covered& c = entry.second;
    render_one(
        format, "prefix", Network{ProbeKind::kIp, d.text, d.probe, d.subject}, c.seen, kTransit,
        [&](std::string& s) {
          if (table) {
            // Origins first: the detail column is cut at its width, prefixes can be many.
            s = std::to_string(c.prefixes.size()) + " prefixes from ";
            append_list(true, s, "", c.origins, 4);
            s += " via ";
            append_list(true, s, "", c.neighbours, 4);
            s += " (";
            append_list(true, s, "", c.prefixes, 4);
            s += ')';
            return;
          }
          append_list(false, s, "prefixes", c.prefixes, 0);
          append_list(false, s, "origins", c.origins, 0);
          append_list(false, s, "neighbours", c.neighbours, 0);
          append_list(false, s, "peers", c.peers, 0);
        },
        out, first, prohibited);
  }
}

}  // namespace interdict::cli
