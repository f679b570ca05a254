// The dispatch from a ManifestFormat to its lockfile parser.
#include "readers/lockfile/lockfile.h"

#include <string>

#include "readers/lockfile/parsers.h"

namespace interdict {

void parse_lockfile(ManifestFormat format, std::string_view text, std::string_view file, CodeSink& sink) {
  manifest::Emitter out(text, file, sink);
  switch (format) {
    case ManifestFormat::kNpmLock: manifest::parse_npm_lock(text, out); return;
    case ManifestFormat::kYarnLock: manifest::parse_yarn_lock(text, out); return;
    case ManifestFormat::kPnpmLock: manifest::parse_pnpm_lock(text, out); return;
    case ManifestFormat::kPodfileLock: manifest::parse_podfile_lock(text, out); return;
    case ManifestFormat::kSwiftResolved: manifest::parse_swift_resolved(text, out); return;
    case ManifestFormat::kGradleLock: manifest::parse_gradle_lock(text, out); return;
    case ManifestFormat::kMavenPom: manifest::parse_maven_pom(text, out); return;
    case ManifestFormat::kGradleBuild: manifest::parse_gradle_build(text, out); return;
    default: break;
  }
  out.damage(0,
             format == ManifestFormat::kUnknown
                 ? std::string("unknown manifest format")
                 : "`" + std::string(manifest_format_name(format)) + "` is not a lockfile format",
             true);
}

}  // namespace interdict
