// W3C extended log files (https://www.w3.org/TR/WD-logfile.html): AWS CloudFront standard
// logs and IIS logs. Directives start with `#`; `#Fields:` names the columns of the lines
// after it and may come again (CloudFront files are concatenated with their headers).
// CloudFront separates fields with tabs, IIS with blanks; `-` is an empty field.
//
// CloudFront's cs(Host) is the distribution's own name (d111111abcdef8.cloudfront.net);
// the name the viewer asked for, the customer's hostname, is x-host-header. Times are UTC.
#include <string>
#include <vector>

#include "readers/hosting/formats.h"
#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

// Columns the reader uses; -1 when the header names none.
struct Columns {
  int date = -1;
  int time = -1;
  int client = -1;
  int host_header = -1;  // x-host-header
  int cs_host = -1;      // cs(Host), cs-host
  int country = -1;      // c-country (CloudFront real-time and v2 logs)
  int count = 0;
  bool cloudfront = false;
  bool operator==(const Columns&) const = default;
};

class W3cParser final : public HostLineParser {
 public:
  std::string_view format_name() const override { return "W3C extended log (CloudFront)"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<W3cParser>(*this); }
  std::uint32_t layout_changes() const override { return changes_; }
  // CloudFront's own columns (x-edge-location, x-host-header) tell it from an IIS log.
  bool cdn() const override { return columns_.cloudfront; }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    if (blank_line(line)) return LineKind::kSkip;
    if (line.front() == '#') return directive(line, why);
    if (columns_.count == 0) return damaged(why, "a record before any `#Fields:` line");
    // Split into fields; tabs when the line has any, blanks else.
    const char sep = line.find('\t') != std::string_view::npos ? '\t' : ' ';
    std::string_view fields[kMaxUsed] = {};
    int n = 0;
    std::size_t start = 0;
    for (;;) {
      const std::size_t end = std::min(line.find(sep, start), line.size());
      if (n < kMaxUsed) fields[n] = line.substr(start, end - start);
      ++n;
      if (end == line.size()) break;
      start = end + 1;
    }
    if (n != columns_.count) {
      return damaged(why, "expected " + std::to_string(columns_.count) + " fields, found " + std::to_string(n));
    }
    auto field = [&](int i) { return i < 0 || i >= kMaxUsed || fields[i] == "-" ? std::string_view() : fields[i]; };
    out = HostRecord{};
    out.host = field(columns_.host_header);
    if (out.host.empty()) out.host = field(columns_.cs_host);
    out.client = field(columns_.client);
    const std::string_view country = field(columns_.country);
    if (country.size() == 2) out.country = country;
    if (columns_.date >= 0 && columns_.time >= 0) {
      out.has_time = time_.parse_utc(field(columns_.date), field(columns_.time), out.at);
      if (!out.has_time) {
        return damaged(why, "bad date or time `" + std::string(field(columns_.date)) + " " +
                                std::string(field(columns_.time)) + "`");
      }
    }
    return LineKind::kRecord;
  }

 private:
  // Fields past this index are never used, so they are counted but not kept.
  static constexpr int kMaxUsed = 64;

  LineKind directive(std::string_view line, std::string* why) {
    constexpr std::string_view kFields = "#Fields:";
    if (line.substr(0, kFields.size()) != kFields) return LineKind::kSkip;  // #Version, #Date, #Software...
    Columns c;
    std::string_view rest = line.substr(kFields.size());
    while (!rest.empty()) {
      const std::size_t skip = rest.find_first_not_of(" \t");
      if (skip == std::string_view::npos) break;
      rest.remove_prefix(skip);
      const std::size_t end = std::min(rest.find_first_of(" \t"), rest.size());
      const std::string_view name = rest.substr(0, end);
      rest.remove_prefix(end);
      const int i = c.count++;
      if (i >= kMaxUsed) continue;
      if (name == "date") c.date = i;
      if (name == "time") c.time = i;
      if (name == "c-ip") c.client = i;
      if (name == "x-host-header") c.host_header = i;
      if (name == "cs(Host)" || name == "cs-host") c.cs_host = i;
      if (name == "c-country") c.country = i;
      c.cloudfront |= name.substr(0, 7) == "x-edge-" || name == "x-host-header";
    }
    if (c.count == 0) return damaged(why, "`#Fields:` names no field");
    if (c.host_header < 0 && c.cs_host < 0) return damaged(why, "`#Fields:` names no host field");
    if (columns_.count != 0 && !(c == columns_)) ++changes_;
    columns_ = c;
    return LineKind::kSkip;
  }

  Columns columns_;
  std::uint32_t changes_ = 0;
  IsoTimeParser time_;
};

}  // namespace

std::unique_ptr<HostLineParser> make_w3c_parser() { return std::make_unique<W3cParser>(); }

}  // namespace interdict
