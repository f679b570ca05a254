// libFuzzer target for Mach-O and IPA: with the first byte even, the rest goes to
// decode_macho; odd, it is opened as a zip archive and read by decode_ipa. Items are dropped.
#include <cstddef>
#include <cstdint>
#include <span>

#include "code_sink_check.h"
#include "readers/ios/ios.h"
#include "readers/zip/zip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::byte> input(reinterpret_cast<const std::byte*>(data + 1), size - 1);
  interdict::fuzzing::CheckingCodeSink sink;
  if ((data[0] & 1) == 0) {
    (void)interdict::looks_like_macho(input);
    interdict::decode_macho(input, "bin", sink);
    return 0;
  }
  auto zip = interdict::ZipArchive::open(input, "fuzz.ipa");
  if (zip) {
    (void)interdict::is_ipa(*zip);
    interdict::decode_ipa(*zip, sink);
  }
  return 0;
}
