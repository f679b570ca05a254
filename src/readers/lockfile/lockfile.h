// Lockfiles and build manifests: the packages a project resolves or declares, each as a
// CodeItem of kind kPackage whose value is a package URL (github.com/package-url/purl-spec):
//
//   package-lock.json, npm-shrinkwrap.json   pkg:npm/%40scope/name@1.0.0    v1 "dependencies", v2/v3 "packages"
//   yarn.lock (v1 and berry)                 pkg:npm/name@1.0.0
//   pnpm-lock.yaml (lockfile 5 to 9)         pkg:npm/name@1.0.0
//   Podfile.lock                             pkg:cocoapods/Name@1.2.3, a subspec as #Subspec
//   Package.resolved (1 to 3)                pkg:swift/github.com/owner/repo@1.0.0, and the
//                                            repository URL as kUrl
//   gradle.lockfile                          pkg:maven/group/artifact@version
//   pom.xml                                  pkg:maven/... for the project ("self"), its parent
//                                            ("parent"), dependencies and dependencyManagement;
//                                            ${property} versions resolved; repositories as kUrl
//   build.gradle, build.gradle.kts           pkg:maven/... for each dependency line, and maven
//                                            repository URLs as kUrl
//
// Roles: "dependency", "self" (the project itself), "parent", "repository" (kUrl).
//
// Thread-safety: free function without shared state; the sink is called from the calling
// thread only.
#pragma once

#include <string_view>

#include "readers/code/code_item.h"
#include "readers/sbom/sbom.h"

namespace interdict {

// Reads one lockfile or build manifest of `format` and reports every package to `sink`.
//
// `text`: the whole file, not copied (JSON formats are copied once into a padded buffer
// for simdjson). `file`: the path inside the artefact, "" for the artefact itself; copied
// into CodeItem::path and CodeDamage::path. Views in CodeItems are valid during the sink
// call only.
// Damage: in line-oriented formats a bad line is a local damage with its line number and
// is skipped; a JSON or XML document that breaks yields what was read before the break and
// then one fatal damage with offset and line. An SBOM format or kUnknown is one fatal
// damage (use decode_manifest in sbom.h for any format).
void parse_lockfile(ManifestFormat format, std::string_view text, std::string_view file, CodeSink& sink);

}  // namespace interdict
