// Instants and the text forms interdict reads and writes them in.
//
// An Instant is whole seconds since 1970-01-01T00:00:00Z. Sub-second parts of input are
// dropped: legal effect is never finer than a minute. Every parsed time must carry a zone;
// a local time is an error, because an order's "11:59 p.m. eastern time" and a log's
// timestamp mean nothing without one.
//
// Thread-safety: free functions, safe from any thread.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "base/result.h"

namespace interdict {

using Instant = std::int64_t;
inline constexpr Instant kBeginningOfTime = std::numeric_limits<Instant>::min();
inline constexpr Instant kEndOfTime = std::numeric_limits<Instant>::max();

// Days since 1970-01-01 of a proleptic Gregorian date. REQUIRES: 1 <= month <= 12.
[[nodiscard]] std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

// Parses RFC 3339: "2020-09-27T23:59:00-04:00", "2021-06-09T00:00:00Z", with optional
// fraction, 'T' or ' ' between date and time, and seconds optional. Errors (kParse):
// malformed text, a field out of range, no zone ("time without a zone").
[[nodiscard]] Result<Instant> parse_rfc3339(std::string_view text);

// Parses "2020-09-27T23:59 America/New_York" (seconds optional): a wall-clock time in an
// IANA zone, resolved with ICU's copy of the time-zone database. Also accepts any
// RFC 3339 text. Errors (kParse): malformed text; (kNotFound): an unknown zone.
[[nodiscard]] Result<Instant> parse_zoned_time(std::string_view text);

// The UTC offset in seconds of an IANA zone at a wall-clock time. Errors (kNotFound).
[[nodiscard]] Result<std::int32_t> zone_offset_at_local(std::string_view zone, std::int64_t local_seconds);

// "2020-09-28T03:59:00Z". kBeginningOfTime and kEndOfTime print as "-inf" and "+inf".
[[nodiscard]] std::string format_rfc3339(Instant t);
// Appends format_rfc3339(t) to `out` without a temporary: the hot path of JSON output.
void append_rfc3339(std::string& out, Instant t);

}  // namespace interdict
