// Query logs of the two resolvers small networks run: unbound and dnsmasq.
//
// unbound (log-queries: yes, log-replies: yes; util/log.c and util/data/msgreply.c):
//
//   line    = stamp SP ident SP level SP payload
//   stamp   = "[" epoch "]"                      default
//           / "Mmm dd hh:mm:ss"                  log-time-ascii: yes (local time, no year)
//           / RFC 3339                           log-time-iso: yes
//           / syslog stamp SP host               through syslog
//   ident   = name "[" pid ":" thread "]"  /  name ":" SP "[" pid ":" thread "]"
//   level   = "info:" / "query:" / "reply:"     (log-tag-queryreply) / any other: skipped
//   query   = client SP qname SP type SP class
//   reply   = query SP rcode SP seconds SP cached SP size
//
// dnsmasq (log-queries; src/cache.c log_query):
//
//   line    = stamp [SP host] SP "dnsmasq[" pid "]:" [SP serial SP client "/" port] SP event
//   event   = "query[" type "]" SP qname SP "from" SP client     a record
//           / forwarded, reply, cached, config, ... lines       skipped: the query counted
//
// Syslog and log-time-ascii stamps carry no zone and no year: such records have a time
// only with --log-zone (log_zone.h).

#include <memory>
#include <string>

#include "readers/dns/dns_parsers.h"
#include "readers/dns/dns_text.h"

namespace interdict::dns {
namespace {

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// "[1234:0]": unbound's process and thread numbers.
bool is_pid_thread(std::string_view s) {
  if (s.size() < 5 || s.front() != '[' || s.back() != ']') return false;
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon < 2 || colon + 2 > s.size() - 1) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    if (!is_digit(s[i])) return false;
  }
  for (std::size_t i = colon + 1; i + 1 < s.size(); ++i) {
    if (!is_hex(s[i])) return false;
  }
  return true;
}

// "unbound[1234:0]" (its log file), or "unbound:" followed by "[1234:0]" (syslog). The name
// is unbound's log-identity, so any name is allowed.
bool read_unbound_ident(std::string_view token, std::string_view& rest) {
  const std::size_t open = token.find('[');
  if (open != std::string_view::npos && open > 0) return is_pid_thread(token.substr(open));
  if (token.size() < 2 || token.back() != ':') return false;
  std::string_view look = rest;
  if (!is_pid_thread(next_token(look))) return false;
  rest = look;
  return true;
}

bool is_class(std::string_view s) {
  return s == "IN" || s == "CH" || s == "HS" || s == "NONE" || s == "ANY" || istarts_with(s, "CLASS");
}

class UnboundParser final : public HostLineParser {
 public:
  UnboundParser(bool replies_are_records, std::shared_ptr<LogZone> zone)
      : replies_are_records_(replies_are_records), local_(std::move(zone)) {}
  std::string_view format_name() const override { return "unbound query log"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<UnboundParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    stamp_ = {};
    std::string_view rest = line;
    if (!line.empty() && line[0] == '[') {
      const std::size_t close = line.find(']');
      const std::optional<Instant> at =
          close == std::string_view::npos ? std::nullopt : parse_epoch(line.substr(1, close - 1));
      if (!at) return damaged(why, "bad time stamp: expected `[seconds]`");
      out.at = *at;
      out.has_time = true;
      rest = line.substr(close + 1);
    } else {
      const Stamp stamp = read_stamp(line);
      if (stamp.length == 0) return damaged(why, "no time stamp: not an unbound log line");
      if (stamp.at) {
        out.at = *stamp.at;
        out.has_time = true;
      }
      stamp_ = line.substr(0, stamp.length);
      rest = line.substr(stamp.length);
    }
    std::string_view ident = next_token(rest);
    if (!read_unbound_ident(ident, rest)) {
      ident = next_token(rest);  // through syslog, the host name comes first
      if (!read_unbound_ident(ident, rest)) return damaged(why, "no `name[pid:thread]`: not an unbound log line");
    }
    const std::string_view level = next_token(rest);
    const bool is_reply_tag = level == "reply:";
    if (level != "info:" && level != "query:" && !is_reply_tag) return LineKind::kSkip;
    std::string_view field[9];
    std::size_t n = 0;
    for (std::string_view t = next_token(rest); !t.empty() && n < 9; t = next_token(rest)) field[n++] = t;
    // Other info lines (start of service, statistics, local actions) are not queries.
    if ((n != 4 && n != 8) || !looks_like_ip(field[0]) || !is_class(field[3])) return LineKind::kSkip;
    if (n == 8 && !replies_are_records_) return LineKind::kSkip;
    if (field[1].empty() || field[1] == "null") return damaged(why, "query without a name");
    out.host = field[1];
    out.client = field[0];
    if (!out.has_time && !stamp_.empty()) out.has_time = local_.resolve(stamp_, out.at, why != nullptr);
    return LineKind::kRecord;
  }

