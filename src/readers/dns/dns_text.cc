// Shared text helpers of the DNS-side readers (see dns_text.h).

#include "readers/dns/dns_text.h"

#include <cstdint>

#include "match/match.h"

namespace interdict::dns {
namespace {

constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";

bool is_month(std::string_view s) {
  if (s.size() != 3) return false;
  for (std::size_t m = 0; m < 12; ++m) {
    if (kMonths.substr(m * 3, 3) == s) return true;
  }
  return false;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// "hh:mm:ss" with each field in range.
bool is_clock(std::string_view s) {
  if (s.size() != 8 || s[2] != ':' || s[5] != ':') return false;
  if (!all_digits(s.substr(0, 2)) || !all_digits(s.substr(3, 2)) || !all_digits(s.substr(6, 2))) return false;
  return (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6' && s[6] <= '6';
}

}  // namespace

std::string_view next_token(std::string_view& rest) {
  std::size_t i = 0;
  while (i < rest.size() && is_blank(rest[i])) ++i;
  std::size_t j = i;
  while (j < rest.size() && !is_blank(rest[j])) ++j;
  const std::string_view token = rest.substr(i, j - i);
  rest.remove_prefix(j);
  return token;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool looks_like_host(std::string_view s, bool need_dot) {
  if (s.size() >= 2 && s[0] == '*' && s[1] == '.') s.remove_prefix(2);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.size() > 253) return false;
  std::size_t label = 0;
  bool dot = false;
  bool letter = false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      dot = true;
      continue;
    }
    if (++label > 63) return false;
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-') {
      letter = true;
    } else if (!is_digit(c)) {
      return false;
    }
  }
  // All digits and dots is an address or a number, not a name.
  return label > 0 && letter && (dot || !need_dot);
}

bool looks_like_ip(std::string_view s) { return !s.empty() && parse_ip(s).has_value(); }

std::optional<Instant> parse_epoch(std::string_view s) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  if (whole.empty() || whole.size() > 12 || !all_digits(whole)) return std::nullopt;
  if (dot != std::string_view::npos && !all_digits(s.substr(dot + 1))) return std::nullopt;
  Instant t = 0;
  for (char c : whole) t = t * 10 + (c - '0');
  return t;
}

std::size_t syslog_stamp_length(std::string_view line) {
  // "Mmm dd hh:mm:ss" or "Mmm  d hh:mm:ss": 15 bytes.
  if (line.size() < 15 || !is_month(line.substr(0, 3)) || line[3] != ' ') return 0;
  const char d1 = line[4];
  const char d2 = line[5];
  if (!((d1 == ' ' || (d1 >= '0' && d1 <= '3')) && is_digit(d2)) || line[6] != ' ') return 0;
  return is_clock(line.substr(7, 8)) ? 15 : 0;
}

std::size_t bind_stamp_length(std::string_view line) {
  // "dd-Mmm-yyyy hh:mm:ss" and an optional ".fff".
  if (line.size() < 20 || !all_digits(line.substr(0, 2)) || line[2] != '-' || !is_month(line.substr(3, 3)) ||
      line[6] != '-' || !all_digits(line.substr(7, 4)) || line[11] != ' ' || !is_clock(line.substr(12, 8)))
    return 0;
  std::size_t n = 20;
  if (n < line.size() && line[n] == '.') {
    ++n;
    while (n < line.size() && is_digit(line[n])) ++n;
  }
  return n;
}

Stamp read_stamp(std::string_view line) {
  if (const std::size_t n = syslog_stamp_length(line)) return Stamp{n, std::nullopt};
  if (const std::size_t n = bind_stamp_length(line)) return Stamp{n, std::nullopt};
  // RFC 3339 as rsyslog's high-precision format, BIND's iso8601-utc and unbound's
  // log-time-iso write it: a token starting with a four-digit year.
  std::string_view rest = line;
  const std::string_view token = next_token(rest);
  if (token.size() >= 19 && all_digits(token.substr(0, 4)) && token[4] == '-' && token[10] == 'T') {
    const std::size_t length = static_cast<std::size_t>(token.data() + token.size() - line.data());
    Result<Instant> at = parse_rfc3339(token);
    return Stamp{length, at ? std::optional<Instant>(*at) : std::nullopt};
  }
  return Stamp{};
}

}  // namespace interdict::dns
