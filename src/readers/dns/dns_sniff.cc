// sniff_dns_format: each candidate parser reads the head lines, and the first whose lines
// it reads as its own claims the input. Candidates go from the most distinctive format to
// the least, so a list, which almost any text could resemble, is tried last.

#include <memory>
#include <string>

#include "readers/dns/dns_formats.h"
#include "readers/dns/dns_parsers.h"
#include "readers/dns/dns_text.h"

namespace interdict {
namespace {

using namespace interdict::dns;

struct Tally {
  std::size_t records = 0;
  std::size_t skipped = 0;
  std::size_t damaged = 0;
};

Tally run(HostLineParser& parser, std::span<const std::string_view> head) {
  Tally t;
  HostRecord record;
  std::string why;
  for (std::string_view line : head) {
    switch (parser.parse(line, record, &why)) {
      case LineKind::kRecord: ++t.records; break;
      case LineKind::kSkip: ++t.skipped; break;
      case LineKind::kDamaged: ++t.damaged; break;
    }
  }
  return t;
}

// A query log may open with a line cut by rotation: a quarter of the head may be damaged,
// as long as the rest carries the daemon's own prefix.
bool claims_log(const Tally& t, std::size_t lines, bool need_record) {
  return t.damaged * 4 <= lines && (need_record ? t.records > 0 : t.records + t.skipped > 0);
}

bool is_zeek_dns(std::span<const std::string_view> head) {
  if (head.front().substr(0, 11) != "#separator ") return false;
  for (std::string_view line : head) {
    if (line.substr(0, 5) == "#path" && trim(line.substr(5)) == "dns") return true;
  }
  return false;
}

// Zeek's JSON writer keeps the TSV column names as keys; `query` with the connection's
// `id.orig_h` is a dns.log (an http.log has `host` and `uri` instead).
bool is_zeek_dns_json(std::string_view first) {
  return first.substr(0, 1) == "{" && first.find("\"id.orig_h\"") != std::string_view::npos &&
         first.find("\"query\"") != std::string_view::npos;
}

bool claims_zone(std::span<const std::string_view> head) {
  std::unique_ptr<HostLineParser> zone = make_zone_parser();
  bool directive = false;
  std::size_t records = 0;
  HostRecord record;
  for (std::string_view line : head) {
    switch (zone->parse(line, record, nullptr)) {
      case LineKind::kDamaged: return false;
      case LineKind::kRecord:
        // Any two words may pass for an owner and a type (`127.0.0.1 localhost`, `I A`), so
        // sniffing wants a known type, a name for owner and data that fits the type, checked
        // on one-line records (a record closed by `)` has shown its form already).
        if (!is_known_rr_type(zone_last_type(*zone))) return false;
        if (line.find(')') == std::string_view::npos && !plausible_rr_line(line)) return false;
        ++records;
        break;
      case LineKind::kSkip: directive = directive || istarts_with(line, "$ORIGIN") || istarts_with(line, "$TTL"); break;
    }
  }
  return directive || records > 0;
}

// W3C extended logs (CloudFront) and Zeek logs open with `#` lines too; they are not
// list comments.
bool is_log_directive(std::string_view line) {
  for (std::string_view d :
       {"#Version:", "#Fields:", "#Software:", "#Date:", "#Remark:", "#separator", "#fields", "#path"}) {
    if (istarts_with(line, d)) return true;
  }
  return false;
}

std::unique_ptr<HostLineParser> sniff_csv(std::span<const std::string_view> head, const HostFormatOptions& options) {
  const std::string_view header = head.front();
  if (header.find(',') == std::string_view::npos && header.find('\t') == std::string_view::npos) return nullptr;
  const int column = find_host_column(header, options.host_column);
  if (column < 0) return nullptr;
  if (!options.host_column.empty()) return make_csv_list_parser(options.host_column);
  // Found by its name alone, the column must hold host names in the rows seen; a `name`
  // column with no rows to show it is too common in other CSV to claim.
  std::unique_ptr<HostLineParser> csv = make_csv_list_parser("");
  HostRecord record;
  std::size_t hosts = 0;
  for (std::string_view line : head) {
    const LineKind kind = csv->parse(line, record, nullptr);
    if (kind == LineKind::kDamaged || (kind == LineKind::kRecord && !looks_like_host(record.host, true)))
      return nullptr;
    if (kind == LineKind::kRecord) ++hosts;
  }
  if (hosts == 0 && find_host_column(header, "name") == column) return nullptr;
  return csv;
}

std::unique_ptr<HostLineParser> sniff_list(std::span<const std::string_view> head) {
  std::string_view kind;
  bool bang_comment = false;
  for (std::string_view line : head) {
    switch (classify_list_line(line)) {
      case ListLine::kOther: return nullptr;
      case ListLine::kComment:
        if (is_log_directive(trim(line))) return nullptr;
        bang_comment = bang_comment || trim(line).substr(0, 1) == "!";
        break;
      case ListLine::kEntry:
      case ListLine::kPlainName:
        if (kind.empty()) {
          const std::string_view t = trim(line);
          kind = t.substr(0, 2) == "||"                                   ? "adblock list"
                 : t.find("=/") != std::string_view::npos                 ? "dnsmasq list"
                 : looks_like_ip(t.substr(0, t.find_first_of(" \t")))     ? "hosts file"
                 : istarts_with(t, "domain:") || istarts_with(t, "full:") ? "v2fly domain list"
                                                                          : "host name list";
        }
        break;
    }
  }
  if (kind.empty()) kind = bang_comment ? "adblock list" : "host name list";
  return make_list_parser(kind);
}

}  // namespace

std::unique_ptr<HostLineParser> sniff_dns_format(std::span<const std::string_view> head,
                                                 const HostFormatOptions& options) {
  if (head.empty()) return nullptr;
  const std::size_t n = head.size();
  {
    // Whether unbound logs queries decides whether its reply lines count (see
    // make_unbound_parser): a query line in the head says it does.
    std::unique_ptr<HostLineParser> unbound = make_unbound_parser(false);
    const Tally t = run(*unbound, head);
    if (claims_log(t, n, false)) return make_unbound_parser(t.records == 0, options.log_zone);
  }
  if (std::unique_ptr<HostLineParser> p = make_dnsmasq_parser(); claims_log(run(*p, head), n, false))
    return make_dnsmasq_parser(options.log_zone);
  // BIND's prefix is loose (any stamped line may be one of its categories), so it needs a
  // query among the head lines.
  if (std::unique_ptr<HostLineParser> p = make_bind_parser(); claims_log(run(*p, head), n, true))
    return make_bind_parser(options.log_zone);
  if (is_zeek_dns(head)) {
    std::unique_ptr<HostLineParser> p = make_zeek_dns_parser();
    return run(*p, head).damaged == 0 ? make_zeek_dns_parser() : nullptr;
  }
  if (is_zeek_dns_json(head.front())) {
    std::unique_ptr<HostLineParser> p = make_zeek_dns_json_parser();
    // The keys decide; the first line must read, later ones may be damaged.
    return run(*p, head.first(1)).records == 1 ? make_zeek_dns_json_parser() : nullptr;
  }
  if (claims_zone(head)) return make_zone_parser();
  if (std::unique_ptr<HostLineParser> csv = sniff_csv(head, options)) return make_csv_list_parser(options.host_column);
  return sniff_list(head);
}

}  // namespace interdict
