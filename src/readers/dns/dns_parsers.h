// The DNS-side HostLineParsers, one factory per format family, for sniff_dns_format and
// for tests that want one format without sniffing. Internal to src/readers; the face is
// dns_formats.h. Each parser is one per input and not thread-safe; clone() gives another
// thread its own.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "readers/hosting/host_record.h"
#include "readers/hosting/log_zone.h"

namespace interdict::dns {

// unbound's log-queries and log-replies lines (unbound_dnsmasq.cc). Reply lines are
// records only with `replies_are_records`: when queries are logged too, each query would
// otherwise count twice.
// Stamps without a zone are read in `zone` (see log_zone.h), which may be null.
[[nodiscard]] std::unique_ptr<HostLineParser> make_unbound_parser(bool replies_are_records,
                                                                  std::shared_ptr<LogZone> zone = nullptr);
// dnsmasq's log-queries lines: only `query[TYPE]` lines are records (unbound_dnsmasq.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_dnsmasq_parser(std::shared_ptr<LogZone> zone = nullptr);
// BIND's query log, with or without `queries: info:` (bind_log.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_bind_parser(std::shared_ptr<LogZone> zone = nullptr);
// Zeek's dns.log in its TSV form (zeek_dns.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_zeek_dns_parser();
// Zeek's dns.log written as JSON Lines, LogAscii::use_json (zeek_dns_json.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_zeek_dns_json_parser();
// RFC 1035 master files (zone_file.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_zone_parser();
// Lists of names: plain, hosts, adblock, dnsmasq, v2fly lines, mixed freely (host_lists.cc).
// `name` is the format name shown to users.
[[nodiscard]] std::unique_ptr<HostLineParser> make_list_parser(std::string_view name);
// A CSV list whose header names the host column `column` (case-insensitive); the first
// line fed must be the header (host_lists.cc).
[[nodiscard]] std::unique_ptr<HostLineParser> make_csv_list_parser(std::string column);

// What one line of a list is, for sniffing (host_lists.cc).
enum class ListLine : std::uint8_t { kComment, kEntry, kPlainName, kOther };
[[nodiscard]] ListLine classify_list_line(std::string_view line);

// The column of a CSV header that holds host names: `wanted` when given, else the first
// of host, hostname, domain, fqdn, name; -1 when none (host_lists.cc).
[[nodiscard]] int find_host_column(std::string_view header, std::string_view wanted);

// A record type mnemonic zone files commonly use, in upper case (zone_file.cc), for
// sniffing.
[[nodiscard]] bool is_known_rr_type(std::string_view type);
// True for a zone line whose owner looks like a name, whose type is known and whose first
// rdata word fits the type (an address for A, a name for CNAME ...), for sniffing.
[[nodiscard]] bool plausible_rr_line(std::string_view line);
// The type of the zone parser's last record ("" before any), for sniffing. REQUIRES:
// `parser` was made by make_zone_parser().
[[nodiscard]] std::string_view zone_last_type(const HostLineParser& parser);

}  // namespace interdict::dns
