// Lists of host names, in the forms blocklists and provider exports use. Every line is
// read on its own, so the forms may mix in one file:
//
//   comment  = "#" ... / "!" ... / "[Adblock Plus 2.0]" / blank
//   plain    = name [SP "#" comment]                             "*." or "." may lead
//   hosts    = address 1*2(SP name) [SP "#" comment]             /etc/hosts, blocklists
//   adblock  = "||" name "^" ["$" options]                      AdGuard, uBlock, ABP
//   dnsmasq  = ("address" / "server" / "local") "=/" name ["/" name] "/" [value]
//   v2fly    = ["domain:" / "full:"] name *(SP ("@" attr / "&" tag)) [SP "#" comment]
//
// A line with two names gives the second as the record's target; a line with more names is
// damage, since one line gives one record. v2fly's `include:` names another file, which is
// not opened, and its `keyword:` and `regexp:` rules name no host: each is damage, so that
// nothing is dropped unsaid. Adblock exceptions (`@@`) and other dnsmasq options are
// skipped.
//
// CSV lists (RFC 4180, see common/csv.h) have a header naming the host column; a quoted
// field may span lines, so CSV lines are not independent.

#include <memory>
#include <string>

#include "readers/common/csv.h"
#include "readers/dns/dns_parsers.h"
#include "readers/dns/dns_text.h"

namespace interdict::dns {
namespace {

enum class Form : std::uint8_t { kComment, kEntry, kDamaged };

struct Entry {
  std::string_view host;
  std::string_view target;
  std::string_view problem;  // for kDamaged
  bool plain = false;        // a bare name, no syntax around it
  bool v2fly = false;        // a v2fly rule that names no host: damage, but a list's own
};

// The text before an unquoted " #" comment.
std::string_view strip_comment(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || is_blank(s[i - 1]))) return trim(s.substr(0, i));
  }
  return s;
}

Form names(std::string_view first, std::string_view second, bool more, Entry& e) {
  if (more) {
    e.problem = "more than two host names on a line: one line gives one record";
    return Form::kDamaged;
  }
  if (!looks_like_host(first) || (!second.empty() && !looks_like_host(second))) {
    e.problem = "not a host name";
    return Form::kDamaged;
  }
  e.host = first;
  e.target = second;
  return Form::kEntry;
}

Form read_entry(std::string_view line, Entry& e) {
  e = Entry{};
  line = trim(line);
  if (line.empty() || line[0] == '#' || line[0] == '!' || line[0] == '[' || line.substr(0, 2) == "@@")
    return Form::kComment;
  if (line.substr(0, 2) == "||") {
    std::string_view rest = line.substr(2);
    const std::size_t caret = rest.find('^');
    const std::string_view name = rest.substr(0, caret);
    const std::string_view after = caret == std::string_view::npos ? std::string_view() : rest.substr(caret + 1);
    if (caret == std::string_view::npos || !(after.empty() || after[0] == '$' || after[0] == '|')) {
      e.problem = "an adblock rule that is not `||name^`";
      return Form::kDamaged;
    }
    return names(name, {}, false, e);
  }
  if (const std::size_t eq = line.find("=/"); eq != std::string_view::npos && eq > 0 && line.find(' ') > eq) {
    // dnsmasq: the names sit between the slashes; after the last one comes the value.
    std::string_view rest = line.substr(eq + 2);
    const std::size_t last = rest.rfind('/');
    if (last == std::string_view::npos || last == 0) {
      e.problem = "expected `option=/name/value`";
      return Form::kDamaged;
    }
    rest = rest.substr(0, last);
    const std::size_t slash = rest.find('/');
    const std::string_view second = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    return names(rest.substr(0, slash), second, second.find('/') != std::string_view::npos, e);
  }
  if (line.find('=') != std::string_view::npos && line.find(' ') == std::string_view::npos &&
      line.find('.') > line.find('=')) {
    return Form::kComment;  // another dnsmasq option: `cache-size=1000`
  }
  std::string_view rest = strip_comment(line);
  std::string_view first = next_token(rest);
  if (looks_like_ip(first)) {
    const std::string_view name = next_token(rest);
    const std::string_view second = next_token(rest);
    if (name.empty()) {
      e.problem = "an address with no host name";
      return Form::kDamaged;
    }
    return names(name, second, !next_token(rest).empty(), e);
  }
  if (istarts_with(first, "include:")) {
    e.v2fly = true;
    e.problem = "`include:` names another list, which is not read: scan it as an input of its own";
    return Form::kDamaged;
  }
  if (istarts_with(first, "keyword:") || istarts_with(first, "regexp:")) {
    e.v2fly = true;
    e.problem = "a keyword or regexp rule names no host";
    return Form::kDamaged;
  }
  const bool prefixed = istarts_with(first, "domain:") || istarts_with(first, "full:");
  if (prefixed) first.remove_prefix(first.find(':') + 1);
  // v2fly's attributes and affiliations follow the name.
  for (std::string_view t = next_token(rest); !t.empty(); t = next_token(rest)) {
    if (t[0] != '@' && t[0] != '&') {
      e.problem = "not a host name";
      return Form::kDamaged;
    }
  }
  if (!first.empty() && first[0] == '.') first.remove_prefix(1);
  e.plain = !prefixed;
  return names(first, {}, false, e);
}

