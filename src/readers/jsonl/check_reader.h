// CheckReader: the JSON Lines input of `interdict check` (docs/check.md), one transaction
// a line, turned into Observations.
//
//   {"activity": "hosting", "subject": {"domain": "long.weixin.qq.com"},
//    "country": "US", "at": "2020-09-21T12:00:00Z", "known_at": "2020-09-19T00:00:00Z"}
//
// One per input, not thread-safe. A reader never decides: it only says what a line asks.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

#include "engine/engine.h"

namespace interdict {

// One parsed line. Views in `obs` and `ref` stay valid until the next parse().
struct CheckRequest {
  Observation obs;
  std::optional<Instant> known_at;
  std::string_view ref;  // the optional "ref" field, echoed in the answer
};

class CheckReader {
 public:
  CheckReader();
  CheckReader(const CheckReader&) = delete;
  CheckReader& operator=(const CheckReader&) = delete;

  // Parses one line. REQUIRES: `line` is followed by at least simdjson::SIMDJSON_PADDING
  // readable bytes (LineSource guarantees it), or `padded` is false and it is copied.
  // Errors (kParse): not JSON, not an object, an unknown key, a missing or malformed
  // field; the message names the field.
  [[nodiscard]] Result<CheckRequest> parse(std::string_view line, bool padded = true);

 private:
  Result<CheckRequest> parse_document(simdjson::dom::element doc);

  // The DOM parser dispatches at run time to the best kernel of this CPU (AVX2 and up);
  // the On-Demand front end would be fixed at compile time to the portable fallback.
  simdjson::dom::parser parser_;
  // Text the views of a request point into when the line's own bytes will not do (numbers).
  std::array<std::array<char, 24>, Observation::kMaxProbes> scratch_{};
};

}  // namespace interdict
