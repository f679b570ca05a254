// JSON Lines logs: Cloudflare Logpush http_requests and Zeek's JSON http.log. One object a
// line; the reader looks up four keys and ignores the rest.
//
// simdjson's DOM parser reads each line (json_line.h): its on-demand front end compiles to
// the slow fallback kernel on this project's baseline target, the DOM one does not.
#include <simdjson.h>

#include <cmath>
#include <vector>

#include "readers/hosting/formats.h"
#include "readers/hosting/json_line.h"
#include "readers/hosting/log_time.h"

namespace interdict {
namespace {

class JsonLogParser final : public HostLineParser {
 public:
  explicit JsonLogParser(const JsonLogKeys& keys) : keys_(keys) {}

  std::string_view format_name() const override { return keys_.format_name; }
  std::unique_ptr<HostLineParser> clone() const override { return std::make_unique<JsonLogParser>(keys_); }
  bool cdn() const override { return keys_.cdn; }

  LineKind parse(std::string_view line, HostRecord& out, std::string* why) override {
    if (blank_line(line)) return LineKind::kSkip;
    simdjson::dom::object object;
    if (!json_.parse(line, object, why)) return LineKind::kDamaged;
    out = HostRecord{};
    simdjson::dom::element value;
    if (object[keys_.host].get(value)) return damaged(why, "no `" + std::string(keys_.host) + "`");
    if (!value.is_null() && value.get_string().get(out.host)) {
      return damaged(why, "`" + std::string(keys_.host) + "` is not a string");
    }
    if (!keys_.client.empty() && !object[keys_.client].get(value) && value.is_string()) {
      out.client = value.get_string().value_unsafe();
    }
    if (!keys_.country.empty() && !object[keys_.country].get(value) && value.is_string()) {
      const std::string_view c = value.get_string().value_unsafe();
      if (c.size() == 2) {
        country_[0] = static_cast<char>(c[0] >= 'a' && c[0] <= 'z' ? c[0] - 32 : c[0]);
        country_[1] = static_cast<char>(c[1] >= 'a' && c[1] <= 'z' ? c[1] - 32 : c[1]);
        out.country = std::string_view(country_, 2);
      }
    }
    if (!object[keys_.time].get(value) && !value.is_null()) {
      out.has_time = read_json_time(value, iso_, out.at);
      if (!out.has_time) return damaged(why, "bad `" + std::string(keys_.time) + "`");
    }
    return LineKind::kRecord;
  }

 private:
  const JsonLogKeys& keys_;
  JsonLine json_;
  char country_[2] = {};
  IsoTimeParser iso_;
};

}  // namespace

bool JsonLine::parse(std::string_view line, simdjson::dom::object& object, std::string* why) {
  if (buffer_.size() < line.size() + simdjson::SIMDJSON_PADDING)
    buffer_.resize(line.size() + simdjson::SIMDJSON_PADDING);
  std::copy(line.begin(), line.end(), buffer_.begin());
  simdjson::dom::element doc;
  if (auto error = parser_.parse(buffer_.data(), line.size(), false).get(doc)) {
    damaged(why, std::string("not JSON: ") + simdjson::error_message(error));
    return false;
  }
  if (doc.get_object().get(object)) {
    damaged(why, "not a JSON object");
    return false;
  }
  return true;
}

bool read_json_time(simdjson::dom::element value, IsoTimeParser& iso, Instant& out) {
  if (value.is_string()) {
    const std::string_view text = value.get_string().value_unsafe();
    if (iso.parse(text, out)) return true;
    auto parsed = parse_rfc3339(text);
    if (!parsed) return false;
    out = *parsed;
    return true;
  }
  double number = 0;
  if (value.is_int64()) {
    number = static_cast<double>(value.get_int64().value_unsafe());
  } else if (value.is_uint64()) {
    number = static_cast<double>(value.get_uint64().value_unsafe());
  } else if (value.is_double()) {
    number = value.get_double().value_unsafe();
  } else {
    return false;
  }
  if (!(number >= 0) || number >= 1e20) return false;
  while (number >= 1e11) number /= 1000;
  out = static_cast<Instant>(std::floor(number));
  return true;
}

const JsonLogKeys& cloudflare_keys() {
  static const JsonLogKeys kKeys{
      "Cloudflare Logpush http_requests", "ClientRequestHost", "ClientIP", "ClientCountry", "EdgeStartTimestamp", true};
  return kKeys;
}

const JsonLogKeys& zeek_json_keys() {
  static const JsonLogKeys kKeys{"Zeek http.log (JSON)", "host", "id.orig_h", "", "ts", false};
  return kKeys;
}

std::unique_ptr<HostLineParser> make_json_log_parser(const JsonLogKeys& keys) {
  return std::make_unique<JsonLogParser>(keys);
}

}  // namespace interdict
