// libFuzzer target for the zip reader: any bytes are opened as an archive and every entry
// read, under limits small enough that a fuzzer-made bomb costs little.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "readers/zip/zip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
  (void)interdict::looks_like_zip(bytes);
  const interdict::ZipLimits limits{.max_entries = 10000, .max_entry_size = 1 << 20, .max_ratio = 1100};
  auto archive = interdict::ZipArchive::open(bytes, "fuzz.zip", limits);
  if (!archive) return 0;
  std::vector<std::byte> scratch;
  for (const interdict::ZipEntry& entry : archive->entries()) (void)archive->read(entry, scratch);
  return 0;
}
