// `interdict check` input: bytes -> LineSource -> CheckReader::parse per line -> decide()
// against the bundled orders -> append_check_answer(). Every answer written must be valid
// JSON, whatever the input: a differential check of the sink against a JSON parser. The
// answer `check` writes (JsonReasons, the orders' parts cached) must equal, byte for byte,
// the one rendered from explain()'s strings.
//
// The first byte picks the path: even parses each line in place from the LineSource's
// padded buffer; odd copies it to an exactly sized allocation and parses with
// padded = false, so a read past the line's end faults. The rest is the input.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "readers/common/line_source.h"
#include "readers/jsonl/check_reader.h"
#include "sinks/sinks.h"

namespace {

using namespace interdict;

const OrderSet& bundled() {
  static const std::shared_ptr<const OrderSet> set = [] {
    auto compiled = OrderSet::compile_bundled();
    if (!compiled) std::abort();
    return *compiled;
  }();
  return *set;
}

void require_json(simdjson::dom::parser& parser, const std::string& out) {
  simdjson::dom::element doc;
  if (parser.parse(out).get(doc) || !doc.is_object()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const OrderSet& orders = bundled();
  const bool unpadded = (data[0] & 1) != 0;
  auto source = LineSource::from_string(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  CheckReader reader;
  Reasons reasons;
  static JsonReasons fast(orders);  // kept across inputs, as `check` keeps it across lines
  std::string fast_out;
  simdjson::dom::parser checker;
  std::string out;
  std::string_view line;
  while (source->next(line)) {
    const std::uint64_t number = source->line_number();
    std::unique_ptr<char[]> copy;
    Result<CheckRequest> request = Error(ErrorCategory::kParse, "");
    if (unpadded) {
      copy = std::make_unique<char[]>(line.size());
      if (!line.empty()) std::memcpy(copy.get(), line.data(), line.size());
      request = reader.parse(std::string_view(copy.get(), line.size()), /*padded=*/false);
    } else {
      request = reader.parse(line);
    }
    out.clear();
    if (!request) {
      append_line_error(out, number, source->name() + ":" + std::to_string(number) + ": " + request.error().message());
      require_json(checker, out);
      continue;
    }
    const CheckRequest& req = *request;
    Finding finding = orders.decide(req.obs, req.known_at.value_or(kEndOfTime));
    append_check_answer(out, orders, finding, req.obs, req.known_at, number, req.ref, reasons);
    require_json(checker, out);
    fast_out.clear();
    append_check_answer(fast_out, finding, req.obs, req.known_at, number, req.ref, fast);
    if (fast_out != out) std::abort();
  }
  return 0;
}
