// Squid's native access.log (logformat squid; Squid's src/log/FormatSquidNative.cc):
//
//   line   = time SP+ elapsed SP client SP code "/" status SP bytes SP method SP url SP
//            user SP hierarchy "/" peer [SP type] [SP extra...]
//   time   = seconds "." milliseconds since 1970    UTC
//   url    = absolute URL ("http://host[:port]/path")
//          / host ":" port                          CONNECT
//          / "/path" or "error:..."                 no host: a record without one
//
// Squid pads `elapsed` to six columns, so fields are separated by runs of blanks. The
// content type is written only when known, and `logformat` users append fields, so nine
// fields or more are read. The host is the URL's authority without any user part; a
// ":port" is left for the scan to drop.
#include <string>

#include "readers/hosting/formats.h"
#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

constexpr int kFields = 9;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool method_like(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if ((c < 'A' || c > 'Z') && c != '_' && c != '-') return false;
  }
  return true;
}

// The host of `url` as Squid logs it, or "" when the URL names none.
std::string_view url_host(std::string_view url, std::string_view method) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    // CONNECT logs "host:port"; a path or an "error:" URL names no host.
    return method == "CONNECT" && !url.empty() && url.front() != '/' ? url : std::string_view();
  }
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const std::size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  return rest;
}

class SquidParser final : public HostLineParser {
 public:
  std::string_view format_name() const override { return "Squid access log"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<SquidParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    if (blank_line(line)) return LineKind::kSkip;
    std::string_view field[kFields];
    int n = 0;
    std::size_t pos = 0;
    while (n < kFields) {
      while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
      if (pos >= line.size()) break;
      const std::size_t end = std::min(line.find_first_of(" \t", pos), line.size());
      field[n++] = line.substr(pos, end - pos);
      pos = end;
    }
    if (n < kFields) {
      return damaged(why, "expected at least " + std::to_string(kFields) + " fields, found " + std::to_string(n));
    }
    const std::size_t slash = field[3].find('/');
    if (!all_digits(field[1]) || slash == std::string_view::npos || !all_digits(field[4]) || !method_like(field[5])) {
      return damaged(why, "not `time elapsed client code/status bytes method URL ...`");
    }
    out = HostRecord{};
    if (!parse_epoch_seconds(field[0], out.at)) return damaged(why, "bad time `" + std::string(field[0]) + "`");
    out.has_time = true;
    out.host = url_host(field[6], field[5]);
    out.client = field[2] == "-" ? std::string_view() : field[2];
    return LineKind::kRecord;
  }
};

}  // namespace

std::unique_ptr<HostLineParser> make_squid_parser() { return std::make_unique<SquidParser>(); }

}  // namespace interdict
