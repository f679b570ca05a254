// OFAC's legacy CSV set, as published for the SDN list (sdn.csv, add.csv, alt.csv,
// sdn_comments.csv) and the Consolidated non-SDN list (cons_prim.csv, cons_add.csv,
// cons_alt.csv, cons_comments.csv). Layout from OFAC's "SDN/Consolidated List: Legacy
// Delimited Format Specification" (dat_spec.txt); each file is RFC 4180 CSV with no header,
// "-0-" for an empty field, and an optional DOS end-of-file byte (0x1A) on the last line.
//
//   primary  = ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage,
//              GRT, Vess_flag, Vess_owner, Remarks
//   address  = ent_num, add_num, Address, City/State/Province/Postal Code, Country, Add_remarks
//   alias    = ent_num, alt_num, alt_type ("aka", "fka", "nka"), alt_name, alt_remarks
//   comments = ent_num, Remarks (continued: appended to the primary row's remarks)
//
// SDN_Type is "individual", "vessel", "aircraft", or empty for an entity. Program holds one
// program or several as "SDGT] [IRGC". Remarks carry "DOB 1962", "nationality Iran" and
// "citizen Iran", which are cheap to lift out.
#include <charconv>
#include <unordered_map>

#include "readers/lists/list_util.h"

namespace interdict {
namespace {

using lists::add_country;
using lists::add_unique;
using lists::CsvRecords;
using lists::ofac_field;
using lists::Reporter;
using lists::trim;

bool parse_ent_num(std::string_view text, std::uint64_t& out) {
  text = trim(text);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

EntityKind ofac_kind(std::string_view type) {
  if (type.empty()) return EntityKind::kOrganization;
  if (type == "individual") return EntityKind::kPerson;
  if (type == "vessel") return EntityKind::kVessel;
  if (type == "aircraft") return EntityKind::kAircraft;
  return EntityKind::kUnknown;
}

// "SDGT] [IRGC" -> SDGT, IRGC.
void add_programs(std::vector<std::string>& out, std::string_view text) {
  while (!text.empty()) {
    const std::size_t at = text.find(']');
    std::string_view piece = trim(text.substr(0, at));
    while (!piece.empty() && piece.front() == '[') piece = trim(piece.substr(1));
    add_unique(out, piece);
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
}

// The value after each `key` in remarks, up to ";" (a final "." dropped).
template <typename F>
void each_remark(std::string_view remarks, std::string_view key, F&& each) {
  for (std::size_t at = remarks.find(key); at != std::string_view::npos; at = remarks.find(key, at + 1)) {
    // Keys start a clause: "DOB" must not match inside "ADOBE".
    if (at > 0 && remarks[at - 1] != ' ' && remarks[at - 1] != ';') continue;
    std::string_view value = remarks.substr(at + key.size());
    value = trim(value.substr(0, value.find(';')));
    if (value.ends_with('.')) value.remove_suffix(1);
    if (!value.empty()) each(trim(value));
  }
}

void lift_remarks(ListEntity& entity, std::string_view remarks) {
  each_remark(remarks, "DOB ", [&](std::string_view v) { add_unique(entity.dates_of_birth, v); });
  each_remark(remarks, "nationality ", [&](std::string_view v) { add_country(entity.countries, v); });
  each_remark(remarks, "citizen ", [&](std::string_view v) { add_country(entity.countries, v); });
}

class OfacJoin {
 public:
  OfacJoin(std::string_view list, ListSink& sink) : list_(list), sink_(sink) {}

  void read_primary(std::string_view file, std::string_view text) {
    Reporter reporter(sink_, file);
    CsvRecords rows(text, reporter);
    while (rows.next()) {
      std::uint64_t ent_num = 0;
      if (rows.size() < 12) {
        reporter.damage(rows.line(), rows.offset(), "12 fields expected, " + std::to_string(rows.size()) + " read");
        continue;
      }
      if (!parse_ent_num(rows[0], ent_num)) {
        reporter.damage(rows.line(), rows.offset(), "ent_num `" + std::string(trim(rows[0])) + "` is not a number");
        continue;
      }
      if (!index_.emplace(ent_num, entities_.size()).second) {
        reporter.damage(rows.line(), rows.offset(), "ent_num " + std::to_string(ent_num) + " repeated");
        continue;
      }
      ListEntity& e = entities_.emplace_back();
      e.list = list_;
      e.id = std::to_string(ent_num);
      e.kind = ofac_kind(ofac_field(rows[2]));
      add_unique(e.names, ofac_field(rows[1]));
      add_programs(e.programs, ofac_field(rows[3]));
      add_country(e.countries, ofac_field(rows[9]));
      e.remarks = ofac_field(rows[11]);
      lift_remarks(e, e.remarks);
      e.source = file;
      e.line = rows.line();
      if (e.names.empty()) {
        reporter.damage(rows.line(), rows.offset(), "ent_num " + e.id + " has no name");
        index_.erase(ent_num);
        entities_.pop_back();
      }
    }
    merge(reporter.stats());
  }

  // Reads a sibling file; `apply` takes the entity and the row.
  template <typename F>
  void read_sibling(std::string_view file, std::string_view text, std::size_t fields, F&& apply) {
    Reporter reporter(sink_, file);
    CsvRecords rows(text, reporter);
    while (rows.next()) {
      std::uint64_t ent_num = 0;
      if (rows.size() < fields) {
        reporter.damage(rows.line(), rows.offset(),
                        std::to_string(fields) + " fields expected, " + std::to_string(rows.size()) + " read");
      } else if (!parse_ent_num(rows[0], ent_num)) {
        reporter.damage(rows.line(), rows.offset(), "ent_num `" + std::string(trim(rows[0])) + "` is not a number");
      } else if (auto it = index_.find(ent_num); it == index_.end()) {
        reporter.damage(rows.line(), rows.offset(),
                        "ent_num " + std::to_string(ent_num) + " is not in the primary file");
      } else {
        apply(entities_[it->second], rows);
      }
    }
    merge(reporter.stats());
  }

  void finish(std::string_view file) {
    Reporter reporter(sink_, file);
    for (const ListEntity& e : entities_) reporter.entity(e);
    merge(reporter.stats());
  }

  [[nodiscard]] const ListStats& stats() const { return stats_; }

 private:
  void merge(const ListStats& s) {
    stats_.entities += s.entities;
    stats_.damaged += s.damaged;
    stats_.skipped += s.skipped;
  }

  std::string_view list_;
  ListSink& sink_;
  std::vector<ListEntity> entities_;
  std::unordered_map<std::uint64_t, std::size_t> index_;  // ent_num -> entities_ index
  ListStats stats_;
};

}  // namespace

ListStats decode_ofac_csv(std::string_view list, const OfacFiles& files, ListSink& sink) {
  OfacJoin join(list, sink);
  join.read_primary(files.primary_name, files.primary);
  join.read_sibling(files.address_name, files.address, 5,
                    [](ListEntity& e, const CsvRecords& row) { add_country(e.countries, ofac_field(row[4])); });
  join.read_sibling(files.alias_name, files.alias, 4,
                    [](ListEntity& e, const CsvRecords& row) { add_unique(e.names, ofac_field(row[3])); });
  join.read_sibling(files.comments_name, files.comments, 2, [](ListEntity& e, const CsvRecords& row) {
    const std::string_view more = ofac_field(row[1]);
    if (more.empty()) return;
    // The comments file continues remarks cut at OFAC's field limit: join without a gap.
    e.remarks += more;
    lift_remarks(e, more);
  });
  join.finish(files.primary_name);
  return join.stats();
}

}  // namespace interdict
