// CocoaPods Podfile.lock (guides.cocoapods.org/using/using-cocoapods, the lockfile CocoaPods
// writes as YAML). What is read, the PODS section only:
//
//   "PODS:" NL ( "  - " pod [ ":" ] NL ( "    - " dependency NL )* )*
//   pod      = name [ "/" subspec ]* " (" version ")", maybe quoted
//
// Dependency lines repeat pods listed on their own and are not reported. Other sections
// (DEPENDENCIES, SPEC REPOS, SPEC CHECKSUMS, ...) restate the same pods without versions.
#include <string>

#include "readers/lockfile/parsers.h"

namespace interdict::manifest {
namespace {

class PodfileLockReader {
 public:
  explicit PodfileLockReader(Emitter& out) : out_(out) {}

  void line(const Line& line) {
    std::string_view text = line.text;
    if (text.ends_with('\r')) text.remove_suffix(1);
    if (trim(text).empty() || trim(text).starts_with('#')) return;
    const std::size_t indent = indent_of(text);
    if (indent == 0) {
      in_pods_ = text == "PODS:";
      return;
    }
    if (!in_pods_) return;
    const std::string_view entry = trim(text);
    if (!entry.starts_with("- ")) {
      out_.damage_at_line(line.number, line.offset, "line in PODS is not a `- ` list item");
      return;
    }
    if (indent != 2) return;  // a dependency of the pod above
    read_pod(line, entry.substr(2));
  }

 private:
  void read_pod(const Line& line, std::string_view pod) {
    pod = trim(pod);
    if (pod.ends_with(':')) pod.remove_suffix(1);
    pod = unquote(trim(pod));
    const std::size_t paren = pod.rfind(" (");
    if (paren == std::string_view::npos || !pod.ends_with(')') || paren == 0) {
      out_.damage_at_line(line.number, line.offset, "pod `" + std::string(pod) + "` is not `Name (version)`");
      return;
    }
    const std::string_view full = trim(pod.substr(0, paren));
    const std::string_view version = trim(pod.substr(paren + 2, pod.size() - paren - 3));
    const std::size_t slash = full.find('/');
    const std::string_view name = full.substr(0, slash);
    const std::string_view subspec = slash == std::string_view::npos ? std::string_view{} : full.substr(slash + 1);
    out_.package_at_line(PurlParts{"cocoapods", "", name, version, "", subspec}, full, "dependency", line.number,
                         line.offset);
  }

  Emitter& out_;
  bool in_pods_ = false;
};

}  // namespace

void parse_podfile_lock(std::string_view text, Emitter& out) {
  PodfileLockReader reader(out);
  for_each_line(text, [&](const Line& line) { reader.line(line); });
}

}  // namespace interdict::manifest
