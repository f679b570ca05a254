// Sanctions list readers: OFAC's legacy CSV set (SDN and Consolidated), the US Consolidated
// Screening List CSV, the UN Security Council consolidated XML and OpenSanctions
// FollowTheMoney JSON Lines, each turned into `ListEntity` records for the name matcher.
//
// A reader knows bytes, not law: it never decides whether a name matches. Damaged records
// are reported to the sink with file, line (or byte offset) and a lowercase reason, then
// skipped; the rest of the list is still read. A list that breaks off (truncated XML, a
// quote never closed) yields what it could, then a fatal damage.
//
// Grammars and field mappings: docs/lists.md, and the comment atop each reader's source.
//
// Thread-safety: the functions hold no shared state; one call per sink at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "names/names.h"  // EntityKind, shared with the name matcher

namespace interdict {

// "person", "organization", "vessel", "aircraft" or "unknown".
[[nodiscard]] std::string_view entity_kind_name(EntityKind kind);

// One listed party. Strings are owned: OFAC's set is joined across four files before an
// entity is complete, and a matcher's index keeps the names anyway.
struct ListEntity {
  std::string list;     // "ofac-sdn", "ofac-consolidated", "csl", "un", "opensanctions"
  std::string id;       // the list's own id: OFAC ent_num, CSL _id, UN REFERENCE_NUMBER, FtM id
  std::string sublist;  // CSL: the source list's short name ("EL", "SDN", "MEU"); else ""
  EntityKind kind = EntityKind::kUnknown;
  // The primary name first, then every strong alias (a.k.a., f.k.a., n.k.a., previous
  // names, original script), without duplicates, as the list writes them.
  std::vector<std::string> names;
  // Weak aliases (UN quality "Low", FtM weakAlias): screen them only as a whole name, since
  // OFAC and the UN say they may yield false hits.
  std::vector<std::string> weak_names;
  std::vector<std::string> countries;       // ISO 3166-1 alpha-2, upper case, no duplicates
  std::vector<std::string> programs;        // "SDGT", "CMIC-EO13959", "DRC"
  std::vector<std::string> dates_of_birth;  // as written: "1962", "1971-01-22", "12 Jan 1960"
  std::string remarks;
  std::string source;      // the file the record came from, as the caller named it
  std::uint64_t line = 0;  // 1-based line of the record in `source`
};

// Something a list reader could not read. A local damage skips one record (or one alias,
// address or comment row); a fatal one ends the list.
struct ListDamage {
  std::string_view file;
  std::uint64_t line = 0;    // 1-based, 0 when unknown
  std::uint64_t offset = 0;  // byte offset of the damaged record in `file`
  std::string_view reason;   // lowercase, no final period
  bool fatal = false;
};

// Receives what a list reader finds. References are valid during the call only.
class ListSink {
 public:
  virtual ~ListSink() = default;
  virtual void entity(const ListEntity& entity) = 0;
  virtual void damage(const ListDamage& damage) = 0;
};

struct ListStats {
  std::uint64_t entities = 0;  // handed to the sink
  std::uint64_t damaged = 0;   // damages reported, fatal included
  std::uint64_t skipped = 0;   // records read but not parties (FtM addresses, sanctions)
};

enum class ListFormat : std::uint8_t {
  kUnknown,
  kOfacSdn,           // sdn.csv, or any file of its set (add.csv, alt.csv, sdn_comments.csv)
  kOfacConsolidated,  // cons_prim.csv and its set
  kCsl,               // trade.gov consolidated_screening_list CSV
  kUnXml,             // UN Security Council CONSOLIDATED_LIST
  kFtmJson,           // OpenSanctions FollowTheMoney JSON Lines
};

[[nodiscard]] std::string_view list_format_name(ListFormat format);

// The format of a list from its file name (no folders needed) and first bytes (a few KiB
// suffice). Content decides; the name only tells an OFAC SDN set from a Consolidated one
// ("cons_*" names) and a set's sibling files from a primary file. kUnknown when nothing fits.
[[nodiscard]] ListFormat sniff_list_format(std::string_view name, std::string_view head);

// Reads a list from a file or, for OFAC, a folder holding sdn.csv and/or cons_prim.csv.
// An OFAC primary file (or any of its siblings) is joined with the add, alt and comments
// files beside it that exist; a missing sibling is not an error. Damage goes to the sink.
// Errors: kNotFound (no such path, or a folder with no list in it), kIo (unreadable),
// kInvalidArgument (a file in no known list format).
[[nodiscard]] Result<ListStats> read_list(const std::filesystem::path& path, ListSink& sink);

// Decodes one list already in memory, `name` naming it in entities and damage. An OFAC
// primary file is read alone (no siblings). kUnknown sniffs the format first. Never fails:
// unreadable bytes are damage.
ListStats decode_list(ListFormat format, std::string_view name, std::string_view bytes, ListSink& sink);

// The four files of an OFAC legacy CSV set, in memory; empty text for a missing file.
struct OfacFiles {
  std::string_view primary_name, primary;    // sdn.csv or cons_prim.csv
  std::string_view address_name, address;    // add.csv: ent_num, add_num, address, city, country, remarks
  std::string_view alias_name, alias;        // alt.csv: ent_num, alt_num, alt_type, alt_name, remarks
  std::string_view comments_name, comments;  // sdn_comments.csv: ent_num, remarks continued
};

// Joins an OFAC set by ent_num and hands each entity over in primary file order, once every
// file is read. `list` is "ofac-sdn" or "ofac-consolidated". Damage: a malformed CSV row, an
// ent_num that is not a number, repeated, or (in the siblings) not in the primary file.
ListStats decode_ofac_csv(std::string_view list, const OfacFiles& files, ListSink& sink);

// The CSL CSV; columns are found by the header, so older files without `_id` read too.
// Damage: a malformed row, a header without `name`.
ListStats decode_csl_csv(std::string_view name, std::string_view text, ListSink& sink);

// The UN consolidated XML. Damage: an INDIVIDUAL or ENTITY without a name; XML that does not
// parse (fatal, after the complete records before the fault are handed over).
ListStats decode_un_xml(std::string_view name, std::string_view text, ListSink& sink);

// FollowTheMoney JSON Lines, one entity a line. Person, Organization, Company, PublicBody,
// LegalEntity, Vessel and Airplane are parties; other schemas (Address, Sanction, links)
// are counted as skipped. Damage: a line that is not a JSON object with id and schema.
ListStats decode_ftm_json(std::string_view name, std::string_view text, ListSink& sink);

// ISO 3166-1 alpha-2 code for an English country name as OFAC, the UN and the CSL write it
// ("Iran", "Korea, North", "Democratic Republic of the Congo", "Russian Federation"), or a
// two-letter code itself. "" when unknown.
[[nodiscard]] std::string_view country_code(std::string_view name);

}  // namespace interdict
