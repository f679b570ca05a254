// libFuzzer target for the name search's shortcuts, which must give the same answers as
// the computations they stand in for: jaro_winkler_bits against jaro_winkler, the liquid
// Jaro-Winkler's bound against its value, the transcription bound against the alignment
// (a pair it rejects must score below the floor), and the alignment with a floor against
// the one without. The first byte splits the rest into the two strings compared.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "names/jaro_bits.h"
#include "names/names.h"
#include "names/score.h"
#include "names/transcribe.h"
#include "names/transcribe_bound.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t split = rest.empty() ? 0 : data[0] % (rest.size() + 1);
  const std::string_view a = rest.substr(0, split);
  const std::string_view b = rest.substr(split);
  if (interdict::jaro_winkler_bits(a, b) != interdict::jaro_winkler(a, b)) std::abort();
  if (interdict::liquid_jaro_winkler_bound(a, interdict::liquid_letters(a), b) < interdict::liquid_jaro_winkler(a, b))
    std::abort();
  // The first byte's low bit also says which script wrote the pattern.
  const auto source = (data[0] & 1) != 0 ? interdict::PatternSource::kChinese : interdict::PatternSource::kOther;
  const double sim = interdict::transcription_similarity(a, b, source);
  const double floored = interdict::transcription_similarity(a, b, source, interdict::kTranscriptionFloor);
  if (floored != (sim >= interdict::kTranscriptionFloor ? sim : 0.0)) std::abort();
  if (!interdict::transcription_may_reach(a, b, interdict::kTranscriptionFloor) &&
      sim >= interdict::kTranscriptionFloor)
    std::abort();
  return 0;
}
