// BIND 9's query log (`querylog yes;` or a `queries` logging category).
//
//   line   = [stamp SP] [prefix SP] "client" SP ["@0x" hex SP] address "#" port SP
//            "(" qname "):" SP ["view" SP view ":" SP] "query:" SP qname SP class SP type SP flags
//            [SP "(" server ")"]
//   stamp  = "28-Nov-2026 10:00:00.123"         print-time yes (local time, no zone)
//          / RFC 3339                           print-time iso8601 / iso8601-utc
//          / syslog stamp                       through syslog
//   prefix = up to five words before "client": a syslog host and "named[pid]:", and the
//            category and severity ("queries:", "info:") when print-category and
//            print-severity are on
//
// BIND 9.9 and older omit the "@0x..." client object. Lines of other categories (zone
// loads, `query (cache) ... denied`, query errors) are skipped. RFC 3339 stamps with a zone
// give a record its time; the others only with --log-zone (log_zone.h).

#include <memory>
#include <string>

#include "readers/dns/dns_parsers.h"
#include "readers/dns/dns_text.h"

namespace interdict::dns {
namespace {

constexpr int kMaxPrefixWords = 6;
constexpr int kMaxWordsBeforeQuery = 4;  // "(name):" and "view internal:"

class BindParser final : public HostLineParser {
 public:
  explicit BindParser(std::shared_ptr<LogZone> zone) : local_(std::move(zone)) {}
  std::string_view format_name() const override { return "BIND query log"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<BindParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    const Stamp stamp = read_stamp(line);
    std::string_view rest = line.substr(stamp.length);
    bool found = false;
    for (int i = 0; i < kMaxPrefixWords && !found; ++i) {
      const std::string_view word = next_token(rest);
      if (word.empty()) break;
      found = word == "client";
    }
    if (!found) {
      // A stamped line of another category is part of the log; anything else is not.
      if (stamp.length > 0) return LineKind::kSkip;
      return damaged(why, "no time stamp and no `client`: not a BIND log line");
    }
    std::string_view address = next_token(rest);
    if (address.size() > 3 && address.substr(0, 3) == "@0x") address = next_token(rest);
    const std::size_t hash = address.rfind('#');
    if (hash == std::string_view::npos || hash == 0) return damaged(why, "expected `client address#port`");
    bool query = false;
    for (int i = 0; i < kMaxWordsBeforeQuery && !query; ++i) {
      const std::string_view word = next_token(rest);
      if (word.empty()) break;
      query = word == "query:";
    }
    // "query (cache) 'x/A/IN' denied", "query failed (SERVFAIL)": not the query itself.
    if (!query) return LineKind::kSkip;
    const std::string_view name = next_token(rest);
    const std::string_view klass = next_token(rest);
    const std::string_view type = next_token(rest);
    if (name.empty() || klass.empty() || type.empty()) return damaged(why, "expected `query: name class type`");
    out.host = name;
    out.client = address.substr(0, hash);
    if (stamp.at) {
      out.at = *stamp.at;
      out.has_time = true;
    } else if (stamp.length > 0) {
      out.has_time = local_.resolve(line.substr(0, stamp.length), out.at, why != nullptr);
    }
    return LineKind::kRecord;
  }

 private:
  LocalTimes local_;
};

}  // namespace

std::unique_ptr<HostLineParser> make_bind_parser(std::shared_ptr<LogZone> zone) {
  return std::make_unique<BindParser>(std::move(zone));
}

}  // namespace interdict::dns
