// The UN Security Council consolidated list, XML as published at
// scsanctions.un.org/resources/xml/en/consolidated.xml (schema sc-sanctions.xsd):
//
//   CONSOLIDATED_LIST
//     INDIVIDUALS / INDIVIDUAL*
//       DATAID, FIRST_NAME, SECOND_NAME, THIRD_NAME, FOURTH_NAME, NAME_ORIGINAL_SCRIPT,
//       UN_LIST_TYPE, REFERENCE_NUMBER, COMMENTS1, NATIONALITY / VALUE*,
//       INDIVIDUAL_ALIAS* (QUALITY "Good" | "a.k.a." | "f.k.a." | "Low", ALIAS_NAME),
//       INDIVIDUAL_ADDRESS* / COUNTRY, INDIVIDUAL_DATE_OF_BIRTH* (DATE | YEAR | FROM_YEAR, TO_YEAR)
//     ENTITIES / ENTITY*
//       DATAID, FIRST_NAME, NAME_ORIGINAL_SCRIPT, UN_LIST_TYPE, REFERENCE_NUMBER, COMMENTS1,
//       ENTITY_ALIAS* (QUALITY, ALIAS_NAME), ENTITY_ADDRESS* / COUNTRY
//
// "Low" quality aliases are weak: the UN calls them insufficient for identification.
// pugixml parses without exceptions; on a parse error it keeps the tree read so far, so the
// records complete before the fault are handed over and the one it broke is dropped.
#include <algorithm>
#include <pugixml.hpp>

#include "readers/lists/list_util.h"

namespace interdict {
namespace {

using lists::add_country;
using lists::add_unique;
using lists::Reporter;
using lists::trim;

// Line numbers of byte offsets asked in increasing order, counted once over the text.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  std::uint64_t line_at(std::uint64_t offset) {
    offset = std::min<std::uint64_t>(offset, text_.size());
    if (offset < at_) at_ = 0, line_ = 1;
    line_ += static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(at_),
                                                   text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    at_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  std::uint64_t at_ = 0;
  std::uint64_t line_ = 1;
};

std::string_view child_text(const pugi::xml_node& node, const char* name) {
  return trim(node.child(name).text().as_string());
}

void read_record(const pugi::xml_node& node, bool individual, ListEntity& e) {
  const char* const alias_tag = individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
  const char* const address_tag = individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS";
  e.kind = individual ? EntityKind::kPerson : EntityKind::kOrganization;
  e.id = child_text(node, "REFERENCE_NUMBER");
  if (e.id.empty()) e.id = child_text(node, "DATAID");
  std::string primary;
  for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
    const std::string_view piece = child_text(node, part);
    if (piece.empty()) continue;
    if (!primary.empty()) primary += ' ';
    primary += piece;
  }
  add_unique(e.names, primary);
  add_unique(e.names, child_text(node, "NAME_ORIGINAL_SCRIPT"));
  for (const pugi::xml_node& alias : node.children(alias_tag)) {
    const std::string_view name = child_text(alias, "ALIAS_NAME");
    if (child_text(alias, "QUALITY") == "Low") {
      add_unique(e.weak_names, name);
    } else {
      add_unique(e.names, name);
    }
  }
  for (const pugi::xml_node& value : node.child("NATIONALITY").children("VALUE")) {
    add_country(e.countries, trim(value.text().as_string()));
  }
  for (const pugi::xml_node& address : node.children(address_tag)) {
    add_country(e.countries, child_text(address, "COUNTRY"));
  }
  for (const pugi::xml_node& dob : node.children("INDIVIDUAL_DATE_OF_BIRTH")) {
    std::string_view date = child_text(dob, "DATE");
    if (date.empty()) date = child_text(dob, "YEAR");
    if (!date.empty()) {
      add_unique(e.dates_of_birth, date);
    } else if (!child_text(dob, "FROM_YEAR").empty()) {
      add_unique(e.dates_of_birth,
                 std::string(child_text(dob, "FROM_YEAR")) + "/" + std::string(child_text(dob, "TO_YEAR")));
    }
  }
  add_unique(e.programs, child_text(node, "UN_LIST_TYPE"));
  e.remarks = child_text(node, "COMMENTS1");
}

}  // namespace

ListStats decode_un_xml(std::string_view name, std::string_view text, ListSink& sink) {
  Reporter reporter(sink, name);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  const pugi::xml_node root = doc.child("CONSOLIDATED_LIST");
  const auto error_offset = static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
  LineCounter lines(text);
  if (!root) {
    const std::string reason =
        parsed ? std::string("no CONSOLIDATED_LIST element") : std::string("xml: ") + parsed.description();
    const std::uint64_t offset = parsed ? 0 : error_offset;
    reporter.damage(lines.line_at(offset), offset, reason, true);
    return reporter.stats();
  }

  // INVARIANT: when parsing failed, the record open at the fault is the last one in
  // document order; it is dropped instead of handed over half read.
  pugi::xml_node last;
  for (const pugi::xml_node& group : root.children()) {
    for (const pugi::xml_node& node : group.children()) {
      if (std::string_view(node.name()) == "INDIVIDUAL" || std::string_view(node.name()) == "ENTITY") last = node;
    }
  }

  ListEntity e;
  for (const pugi::xml_node& group : root.children()) {
    const std::string_view group_name = group.name();
    const bool individuals = group_name == "INDIVIDUALS";
    if (!individuals && group_name != "ENTITIES") continue;
    const char* const tag = individuals ? "INDIVIDUAL" : "ENTITY";
    for (const pugi::xml_node& node : group.children(tag)) {
      const auto offset = static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
      const std::uint64_t line = lines.line_at(offset);
      if (!parsed && node == last) {
        reporter.damage(line, offset, std::string("record cut by an xml error: ") + parsed.description());
        continue;
      }
      lists::clear_entity(e);
      e.list = "un";
      e.source = name;
      e.line = line;
      read_record(node, individuals, e);
      if (e.names.empty()) {
        reporter.damage(line, offset, std::string(tag) + " " + e.id + " has no name");
        continue;
      }
      reporter.entity(e);
    }
  }
  if (!parsed) {
    reporter.damage(lines.line_at(error_offset), error_offset, std::string("xml: ") + parsed.description(), true);
  }
  return reporter.stats();
}

}  // namespace interdict
