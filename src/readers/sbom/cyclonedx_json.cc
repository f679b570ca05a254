// CycloneDX JSON, spec versions 1.2 to 1.6 (cyclonedx.org/docs/1.6/json). What is read:
//
//   bom        = { "metadata": { "component": component }, "components": [ component* ], ... }
//   component  = { "type", "group", "name", "version", "purl", "bom-ref",
//                  "components": [ component* ], ... }
//
// Everything else (services, dependencies, hashes, licences) is skipped unread.
#include <string>
#include <utility>

#include "readers/sbom/cyclonedx.h"
#include "readers/sbom/json_input.h"

namespace interdict::manifest {
namespace {

namespace od = simdjson::ondemand;

class CycloneDxJsonReader {
 public:
  CycloneDxJsonReader(JsonInput& input, Emitter& out) : input_(input), out_(out) {}

  simdjson::error_code read(od::document& doc) {
    od::object root;
    simdjson::error_code error = doc.get_object().get(root);
    if (error) return error;
    for (auto result : root) {
      od::field field;
      std::string_view key;
      if ((error = std::move(result).get(field)) || (error = field.unescaped_key().get(key))) return error;
      if (key == "components") {
        error = read_components(field.value(), 0);
      } else if (key == "metadata") {
        error = read_metadata(field.value());
      }
      if (error) return error;
    }
    return simdjson::SUCCESS;
  }

 private:
  simdjson::error_code read_metadata(od::value value) {
    od::object metadata;
    simdjson::error_code error = value.get_object().get(metadata);
    if (error == simdjson::INCORRECT_TYPE) {
      out_.damage(input_.offset_of(value.raw_json_token()), "`metadata` is not an object");
      return simdjson::SUCCESS;
    }
    if (error) return error;
    for (auto result : metadata) {
      od::field field;
      std::string_view key;
      if ((error = std::move(result).get(field)) || (error = field.unescaped_key().get(key))) return error;
      if (key == "component" && (error = read_component(field.value(), 0, "self"))) return error;
    }
    return simdjson::SUCCESS;
  }

  simdjson::error_code read_components(od::value value, int depth) {
    const std::uint64_t offset = input_.offset_of(value.raw_json_token());
    if (depth >= kMaxNesting) {
      out_.damage(offset, "components nested deeper than " + std::to_string(kMaxNesting) + " levels, skipped");
      return simdjson::SUCCESS;
    }
    od::array list;
    simdjson::error_code error = value.get_array().get(list);
    if (error == simdjson::INCORRECT_TYPE) {
      out_.damage(offset, "`components` is not an array");
      return simdjson::SUCCESS;
    }
    if (error) return error;
    for (auto result : list) {
      od::value element;
      if ((error = std::move(result).get(element)) || (error = read_component(element, depth, "dependency")))
        return error;
    }
    return simdjson::SUCCESS;
  }

  simdjson::error_code read_component(od::value value, int depth, std::string_view role) {
    const char* start = value.raw_json_token().data();
    od::object object;
    simdjson::error_code error = value.get_object().get(object);
    if (error == simdjson::INCORRECT_TYPE) {
      out_.damage(input_.offset_of(start), "component is not an object");
      return simdjson::SUCCESS;
    }
    if (error) return error;
    Component c;
    for (auto result : object) {
      od::field field;
      std::string_view key;
      if ((error = std::move(result).get(field)) || (error = field.unescaped_key().get(key))) return error;
      std::string_view* target = nullptr;
      if (key == "components") {
        error = read_components(field.value(), depth + 1);
      } else if (key == "name") {
        target = &c.name;
      } else if (key == "group") {
        target = &c.group;
      } else if (key == "version") {
        target = &c.version;
      } else if (key == "purl") {
        target = &c.purl;
      } else if (key == "bom-ref") {
        target = &c.bom_ref;
      }
      if (target != nullptr) error = read_string(field.value(), key, input_, out_, *target);
      if (error) return error;
    }
    if (!input_.incomplete(start)) emit_component(c, role, input_.offset_of(start), out_, scratch_);
    return simdjson::SUCCESS;
  }

  JsonInput& input_;
  Emitter& out_;
  std::string scratch_;
};

}  // namespace

void decode_cyclonedx_json(std::string_view text, Emitter& out) {
  JsonInput input(text, out);
  od::document doc;
  simdjson::error_code error = input.start(doc);
  if (!error) {
    CycloneDxJsonReader reader(input, out);
    error = reader.read(doc);
  }
  input.finish(error, doc);
}

}  // namespace interdict::manifest
