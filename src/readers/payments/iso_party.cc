#include "readers/payments/iso_party.h"

namespace interdict::payments {
namespace {

// PostalAddress: AdrLine when given (most files), else the structured parts in the order a
// letter is written. Ctry is the address country either way.
void read_address(const pugi::xml_node& node, Party& party) {
  static constexpr std::string_view kParts[] = {"Dept",      "SubDept",  "StrtNm",     "BldgNb", "BldgNm",
                                                "Flr",       "PstBx",    "Room",       "PstCd",  "TwnNm",
                                                "TwnLctnNm", "DstrctNm", "CtrySubDvsn"};
  bool lines = false;
  for (const pugi::xml_node& c : node.children()) {
    const std::string_view name = local_name(c);
    if (name == "AdrLine") {
      RecordBuilder::add_address(party, text_of(c));
      lines = true;
    } else if (name == "Ctry") {
      RecordBuilder::set_country(party, country_code(text_of(c)), CountrySource::kAddress);
    }
  }
  if (lines) return;
  for (const std::string_view part : kParts) RecordBuilder::add_address(party, child_text(node, part));
}

// GenericIdentification: Othr/Id, each one an id.
void read_others(const pugi::xml_node& node, Party& party) {
  for (const pugi::xml_node& c : node.children()) {
    if (local_name(c) == "Othr") RecordBuilder::add_id(party, child_text(c, "Id"));
  }
}

}  // namespace

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  }
  return {};
}

std::string_view text_of(const pugi::xml_node& node) { return trim(node.child_value()); }

std::string_view child_text(const pugi::xml_node& node, std::string_view name) { return text_of(child(node, name)); }

void read_party(const pugi::xml_node& node, Party& party) {
  for (const pugi::xml_node& c : node.children()) {
    const std::string_view name = local_name(c);
    if (name == "Nm") {
      party.name = text_of(c);
    } else if (name == "PstlAdr") {
      read_address(c, party);
    } else if (name == "CtryOfRes") {
      RecordBuilder::set_country(party, country_code(text_of(c)), CountrySource::kResidence);
    } else if (name == "Id") {
      if (const pugi::xml_node org = child(c, "OrgId")) {
        party.kind = PartyKind::kOrganisation;
        for (const pugi::xml_node& o : org.children()) {
          const std::string_view key = local_name(o);
          if (key == "AnyBIC" || key == "BICOrBEI") {
            party.bic = text_of(o);
          } else if (key == "LEI") {
            party.lei = text_of(o);
          }
        }
        read_others(org, party);
      }
      if (const pugi::xml_node person = child(c, "PrvtId")) {
        party.kind = PartyKind::kPerson;
        read_others(person, party);
      }
    }
  }
}

void read_agent(const pugi::xml_node& node, Party& party) {
  const pugi::xml_node institution = child(node, "FinInstnId");
  party.kind = PartyKind::kOrganisation;  // an agent is a financial institution
  for (const pugi::xml_node& c : institution.children()) {
    const std::string_view name = local_name(c);
    if (name == "BICFI" || name == "BIC") {
      party.bic = text_of(c);
    } else if (name == "LEI") {
      party.lei = text_of(c);
    } else if (name == "Nm") {
      party.name = text_of(c);
    } else if (name == "PstlAdr") {
      read_address(c, party);
    } else if (name == "ClrSysMmbId") {
      RecordBuilder::add_id(party, child_text(c, "MmbId"));
    } else if (name == "Othr") {
      RecordBuilder::add_id(party, child_text(c, "Id"));
    }
  }
}

void read_account(const pugi::xml_node& node, Party& party) {
  const pugi::xml_node id = child(node, "Id");
  if (const std::string_view iban = child_text(id, "IBAN"); !iban.empty()) {
    party.account = iban;
    party.account_is_iban = true;
  } else {
    party.account = child_text(child(id, "Othr"), "Id");
    party.account_is_iban = false;
  }
}

}  // namespace interdict::payments
