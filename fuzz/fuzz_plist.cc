// libFuzzer target for property lists: the bytes go to Plist::decode (binary when they
// start with "bplist00", XML otherwise) and to decode_info_plist, whose items are dropped.
// The first byte, when odd, puts "bplist00" in front so that the binary decoder gets most
// of the inputs.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "code_sink_check.h"
#include "readers/ios/ios.h"
#include "readers/ios/plist.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes = (data[0] & 1) ? "bplist00" : "";
  bytes.append(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::span<const std::byte> input(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size());
  (void)interdict::looks_like_plist(input);
  auto plist = interdict::ios::Plist::decode(input);
  if (plist) (void)plist->find_string(plist->root(), "CFBundleIdentifier");
  interdict::fuzzing::CheckingCodeSink sink;
  interdict::decode_info_plist(input, "Info.plist", sink);
  return 0;
}
