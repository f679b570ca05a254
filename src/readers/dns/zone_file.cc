// DNS zone files: RFC 1035 master format (section 5), as BIND, NSD, Knot and PowerDNS read
// it, RPZ zones included.
//
//   entry     = directive / rr / blank
//   directive = "$ORIGIN" SP name / "$TTL" SP ttl / "$INCLUDE" SP file [SP name]
//   rr        = (owner / BLANK) *2(SP (ttl / class)) SP type SP rdata
//   owner     = "@" / name                 "@" is the origin; a blank owner repeats the last
//   name      = absolute (ends in ".") / relative (the origin is appended)
//
// Parentheses join physical lines into one entry; ";" starts a comment; quoted strings and
// backslash escapes hide both. Each RR is one record: its owner, made absolute, is the
// host; the target of a CNAME, DNAME, ALIAS or ANAME, made absolute, is the record's target
// ("." names no host and gives none). $INCLUDE is refused as damage: one input is one file.
// With no $ORIGIN (the zone's name lives in the server's configuration), relative names
// are reported as written and "@" is damage.
//
// A record depends on the lines before it (origin, previous owner, open parentheses), so
// lines are not independent.

#include <memory>
#include <string>

#include "readers/dns/dns_parsers.h"
#include "readers/dns/dns_text.h"

namespace interdict::dns {
namespace {

// An entry held open by "(" is abandoned past this size, so that a stray "(" cannot make
// the parser hold the rest of a large input.
constexpr std::size_t kMaxEntryBytes = std::size_t{64} << 10;

bool is_ttl(std::string_view s) {
  if (s.empty() || !is_digit(s[0])) return false;
  for (char c : s) {
    const char l = ascii_lower(c);
    if (!is_digit(c) && l != 's' && l != 'm' && l != 'h' && l != 'd' && l != 'w') return false;
  }
  return true;
}

bool is_rr_class(std::string_view s) {
  return iequals(s, "IN") || iequals(s, "CH") || iequals(s, "HS") || iequals(s, "CS") || iequals(s, "NONE") ||
         iequals(s, "ANY") || (istarts_with(s, "CLASS") && s.size() > 5 && is_digit(s[5]));
}

bool is_type_token(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  for (char c : s) {
    if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
  }
  return true;
}

bool is_absolute(std::string_view name) {
  if (name.empty() || name.back() != '.') return false;
  std::size_t slashes = 0;
  for (std::size_t i = name.size() - 1; i-- > 0 && name[i] == '\\';) ++slashes;
  return slashes % 2 == 0;
}

class ZoneParser final : public HostLineParser {
 public:
  std::string_view format_name() const override { return "DNS zone file"; }
  bool lines_independent() const override { return false; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<ZoneParser>(*this); }
  std::string_view last_type() const { return last_type_; }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    if (depth_ == 0) {
      entry_.clear();
      blank_owner_ = !line.empty() && is_blank(line[0]);
    }
    // Copy the line without its comment, parentheses as blanks, into the entry.
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '\\' && i + 1 < line.size()) {
        entry_ += c;
        entry_ += line[++i];
        continue;
      }
      if (quoted) {
        quoted = c != '"';
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        break;
      } else if (c == '(') {
        ++depth_;
        c = ' ';
      } else if (c == ')') {
        if (depth_ == 0) return reset(why, "`)` without `(`");
        --depth_;
        c = ' ';
      }
      entry_ += c;
    }
    if (quoted) return reset(why, "a quoted string not closed on its line");
    if (depth_ > 0) {
      if (entry_.size() > kMaxEntryBytes) return reset(why, "`(` not closed within 64 KiB");
      entry_ += ' ';
      return LineKind::kSkip;
    }
    return entry(out, why);
  }

 private:
  LineKind entry(HostRecord& out, std::string* why) {
    std::string_view rest = entry_;
    std::string_view first = next_token(rest);
    if (first.empty()) return LineKind::kSkip;
    if (!blank_owner_ && first[0] == '$') return directive(first, rest, why);
    if (blank_owner_) {
      if (owner_.empty()) return damaged(why, "a blank owner before any owner");
      rest = entry_;
    } else if (!absolute(first, owner_, why)) {
      return LineKind::kDamaged;
    }
    std::string_view type = next_token(rest);
    for (int i = 0; i < 2 && (is_ttl(type) || is_rr_class(type)); ++i) type = next_token(rest);
    if (!is_type_token(type)) return damaged(why, "no record type after the owner name");
    last_type_.assign(type);
    out.host = owner_;
    if (iequals(type, "CNAME") || iequals(type, "DNAME") || iequals(type, "ALIAS") || iequals(type, "ANAME")) {
      const std::string_view target = next_token(rest);
      if (target.empty()) return damaged(why, "an alias record without a target");
      if (target != "." && !absolute(target, target_, why)) return LineKind::kDamaged;
      if (target != ".") out.target = target_;
    }
    return LineKind::kRecord;
  }

  LineKind directive(std::string_view name, std::string_view rest, std::string* why) {
    const std::string_view arg = next_token(rest);
    if (iequals(name, "$ORIGIN")) {
      if (arg.empty()) return damaged(why, "`$ORIGIN` without a name");
      if (arg == "@") return damaged(why, "`$ORIGIN @` names nothing new");
      std::string origin;
      if (!absolute(arg, origin, why)) return LineKind::kDamaged;
      if (!is_absolute(origin)) return damaged(why, "a relative `$ORIGIN` with no origin before it");
      origin_ = std::move(origin);
      return LineKind::kSkip;
    }
    if (iequals(name, "$TTL")) return is_ttl(arg) ? LineKind::kSkip : damaged(why, "`$TTL` without a time");
    if (iequals(name, "$INCLUDE"))
      return damaged(why, "`$INCLUDE` is not followed: scan the included file as an input of its own");
    if (iequals(name, "$GENERATE")) return damaged(why, "`$GENERATE` ranges are not expanded");
    return damaged(why, "unknown directive");
  }

  // `name` made absolute against the origin, into `into`. False (with *why) for "@" when
  // there is no origin.
  bool absolute(std::string_view name, std::string& into, std::string* why) {
    if (name == "@") {
      if (origin_.empty()) {
        damaged(why, "`@` with no `$ORIGIN` before it");
        return false;
      }
      into.assign(origin_);
    } else if (is_absolute(name) || origin_.empty()) {
      into.assign(name);
    } else {
      into.assign(name);
      // The root origin adds just the dot.
      if (origin_ != ".") into += '.';
      into += origin_;
    }
    return true;
  }

  LineKind reset(std::string* why, std::string_view message) {
    depth_ = 0;
    entry_.clear();
    return damaged(why, message);
  }

  std::string origin_;     // absolute, with its trailing dot; empty until $ORIGIN
  std::string owner_;      // the last owner, for blank owners; the record's host
  std::string target_;     // the record's target
  std::string entry_;      // the entry being read, comments and parentheses removed
  std::string last_type_;  // for sniffing
  int depth_ = 0;          // open parentheses
  bool blank_owner_ = false;
};

