// Zeek http.log, TSV form (Zeek's LogAscii writer). Header lines start with `#`:
//
//   #separator \x09            the field separator, written as a \xNN escape
//   #unset_field -             a field with no value
//   #empty_field (empty)       a field holding an empty string or set
//   #path http
//   #fields ts uid id.orig_h id.orig_p id.resp_h id.resp_p trans_depth method host uri ...
//   #types  time string addr ...
//   #close 2014-04-03-09-53-04
//
// The host is the request's Host header (`host`), the client `id.orig_h`, the time `ts`
// (seconds since the epoch, with a fraction).
#include <string>

#include "readers/hosting/formats.h"
#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class ZeekHttpParser final : public HostLineParser {
 public:
  std::string_view format_name() const override { return "Zeek http.log"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<ZeekHttpParser>(*this); }
  std::uint32_t layout_changes() const override { return changes_; }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    if (blank_line(line)) return LineKind::kSkip;
    if (line.front() == '#') return directive(line, why);
    if (count_ == 0) return damaged(why, "a record before the `#fields` line");
    std::string_view ts, client, host;
    int n = 0;
    std::size_t start = 0;
    for (;;) {
      const std::size_t end = std::min(line.find(sep_, start), line.size());
      const std::string_view value = line.substr(start, end - start);
      if (n == ts_) ts = value;
      if (n == client_) client = value;
      if (n == host_) host = value;
      ++n;
      if (end == line.size()) break;
      start = end + 1;
    }
    if (n != count_) return damaged(why, "expected " + std::to_string(count_) + " fields, found " + std::to_string(n));
    out = HostRecord{};
    out.host = present(host);
    out.client = present(client);
    if (ts_ >= 0) {
      out.has_time = parse_epoch_seconds(ts, out.at);
      if (!out.has_time) return damaged(why, "bad ts `" + std::string(ts) + "`");
    }
    return LineKind::kRecord;
  }

 private:
  std::string_view present(std::string_view v) const { return v == unset_ || v == empty_ ? std::string_view() : v; }

  // The value of a header line: what follows its first separator (a blank for #separator).
  std::string_view header_value(std::string_view line, std::string_view name) const {
    std::string_view rest = line.substr(name.size());
    if (!rest.empty() && (rest.front() == sep_ || rest.front() == ' ')) rest.remove_prefix(1);
    return rest;
  }

  LineKind directive(std::string_view line, std::string* why) {
    auto is = [&line](std::string_view name) {
      return line.substr(0, name.size()) == name && (line.size() == name.size() || line[name.size()] == ' ' ||
                                                     line[name.size()] == '\t' || line[name.size()] == ',');
    };
    if (is("#separator")) {
      const std::string_view v = header_value(line, "#separator");
      if (v.size() == 4 && v[0] == '\\' && v[1] == 'x' && hex_digit(v[2]) >= 0 && hex_digit(v[3]) >= 0) {
        sep_ = static_cast<char>(hex_digit(v[2]) * 16 + hex_digit(v[3]));
      } else if (v.size() == 1) {
        sep_ = v[0];
      } else {
        return damaged(why, "bad #separator `" + std::string(v) + "`");
      }
    } else if (is("#unset_field")) {
      unset_ = header_value(line, "#unset_field");
    } else if (is("#empty_field")) {
      empty_ = header_value(line, "#empty_field");
    } else if (is("#fields")) {
      int ts = -1, client = -1, host = -1, count = 0;
      std::string_view rest = header_value(line, "#fields");
      for (;;) {
        const std::size_t end = std::min(rest.find(sep_), rest.size());
        const std::string_view name = rest.substr(0, end);
        if (name == "ts") ts = count;
        if (name == "id.orig_h") client = count;
        if (name == "host") host = count;
        ++count;
        if (end == rest.size()) break;
        rest.remove_prefix(end + 1);
      }
      if (host < 0) return damaged(why, "`#fields` names no `host` field");
      if (count_ != 0 && (ts != ts_ || client != client_ || host != host_ || count != count_)) ++changes_;
      ts_ = ts;
      client_ = client;
      host_ = host;
      count_ = count;
    }
    return LineKind::kSkip;  // #path, #open, #types, #close, #set_separator
  }

  char sep_ = '\t';
  std::string unset_ = "-";
  std::string empty_ = "(empty)";
  int ts_ = -1;
  int client_ = -1;
  int host_ = -1;
  int count_ = 0;
  std::uint32_t changes_ = 0;
};

}  // namespace

std::unique_ptr<HostLineParser> make_zeek_http_parser() { return std::make_unique<ZeekHttpParser>(); }

}  // namespace interdict
