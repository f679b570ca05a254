// Internal to sbom/: the CycloneDX readers (JSON and XML) and what they share.
//
// Thread-safety: free functions; one call per input.
#pragma once

#include <string>
#include <string_view>

#include "readers/sbom/emitter.h"

namespace interdict::manifest {

// One CycloneDX component as the document gives it; views into the document.
struct Component {
  std::string_view group;
  std::string_view name;
  std::string_view version;
  std::string_view purl;
  std::string_view bom_ref;
};

// Emits a component as a package: its purl as given, else its bom-ref when that is a purl,
// else one built from group, name and version (docs/sbom.md: an npm scope as group makes
// it npm, a dotted group maven, anything else generic). A component with neither name nor
// purl is a local damage. `scratch` holds the human component name.
void emit_component(const Component& c, std::string_view role, std::uint64_t offset, Emitter& out,
                    std::string& scratch);

// Read a whole CycloneDX JSON or XML document (contract of decode_sbom in sbom.h).
void decode_cyclonedx_json(std::string_view text, Emitter& out);
void decode_cyclonedx_xml(std::string_view text, Emitter& out);

}  // namespace interdict::manifest