class ListParser final : public HostLineParser {
 public:
  explicit ListParser(std::string_view name) : name_(name) {}
  std::string_view format_name() const override { return name_; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<ListParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    Entry e;
    switch (read_entry(line, e)) {
      case Form::kComment: return LineKind::kSkip;
      case Form::kDamaged:
        if (why != nullptr) why->assign(e.problem);
        return LineKind::kDamaged;
      case Form::kEntry: break;
    }
    out.host = e.host;
    out.target = e.target;
    return LineKind::kRecord;
  }

 private:
  std::string name_;
};

class CsvListParser final : public HostLineParser {
 public:
  explicit CsvListParser(std::string column) : column_name_(std::move(column)) {}
  std::string_view format_name() const override { return "host name CSV"; }
  bool lines_independent() const override { return false; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<CsvListParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    if (column_ < 0) {
      if (trim(line).empty()) return LineKind::kSkip;
      column_ = find_host_column(line, column_name_);
      csv_.set_delimiter(detect_csv_delimiter(line));
      if (column_ < 0) return damaged(why, "the header names no host column");
      return LineKind::kSkip;
    }
    if (!more_) {
      if (trim(line).empty()) return LineKind::kSkip;
      csv_.reset();
    }
    switch (csv_.feed(line)) {
      case CsvParser::Step::kMore: more_ = true; return LineKind::kSkip;
      case CsvParser::Step::kBad:
        more_ = false;
        if (why != nullptr) why->assign(csv_.error());
        return LineKind::kDamaged;
      case CsvParser::Step::kDone: more_ = false; break;
    }
    if (csv_.field_count() <= static_cast<std::size_t>(column_)) return damaged(why, "a row without the host column");
    const std::string_view host = trim(csv_.field(static_cast<std::size_t>(column_)));
    if (host.empty()) return damaged(why, "an empty host field");
    out.host = host;
    return LineKind::kRecord;
  }

 private:
  std::string column_name_;
  CsvParser csv_;
  int column_ = -1;
  bool more_ = false;
};

}  // namespace

ListLine classify_list_line(std::string_view line) {
  Entry e;
  switch (read_entry(line, e)) {
    case Form::kComment: return ListLine::kComment;
    case Form::kDamaged: return e.v2fly ? ListLine::kEntry : ListLine::kOther;
    case Form::kEntry: break;
  }
  if (!e.plain) return ListLine::kEntry;
  return looks_like_host(e.host, /*need_dot=*/true) ? ListLine::kPlainName : ListLine::kOther;
}

int find_host_column(std::string_view header, std::string_view wanted) {
  CsvParser csv(detect_csv_delimiter(header));
  if (csv.feed(header) != CsvParser::Step::kDone) return -1;
  static constexpr std::string_view kNames[] = {"host", "hostname", "domain", "fqdn", "name"};
  for (std::string_view candidate : kNames) {
    for (std::size_t i = 0; i < csv.field_count(); ++i) {
      const std::string_view field = trim(csv.field(i));
      if (wanted.empty() ? iequals(field, candidate) : iequals(field, trim(wanted))) return static_cast<int>(i);
    }
    if (!wanted.empty()) break;
  }
  return -1;
}

std::unique_ptr<HostLineParser> make_list_parser(std::string_view name) { return std::make_unique<ListParser>(name); }

std::unique_ptr<HostLineParser> make_csv_list_parser(std::string column) {
  return std::make_unique<CsvListParser>(std::move(column));
}

}  // namespace interdict::dns
