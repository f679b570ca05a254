// SPDX JSON. What is read:
//
// SPDX 2.2/2.3 (spdx.github.io/spdx-spec/v2.3, clauses 7 and 11):
//   doc      = { "documentDescribes": [ id* ], "packages": [ package* ],
//                "relationships": [ { "spdxElementId", "relationshipType", "relatedSpdxElement" }* ] }
//   package  = { "SPDXID", "name", "versionInfo",
//                "externalRefs": [ { "referenceCategory", "referenceType", "referenceLocator" }* ] }
// SPDX 3.0 JSON-LD (spdx.github.io/spdx-spec/v3.0.1, Software/Classes/Package):
//   doc      = { "@context", "@graph": [ element* ] }
//   element  = { "type" | "@type", "spdxId" | "@id", "name", "rootElement": [ id* ],
//                "software_packageVersion", "software_packageUrl",
//                "externalIdentifier": [ { "externalIdentifierType", "identifier" }* ] }
// A package is "self" when the document describes it (documentDescribes, a DESCRIBES
// relationship from SPDXRef-DOCUMENT, a rootElement); finding that takes a first pass, the
// packages a second one over the same buffer.
#include <algorithm>
#include <string>
#include <vector>

#include "readers/sbom/json_input.h"
#include "readers/sbom/spdx.h"

namespace interdict::manifest {
namespace {

namespace od = simdjson::ondemand;

// A purl as given, and where.
struct PurlRef {
  std::string_view purl;
  std::uint64_t offset;
};

// One package, collected before emitting since fields come in any order.
struct Package {
  std::string_view id;
  std::string_view name;
  std::string_view version;
  std::string_view type;  // SPDX 3 element type
  std::vector<PurlRef> purls;
  void clear() {
    id = name = version = type = {};
    purls.clear();
  }
};

class SpdxJsonReader {
 public:
  SpdxJsonReader(JsonInput& input, Emitter& out, bool v3) : input_(input), out_(out), v3_(v3) {}

  // First pass: which ids the document describes. Errors are left to the second pass.
  void read_roots(od::document& doc) {
    od::value root;
    if (doc.get_value().get(root)) return;
    const simdjson::error_code ignored = for_fields(root, [&](std::string_view key, od::value value) {
      if (key == "documentDescribes") return read_ids(value);
      if (key == "relationships") return for_elements(value, [&](od::value r) { return read_relationship(r); });
      if (key == "@graph") {
        return for_elements(value, [&](od::value e) {
          return for_fields(
              e, [&](std::string_view k, od::value v) { return k == "rootElement" ? read_ids(v) : simdjson::SUCCESS; });
        });
      }
      return simdjson::SUCCESS;
    });
    static_cast<void>(ignored);  // the second pass meets and reports the same error
  }

  simdjson::error_code read_packages(od::document& doc) {
    od::value root;
    simdjson::error_code error = doc.get_value().get(root);
    if (error) return error;
    if (!is_object(root)) {
      out_.damage(0, "spdx json is not an object", true);
      return simdjson::SUCCESS;
    }
    return for_fields(root, [&](std::string_view key, od::value value) {
      if (key == (v3_ ? "@graph" : "packages")) {
        return for_elements(value, [&](od::value p) { return read_package(p); });
      }
      return simdjson::SUCCESS;
    });
  }

 private:
  simdjson::error_code read_ids(od::value value) {
    return for_elements(value, [&](od::value id) {
      std::string_view text;
      if (!id.get_string().get(text)) roots_.emplace_back(text);
      return simdjson::SUCCESS;
    });
  }

  simdjson::error_code read_relationship(od::value value) {
    std::string_view from, type, to;
    const simdjson::error_code error = for_fields(value, [&](std::string_view key, od::value v) {
      std::string_view* target = key == "spdxElementId"        ? &from
                                 : key == "relationshipType"   ? &type
                                 : key == "relatedSpdxElement" ? &to
                                                               : nullptr;
      if (target != nullptr && v.get_string().get(*target)) *target = {};
      return simdjson::SUCCESS;
    });
    if (from == "SPDXRef-DOCUMENT" && type == "DESCRIBES") roots_.emplace_back(to);
    return error;
  }

