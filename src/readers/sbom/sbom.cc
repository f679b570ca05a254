// The dispatch from a ManifestFormat to its reader.
#include "readers/sbom/sbom.h"

#include "readers/lockfile/lockfile.h"
#include "readers/sbom/cyclonedx.h"
#include "readers/sbom/spdx.h"

namespace interdict {

void decode_sbom(ManifestFormat format, std::span<const std::byte> bytes, std::string_view file, CodeSink& sink) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  manifest::Emitter out(text, file, sink);
  switch (format) {
    case ManifestFormat::kCycloneDxJson: manifest::decode_cyclonedx_json(text, out); return;
    case ManifestFormat::kCycloneDxXml: manifest::decode_cyclonedx_xml(text, out); return;
    case ManifestFormat::kSpdxJson: manifest::decode_spdx_json(text, out); return;
    case ManifestFormat::kSpdxTagValue: manifest::decode_spdx_tag_value(text, out); return;
    case ManifestFormat::kSpdx3JsonLd: manifest::decode_spdx3_json(text, out); return;
    default: break;
  }
  out.damage(0, "`" + std::string(manifest_format_name(format)) + "` is not an sbom format", true);
}

void decode_manifest(ManifestFormat format, std::span<const std::byte> bytes, std::string_view file, CodeSink& sink) {
  if (is_sbom_format(format)) {
    decode_sbom(format, bytes, file, sink);
    return;
  }
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  parse_lockfile(format, text, file, sink);
}

}  // namespace interdict
