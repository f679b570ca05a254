#include "base/time.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <cstring>
#include <memory>

namespace interdict {
namespace {

// A cursor over the digits of a time string: reads fixed-width fields.
class Digits {
 public:
  explicit Digits(std::string_view text) : text_(text) {}

  bool read_number(int width, int& out) {
    if (pos_ + static_cast<size_t>(width) > text_.size()) return false;
    int value = 0;
    for (int i = 0; i < width; ++i) {
      char c = text_[pos_ + static_cast<size_t>(i)];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos_ += static_cast<size_t>(width);
    out = value;
    return true;
  }
  bool read_char(char expected) {
    if (pos_ < text_.size() && text_[pos_] == expected) {
      ++pos_;
      return true;
    }
    return false;
  }
  [[nodiscard]] char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip() { ++pos_; }
  [[nodiscard]] std::string_view rest() const { return text_.substr(pos_); }
  [[nodiscard]] bool done() const { return pos_ >= text_.size(); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

struct WallClock {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

bool days_in_month_ok(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > kDays[static_cast<size_t>(month - 1)]) return false;
  if (month == 2 && day == 29) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap;
  }
  return true;
}

// Reads "YYYY-MM-DD[T| ]HH:MM[:SS[.frac]]", leaving the cursor at the zone.
Result<WallClock> read_wall_clock(Digits& in, std::string_view text) {
  WallClock w;
  auto bad = [&](const char* what) {
    return Error(ErrorCategory::kParse, std::string(what) + " in time `" + std::string(text) + "`");
  };
  if (!in.read_number(4, w.year) || !in.read_char('-') || !in.read_number(2, w.month) || !in.read_char('-') ||
      !in.read_number(2, w.day)) {
    return bad("expected YYYY-MM-DD");
  }
  if (in.done()) return bad("time without a zone");
  char sep = in.peek();
  if (sep != 'T' && sep != 't' && sep != ' ') return bad("expected `T` after the date");
  in.skip();
  if (!in.read_number(2, w.hour) || !in.read_char(':') || !in.read_number(2, w.minute)) {
    return bad("expected HH:MM");
  }
  if (in.read_char(':')) {
    if (!in.read_number(2, w.second)) return bad("expected seconds");
    if (in.read_char('.')) {
      int digit = 0;
      int count = 0;
      while (in.read_number(1, digit)) ++count;
      if (count == 0) return bad("expected digits after `.`");
    }
  }
  if (!days_in_month_ok(w.year, w.month, w.day) || w.hour > 23 || w.minute > 59 || w.second > 60) {
    return bad("field out of range");
  }
  return w;
}

std::int64_t wall_seconds(const WallClock& w) {
  return days_from_civil(w.year, static_cast<unsigned>(w.month), static_cast<unsigned>(w.day)) * 86400 + w.hour * 3600 +
         w.minute * 60 + w.second;
}

// Reads "Z" or "+HH:MM"/"-HH:MM" (also "+HHMM"). Returns the offset in seconds.
bool read_offset(Digits& in, int& offset) {
  char c = in.peek();
  if (c == 'Z' || c == 'z') {
    in.skip();
    offset = 0;
    return true;
  }
  if (c != '+' && c != '-') return false;
  in.skip();
  int hours = 0;
  int minutes = 0;
  if (!in.read_number(2, hours)) return false;
  in.read_char(':');
  if (!in.read_number(2, minutes)) return false;
  if (hours > 23 || minutes > 59) return false;
  offset = (hours * 3600 + minutes * 60) * (c == '-' ? -1 : 1);
  return true;
}

// format_rfc3339 writes years 0000 to 9999 only: an instant outside them would not read
// back, so parsing refuses it (an offset can push 0000-01-01 or 9999-12-31 across).
Result<Instant> printable(Instant t, std::string_view text) {
  constexpr Instant kFirst = -62167219200;  // 0000-01-01T00:00:00Z
  constexpr Instant kLast = 253402300799;   // 9999-12-31T23:59:59Z
  if (t < kFirst || t > kLast) {
    return Error(ErrorCategory::kParse, "time outside the years 0000 to 9999: `" + std::string(text) + "`");
  }
  return t;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  // Shift the year to start in March so that the leap day is the last of the year.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

Result<Instant> parse_rfc3339(std::string_view text) {
  Digits in(text);
  auto wall = read_wall_clock(in, text);
  if (!wall) return wall.error();
  if (in.done()) return Error(ErrorCategory::kParse, "time without a zone: `" + std::string(text) + "`");
  int offset = 0;
  if (!read_offset(in, offset) || !in.done()) {
    return Error(ErrorCategory::kParse, "expected `Z` or an offset like `-04:00` in time `" + std::string(text) + "`");
  }
  return printable(wall_seconds(*wall) - offset, text);
}

Result<std::int32_t> zone_offset_at_local(std::string_view zone, std::int64_t local_seconds) {
  icu::UnicodeString id =
      icu::UnicodeString::fromUTF8(icu::StringPiece(zone.data(), static_cast<int32_t>(zone.size())));
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(id));
  icu::UnicodeString resolved;
  tz->getID(resolved);
  if (resolved == icu::UnicodeString("Etc/Unknown")) {
    return Error(ErrorCategory::kNotFound, "unknown time zone `" + std::string(zone) + "`");
  }
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(local_seconds) * 1000.0, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) {
    return Error(ErrorCategory::kNotFound, "cannot resolve time zone `" + std::string(zone) + "`");
  }
  return (raw + dst) / 1000;
}

Result<Instant> parse_zoned_time(std::string_view text) {
  Digits in(text);
  auto wall = read_wall_clock(in, text);
  if (!wall) return wall.error();
  if (in.done()) return Error(ErrorCategory::kParse, "time without a zone: `" + std::string(text) + "`");
  if (in.peek() != ' ') return parse_rfc3339(text);
  in.skip();
  std::string_view zone = in.rest();
  if (zone.empty()) return Error(ErrorCategory::kParse, "time without a zone: `" + std::string(text) + "`");
  const std::int64_t local = wall_seconds(*wall);
  auto offset = zone_offset_at_local(zone, local);
  if (!offset) return offset.error();
  return printable(local - *offset, text);
}

namespace {

// Answers print the same few instants over and over (effective times, event records): a
// small per-thread memo skips the calendar arithmetic for them.
struct FormattedInstant {
  Instant t = kBeginningOfTime;
  char text[20] = {};
};
thread_local std::array<FormattedInstant, 64> tl_formatted;

void format_uncached(std::string& out, Instant t);

}  // namespace

void append_rfc3339(std::string& out, Instant t) {
  if (t == kBeginningOfTime || t == kEndOfTime) {
    format_uncached(out, t);
    return;
  }
  FormattedInstant& slot =
      tl_formatted[static_cast<std::size_t>((static_cast<std::uint64_t>(t) * 0x9e3779b97f4a7c15ULL) >> 58)];
  if (slot.t != t) {
    std::string text;
    format_uncached(text, t);
    if (text.size() != sizeof slot.text) {
      out += text;
      return;
    }
    std::memcpy(slot.text, text.data(), sizeof slot.text);
    slot.t = t;
  }
  out.append(slot.text, sizeof slot.text);
}

namespace {

void format_uncached(std::string& out, Instant t) {
  if (t == kBeginningOfTime) {
    out += "-inf";
    return;
  }
  if (t == kEndOfTime) {
    out += "+inf";
    return;
  }
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t secs = t - days * 86400;
  // Inverse of days_from_civil.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  year += month <= 2 ? 1 : 0;
  char buf[32];
  auto put = [&](int pos, std::int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      buf[pos + i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  if (year < 0 || year > 9999) {
    out += year < 0 ? "-inf" : "+inf";
    return;
  }
  put(0, year, 4);
  buf[4] = '-';
  put(5, month, 2);
  buf[7] = '-';
  put(8, day, 2);
  buf[10] = 'T';
  put(11, secs / 3600, 2);
  buf[13] = ':';
  put(14, (secs / 60) % 60, 2);
  buf[16] = ':';
  put(17, secs % 60, 2);
  buf[19] = 'Z';
  out.append(buf, 20);
}

}  // namespace

std::string format_rfc3339(Instant t) {
  std::string out;
  append_rfc3339(out, t);
  return out;
}

}  // namespace interdict