  simdjson::error_code read_ref(od::value value) {
    std::string_view category, type, locator;
    const std::uint64_t offset = input_.offset_of(value.raw_json_token());
    const simdjson::error_code error = for_fields(value, [&](std::string_view key, od::value v) {
      std::string_view* target = key == "referenceCategory"        ? &category
                                 : key == "referenceType"          ? &type
                                 : key == "externalIdentifierType" ? &type
                                 : key == "referenceLocator"       ? &locator
                                 : key == "identifier"             ? &locator
                                                                   : nullptr;
      return target == nullptr ? simdjson::SUCCESS : read_string(v, key, input_, out_, *target);
    });
    if (!error && (type == "purl" || type == "packageUrl") && !trim(locator).empty()) {
      package_.purls.push_back({locator, offset});
    }
    return error;
  }

  simdjson::error_code read_package(od::value value) {
    const char* start = value.raw_json_token().data();
    if (!is_object(value)) {
      out_.damage(input_.offset_of(start), "package is not an object");
      return simdjson::SUCCESS;
    }
    package_.clear();
    const simdjson::error_code error = for_fields(value, [&](std::string_view key, od::value v) {
      if (key == "externalRefs" || key == "externalIdentifier") {
        return for_elements(v, [&](od::value r) { return read_ref(r); });
      }
      if (key == "software_packageUrl" || key == "packageUrl") {
        std::string_view purl;
        const std::uint64_t offset = input_.offset_of(v.raw_json_token());
        const simdjson::error_code e = read_string(v, key, input_, out_, purl);
        if (!trim(purl).empty()) package_.purls.push_back({purl, offset});
        return e;
      }
      std::string_view* target = nullptr;
      if (key == "name") target = &package_.name;
      if (key == "SPDXID" || key == "spdxId" || key == "@id") target = &package_.id;
      if (key == "versionInfo" || key == "software_packageVersion" || key == "packageVersion") {
        target = &package_.version;
      }
      if (key == "type" || key == "@type") target = &package_.type;
      return target == nullptr ? simdjson::SUCCESS : read_string(v, key, input_, out_, *target);
    });
    if (error) return error;
    if (v3_ && package_.type != "software_Package" && package_.type != "Package" &&
        package_.type != "software:Package") {
      return simdjson::SUCCESS;
    }
    if (!input_.incomplete(start)) emit(input_.offset_of(start));
    return simdjson::SUCCESS;
  }

  void emit(std::uint64_t offset) {
    const bool self = std::find(roots_.begin(), roots_.end(), package_.id) != roots_.end();
    const std::string_view role = self ? "self" : "dependency";
    for (const PurlRef& ref : package_.purls) {
      out_.package(ref.purl, package_.version.empty() ? purl_version(trim(ref.purl)) : package_.version, package_.name,
                   role, ref.offset);
    }
    if (!package_.purls.empty()) return;
    if (package_.name.empty()) {
      out_.damage(offset, "package without name or purl");
      return;
    }
    const std::string_view version = package_.version == "NOASSERTION" ? std::string_view{} : package_.version;
    out_.package(PurlParts{"generic", "", package_.name, version, "", ""}, package_.name, role, offset);
  }

  JsonInput& input_;
  Emitter& out_;
  bool v3_;
  std::vector<std::string> roots_;
  Package package_;
};

void decode(std::string_view text, Emitter& out, bool v3) {
  JsonInput input(text, out);
  od::document doc;
  simdjson::error_code error = input.start(doc);
  if (!error) {
    SpdxJsonReader reader(input, out, v3);
    reader.read_roots(doc);
    error = input.start(doc);
    if (!error) error = reader.read_packages(doc);
  }
  input.finish(error, doc);
}

}  // namespace

void decode_spdx_json(std::string_view text, Emitter& out) { decode(text, out, false); }
void decode_spdx3_json(std::string_view text, Emitter& out) { decode(text, out, true); }

}  // namespace interdict::manifest
