// Times that logs write without a zone: dnsmasq's and syslog's "Nov 29 07:48:02" (no year
// either), BIND's default "29-Nov-2026 07:48:02.123", unbound's log-time-ascii. The house
// rule (DESIGN.md) gives such a record no time unless the user says which zone the log
// was written in (`interdict scan --log-zone`); then the stamp is read as a wall-clock
// time there.
//
// Syslog stamps carry no year. The year is `--log-year` when given; otherwise the stamp
// is placed in the year that puts it at or before the input's reference time (the file's
// modification time, or the time of the scan for standard input), allowing one day for
// clocks: a log is written before it is last modified, so "Dec 31" read from a file last
// written on "Jan 2" is from the year before.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"

namespace interdict {

// The user's choice of zone and year, the reference time of the input being read, and
// the count of records that had no time for want of a zone. Shared by every parser of a
// scan. Thread-safety: the zone and year are fixed at creation; the reference is set
// between inputs by the thread that starts parsers, before it makes them; the count is
// atomic.
class LogZone {
 public:
  // `zone`: "" for none, an IANA name ("America/New_York"), "UTC", or a fixed offset
  // ("+08:00", "-0500"). `year`: 0 for none, else 1970..9999. Errors: kInvalidArgument
  // for a malformed offset or a year out of range, kNotFound for an unknown zone name.
  [[nodiscard]] static Result<std::shared_ptr<LogZone>> make(std::string_view zone, int year);

  [[nodiscard]] bool has_zone() const { return !zone_.empty() || fixed_; }
  [[nodiscard]] std::string_view zone_name() const { return zone_; }  // "" for a fixed offset
  [[nodiscard]] bool fixed() const { return fixed_; }
  [[nodiscard]] std::int32_t fixed_offset() const { return offset_; }  // seconds east of UTC
  [[nodiscard]] int year() const { return year_; }

  // The time that syslog stamps are placed at or before when no year is given.
  void set_reference(Instant at) { reference_.store(at, std::memory_order_relaxed); }
  [[nodiscard]] Instant reference() const { return reference_.load(std::memory_order_relaxed); }

  void count_unzoned() { unzoned_.fetch_add(1, std::memory_order_relaxed); }
  // Records read without a time because their stamp has no zone and none was given.
  [[nodiscard]] std::uint64_t unzoned() const { return unzoned_.load(std::memory_order_relaxed); }

 private:
  std::string zone_;
  bool fixed_ = false;
  std::int32_t offset_ = 0;
  int year_ = 0;
  std::atomic<Instant> reference_{0};
  std::atomic<std::uint64_t> unzoned_{0};
};

// A stamp without a zone as written: year 0 for syslog's, which has none.
struct LocalStamp {
  int year = 0;
  unsigned month = 0;        // 1..12
  unsigned day = 0;          // 1..31
  std::int64_t seconds = 0;  // of the day
};

// Reads "Nov 29 07:48:02" / "Nov  9 07:48:02" and "29-Nov-2026 07:48:02[.fff]" (the text of
// the stamp alone). Returns false for anything else or a date that does not exist.
[[nodiscard]] bool parse_local_stamp(std::string_view text, LocalStamp& out);

// Turns a parser's zone-less stamps into instants with a LogZone's zone, remembering the
// last offset (a log crosses few offset changes). One per parser: copied with it, not
// thread-safe.
class LocalTimes {
 public:
  LocalTimes() = default;
  // `zone` may be null (no zone known: every stamp is unzoned).
  explicit LocalTimes(std::shared_ptr<LogZone> zone);

  // The instant of the stamp text `text`; false when no zone was given (the record is
  // then counted as unzoned when `count` is true: a parser counts only the lines it is
  // asked to explain, not the ones a sniffer or a header pass tries) or the text is not a
  // stamp parse_local_stamp reads.
  [[nodiscard]] bool resolve(std::string_view text, Instant& out, bool count);

 private:
  [[nodiscard]] int year_for(unsigned month, unsigned day, std::int64_t seconds) const;
  [[nodiscard]] std::int32_t offset_at(std::int64_t local);

  std::shared_ptr<LogZone> zone_;
  std::int64_t reference_local_ = 0;  // the reference time on the zone's wall clock
  int reference_year_ = 0;
  std::int64_t cached_slot_ = 0;  // local seconds / kSlot of the cached offset
  std::int32_t cached_offset_ = 0;
  bool cached_ = false;
};

}  // namespace interdict
