// sniff_host_format: which hosting, CDN or DNS format an input is, from its first lines.
//
// Formats with a header say so in their first line (`#Version:`/`#Fields:` for W3C,
// `#separator` for Zeek) or in their keys (Cloudflare's ClientRequestHost); those are
// decided by that alone. Access logs have no header: each known layout is tried on the
// head lines and the first that reads most of them wins, most specific first. The DNS
// formats (src/readers/dns) are asked last.
#include <string>

#include "readers/hosting/formats.h"

#if __has_include("readers/dns/dns_formats.h")
#include "readers/dns/dns_formats.h"
#define INTERDICT_HAVE_DNS_FORMATS 1
#endif

namespace interdict {
namespace {

std::string_view strip_bom(std::string_view s) { return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s; }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// True when `parser` reads most of `head` as records: more than half, at least one.
bool reads_most(HostLineParser& parser, std::span<const std::string_view> head) {
  std::size_t records = 0;
  HostRecord record;
  for (std::size_t i = 0; i < head.size(); ++i) {
    std::string_view line = i == 0 ? strip_bom(head[i]) : head[i];
    records += parser.parse(line, record, nullptr) == LineKind::kRecord ? 1 : 0;
  }
  return records > 0 && records * 2 > head.size();
}

// A Zeek TSV log of HTTP: `#path http`, or `#fields` naming host and uri.
bool zeek_http(std::span<const std::string_view> head) {
  for (std::string_view line : head) {
    if (starts_with(line, "#path")) return line.substr(5) == "\thttp" || line.substr(5) == " http";
    if (starts_with(line, "#fields")) return contains(line, "\thost\t") && contains(line, "\turi");
  }
  return false;
}

}  // namespace

std::span<const WebLayout> web_layouts() {
  // Read leniently, combined and common differ only after the status: one layout each.
  static constexpr WebLayout kLayouts[] = {
      {"access log (host first)",
       R"($host $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent")",
       true},
      {"access log (combined, quoted host last)",
       R"($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$host")",
       false},
      {"access log (combined, host last)",
       R"($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $host)",
       true},
      {"access log (combined or common)",
       R"($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent")",
       true},
  };
  return kLayouts;
}

Result<std::unique_ptr<HostLineParser>> compile_log_format(std::string_view format) {
  return make_log_format_parser(format, "access log (--log-format)", false);
}

std::unique_ptr<HostLineParser> sniff_host_format(std::span<const std::string_view> head,
                                                  const HostFormatOptions& options) {
  if (head.empty()) return nullptr;
  const std::string_view first = strip_bom(head.front());
  if (starts_with(first, "#Version:") || starts_with(first, "#Fields:") || starts_with(first, "#Software:")) {
    return make_w3c_parser();
  }
  if (starts_with(first, "#separator") && zeek_http(head)) return make_zeek_http_parser();
  if (starts_with(first, "{")) {
    if (contains(first, "\"ClientRequestHost\"")) return make_json_log_parser(cloudflare_keys());
    if (contains(first, "\"id.orig_h\"") && contains(first, "\"host\"") && contains(first, "\"uri\"")) {
      return make_json_log_parser(zeek_json_keys());
    }
  }
  std::unique_ptr<HostLineParser> given;
  if (!options.nginx_log_format.empty()) {
    if (auto parser = compile_log_format(options.nginx_log_format)) given = std::move(*parser);
    if (given != nullptr && reads_most(*given->clone(), head)) return given;
  }
  if (!first.empty() && first.front() != '#' && first.front() != '{') {
    // Squid and S3 lines have shapes of their own that no access-log layout reads.
    if (auto squid = make_squid_parser(); reads_most(*squid, head)) return make_squid_parser();
    if (auto s3 = make_s3_access_parser(); reads_most(*s3, head)) return make_s3_access_parser();
    for (const WebLayout& layout : web_layouts()) {
      auto parser = make_log_format_parser(layout.format, layout.name, layout.lenient_tail);
      if (parser && reads_most(*(*parser)->clone(), head)) return std::move(*parser);
    }
  }
#ifdef INTERDICT_HAVE_DNS_FORMATS
  if (auto dns = sniff_dns_format(head, options)) return dns;
#endif
  // The user said how the access logs are written: an input nothing else claims is one,
  // and its lines are reported as damaged where they do not fit. JSON is never one.
  return first.empty() || first.front() == '{' ? nullptr : std::move(given);
}

}  // namespace interdict
