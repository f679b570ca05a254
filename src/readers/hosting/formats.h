// The hosting and CDN log formats behind sniff_host_format, one factory each, for the
// sniffer, the tests and the fuzz targets. Internal to src/readers/hosting: everything
// outside reaches them through host_record.h.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "base/result.h"
#include "readers/hosting/host_record.h"

namespace interdict {

// An access log laid out by an nginx log_format string (see compile_log_format in
// host_record.h). `name` is the format's name for users. With `lenient_tail`, text after
// the last field is allowed (logs often append fields to a standard format), a last
// variable with nothing after it ends at a blank, and the fields after the last one the
// reader uses (host, client, time, status, country, request) are not read at all.
[[nodiscard]] Result<std::unique_ptr<HostLineParser>> make_log_format_parser(std::string_view format,
                                                                             std::string_view name, bool lenient_tail);

// The access-log layouts recognised without --log-format, most specific first: combined
// or common with the host first ($host / Apache's %v, with or without ":port"), combined
// with the host appended (quoted or not), combined or common.
struct WebLayout {
  std::string_view name;
  std::string_view format;  // nginx log_format syntax
  bool lenient_tail;
};
[[nodiscard]] std::span<const WebLayout> web_layouts();

// A W3C extended log (AWS CloudFront standard logs; IIS): `#Fields:` names the columns,
// separated by tabs or blanks. The host is x-host-header, else cs(Host) or cs-host.
[[nodiscard]] std::unique_ptr<HostLineParser> make_w3c_parser();

// A Zeek http.log in its TSV form (`#separator`, `#fields` header lines).
[[nodiscard]] std::unique_ptr<HostLineParser> make_zeek_http_parser();

// Squid's native access.log: the host from the request URL, or CONNECT's host:port
// (squid.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_squid_parser();

// Amazon S3 server access logs: the host from the Host header, else the bucket
// (s3_access.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_s3_access_parser();

// JSON Lines logs: one object a line, fields found by key.
struct JsonLogKeys {
  std::string_view format_name;
  std::string_view host;     // e.g. "ClientRequestHost"
  std::string_view client;   // e.g. "ClientIP"; empty when none
  std::string_view country;  // e.g. "ClientCountry"; empty when none
  std::string_view time;     // RFC 3339 text, or seconds / ms / µs / ns since the epoch
  bool cdn;                  // a content delivery network's log
};
// Cloudflare Logpush http_requests.
[[nodiscard]] const JsonLogKeys& cloudflare_keys();
// Zeek http.log written as JSON (LogAscii::use_json).
[[nodiscard]] const JsonLogKeys& zeek_json_keys();
[[nodiscard]] std::unique_ptr<HostLineParser> make_json_log_parser(const JsonLogKeys& keys);

// True for a line holding only blanks (spaces, tabs, a carriage return).
[[nodiscard]] inline bool blank_line(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace interdict
