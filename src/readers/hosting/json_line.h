// The parts every JSON Lines log reader shares (Cloudflare Logpush, Zeek's JSON http.log and
// dns.log): one object a line, and a time that is RFC 3339 text or a number since 1970.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "readers/hosting/log_time.h"

namespace interdict {

// Parses one line as a JSON object with simdjson's DOM. simdjson reads up to
// SIMDJSON_PADDING bytes past the text, so the line is copied into a padded buffer; the
// buffer and the parser's memory are kept from line to line. One per parser, not
// thread-safe; the object is valid until the next call.
class JsonLine {
 public:
  // False, with the reason in `why` (when given), for a line that is not a JSON object.
  [[nodiscard]] bool parse(std::string_view line, simdjson::dom::object& object, std::string* why);

 private:
  simdjson::dom::parser parser_;
  std::vector<char> buffer_;
};

// RFC 3339 text, or a number of seconds, milliseconds, microseconds or nanoseconds since
// the epoch (Logpush's unix and unixnano; Zeek's ts and TS_MILLIS), told apart by size:
// until the year 5138 seconds stay below 1e11. False for anything else.
[[nodiscard]] bool read_json_time(simdjson::dom::element value, IsoTimeParser& iso, Instant& out);

}  // namespace interdict
