// IP address parsing and longest-prefix matching.
//
// Grammar (RFC 4291 section 2.2, RFC 6874 for the zone):
//   ipv4 = dec "." dec "." dec "." dec        ; dec = "0" / [1-9] 0*2DIGIT, at most 255
//   ipv6 = groups / [groups] "::" [groups]    ; eight 16-bit groups in all, "::" at least one
//   groups = h16 *(":" h16) [":" ipv4]         ; h16 = 1*4HEXDIG, ipv4 counts as two groups
//   text = ipv4 / ipv6 ["%" zone]             ; the zone is checked, then dropped
// Leading zeros in a dotted quad are rejected, as inet_pton does, because some parsers read
// them as octal.

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>

#include "match/match.h"

namespace interdict {
namespace {

constexpr int kV4Offset = 96;  // IPv4 lengths are stored as lengths of ::ffff:a.b.c.d
constexpr std::array<std::uint8_t, 12> kV4MappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_v4_mapped(const std::array<std::uint8_t, 16>& b) {
  return std::equal(kV4MappedPrefix.begin(), kV4MappedPrefix.end(), b.begin());
}

bool parse_v4(std::string_view s, std::uint8_t* out) {
  int part = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t start = i;
    int value = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < 3) value = value * 10 + (s[i++] - '0');
    const std::size_t len = i - start;
    if (len == 0 || value > 255 || (len > 1 && s[start] == '0')) return false;
    out[part++] = static_cast<std::uint8_t>(value);
    if (part == 4) return i == s.size();
    if (i >= s.size() || s[i] != '.') return false;
    ++i;
  }
}

// Parses colon-separated h16 groups (and, if allowed, a final dotted quad) into `out`,
// which has room for `room` groups. An empty `s` is zero groups.
bool parse_groups(std::string_view s, bool allow_v4_tail, std::uint16_t* out, int room, int& count) {
  count = 0;
  if (s.empty()) return true;
  std::size_t i = 0;
  while (true) {
    const std::size_t end = std::min(s.find(':', i), s.size());
    const std::string_view group = s.substr(i, end - i);
    if (end == s.size() && allow_v4_tail && group.find('.') != std::string_view::npos) {
      std::uint8_t quad[4];
      if (count + 2 > room || !parse_v4(group, quad)) return false;
      out[count++] = static_cast<std::uint16_t>(quad[0] << 8 | quad[1]);
      out[count++] = static_cast<std::uint16_t>(quad[2] << 8 | quad[3]);
      return true;
    }
    if (group.empty() || group.size() > 4 || count + 1 > room) return false;
    std::uint16_t value = 0;
    for (char c : group) {
      const int h = hex_value(c);
      if (h < 0) return false;
      value = static_cast<std::uint16_t>(value << 4 | h);
    }
    out[count++] = value;
    if (end == s.size()) return true;
    i = end + 1;
  }
}

bool valid_zone(std::string_view zone) {
  if (zone.empty()) return false;
  return std::all_of(zone.begin(), zone.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' || c == '_' || c == '.';
  });
}

std::optional<std::array<std::uint8_t, 16>> parse_v6(std::string_view s) {
  if (const std::size_t pct = s.find('%'); pct != std::string_view::npos) {
    if (!valid_zone(s.substr(pct + 1))) return std::nullopt;
    s = s.substr(0, pct);
  }
  std::uint16_t head[8];
  std::uint16_t tail[8];
  int head_count = 0;
  int tail_count = 0;
  const std::size_t gap = s.find("::");
  if (gap == std::string_view::npos) {
    if (!parse_groups(s, true, head, 8, head_count) || head_count != 8) return std::nullopt;
  } else {
    const std::string_view after = s.substr(gap + 2);
    if (after.find("::") != std::string_view::npos) return std::nullopt;
    // "::" stands for at least one zero group, so the explicit groups number at most seven.
    if (!parse_groups(s.substr(0, gap), false, head, 7, head_count)) return std::nullopt;
    if (!parse_groups(after, true, tail, 7 - head_count, tail_count)) return std::nullopt;
  }
  std::array<std::uint8_t, 16> bytes{};
  for (int g = 0; g < head_count; ++g) {
    bytes[2 * g] = static_cast<std::uint8_t>(head[g] >> 8);
    bytes[2 * g + 1] = static_cast<std::uint8_t>(head[g]);
  }
  for (int g = 0; g < tail_count; ++g) {
    const int at = 8 - tail_count + g;
    bytes[2 * at] = static_cast<std::uint8_t>(tail[g] >> 8);
    bytes[2 * at + 1] = static_cast<std::uint8_t>(tail[g]);
  }
  return bytes;
}

