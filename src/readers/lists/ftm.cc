// OpenSanctions' FollowTheMoney entities as JSON Lines (entities.ftm.json), one object a line:
//
//   {"id": str, "schema": str, "caption": str?, "properties": {prop: [str, ...], ...},
//    "datasets": [str]?, "referents": [str]?, "target": bool?, ...}
//
// Property names follow the FtM schema (followthemoney.tech/explorer): name, alias,
// previousName, weakAlias, country, nationality, citizenship, jurisdiction, birthDate,
// program, programId, notes. Countries are lower-case alpha-2 ("ru"), or longer codes for
// former states ("suhh"), which have no alpha-2 and are left out.
//
// simdjson's DOM parser reads each line through error codes, never exceptions. The whole
// text is copied once into a padded buffer, so every line can be parsed in place.
#include <simdjson.h>

#include "readers/lists/list_util.h"

namespace interdict {
namespace {

using lists::add_country;
using lists::add_unique;
using lists::Reporter;
using lists::trim;

EntityKind ftm_kind(std::string_view schema, bool& party) {
  party = true;
  if (schema == "Person") return EntityKind::kPerson;
  if (schema == "Organization" || schema == "Company" || schema == "PublicBody") return EntityKind::kOrganization;
  if (schema == "Vessel") return EntityKind::kVessel;
  if (schema == "Airplane") return EntityKind::kAircraft;
  if (schema == "LegalEntity") return EntityKind::kUnknown;
  party = false;
  return EntityKind::kUnknown;
}

template <typename F>
void each_string(simdjson::dom::element value, F&& each) {
  simdjson::dom::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return;
  for (simdjson::dom::element item : array) {
    std::string_view text;
    if (item.get_string().get(text) == simdjson::SUCCESS) each(text);
  }
}

void add_notes(std::string& remarks, std::string_view note) {
  if (!remarks.empty()) remarks += "; ";
  remarks += trim(note);
}

// Reads one line's object into `e`; returns the reason it cannot, or "".
std::string read_line(simdjson::dom::parser& parser, const char* data, std::size_t size, ListEntity& e, bool& party) {
  simdjson::dom::element root;
  if (const auto error = parser.parse(data, size, false).get(root); error != simdjson::SUCCESS) {
    return std::string("json: ") + simdjson::error_message(error);
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return "line is not a json object";
  std::string_view id;
  std::string_view schema;
  if (object["id"].get_string().get(id) != simdjson::SUCCESS || id.empty()) return "entity has no `id` string";
  if (object["schema"].get_string().get(schema) != simdjson::SUCCESS) return "entity has no `schema` string";
  e.kind = ftm_kind(schema, party);
  if (!party) return "";
  e.id = id;
  std::string_view caption;
  if (object["caption"].get_string().get(caption) == simdjson::SUCCESS) add_unique(e.names, caption);
  simdjson::dom::object properties;
  if (object["properties"].get_object().get(properties) != simdjson::SUCCESS) return "";
  // Strong names in the order a reader of the list expects: names, then aliases, then
  // former names.
  for (const char* key : {"name", "alias", "previousName"}) {
    simdjson::dom::element values;
    if (properties[key].get(values) == simdjson::SUCCESS) {
      each_string(values, [&](std::string_view s) { add_unique(e.names, s); });
    }
  }
  for (const simdjson::dom::key_value_pair field : properties) {
    const std::string_view key = field.key;
    const simdjson::dom::element value = field.value;
    if (key == "weakAlias") {
      each_string(value, [&](std::string_view s) { add_unique(e.weak_names, s); });
    } else if (key == "country" || key == "nationality" || key == "citizenship" || key == "jurisdiction") {
      each_string(value, [&](std::string_view s) {
        if (s.size() == 2) add_country(e.countries, s);
      });
    } else if (key == "program" || key == "programId") {
      each_string(value, [&](std::string_view s) { add_unique(e.programs, s); });
    } else if (key == "birthDate") {
      each_string(value, [&](std::string_view s) { add_unique(e.dates_of_birth, s); });
    } else if (key == "notes") {
      each_string(value, [&](std::string_view s) { add_notes(e.remarks, s); });
    }
  }
  return "";
}

}  // namespace

ListStats decode_ftm_json(std::string_view name, std::string_view text, ListSink& sink) {
  Reporter reporter(sink, name);
  const simdjson::padded_string padded(text.data(), text.size());
  const std::string_view all(padded.data(), padded.size());
  simdjson::dom::parser parser;
  ListEntity e;
  std::uint64_t line_number = 0;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t end = std::min(all.find('\n', at), all.size());
    const std::string_view line = trim(all.substr(at, end - at));
    const std::size_t offset = at;
    at = end + 1;
    ++line_number;
    if (line.empty()) continue;
    lists::clear_entity(e);
    bool party = false;
    const std::string reason = read_line(parser, line.data(), line.size(), e, party);
    if (!reason.empty()) {
      reporter.damage(line_number, offset, reason);
      continue;
    }
    if (!party) {
      reporter.skip();
      continue;
    }
    if (e.names.empty()) {
      reporter.damage(line_number, offset, "entity `" + e.id + "` has no name");
      continue;
    }
    e.list = "opensanctions";
    e.source = name;
    e.line = line_number;
    reporter.entity(e);
  }
  return reporter.stats();
}

}  // namespace interdict
