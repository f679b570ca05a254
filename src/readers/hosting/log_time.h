// The timestamps of web, CDN and Zeek logs, parsed by hand: a log line's time is read on
// every line, so these parsers skip the general RFC 3339 path and remember the last date
// they converted (a log's lines share a handful of dates).
//
// Internal to src/readers/hosting. Each parser is one per reader, not thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/time.h"

namespace interdict {

// "10/Oct/2000:13:55:36 -0700": nginx's $time_local and Apache's %t, without brackets.
class ClfTimeParser {
 public:
  // Returns false, leaving `out` alone, for any other text.
  [[nodiscard]] bool parse(std::string_view text, Instant& out);

 private:
  char date_[11] = {};  // the last date converted, "10/Oct/2000"
  std::int64_t days_ = 0;
  bool cached_ = false;
  char last_[26] = {};  // the last whole text converted: busy logs repeat all but the seconds
  Instant last_at_ = 0;
  int last_second_ = 0;  // its seconds, "SS" at offset 18
  bool has_last_ = false;
};

// "2000-10-10T13:55:36-07:00" (nginx's $time_iso8601; also 'Z', a fraction, a space for
// 'T'), and a W3C log's date and time fields ("2016-03-03" and "20:16:01", in UTC).
class IsoTimeParser {
 public:
  // RFC 3339 with a zone. Returns false for any other text.
  [[nodiscard]] bool parse(std::string_view text, Instant& out);
  // A date "YYYY-MM-DD" and a time "HH:MM:SS[.fff]", taken as UTC.
  [[nodiscard]] bool parse_utc(std::string_view date, std::string_view time, Instant& out);

 private:
  [[nodiscard]] bool parse_date(std::string_view date, std::int64_t& days);

  char date_[10] = {};
  std::int64_t days_ = 0;
  bool cached_ = false;
};

// Seconds since the epoch with an optional fraction ("1388171148.462017", nginx's $msec,
// Zeek's ts). Returns false for any other text.
[[nodiscard]] bool parse_epoch_seconds(std::string_view text, Instant& out);

// "HH:MM:SS" into seconds of the day; false unless well formed and in range.
[[nodiscard]] bool parse_clock(const char* p, std::int64_t& seconds);

}  // namespace interdict
