// package-lock.json and npm-shrinkwrap.json (docs.npmjs.com/cli/v10/configuring-npm/package-lock-json).
// What is read:
//
//   lock      = { "name", "version", "lockfileVersion": 1 | 2 | 3,
//                 "packages": { path: entry* },          lockfileVersion 2 and 3
//                 "dependencies": { name: dep* } }        lockfileVersion 1 (2 repeats it: skipped)
//   path      = "" (the project) | "node_modules/@scope/name" | "node_modules/a/node_modules/b"
//               | a workspace folder ("packages/x")
//   entry     = { "name"?, "version", "link"?: true, ... }
//   dep       = { "version": "1.0.0" | "npm:real@1.0.0", "dependencies"?: { name: dep* } }
#include <string>

#include "readers/lockfile/parsers.h"
#include "readers/sbom/json_input.h"

namespace interdict::manifest {
namespace {

namespace od = simdjson::ondemand;

constexpr std::string_view kNodeModules = "node_modules/";

class NpmLockReader {
 public:
  NpmLockReader(JsonInput& input, Emitter& out) : input_(input), out_(out) {}

  simdjson::error_code read(od::document& doc) {
    od::value root;
    simdjson::error_code error = doc.get_value().get(root);
    if (error) return error;
    if (!is_object(root)) {
      out_.damage(0, "package-lock.json is not an object", true);
      return simdjson::SUCCESS;
    }
    bool seen_packages = false;
    std::int64_t lockfile_version = 0;
    std::string_view name, version;
    std::uint64_t name_offset = 0;
    error = for_fields(root, [&](std::string_view key, od::value value) {
      if (key == "name") {
        name_offset = input_.offset_of(value.raw_json_token());
        return read_string(value, key, input_, out_, name);
      }
      if (key == "version") return read_string(value, key, input_, out_, version);
      if (key == "lockfileVersion") {
        if (value.get_int64().get(lockfile_version))
          out_.damage(input_.offset_of(value.raw_json_token()), "`lockfileVersion` is not a number");
        return simdjson::SUCCESS;
      }
      if (key == "packages") {
        seen_packages = true;
        return read_packages(value);
      }
      if (key == "dependencies" && !seen_packages && lockfile_version < 2) return read_dependencies(value, 0);
      return simdjson::SUCCESS;
    });
    if (!error && !seen_packages && !name.empty()) out_.package(npm_parts(name, version), name, "self", name_offset);
    return error;
  }

 private:
  simdjson::error_code read_packages(od::value value) {
    return for_fields(value, [&](std::string_view path, od::value entry) {
      const char* start = entry.raw_json_token().data();
      std::string_view name, version;
      bool link = false;
      const simdjson::error_code error = for_fields(entry, [&](std::string_view key, od::value v) {
        if (key == "name") return read_string(v, key, input_, out_, name);
        if (key == "version") return read_string(v, key, input_, out_, version);
        if (key == "link" && v.get_bool().get(link)) link = false;
        return simdjson::SUCCESS;
      });
      if (error || link || input_.incomplete(start)) return error;
      const std::size_t at = path.rfind(kNodeModules);
      std::string_view role = "dependency";
      if (at == std::string_view::npos) {
        role = "self";  // the project ("") or one of its workspaces
      } else if (name.empty()) {
        name = path.substr(at + kNodeModules.size());
      }
      if (name.empty()) return simdjson::SUCCESS;
      out_.package(npm_parts(name, version), name, role, input_.offset_of(start));
      return simdjson::SUCCESS;
    });
  }

  simdjson::error_code read_dependencies(od::value value, int depth) {
    if (depth >= kMaxNesting) {
      out_.damage(input_.offset_of(value.raw_json_token()),
                  "dependencies nested deeper than " + std::to_string(kMaxNesting) + " levels, skipped");
      return simdjson::SUCCESS;
    }
    return for_fields(value, [&](std::string_view name, od::value entry) {
      const char* start = entry.raw_json_token().data();
      std::string_view version;
      const simdjson::error_code error = for_fields(entry, [&](std::string_view key, od::value v) {
        if (key == "version") return read_string(v, key, input_, out_, version);
        if (key == "dependencies") return read_dependencies(v, depth + 1);
        return simdjson::SUCCESS;
      });
      if (error || input_.incomplete(start)) return error;
      // An alias: "alias": { "version": "npm:real@1.0.0" }.
      std::string_view real = name;
      if (version.starts_with("npm:")) {
        const std::string_view target = version.substr(4);
        const std::size_t at = target.find('@', 1);
        real = target.substr(0, at);
        version = at == std::string_view::npos ? std::string_view{} : target.substr(at + 1);
      }
      out_.package(npm_parts(real, version), real, "dependency", input_.offset_of(start));
      return simdjson::SUCCESS;
    });
  }

  JsonInput& input_;
  Emitter& out_;
};

}  // namespace

void parse_npm_lock(std::string_view text, Emitter& out) {
  JsonInput input(text, out);
  od::document doc;
  simdjson::error_code error = input.start(doc);
  if (!error) {
    NpmLockReader reader(input, out);
    error = reader.read(doc);
  }
  input.finish(error, doc);
}

}  // namespace interdict::manifest
