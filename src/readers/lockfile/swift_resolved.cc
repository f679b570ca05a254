// SwiftPM Package.resolved (github.com/apple/swift-package-manager, PinsStore). What is read:
//
//   v1     = { "object": { "pins": [ { "package", "repositoryURL", "state": state }* ] }, "version": 1 }
//   v2, v3 = { "pins": [ { "identity", "kind", "location", "state": state }* ], "version": 2 | 3 }
//   state  = { "version"?, "revision", "branch"? }
//
// The purl is pkg:swift/<host>/<owner>/<repo>@<version> from the repository URL (purl-spec's
// swift type: namespace = source host and path, name = repository); the URL itself is a
// kUrl with role "repository".
#include <string>

#include "readers/lockfile/parsers.h"
#include "readers/sbom/json_input.h"

namespace interdict::manifest {
namespace {

namespace od = simdjson::ondemand;

// "https://github.com/owner/repo.git", "git@github.com:owner/repo" -> "github.com/owner/repo"
// in `out`; false if no host and path.
bool swift_path(std::string_view url, std::string& out) {
  url = trim(url);
  std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const std::size_t user = url.find('@');
  if (user != std::string_view::npos && user < url.find('/')) url.remove_prefix(user + 1);
  while (url.ends_with('/')) url.remove_suffix(1);
  if (url.ends_with(".git")) url.remove_suffix(4);
  out.assign(url);
  const std::size_t colon = out.find(':');
  if (colon != std::string::npos && colon < out.find('/')) out[colon] = '/';  // scp-like git@host:path
  return out.find('/') != std::string::npos && out.back() != '/';
}

class SwiftResolvedReader {
 public:
  SwiftResolvedReader(JsonInput& input, Emitter& out) : input_(input), out_(out) {}

  simdjson::error_code read(od::document& doc) {
    od::value root;
    simdjson::error_code error = doc.get_value().get(root);
    if (error) return error;
    if (!is_object(root)) {
      out_.damage(0, "Package.resolved is not an object", true);
      return simdjson::SUCCESS;
    }
    return for_fields(root, [&](std::string_view key, od::value value) {
      if (key == "pins") return read_pins(value);
      if (key == "object") {
        return for_fields(
            value, [&](std::string_view k, od::value v) { return k == "pins" ? read_pins(v) : simdjson::SUCCESS; });
      }
      return simdjson::SUCCESS;
    });
  }

 private:
  simdjson::error_code read_pins(od::value value) {
    return for_elements(value, [&](od::value pin) { return read_pin(pin); });
  }

  simdjson::error_code read_pin(od::value pin) {
    const char* start = pin.raw_json_token().data();
    const std::uint64_t offset = input_.offset_of(start);
    if (!is_object(pin)) {
      out_.damage(offset, "pin is not an object");
      return simdjson::SUCCESS;
    }
    std::string_view identity, url, version;
    const simdjson::error_code error = for_fields(pin, [&](std::string_view key, od::value v) {
      if (key == "identity" || key == "package") return read_string(v, key, input_, out_, identity);
      if (key == "location" || key == "repositoryURL") return read_string(v, key, input_, out_, url);
      if (key == "state") {
        return for_fields(v, [&](std::string_view k, od::value s) {
          return k == "version" ? read_string(s, k, input_, out_, version) : simdjson::SUCCESS;
        });
      }
      return simdjson::SUCCESS;
    });
    if (error || input_.incomplete(start)) return error;
    if (swift_path(url, path_)) {
      const std::size_t slash = path_.rfind('/');
      const std::string_view path = path_;
      out_.package(PurlParts{"swift", path.substr(0, slash), path.substr(slash + 1), version, "", ""},
                   identity.empty() ? path : identity, "dependency", offset);
      out_.url(url, "repository", offset);
    } else if (!identity.empty()) {
      out_.package(PurlParts{"swift", "", identity, version, "", ""}, identity, "dependency", offset);
      if (!url.empty()) out_.damage(offset, "repository url `" + std::string(url) + "` has no host and path");
    } else {
      out_.damage(offset, "pin without identity or repository url");
    }
    return simdjson::SUCCESS;
  }

  JsonInput& input_;
  Emitter& out_;
  std::string path_;
};

}  // namespace

void parse_swift_resolved(std::string_view text, Emitter& out) {
  JsonInput input(text, out);
  od::document doc;
  simdjson::error_code error = input.start(doc);
  if (!error) {
    SwiftResolvedReader reader(input, out);
    error = reader.read(doc);
  }
  input.finish(error, doc);
}

}  // namespace interdict::manifest
