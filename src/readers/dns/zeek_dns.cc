// Zeek's dns.log, TSV form (Zeek's ASCII writer; docs.zeek.org, "Log Files", dns.log).
//
//   header = "#separator" SP escaped-separator          first line, "\x09" for a tab
//          / "#" directive SEP value [SEP value...]     set_separator, empty_field,
//                                                       unset_field, path, open, close, types
//          / "#fields" (SEP name)+                      the columns of the lines below
//   line   = value (SEP value)*                         one per column of #fields
//
// Read: `query` (the host), `id.orig_h` (the client), `ts` (seconds since 1970, a fraction)
// and `answers` (a set, `set_separator` between items). Zeek does not say which answer is
// which type; in a CNAME chain the names come before the addresses, so the first answer
// that is a name and not an address is the record's target, except for PTR queries, whose
// answers name the address asked about rather than an alias.

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>

#include "readers/dns/dns_parsers.h"
#include "readers/dns/dns_text.h"

namespace interdict::dns {
namespace {

constexpr int kNone = -1;

// "\x09" -> a tab; a literal separator is taken as written.
char decode_separator(std::string_view s) {
  if (s.size() == 4 && s[0] == '\\' && s[1] == 'x') {
    const auto hex = [](char c) {
      return is_digit(c) ? c - '0' : (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') ? ascii_lower(c) - 'a' + 10 : -1;
    };
    const int hi = hex(s[2]);
    const int lo = hex(s[3]);
    if (hi >= 0 && lo >= 0) return static_cast<char>(hi * 16 + lo);
  }
  return s.size() == 1 ? s[0] : '\0';
}

class ZeekDnsParser final : public HostLineParser {
 public:
  std::string_view format_name() const override { return "Zeek dns.log"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<ZeekDnsParser>(*this); }
  std::uint32_t layout_changes() const override { return layout_changes_; }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    if (line.empty()) return LineKind::kSkip;
    if (line[0] == '#') return header(line, why);
    if (fields_ == 0) return damaged(why, "a data line before the `#fields` header");
    std::string_view query, client, ts, answers, qtype;
    int count = 0;
    for (std::size_t pos = 0;; ++count) {
      const char* at = static_cast<const char*>(std::memchr(line.data() + pos, separator_, line.size() - pos));
      const std::size_t end = at == nullptr ? line.size() : static_cast<std::size_t>(at - line.data());
      const std::string_view value = line.substr(pos, end - pos);
      if (count == query_) query = value;
      if (count == client_) client = value;
      if (count == ts_) ts = value;
      if (count == answers_) answers = value;
      if (count == qtype_) qtype = value;
      if (at == nullptr) break;
      pos = end + 1;
    }
    ++count;
    if (count != fields_) {
      if (why != nullptr) *why = "expected " + std::to_string(fields_) + " fields, found " + std::to_string(count);
      return LineKind::kDamaged;
    }
    // No question (a malformed or empty DNS message): nothing names a host.
    if (is_unset(query)) return LineKind::kSkip;
    out.host = query;
    if (!is_unset(client)) out.client = client;
    if (!is_unset(ts)) {
      const std::optional<Instant> at = parse_epoch(ts);
      if (!at) return damaged(why, "bad `ts`: expected seconds since 1970");
      out.at = *at;
      out.has_time = true;
    }
    if (!is_unset(answers) && qtype != "PTR") {
      while (!answers.empty()) {
        const std::size_t comma = answers.find(set_separator_);
        const std::string_view item = answers.substr(0, comma);
        if (!looks_like_ip(item) && looks_like_host(item)) {
          out.target = item;
          break;
        }
        if (comma == std::string_view::npos) break;
        answers.remove_prefix(comma + 1);
      }
    }
    return LineKind::kRecord;
  }

 private:
  LineKind header(std::string_view line, std::string* why) {
    if (line.substr(0, 11) == "#separator ") {
      const char sep = decode_separator(trim(line.substr(11)));
      if (sep == '\0') return damaged(why, "bad `#separator`");
      separator_ = sep;
      return LineKind::kSkip;
    }
    const std::size_t cut = line.find(separator_);
    const std::string_view key = line.substr(0, cut);
    const std::string_view value = cut == std::string_view::npos ? std::string_view() : line.substr(cut + 1);
    if (key == "#set_separator" && value.size() == 1) set_separator_ = value[0];
    if (key == "#empty_field") empty_.assign(value);
    if (key == "#unset_field") unset_.assign(value);
    if (key != "#fields") return LineKind::kSkip;
    const int before[] = {fields_, query_, client_, ts_, answers_, qtype_};
    query_ = client_ = ts_ = answers_ = qtype_ = kNone;
    int i = 0;
    for (std::string_view rest = value;; ++i) {
      const std::size_t next = rest.find(separator_);
      const std::string_view name = rest.substr(0, next);
      if (name == "query") query_ = i;
      if (name == "id.orig_h") client_ = i;
      if (name == "ts") ts_ = i;
      if (name == "answers") answers_ = i;
      if (name == "qtype_name") qtype_ = i;
      if (next == std::string_view::npos) break;
      rest.remove_prefix(next + 1);
    }
    fields_ = 0;
    if (query_ == kNone) return damaged(why, "`#fields` has no `query` column: not a dns.log");
    fields_ = i + 1;
    // Rotated logs concatenated repeat the same header, which changes nothing.
    const int after[] = {fields_, query_, client_, ts_, answers_, qtype_};
    if (before[0] != 0 && !std::equal(std::begin(before), std::end(before), std::begin(after))) ++layout_changes_;
    return LineKind::kSkip;
  }

  bool is_unset(std::string_view v) const { return v.empty() || v == unset_ || v == empty_; }

  char separator_ = '\t';
  char set_separator_ = ',';
  // Owned, not views: header lines are gone by the time data lines come, and clone()
  // copies.
  std::string empty_ = "(empty)";
  std::string unset_ = "-";
  int fields_ = 0;
  std::uint32_t layout_changes_ = 0;
  int query_ = kNone, client_ = kNone, ts_ = kNone, answers_ = kNone, qtype_ = kNone;
};

}  // namespace

std::unique_ptr<HostLineParser> make_zeek_dns_parser() { return std::make_unique<ZeekDnsParser>(); }

}  // namespace interdict::dns
