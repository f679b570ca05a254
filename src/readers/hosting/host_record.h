// HostRecord and HostLineParser: what every hosting, CDN and DNS evidence format is turned
// into, one line at a time, so that one scan (src/cli/scan_hosting.cc) decides and
// aggregates them all.
//
// A format is a HostLineParser: fed the lines of an input in order, it says of each one
// whether it is a record (and fills a HostRecord), a line to skip (comment, header,
// directive: it may change the parser's state, as W3C `#Fields:` or a zone's `$ORIGIN`
// does), or a damaged line (with a message; the scan reports it with file:line, counts it
// and goes on). Formats whose lines stand alone (access logs, query logs) say so with
// `lines_independent()`, and the scan may then hand chunks of lines to several threads,
// each with its own parser made by `clone()` after the header lines were seen.
//
// Formats are recognised by content: `sniff_host_format` looks at the first non-blank
// lines of an input, never at its name.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"

namespace interdict {

class LogZone;  // readers/hosting/log_zone.h

// One line of evidence naming a host. Views point into the line (or into the parser's
// own scratch space) and are valid until the parser's next call.
struct HostRecord {
  // The name asked for: an HTTP Host header or vhost, a CDN's host field, a DNS query
  // name, a zone's owner name, a list's entry. As written: case, a trailing dot or a
  // ":port" may remain; the scan normalises.
  std::string_view host;
  // A second name the record ties to the first: the target of a CNAME in a zone or a
  // DNS answer, the Referer's host of a web request; empty when none.
  std::string_view target;
  // The client's address as written (IPv4 or IPv6 text), empty when not known.
  std::string_view client;
  // ISO 3166-1 alpha-2 of the client or edge when the log says (Cloudflare's
  // ClientCountry, for example), empty when not known.
  std::string_view country;
  // When the request or query happened; has_time false for zones and lists.
  Instant at = 0;
  bool has_time = false;
};

enum class LineKind : std::uint8_t { kRecord, kSkip, kDamaged };

// The line that starts at `begin`, up to the first '\n' before `end` (or to `end`), without
// the newline and a '\r' before it; `next` is set to where the next line starts.
// REQUIRES: begin < end.
inline std::string_view line_at(const char* begin, const char* end, const char*& next) {
  const void* nl = std::memchr(begin, '\n', static_cast<std::size_t>(end - begin));
  const char* stop = nl != nullptr ? static_cast<const char*>(nl) : end;
  next = nl != nullptr ? stop + 1 : end;
  std::size_t size = static_cast<std::size_t>(stop - begin);
  if (size > 0 && begin[size - 1] == '\r') --size;
  return {begin, size};
}

// For HostLineParser::parse(): says why (when the caller asks) and that the line is damaged.
inline LineKind damaged(std::string* why, std::string_view message) {
  if (why != nullptr) why->assign(message);
  return LineKind::kDamaged;
}

class HostLineParser {
 public:
  virtual ~HostLineParser() = default;
  // The format's name as shown to users, e.g. "nginx combined", "unbound query log".
  [[nodiscard]] virtual std::string_view format_name() const = 0;
  // Reads one line (without its newline). For kDamaged, *why says what is wrong in a few
  // words (e.g. "expected 9 fields, found 4"); the caller adds file and line.
  virtual LineKind parse(std::string_view line, HostRecord& out, std::string* why) = 0;
  // Reads the line that starts at `begin` and ends at the first '\n' before `end`, or at
  // `end`: the same answer as parse() of that line. Sets `text` to the line without its
  // newline and a '\r' before it, and `next` to where the next line starts (`end` after
  // the last). Formats that find their fields in one walk watch for the newline as they
  // go, so an input read in place is not searched for line ends first; the others find
  // the line end, then call parse(). REQUIRES: begin < end.
  virtual LineKind parse_at(const char* begin, const char* end, HostRecord& out, std::string* why,
                            std::string_view& text, const char*& next) {
    text = line_at(begin, end, next);
    return parse(text, out, why);
  }
  // True when a record depends on no line but itself and the header lines already seen.
  [[nodiscard]] virtual bool lines_independent() const { return true; }
  // A parser in the same state (same header), for another thread.
  [[nodiscard]] virtual std::unique_ptr<HostLineParser> clone() const = 0;
  // How many times a header line changed the columns of the lines after it (a W3C
  // `#Fields:` or a Zeek `#fields` naming other columns than the one before). A scan
  // that cut an input into chunks, each read by a clone made after the first header,
  // reads it again in one piece when this grows.
  [[nodiscard]] virtual std::uint32_t layout_changes() const { return 0; }
  // True for a content delivery network's logs (CloudFront, Cloudflare): a request there
  // is content delivery as well as hosting, so the scan decides both.
  [[nodiscard]] virtual bool cdn() const { return false; }
};

// Options the user may give for formats that cannot be told from content alone.
struct HostFormatOptions {
  // An nginx log_format string ('$remote_addr - $remote_user [$time_local] "$request" ...'):
  // access logs are read with these columns instead of guessing.
  std::string nginx_log_format;
  // For a CSV list of hostnames: the column holding the name (by header name).
  std::string host_column;
  // --log-zone and --log-year: how DNS logs' stamps without a zone are read, and where the
  // records left without a time are counted. Null: no zone, nothing counted.
  std::shared_ptr<LogZone> log_zone;
};

// The parser for the input whose first non-blank lines are `head` (at least the first,
// up to 8), or null when no hosting or DNS format claims it. The parser has read none of
// `head`: the caller feeds it every line, the head's included.
[[nodiscard]] std::unique_ptr<HostLineParser> sniff_host_format(std::span<const std::string_view> head,
                                                                const HostFormatOptions& options);

// The parser for access logs written with an nginx log_format string, e.g.
// '$host $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent'.
// The string may be given as in nginx.conf: quoted parts, a `log_format NAME` prefix and a
// final `;`. The host is $host, $http_host or $server_name (else the host of an
// absolute-form $request); the client $remote_addr (else $http_x_forwarded_for); the time
// $time_local, $time_iso8601 or $msec; the country $geoip_country_code,
// $geoip2_data_country_code or $http_cf_ipcountry. Other variables are read and ignored.
// Errors (kInvalidArgument): no variable, two variables with nothing between them, `${`
// unclosed.
[[nodiscard]] Result<std::unique_ptr<HostLineParser>> compile_log_format(std::string_view format);

}  // namespace interdict
