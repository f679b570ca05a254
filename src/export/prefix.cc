// IP prefixes for the router exports: parsing, canonical text, aggregation.
#include <algorithm>
#include <cstdio>

#include "export/export.h"
#include "export/export_internal.h"

namespace interdict {
namespace {

// An IPv4 prefix of length n covers the first 96 + n bits of its ::ffff:0:0/96 address.
constexpr int kV4Offset = 96;

int total_bits(const IpPrefix& p) { return p.length + (p.v4() ? kV4Offset : 0); }

void clear_from(std::array<std::uint8_t, 16>& bytes, int bits) {
  for (int i = 0; i < 16; ++i) {
    const int first = i * 8;
    if (first >= bits) {
      bytes[static_cast<std::size_t>(i)] = 0;
    } else if (first + 8 > bits) {
      bytes[static_cast<std::size_t>(i)] &= static_cast<std::uint8_t>(0xff << (8 - (bits - first)));
    }
  }
}

bool bit_at(const std::array<std::uint8_t, 16>& bytes, int bit) {
  return ((bytes[static_cast<std::size_t>(bit / 8)] >> (7 - bit % 8)) & 1) != 0;
}

}  // namespace

bool export_internal::prefix_contains(const IpPrefix& outer, const IpPrefix& inner) {
  if (outer.v4() != inner.v4() || outer.length > inner.length) return false;
  std::array<std::uint8_t, 16> masked = inner.address.bytes;
  clear_from(masked, total_bits(outer));
  return masked == outer.address.bytes;
}

namespace {

// True when `a` and `b` are the two halves of one prefix, `a` the lower.
bool halves(const IpPrefix& a, const IpPrefix& b) {
  if (a.length != b.length || a.length == 0) return false;
  const int last = total_bits(a) - 1;
  if (bit_at(a.address.bytes, last) || !bit_at(b.address.bytes, last)) return false;
  std::array<std::uint8_t, 16> parent_a = a.address.bytes;
  std::array<std::uint8_t, 16> parent_b = b.address.bytes;
  clear_from(parent_a, last);
  clear_from(parent_b, last);
  return parent_a == parent_b;
}

bool source_less(const EntrySource& a, const EntrySource& b) {
  auto key = [](const EntrySource& s) {
    return std::make_tuple(
        s.order != nullptr ? std::string_view(s.order->id) : std::string_view(),
        s.order != nullptr ? std::string_view(s.order->prohibitions[s.prohibition].id) : std::string_view(),
        s.subject != nullptr ? std::string_view(s.subject->id) : std::string_view(), s.observed_from);
  };
  return key(a) < key(b);
}

bool source_equal(const EntrySource& a, const EntrySource& b) { return !source_less(a, b) && !source_less(b, a); }

void join_sources(std::vector<EntrySource>& into, const std::vector<EntrySource>& from) {
  into.insert(into.end(), from.begin(), from.end());
  std::sort(into.begin(), into.end(), source_less);
  into.erase(std::unique(into.begin(), into.end(), source_equal), into.end());
}

}  // namespace

Result<IpPrefix> parse_prefix(std::string_view cidr) {
  const std::size_t slash = cidr.find('/');
  if (slash == std::string_view::npos)
    return Error(ErrorCategory::kParse, "prefix `" + std::string(cidr) + "` has no /length");
  const std::string_view length_text = cidr.substr(slash + 1);
  if (length_text.empty() || length_text.size() > 3 ||
      !std::all_of(length_text.begin(), length_text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Error(ErrorCategory::kParse, "prefix `" + std::string(cidr) + "` has no valid length");
  }
  int length = 0;
  for (char c : length_text) length = length * 10 + (c - '0');
  const auto ip = parse_ip(cidr.substr(0, slash));
  if (!ip) return Error(ErrorCategory::kParse, "prefix `" + std::string(cidr) + "` has no valid address");
  if (length > (ip->v4 ? 32 : 128)) {
    return Error(ErrorCategory::kParse, "prefix `" + std::string(cidr) + "` is longer than its address");
  }
  IpPrefix prefix{*ip, static_cast<std::uint8_t>(length)};
  clear_from(prefix.address.bytes, total_bits(prefix));
  return prefix;
}

std::string format_prefix(const IpPrefix& prefix) {
  const auto& b = prefix.address.bytes;
  char buf[64];
  if (prefix.v4()) {
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u/%u", b[12], b[13], b[14], b[15], prefix.length);
    return buf;
  }
  // RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups
  // (the first of equal runs) written as "::".
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 8; ++i) groups[i] = (unsigned{b[2 * i]} << 8) | b[2 * i + 1];
  int best_start = -1;
  int best_len = 0;
  for (int i = 0; i < 8;) {
    if (groups[static_cast<std::size_t>(i)] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[static_cast<std::size_t>(j)] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best_start = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::snprintf(buf, sizeof buf, "%x", groups[static_cast<std::size_t>(i)]);
    out += buf;
  }
  out += '/';
  out += std::to_string(prefix.length);
  return out;
}

std::vector<PrefixEntry> aggregate_prefixes(std::vector<PrefixEntry> prefixes) {
  // Sorted by address, then shorter first, a prefix is contained only in the last one kept
  // before it: the kept ones are disjoint and in address order.
  std::sort(prefixes.begin(), prefixes.end(), [](const PrefixEntry& a, const PrefixEntry& b) {
    if (a.prefix.address.bytes != b.prefix.address.bytes) return a.prefix.address.bytes < b.prefix.address.bytes;
    return a.prefix.length < b.prefix.length;
  });
  std::vector<PrefixEntry> out;
  for (PrefixEntry& entry : prefixes) {
    if (!out.empty() && export_internal::prefix_contains(out.back().prefix, entry.prefix)) {
      join_sources(out.back().sources, entry.sources);
      continue;
    }
    out.push_back(std::move(entry));
    std::sort(out.back().sources.begin(), out.back().sources.end(), source_less);
    // A merged parent may in turn complete a pair with the prefix kept before it.
    while (out.size() >= 2 && halves(out[out.size() - 2].prefix, out.back().prefix)) {
      PrefixEntry upper = std::move(out.back());
      out.pop_back();
      PrefixEntry& lower = out.back();
      lower.prefix.length = static_cast<std::uint8_t>(lower.prefix.length - 1);
      clear_from(lower.prefix.address.bytes, total_bits(lower.prefix));
      join_sources(lower.sources, upper.sources);
    }
  }
  return out;
}

}  // namespace interdict
