// Internal to sbom/: the SPDX readers (2.x JSON, 2.x tag-value, 3.0 JSON-LD).
//
// Thread-safety: free functions; one call per input.
#pragma once

#include <string_view>

#include "readers/sbom/emitter.h"

namespace interdict::manifest {

// Read a whole SPDX document (contract of decode_sbom in sbom.h). A package with no purl
// among its external references becomes pkg:generic/<name>@<version>.
void decode_spdx_json(std::string_view text, Emitter& out);
void decode_spdx3_json(std::string_view text, Emitter& out);
void decode_spdx_tag_value(std::string_view text, Emitter& out);

}  // namespace interdict::manifest