const char* const kKnownTypes[] = {"A",      "AAAA",  "CNAME", "NS",    "SOA",   "MX",    "TXT",   "PTR",
                                   "SRV",    "DNAME", "ALIAS", "ANAME", "CAA",   "HTTPS", "SVCB",  "DS",
                                   "DNSKEY", "RRSIG", "NSEC",  "NSEC3", "NAPTR", "TLSA",  "SSHFP", "HINFO"};

}  // namespace

bool is_known_rr_type(std::string_view type) {
  // As zone files write them: "a" is a word more often than a type.
  for (const char* known : kKnownTypes) {
    if (type == known) return true;
  }
  return false;
}

bool plausible_rr_line(std::string_view line) {
  std::string_view rest = line.substr(0, line.find(';'));
  if (rest.empty()) return false;
  if (!is_blank(rest[0])) {
    const std::string_view owner = next_token(rest);
    if (owner != "@" && owner != "*" && !looks_like_host(owner)) return false;
  }
  std::string_view type = next_token(rest);
  for (int i = 0; i < 2 && (is_ttl(type) || is_rr_class(type)); ++i) type = next_token(rest);
  if (!is_known_rr_type(type)) return false;
  const std::string_view data = next_token(rest);
  if (data.empty() || data == "(") return !data.empty();
  if (type == "A") return looks_like_ip(data) && data.find(':') == std::string_view::npos;
  if (type == "AAAA") return looks_like_ip(data) && data.find(':') != std::string_view::npos;
  if (type == "CNAME" || type == "NS" || type == "PTR" || type == "DNAME" || type == "ALIAS" || type == "ANAME")
    return data == "." || looks_like_host(data);
  if (type == "MX" || type == "SRV") return is_digit(data[0]);
  return true;
}

std::string_view zone_last_type(const HostLineParser& parser) {
  return static_cast<const ZoneParser&>(parser).last_type();
}

std::unique_ptr<HostLineParser> make_zone_parser() { return std::make_unique<ZoneParser>(); }

}  // namespace interdict::dns
