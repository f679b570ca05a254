// libFuzzer target for the SBOM readers. The first byte picks the path: 0 sniffs the rest
// by content, 1 to 5 force CycloneDX JSON, CycloneDX XML, SPDX JSON, SPDX tag-value or
// SPDX 3 JSON-LD. The sink checks what every reader promises: items have a value, damage
// has a reason, and at most one damage is fatal.
#include <cstddef>
#include <cstdint>
#include <span>

#include "code_sink_check.h"
#include "readers/sbom/sbom.h"

namespace {

constexpr interdict::ManifestFormat kFormats[] = {
    interdict::ManifestFormat::kUnknown,      interdict::ManifestFormat::kCycloneDxJson,
    interdict::ManifestFormat::kCycloneDxXml, interdict::ManifestFormat::kSpdxJson,
    interdict::ManifestFormat::kSpdxTagValue, interdict::ManifestFormat::kSpdx3JsonLd,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data + 1), size - 1);
  interdict::ManifestFormat format = kFormats[data[0] % std::size(kFormats)];
  if (format == interdict::ManifestFormat::kUnknown) format = interdict::sniff_manifest_format("", bytes);
  if (!interdict::is_sbom_format(format)) return 0;
  interdict::fuzzing::CheckingCodeSink sink{true};
  interdict::decode_sbom(format, bytes, "", sink);
  return 0;
}
