// libFuzzer target for the lockfile and build-file parsers. The first byte picks the
// format (npm, yarn, pnpm, Podfile.lock, Package.resolved, gradle.lockfile, pom.xml,
// build.gradle); the sink checks that items have a value and at most one damage is fatal.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "code_sink_check.h"
#include "readers/lockfile/lockfile.h"

namespace {

constexpr interdict::ManifestFormat kFormats[] = {
    interdict::ManifestFormat::kNpmLock,       interdict::ManifestFormat::kYarnLock,
    interdict::ManifestFormat::kPnpmLock,      interdict::ManifestFormat::kPodfileLock,
    interdict::ManifestFormat::kSwiftResolved, interdict::ManifestFormat::kGradleLock,
    interdict::ManifestFormat::kMavenPom,      interdict::ManifestFormat::kGradleBuild,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  interdict::fuzzing::CheckingCodeSink sink{true};
  interdict::parse_lockfile(kFormats[data[0] % std::size(kFormats)], text, "", sink);
  return 0;
}
