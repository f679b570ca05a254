// libFuzzer target for the KANJIDIC reader (names/kanji_readings.h): any bytes as the file's
// text. It must not read out of bounds, and what it reports must add up.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "names/kanji_readings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = interdict::parse_kanjidic(text);
  // Two on'yomi and two kun'yomi at most a character.
  if (parsed.readings > 4 * parsed.characters) std::abort();
  return 0;
}
