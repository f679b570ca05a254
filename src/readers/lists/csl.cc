// The US Consolidated Screening List (trade.gov) as CSV: RFC 4180 with a header row naming
// the columns. Files from 2017 on have
//
//   [_id,] source, entity_number, type, programs, name, title, addresses,
//   federal_register_notice, start_date, end_date, standard_order, license_requirement,
//   license_policy, call_sign, vessel_type, gross_tonnage, gross_registered_tonnage,
//   vessel_flag, vessel_owner, remarks, source_list_url, alt_names, citizenships,
//   dates_of_birth, nationalities, places_of_birth, source_information_url, ids
//
// Lists inside a field are "; "-separated (alt_names, programs, addresses, dates). An
// address ends ", <alpha-2>" when its country is known. `source` reads "Entity List (EL) -
// Bureau of Industry and Security": the short name in parentheses becomes `sublist`.
#include <array>

#include "readers/lists/list_util.h"

namespace interdict {
namespace {

using lists::add_country;
using lists::add_unique;
using lists::CsvRecords;
using lists::Reporter;
using lists::split;
using lists::trim;

enum Column : std::uint8_t {
  kId,
  kSource,
  kEntityNumber,
  kType,
  kPrograms,
  kName,
  kAddresses,
  kVesselFlag,
  kRemarks,
  kAltNames,
  kCitizenships,
  kDatesOfBirth,
  kNationalities,
  kColumnCount,
};

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "_id",         "source",  "entity_number", "type",         "programs",       "name",          "addresses",
    "vessel_flag", "remarks", "alt_names",     "citizenships", "dates_of_birth", "nationalities",
};

constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

EntityKind csl_kind(std::string_view type) {
  if (type == "Individual" || type == "individual") return EntityKind::kPerson;
  if (type == "Entity" || type == "entity") return EntityKind::kOrganization;
  if (type == "Vessel" || type == "vessel") return EntityKind::kVessel;
  if (type == "Aircraft" || type == "aircraft") return EntityKind::kAircraft;
  return EntityKind::kUnknown;
}

// "Entity List (EL) - Bureau of Industry and Security" -> "EL"; the whole text otherwise.
std::string_view short_source(std::string_view source) {
  const std::size_t open = source.find('(');
  const std::size_t close = source.find(')', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) return trim(source);
  return trim(source.substr(open + 1, close - open - 1));
}

// The country of one address: its last comma-separated part, when that is a code or name.
void add_address_country(std::vector<std::string>& out, std::string_view address) {
  const std::size_t comma = address.rfind(',');
  add_country(out, trim(comma == std::string_view::npos ? address : address.substr(comma + 1)));
}

}  // namespace

ListStats decode_csl_csv(std::string_view name, std::string_view text, ListSink& sink) {
  Reporter reporter(sink, name);
  CsvRecords rows(text, reporter);
  if (!rows.next()) {
    reporter.damage(1, 0, "no header row", true);
    return reporter.stats();
  }
  std::array<std::size_t, kColumnCount> at;
  at.fill(kAbsent);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      if (trim(rows[i]) == kColumnNames[c]) at[c] = i;
    }
  }
  if (at[kName] == kAbsent) {
    reporter.damage(rows.line(), rows.offset(), "header has no `name` column", true);
    return reporter.stats();
  }
  const std::size_t header_fields = rows.size();
  const auto get = [&](Column c) { return at[c] == kAbsent ? std::string_view() : trim(rows[at[c]]); };

  ListEntity e;
  while (rows.next()) {
    if (rows.size() != header_fields) {
      reporter.damage(rows.line(), rows.offset(),
                      std::to_string(header_fields) + " fields expected, " + std::to_string(rows.size()) + " read");
      continue;
    }
    if (get(kName).empty()) {
      reporter.damage(rows.line(), rows.offset(), "record has no name");
      continue;
    }
    lists::clear_entity(e);
    e.list = "csl";
    e.id = !get(kId).empty() ? get(kId) : get(kEntityNumber);
    if (e.id.empty()) e.id = "line-" + std::to_string(rows.line());
    e.sublist = short_source(get(kSource));
    e.kind = csl_kind(get(kType));
    add_unique(e.names, get(kName));
    split(get(kAltNames), ';', [&](std::string_view alias) { add_unique(e.names, alias); });
    split(get(kAddresses), ';', [&](std::string_view address) { add_address_country(e.countries, address); });
    split(get(kNationalities), ';', [&](std::string_view c) { add_country(e.countries, c); });
    split(get(kCitizenships), ';', [&](std::string_view c) { add_country(e.countries, c); });
    add_country(e.countries, get(kVesselFlag));
    split(get(kPrograms), ';', [&](std::string_view p) { add_unique(e.programs, p); });
    split(get(kDatesOfBirth), ';', [&](std::string_view d) { add_unique(e.dates_of_birth, d); });
    e.remarks = get(kRemarks);
    e.source = name;
    e.line = rows.line();
    reporter.entity(e);
  }
  return reporter.stats();
}

}  // namespace interdict