 private:
  bool replies_are_records_;
  LocalTimes local_;
  std::string_view stamp_;  // this line's zone-less stamp, "" when none
};

// "dnsmasq[123]:" or "dnsmasq:"; the DHCP side ("dnsmasq-dhcp[123]:") is told apart.
enum class DnsmasqIdent : std::uint8_t { kNone, kDns, kOther };
DnsmasqIdent dnsmasq_ident(std::string_view token) {
  if (token.size() < 8 || token.back() != ':') return DnsmasqIdent::kNone;
  if (token.substr(0, 7) != "dnsmasq") return DnsmasqIdent::kNone;
  const std::string_view tail = token.substr(7);
  if (tail == ":" || (tail.front() == '[' && tail.size() >= 4 && tail[tail.size() - 2] == ']'))
    return DnsmasqIdent::kDns;
  return tail.front() == '-' ? DnsmasqIdent::kOther : DnsmasqIdent::kNone;
}

class DnsmasqParser final : public HostLineParser {
 public:
  explicit DnsmasqParser(std::shared_ptr<LogZone> zone) : local_(std::move(zone)) {}
  std::string_view format_name() const override { return "dnsmasq query log"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<DnsmasqParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    const Stamp stamp = read_stamp(line);
    if (stamp.length == 0) return damaged(why, "no time stamp: not a dnsmasq log line");
    std::string_view rest = line.substr(stamp.length);
    DnsmasqIdent ident = dnsmasq_ident(next_token(rest));
    if (ident == DnsmasqIdent::kNone) ident = dnsmasq_ident(next_token(rest));  // after a syslog host name
    if (ident == DnsmasqIdent::kNone) return damaged(why, "no `dnsmasq[pid]:`: not a dnsmasq log line");
    if (ident == DnsmasqIdent::kOther) return LineKind::kSkip;
    std::string_view event = next_token(rest);
    if (!event.empty() && is_digit(event[0])) {
      // log-queries=extra: a serial number and the client's address/port come first.
      static_cast<void>(next_token(rest));
      event = next_token(rest);
    }
    if (event.size() < 8 || event.substr(0, 6) != "query[" || event.back() != ']') return LineKind::kSkip;
    const std::string_view name = next_token(rest);
    const std::string_view from = next_token(rest);
    const std::string_view client = next_token(rest);
    if (name.empty() || from != "from" || client.empty())
      return damaged(why, "expected `query[TYPE] name from client`");
    out.host = name;
    out.client = client;
    if (stamp.at) {
      out.at = *stamp.at;
      out.has_time = true;
    } else {
      out.has_time = local_.resolve(line.substr(0, stamp.length), out.at, why != nullptr);
    }
    return LineKind::kRecord;
  }

 private:
  LocalTimes local_;
};

}  // namespace

std::unique_ptr<HostLineParser> make_unbound_parser(bool replies_are_records, std::shared_ptr<LogZone> zone) {
  return std::make_unique<UnboundParser>(replies_are_records, std::move(zone));
}

std::unique_ptr<HostLineParser> make_dnsmasq_parser(std::shared_ptr<LogZone> zone) {
  return std::make_unique<DnsmasqParser>(std::move(zone));
}

}  // namespace interdict::dns
