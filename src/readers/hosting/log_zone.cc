#include "readers/hosting/log_zone.h"

#include <ctime>

#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

// Offsets change on the hour or the half hour: one look-up per quarter hour of log.
constexpr std::int64_t kSlot = 900;
constexpr std::int64_t kDay = 86400;

bool digit(char c) { return c >= '0' && c <= '9'; }

int month_number(std::string_view m) {
  constexpr std::string_view kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i) {
    if (m == kMonths[i]) return i + 1;
  }
  return 0;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool valid_day(int year, unsigned month, unsigned day) {
  constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0);
}

// The proleptic Gregorian year of a day count since 1970-01-01 (the inverse of
// days_from_civil, shifted so that years start on March 1).
int year_of_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  return static_cast<int>(yoe + era * 400 + (mp >= 10 ? 1 : 0));
}

// "+08:00", "-0500", "+8": seconds east of UTC.
bool parse_offset(std::string_view s, std::int32_t& out) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return false;
  std::string_view digits = s.substr(1);
  int hours = 0;
  int minutes = 0;
  if (digits.size() <= 2) {
    for (char c : digits) {
      if (!digit(c)) return false;
      hours = hours * 10 + (c - '0');
    }
  } else {
    const bool colon = digits.size() == 5 && digits[2] == ':';
    if (!colon && digits.size() != 4) return false;
    const std::string_view mm = digits.substr(colon ? 3 : 2);
    if (!digit(digits[0]) || !digit(digits[1]) || !digit(mm[0]) || !digit(mm[1])) return false;
    hours = (digits[0] - '0') * 10 + (digits[1] - '0');
    minutes = (mm[0] - '0') * 10 + (mm[1] - '0');
  }
  if (hours > 18 || minutes > 59) return false;
  out = (hours * 3600 + minutes * 60) * (s[0] == '-' ? -1 : 1);
  return true;
}

}  // namespace

Result<std::shared_ptr<LogZone>> LogZone::make(std::string_view zone, int year) {
  auto made = std::make_shared<LogZone>();
  if (year != 0 && (year < 1970 || year > 9999)) {
    return Error(ErrorCategory::kInvalidArgument, "year `" + std::to_string(year) + "` is not between 1970 and 9999");
  }
  made->year_ = year;
  if (zone.empty()) return made;
  if (zone == "Z" || zone == "UTC") {
    made->fixed_ = true;
    return made;
  }
  if (zone[0] == '+' || zone[0] == '-') {
    if (!parse_offset(zone, made->offset_)) {
      return Error(ErrorCategory::kInvalidArgument,
                   "bad offset `" + std::string(zone) + "`: expected +hh:mm or -hhmm, at most 18 hours");
    }
    made->fixed_ = true;
    return made;
  }
  // An unknown name is found now, not on the first record.
  if (auto offset = zone_offset_at_local(zone, 0); !offset) return offset.error();
  made->zone_.assign(zone);
  return made;
}

bool parse_local_stamp(std::string_view text, LocalStamp& out) {
  LocalStamp s;
  std::size_t clock = 0;
  if (text.size() >= 15 && text[3] == ' ' && text[6] == ' ') {
    // "Nov 29 07:48:02", "Nov  9 07:48:02"
    s.month = static_cast<unsigned>(month_number(text.substr(0, 3)));
    if (!digit(text[5]) || (text[4] != ' ' && !digit(text[4]))) return false;
    s.day = static_cast<unsigned>((text[4] == ' ' ? 0 : text[4] - '0') * 10 + (text[5] - '0'));
    clock = 7;
  } else if (text.size() >= 20 && text[2] == '-' && text[6] == '-' && text[11] == ' ') {
    // "29-Nov-2026 07:48:02.123"
    if (!digit(text[0]) || !digit(text[1])) return false;
    s.day = static_cast<unsigned>((text[0] - '0') * 10 + (text[1] - '0'));
    s.month = static_cast<unsigned>(month_number(text.substr(3, 3)));
    for (char c : text.substr(7, 4)) {
      if (!digit(c)) return false;
      s.year = s.year * 10 + (c - '0');
    }
    if (!valid_day(s.year, s.month, s.day)) return false;
    clock = 12;
  } else {
    return false;
  }
  if (s.month == 0 || s.day < 1 || s.day > 31 || !parse_clock(text.data() + clock, s.seconds)) return false;
  out = s;
  return true;
}

LocalTimes::LocalTimes(std::shared_ptr<LogZone> zone) : zone_(std::move(zone)) {
  if (zone_ == nullptr || !zone_->has_zone() || zone_->year() != 0) return;
  // Without a reference (no file, or none set), the time of reading stands in for it.
  Instant reference = zone_->reference();
  if (reference == 0) reference = static_cast<Instant>(std::time(nullptr));
  reference_local_ = reference + offset_at(reference);
  reference_year_ =
      year_of_days(reference_local_ >= 0 ? reference_local_ / kDay : (reference_local_ - kDay + 1) / kDay);
}

std::int32_t LocalTimes::offset_at(std::int64_t local) {
  if (zone_->fixed()) return zone_->fixed_offset();
  const std::int64_t slot = local >= 0 ? local / kSlot : (local - kSlot + 1) / kSlot;
  if (slot != cached_slot_ || !cached_) {
    // Known valid: LogZone::make looked the name up.
    auto offset = zone_offset_at_local(zone_->zone_name(), local);
    cached_offset_ = offset ? *offset : 0;
    cached_slot_ = slot;
    cached_ = true;
  }
  return cached_offset_;
}

int LocalTimes::year_for(unsigned month, unsigned day, std::int64_t seconds) const {
  int year = reference_year_;
  // The stamp is at or before the reference, a day of slack aside.
  if (!valid_day(year, month, day) || days_from_civil(year, month, day) * kDay + seconds > reference_local_ + kDay) {
    --year;
  }
  return year;
}

bool LocalTimes::resolve(std::string_view text, Instant& out, bool count) {
  if (zone_ == nullptr || !zone_->has_zone()) {
    if (count && zone_ != nullptr) zone_->count_unzoned();
    return false;
  }
  LocalStamp s;
  if (!parse_local_stamp(text, s)) return false;
  if (s.year == 0) s.year = zone_->year() != 0 ? zone_->year() : year_for(s.month, s.day, s.seconds);
  if (!valid_day(s.year, s.month, s.day)) return false;
  const std::int64_t local = days_from_civil(s.year, s.month, s.day) * kDay + s.seconds;
  out = local - offset_at(local);
  return true;
}

}  // namespace interdict
