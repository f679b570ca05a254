// Zeek's dns.log written as JSON (`redef LogAscii::use_json = T;`): one object a line,
// with the TSV form's column names as keys (docs.zeek.org, "Log Files", dns.log):
//
//   {"ts":1591367999.305988,"uid":"C...","id.orig_h":"192.168.4.76","id.orig_p":36844,
//    "id.resp_h":"192.168.4.1","id.resp_p":53,"proto":"udp","query":"www.example.com",
//    "qtype_name":"A","answers":["example.com","93.184.216.34"], ...}
//
// `ts` is seconds since 1970 with a fraction by default, an ISO 8601 text with
// `LogAscii::json_timestamps = JSON::TS_ISO8601`, or milliseconds with TS_MILLIS. An
// unset field is left out of the object, so a line without `query` is a DNS message
// without a question: skipped, as the TSV reader skips an unset query. The target is the
// first answer that is a name and not an address, except for PTR queries (see
// zeek_dns.cc).
//
// Lines are parsed and times read by the parts the hosting JSON reader uses
// (readers/hosting/json_line.h).
#include <simdjson.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "readers/dns/dns_parsers.h"
#include "readers/dns/dns_text.h"
#include "readers/hosting/json_line.h"

namespace interdict::dns {
namespace {

class ZeekDnsJsonParser final : public HostLineParser {
 public:
  std::string_view format_name() const override { return "Zeek dns.log (JSON)"; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<ZeekDnsJsonParser>(); }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    out = HostRecord{};
    if (trim(line).empty()) return LineKind::kSkip;
    simdjson::dom::object object;
    if (!json_.parse(line, object, why)) return LineKind::kDamaged;
    simdjson::dom::element value;
    if (object["query"].get(value) || value.is_null()) return LineKind::kSkip;
    if (value.get_string().get(out.host)) return damaged(why, "`query` is not a string");
    if (out.host.empty()) return LineKind::kSkip;
    if (!object["id.orig_h"].get(value) && value.is_string()) out.client = value.get_string().value_unsafe();
    if (!object["ts"].get(value) && !value.is_null()) {
      out.has_time = read_json_time(value, iso_, out.at);
      if (!out.has_time) return damaged(why, "bad `ts`: expected seconds since 1970 or ISO 8601");
    }
    std::string_view qtype;
    if (!object["qtype_name"].get(value) && value.is_string()) qtype = value.get_string().value_unsafe();
    simdjson::dom::array answers;
    if (qtype != "PTR" && !object["answers"].get(value) && !value.get_array().get(answers)) {
      for (simdjson::dom::element answer : answers) {
        std::string_view text;
        if (answer.get_string().get(text)) continue;
        if (!looks_like_ip(text) && looks_like_host(text)) {
          out.target = text;
          break;
        }
      }
    }
    return LineKind::kRecord;
  }

 private:
  JsonLine json_;
  IsoTimeParser iso_;
};

}  // namespace

std::unique_ptr<HostLineParser> make_zeek_dns_json_parser() { return std::make_unique<ZeekDnsJsonParser>(); }

}  // namespace interdict::dns
