// Text helpers shared by the DNS-side readers: blank-separated tokens, host-name shapes,
// and the time stamps DNS daemons write. Internal to src/readers/dns.
//
// Thread-safety: free functions over caller-owned text; safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/ascii.h"
#include "base/time.h"

namespace interdict::dns {

constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The next run of non-blank bytes of `rest`, which is advanced past it; "" at the end.
[[nodiscard]] std::string_view next_token(std::string_view& rest);
// `s` without blanks at either end.
[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);
[[nodiscard]] bool istarts_with(std::string_view s, std::string_view prefix);

// True for text shaped like a DNS name as logs and lists write it: labels of letters,
// digits, '-', '_' or non-ASCII bytes (UTF-8 names), separated by single dots, an optional
// trailing dot, a leading "*." allowed, at most 253 bytes and 63 per label. With
// `need_dot`, a single label ("localhost") is refused: what a sniffer wants.
[[nodiscard]] bool looks_like_host(std::string_view s, bool need_dot = false);
// True for IPv4 or IPv6 address text (no port, no brackets).
[[nodiscard]] bool looks_like_ip(std::string_view s);

// "1700000000" or "1700000000.123456": seconds since 1970, fraction dropped.
[[nodiscard]] std::optional<Instant> parse_epoch(std::string_view s);
// A syslog stamp, "Nov 28 10:00:00" or "Nov  8 10:00:00" (no year, no zone), at the start
// of `line`; returns the bytes it takes, 0 when there is none.
[[nodiscard]] std::size_t syslog_stamp_length(std::string_view line);
// BIND's default stamp, "28-Nov-2026 10:00:00.123" (local time, no zone): its length at the
// start of `line`, 0 when there is none.
[[nodiscard]] std::size_t bind_stamp_length(std::string_view line);

// A line's leading time stamp: how many bytes it takes (0 when none), and the instant when
// the stamp says its zone (RFC 3339 with Z or an offset). Syslog and BIND stamps carry no
// zone, so they are recognised but give no instant.
struct Stamp {
  std::size_t length = 0;
  std::optional<Instant> at;
};
[[nodiscard]] Stamp read_stamp(std::string_view line);

}  // namespace interdict::dns
