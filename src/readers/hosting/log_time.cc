#include "readers/hosting/log_time.h"

#include <cstring>

namespace interdict {
namespace {

inline bool digit(char c) { return c >= '0' && c <= '9'; }

// Two digits at p, or -1.
inline int two(const char* p) { return digit(p[0]) && digit(p[1]) ? (p[0] - '0') * 10 + (p[1] - '0') : -1; }

// 1..12 for "Jan".."Dec" in any case, 0 otherwise.
int month_of(const char* p) {
  // Folding to lower case turns the three letters into one key compared with a table.
  const unsigned key = (static_cast<unsigned>(p[0] | 0x20) << 16) | (static_cast<unsigned>(p[1] | 0x20) << 8) |
                       static_cast<unsigned>(p[2] | 0x20);
  constexpr unsigned kMonths[12] = {
      ('j' << 16) | ('a' << 8) | 'n', ('f' << 16) | ('e' << 8) | 'b', ('m' << 16) | ('a' << 8) | 'r',
      ('a' << 16) | ('p' << 8) | 'r', ('m' << 16) | ('a' << 8) | 'y', ('j' << 16) | ('u' << 8) | 'n',
      ('j' << 16) | ('u' << 8) | 'l', ('a' << 16) | ('u' << 8) | 'g', ('s' << 16) | ('e' << 8) | 'p',
      ('o' << 16) | ('c' << 8) | 't', ('n' << 16) | ('o' << 8) | 'v', ('d' << 16) | ('e' << 8) | 'c'};
  for (int m = 0; m < 12; ++m) {
    if (kMonths[m] == key) return m + 1;
  }
  return 0;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool valid_date(int year, int month, int day) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0);
}

// "+hhmm" or "+hh:mm" (colon optional); sets the offset in seconds and the bytes read.
bool read_zone(std::string_view s, std::int64_t& offset, std::size_t& used) {
  if (s.empty()) return false;
  if (s[0] == 'Z' || s[0] == 'z') {
    offset = 0;
    used = 1;
    return true;
  }
  if ((s[0] != '+' && s[0] != '-') || s.size() < 5) return false;
  const int hh = two(s.data() + 1);
  const bool colon = s[3] == ':';
  if (colon && s.size() < 6) return false;
  const int mm = two(s.data() + (colon ? 4 : 3));
  if (hh < 0 || mm < 0 || hh > 23 || mm > 59) return false;
  offset = (hh * 3600 + mm * 60) * (s[0] == '-' ? -1 : 1);
  used = colon ? 6 : 5;
  return true;
}

}  // namespace

bool parse_clock(const char* p, std::int64_t& seconds) {
  const int h = two(p);
  const int m = two(p + 3);
  const int s = two(p + 6);
  // 60 allows a leap second, as RFC 3339 does.
  if (h < 0 || m < 0 || s < 0 || p[2] != ':' || p[5] != ':' || h > 23 || m > 59 || s > 60) return false;
  seconds = h * 3600 + m * 60 + s;
  return true;
}

bool ClfTimeParser::parse(std::string_view text, Instant& out) {
  // dd/Mon/yyyy:HH:MM:SS +zzzz
  if (text.size() != 26 || text[20] != ' ') return false;
  const char* p = text.data();
  // A busy log's next stamp differs from the last in its seconds at most: then only they
  // are read, the rest (date, hour, minute, zone) being known good.
  if (has_last_ && std::memcmp(p, last_, 18) == 0 && std::memcmp(p + 20, last_ + 20, 6) == 0) {
    const int second = two(p + 18);
    if (second >= 0 && second <= 60) {
      out = last_at_ + (second - last_second_);
      return true;
    }
    return false;
  }
  if (!cached_ || std::memcmp(p, date_, sizeof date_) != 0) {
    const int day = two(p);
    const int month = month_of(p + 3);
    const int hi = two(p + 7);
    const int lo = two(p + 9);
    if (p[2] != '/' || p[6] != '/' || p[11] != ':' || day < 0 || hi < 0 || lo < 0) return false;
    const int year = hi * 100 + lo;
    if (!valid_date(year, month, day)) return false;
    days_ = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    std::memcpy(date_, p, sizeof date_);
    cached_ = true;
  }
  std::int64_t seconds = 0;
  std::int64_t offset = 0;
  std::size_t used = 0;
  if (!parse_clock(p + 12, seconds) || !read_zone(text.substr(21), offset, used) || used != 5) return false;
  out = days_ * 86400 + seconds - offset;
  std::memcpy(last_, p, sizeof last_);
  last_at_ = out;
  last_second_ = two(p + 18);
  has_last_ = true;
  return true;
}

bool IsoTimeParser::parse_date(std::string_view date, std::int64_t& days) {
  if (date.size() < 10) return false;
  const char* p = date.data();
  if (cached_ && std::memcmp(p, date_, sizeof date_) == 0) {
    days = days_;
    return true;
  }
  const int hi = two(p);
  const int lo = two(p + 2);
  const int month = two(p + 5);
  const int day = two(p + 8);
  if (hi < 0 || lo < 0 || p[4] != '-' || p[7] != '-' || month < 0 || day < 0) return false;
  const int year = hi * 100 + lo;
  if (!valid_date(year, month, day)) return false;
  days_ = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  std::memcpy(date_, p, sizeof date_);
  cached_ = true;
  days = days_;
  return true;
}

bool IsoTimeParser::parse(std::string_view text, Instant& out) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm)
  std::int64_t days = 0;
  std::int64_t seconds = 0;
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) return false;
  if (!parse_date(text.substr(0, 10), days) || !parse_clock(text.data() + 11, seconds)) return false;
  std::size_t i = 19;
  if (text[i] == '.' || text[i] == ',') {
    ++i;
    const std::size_t start = i;
    while (i < text.size() && digit(text[i])) ++i;
    if (i == start) return false;
  }
  std::int64_t offset = 0;
  std::size_t used = 0;
  if (!read_zone(text.substr(i), offset, used) || i + used != text.size()) return false;
  out = days * 86400 + seconds - offset;
  return true;
}

bool IsoTimeParser::parse_utc(std::string_view date, std::string_view time, Instant& out) {
  std::int64_t days = 0;
  std::int64_t seconds = 0;
  if (date.size() != 10 || time.size() < 8 || !parse_date(date, days) || !parse_clock(time.data(), seconds)) {
    return false;
  }
  if (time.size() > 8) {
    if (time[8] != '.' || time.size() == 9) return false;
    for (char c : time.substr(9)) {
      if (!digit(c)) return false;
    }
  }
  out = days * 86400 + seconds;
  return true;
}

bool parse_epoch_seconds(std::string_view text, Instant& out) {
  std::size_t i = 0;
  std::int64_t value = 0;
  // Eleven digits reach the year 5138: enough, and no overflow.
  while (i < text.size() && digit(text[i]) && i < 11) value = value * 10 + (text[i++] - '0');
  if (i == 0) return false;
  if (i < text.size()) {
    if (text[i] != '.') return false;
    for (std::size_t k = i + 1; k < text.size(); ++k) {
      if (!digit(text[k])) return false;
    }
  }
  out = value;
  return true;
}

}  // namespace interdict
