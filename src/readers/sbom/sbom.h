// Software bills of materials, and the face of every package manifest: which format a file
// is (sniff_manifest_format), and one dispatch (decode_manifest) that hands SBOMs to the
// readers here and lockfiles and build files to src/readers/lockfile (lockfile.h).
//
// SBOMs read: CycloneDX JSON and XML 1.2-1.6, SPDX 2.2/2.3 JSON and tag-value, SPDX 3.0
// JSON-LD. Each package becomes a CodeItem of kind kPackage whose value is a package URL
// (github.com/package-url/purl-spec): the purl the SBOM gives, trimmed, or one built from
// its other fields (docs/sbom.md says how). Roles: "self" for the document's own component,
// "dependency" for the rest.
//
// Thread-safety: free functions without shared state; each call reads one input, and the
// sink is called from the calling thread only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "readers/code/code_item.h"

namespace interdict {

enum class ManifestFormat : std::uint8_t {
  kUnknown,
  kCycloneDxJson,
  kCycloneDxXml,
  kSpdxJson,       // SPDX 2.2 and 2.3 JSON
  kSpdxTagValue,   // SPDX 2.x tag-value
  kSpdx3JsonLd,    // SPDX 3.0 JSON-LD
  kNpmLock,        // package-lock.json and npm-shrinkwrap.json, lockfileVersion 1-3
  kYarnLock,       // yarn.lock, v1 and berry (v2+)
  kPnpmLock,       // pnpm-lock.yaml, lockfileVersion 5-9
  kPodfileLock,    // CocoaPods Podfile.lock
  kSwiftResolved,  // SwiftPM Package.resolved, versions 1-3
  kGradleLock,     // gradle.lockfile
  kMavenPom,       // pom.xml
  kGradleBuild,    // build.gradle and build.gradle.kts
};

// A short lowercase name for messages and docs ("cyclonedx-json", "podfile-lock").
[[nodiscard]] std::string_view manifest_format_name(ManifestFormat format);

// True for the formats decode_sbom reads; the rest are lockfiles (lockfile.h).
[[nodiscard]] bool is_sbom_format(ManifestFormat format);

// Decides the format of a manifest from the first bytes of its content (`head`; 64 KiB is
// plenty, less may miss a key that comes late), using `file_name` (a path or a bare name)
// only where the content has no marker (build.gradle) or is ambiguous. Returns kUnknown
// when neither tells. Never fails; reads nothing past `head`.
[[nodiscard]] ManifestFormat sniff_manifest_format(std::string_view file_name, std::span<const std::byte> head);

// Reads one SBOM and reports every package in it to `sink`.
//
// Input: the whole file. JSON is copied once into a padded buffer for simdjson (the
// caller's buffer is never assumed to have padding); invalid UTF-8 in JSON is replaced
// byte for byte in that copy, so offsets still point into `bytes`. XML is parsed in place
// by pugixml into its own tree.
// `file`: the path inside the artefact the bytes came from, "" when they are the artefact
// itself; copied into CodeItem::path and CodeDamage::path.
// Views in the CodeItems are valid during the sink call only.
// Damage: a bad entry (a field of the wrong type, a line without a tag, components nested
// deeper than 64) is a local damage and skipped; a document that breaks (truncated or
// ill-formed JSON or XML) yields every package read before the break, then one fatal
// damage with the byte offset and line where it broke. A format that is not an SBOM
// (REQUIRES: is_sbom_format(format)) is one fatal damage.
void decode_sbom(ManifestFormat format, std::span<const std::byte> bytes, std::string_view file, CodeSink& sink);

// The one entry for any manifest: SBOMs to decode_sbom, lockfiles and build files to
// parse_lockfile (lockfile.h), kUnknown to one fatal damage "unknown manifest format".
// Same contract as decode_sbom.
void decode_manifest(ManifestFormat format, std::span<const std::byte> bytes, std::string_view file, CodeSink& sink);

}  // namespace interdict
