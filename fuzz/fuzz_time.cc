// Times: parse_rfc3339 and parse_zoned_time on the bytes, with two differential checks.
// Whatever parse_rfc3339 accepts, parse_zoned_time accepts as the same instant (it takes
// any RFC 3339 text); and every parsed instant, printed by format_rfc3339, parses back to
// itself. A disagreement aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/time.h"

namespace {

using namespace interdict;

void require_round_trip(Instant t) {
  const std::string text = format_rfc3339(t);
  auto again = parse_rfc3339(text);
  if (!again || *again != t) std::abort();
  auto zoned = parse_zoned_time(text);
  if (!zoned || *zoned != t) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rfc = parse_rfc3339(text);
  auto zoned = parse_zoned_time(text);
  if (rfc) {
    if (!zoned || *zoned != *rfc) std::abort();
    require_round_trip(*rfc);
  } else {
    (void)rfc.error().to_string();
  }
  if (zoned) {
    require_round_trip(*zoned);
  } else {
    (void)zoned.error().to_string();
  }
  return 0;
}