void mask_to(std::array<std::uint8_t, 16>& bytes, int length) {
  for (int i = 0; i < 16; ++i) {
    const int bits = std::clamp(length - 8 * i, 0, 8);
    bytes[i] &= static_cast<std::uint8_t>(0xff00 >> bits);
  }
}

// RFC 5952 text: lowercase hex, no leading zeros, the longest run of two or more zero
// groups (the first on a tie) written as "::".
std::string format_v6(const std::array<std::uint8_t, 16>& b) {
  std::uint16_t g[8];
  for (int i = 0; i < 8; ++i) g[i] = static_cast<std::uint16_t>(b[2 * i] << 8 | b[2 * i + 1]);
  int best = -1;
  int best_len = 1;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const int nibble = (g[i] >> shift) & 0xf;
      if (nibble != 0 || started || shift == 0) {
        out += kHex[nibble];
        started = true;
      }
    }
  }
  return out;
}

std::string format_rule(const std::array<std::uint8_t, 16>& b, int length) {
  if (length >= kV4Offset && is_v4_mapped(b)) {
    std::string out;
    for (int i = 12; i < 16; ++i) {
      if (i > 12) out += '.';
      out += std::to_string(b[i]);
    }
    return out + '/' + std::to_string(length - kV4Offset);
  }
  return format_v6(b) + '/' + std::to_string(length);
}

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  IpAddress ip;
  if (text.find(':') == std::string_view::npos) {
    std::copy(kV4MappedPrefix.begin(), kV4MappedPrefix.end(), ip.bytes.begin());
    if (!parse_v4(text, ip.bytes.data() + 12)) return std::nullopt;
    ip.v4 = true;
    return ip;
  }
  auto bytes = parse_v6(text);
  if (!bytes) return std::nullopt;
  ip.bytes = *bytes;
  // ::ffff:a.b.c.d is the same address as a.b.c.d, however it was written.
  ip.v4 = is_v4_mapped(ip.bytes);
  return ip;
}

std::size_t PrefixMatcher::KeyHash::operator()(const Key& k) const noexcept {
  std::uint64_t hi;
  std::uint64_t lo;
  std::memcpy(&hi, k.bytes.data(), 8);
  std::memcpy(&lo, k.bytes.data() + 8, 8);
  // splitmix64's finaliser over the two words, so that keys differing only in the low bytes
  // (all IPv4 keys share their high word) still spread.
  std::uint64_t h = hi ^ (lo + 0x9e3779b97f4a7c15ULL + (hi << 6) + (hi >> 2));
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return static_cast<std::size_t>(h);
}

bool PrefixMatcher::add(std::string_view cidr, std::uint32_t target) {
  const std::size_t slash = cidr.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view address = cidr.substr(0, slash);
  const std::string_view length_text = cidr.substr(slash + 1);
  if (length_text.empty() || length_text.size() > 3 || (length_text.size() > 1 && length_text[0] == '0')) return false;
  int length = 0;
  for (char c : length_text) {
    if (!is_digit(c)) return false;
    length = length * 10 + (c - '0');
  }
  const auto ip = parse_ip(address);
  if (!ip) return false;
  const bool v4_text = address.find(':') == std::string_view::npos;
  if (length > (v4_text ? 32 : 128)) return false;
  if (v4_text) length += kV4Offset;

  Key key{ip->bytes};
  mask_to(key.bytes, length);
  auto& map = by_length_[length];
  // The first rule for a prefix keeps it, as in the other matchers.
  map.try_emplace(key, Rule{target, format_rule(key.bytes, length)});
  if (std::find(lengths_.begin(), lengths_.end(), length) == lengths_.end()) {
    lengths_.insert(std::upper_bound(lengths_.begin(), lengths_.end(), length, std::greater<>()), length);
  }
  return true;
}

std::optional<MatchHit> PrefixMatcher::match(const IpAddress& ip) const {
  // An IPv4 address only meets prefixes inside ::ffff:0:0/96, so a short IPv6 prefix such as
  // ::/0 never claims IPv4 traffic.
  const int min_length = is_v4_mapped(ip.bytes) ? kV4Offset : 0;
  for (const int length : lengths_) {
    if (length < min_length) break;
    Key key{ip.bytes};
    mask_to(key.bytes, length);
    const auto& map = by_length_[length];
    if (auto it = map.find(key); it != map.end()) return MatchHit{it->second.target, it->second.text, length == 128};
  }
  return std::nullopt;
}

std::optional<MatchHit> PrefixMatcher::match(std::string_view ip_text) const {
  const auto ip = parse_ip(ip_text);
  if (!ip) return std::nullopt;
  return match(*ip);
}

}  // namespace interdict
