// libFuzzer target for AndroidManifest.xml: the bytes after the first go to
// decode_binary_manifest (first byte even) or decode_proto_manifest (odd), as one entry.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "code_sink_check.h"
#include "readers/android/android.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // An exactly sized copy, so that a read past the end faults.
  const std::vector<std::byte> xml(reinterpret_cast<const std::byte*>(data + 1),
                                   reinterpret_cast<const std::byte*>(data + size));
  interdict::fuzzing::CheckingCodeSink sink;
  if ((data[0] & 1) == 0) {
    (void)interdict::looks_like_binary_xml(xml);
    interdict::decode_binary_manifest(xml, "AndroidManifest.xml", sink);
  } else {
    interdict::decode_proto_manifest(xml, "base/manifest/AndroidManifest.xml", sink);
  }
  return 0;
}
