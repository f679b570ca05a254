// Amazon S3 server access logs (AWS S3 User Guide, "Amazon S3 server access log format"):
//
//   line  = owner SP bucket SP "[" time "]" SP remote-ip SP requester SP request-id SP
//           operation SP key SP quoted(request-uri) SP status SP error SP bytes-sent SP
//           object-size SP total-time SP turn-around SP quoted(referer) SP
//           quoted(user-agent) [SP version-id [SP host-id SP signature SP cipher SP
//           auth-type SP host-header SP tls-version [SP access-point-arn SP acl ...]]]
//   time  = "06/Feb/2014:00:00:38 +0000"         as Apache's %t
//   "-"   = an empty field
//
// Older logs stop after the user agent or the version id; AWS appends fields over time,
// so anything after the known ones is allowed. The customer hostname is the Host header
// when it names the bucket's own site (virtual-hosted style or a custom domain); a
// path-style request's header names only the S3 endpoint, and then the bucket is the
// hostname (buckets that host a website are named after it).
#include <string>

#include "readers/hosting/formats.h"
#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

constexpr int kMinFields = 17;  // through the user agent
constexpr int kHostHeader = 22;
constexpr int kMaxFields = kHostHeader + 1;

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The next field of `line` from `pos`: a bracketed or quoted one, or a run of non-blanks.
// Returns false when a bracket or quote is not closed.
bool next_field(std::string_view line, std::size_t& pos, std::string_view& field) {
  const char open = line[pos];
  if (open == '[' || open == '"') {
    const char close = open == '[' ? ']' : '"';
    std::size_t end = pos + 1;
    while (end < line.size() && line[end] != close) end += line[end] == '\\' && open == '"' ? 2 : 1;
    if (end >= line.size()) return false;
    field = line.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    return pos == line.size() || line[pos] == ' ';
  }
  const std::size_t end = std::min(line.find(' ', pos), line.size());
  field = line.substr(pos, end - pos);
  pos = end;
  return true;
}

// S3's operations: REST.GET.OBJECT, WEBSITE.HEAD.OBJECT, BATCH.DELETE.OBJECT,
// S3.TRANSITION_SIA.OBJECT ...: upper-case words joined by dots.
bool operation_like(std::string_view s) {
  if (s.find('.') == std::string_view::npos || s.front() == '.') return false;
  for (char c : s) {
    if ((c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '.' && c != '_') return false;
  }
  return true;
}

class S3AccessParser final : public HostLineParser {
 public:
  std::string_view format_name() const override { return "Amazon S3 server access log"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<S3AccessParser>(*this); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    if (blank_line(line)) return LineKind::kSkip;
    std::string_view field[kMaxFields];
    int n = 0;
    std::size_t pos = 0;
    while (n < kMaxFields && pos < line.size()) {
      while (pos < line.size() && line[pos] == ' ') ++pos;
      if (pos >= line.size()) break;
      if (!next_field(line, pos, field[n])) {
        return damaged(why, "field " + std::to_string(n + 1) + " opens a quote or bracket it does not close");
      }
      ++n;
    }
    if (n < kMinFields) {
      return damaged(why, "expected at least " + std::to_string(kMinFields) + " fields, found " + std::to_string(n));
    }
    if (!operation_like(field[6])) return damaged(why, "bad operation `" + std::string(field[6]) + "`");
    out = HostRecord{};
    if (!clf_.parse(field[2], out.at)) return damaged(why, "bad time `" + std::string(field[2]) + "`");
    out.has_time = true;
    const std::string_view bucket = field[1] == "-" ? std::string_view() : field[1];
    const std::string_view header = n > kHostHeader && field[kHostHeader] != "-" ? field[kHostHeader] : "";
    // "s3.amazonaws.com", "s3.us-west-2.amazonaws.com", "s3-website-..." without the
    // bucket in front: the endpoint of a path-style request.
    const bool names_bucket = !bucket.empty() && header.size() > bucket.size() &&
                              header.substr(0, bucket.size()) == bucket && header[bucket.size()] == '.';
    const bool endpoint_only = ends_with(header, ".amazonaws.com") && !names_bucket;
    out.host = header.empty() || endpoint_only ? bucket : header;
    out.client = field[3] == "-" ? std::string_view() : field[3];
    return LineKind::kRecord;
  }

 private:
  ClfTimeParser clf_;
};

}  // namespace

std::unique_ptr<HostLineParser> make_s3_access_parser() { return std::make_unique<S3AccessParser>(); }

}  // namespace interdict
