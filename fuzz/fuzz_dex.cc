// libFuzzer target for the DEX class inventory: the bytes after the first go to decode_dex
// as one file. First byte: bit 0 set recomputes the Adler-32 checksum first, so that
// mutations reach the tables instead of stopping at a checksum report; bit 1 set reads the
// bytes as an APK/AAB/XAPK instead (decode_android_archive, two threads, nesting 2).
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "code_sink_check.h"
#include "readers/android/android.h"
#include "readers/zip/zip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::vector<std::byte> dex(reinterpret_cast<const std::byte*>(data + 1),
                             reinterpret_cast<const std::byte*>(data + size));
  if ((data[0] & 1) != 0 && dex.size() >= 12) {
    const auto sum = static_cast<std::uint32_t>(
        adler32_z(adler32_z(0, nullptr, 0), reinterpret_cast<const Bytef*>(dex.data() + 12), dex.size() - 12));
    for (int i = 0; i < 4; ++i) dex[8 + i] = static_cast<std::byte>(sum >> (8 * i));
  }
  interdict::fuzzing::CheckingCodeSink sink;
  if ((data[0] & 2) != 0) {
    auto zip = interdict::ZipArchive::open(dex, "fuzz.apk");
    if (zip) {
      (void)interdict::is_android_archive(*zip);
      interdict::decode_android_archive(*zip, sink, {2, 2});
    }
    return 0;
  }
  (void)interdict::looks_like_dex(dex);
  (void)interdict::decode_dex(dex, "classes.dex", sink);
  return 0;
}
