// libFuzzer target for StoreReader: every record of any input is read, and every
// Observation it stands for is built. The first byte picks the path: 0 lets the reader
// sniff the input, 1 puts a CSV header before it, 2 makes it a JSON Lines record, and a
// set bit 0x80 makes the reader strict.
#include <cstddef>
#include <cstdint>
#include <string>

#include "readers/common/line_source.h"
#include "readers/store/store_reader.h"

namespace {

class Discard : public interdict::StoreReader::Reporter {
 public:
  void damaged(const interdict::StoreDamage& damage) override { bytes += damage.bytes + damage.reason.size(); }
  std::uint64_t bytes = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  std::string text;
  switch ((selector & 0x7f) % 3) {
    case 1: text = "app_id,store_id,title,seller,storefronts\n"; break;
    case 2: text = "{\"app\": \"x\", \"storefronts\": \"US\"}\n"; break;
    default: break;
  }
  text.append(reinterpret_cast<const char*>(data + 1), size - 1);
  auto source = interdict::LineSource::from_string(text);
  Discard reporter;
  auto reader = interdict::StoreReader::open(*source, &reporter, {.strict = (selector & 0x80) != 0});
  if (!reader) return 0;
  interdict::StoreRecord record;
  while ((*reader)->next(record)) {
    for (interdict::Activity activity : record.activities()) {
      for (std::size_t chunk = 0; chunk < record.country_chunks(); ++chunk) {
        interdict::Observation obs = record.observation(activity, 0, chunk);
        if (obs.probe_count == 0 || obs.probe_count > interdict::Observation::kMaxProbes) __builtin_trap();
      }
    }
  }
  return 0;
}
