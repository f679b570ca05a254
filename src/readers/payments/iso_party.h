// Internal to the ISO 20022 reader: local names whatever the namespace prefix, and the
// party, agent and account blocks that pain.001 and pacs.008 share (grammar.md, "Parties").
//
// Thread-safety: free functions over a pugixml tree the caller owns; no shared state.
#pragma once

#include <pugixml.hpp>
#include <string_view>

#include "readers/payments/fields.h"

namespace interdict::payments {

// "CstmrCdtTrfInitn" for both <CstmrCdtTrfInitn> and <p:CstmrCdtTrfInitn>.
[[nodiscard]] std::string_view local_name(const pugi::xml_node& node);
// The first child element with local name `name`, or an empty node.
[[nodiscard]] pugi::xml_node child(const pugi::xml_node& node, std::string_view name);
// The trimmed text of the child `name`, or "".
[[nodiscard]] std::string_view child_text(const pugi::xml_node& node, std::string_view name);
// The trimmed text of the node itself.
[[nodiscard]] std::string_view text_of(const pugi::xml_node& node);

// Fills `party` from a PartyIdentification block (Dbtr, Cdtr, UltmtDbtr, UltmtCdtr, InitgPty):
// Nm, PstlAdr, Id/OrgId (AnyBIC, BICOrBEI, LEI, Othr/Id), Id/PrvtId/Othr/Id, CtryOfRes; the
// kind from which of OrgId and PrvtId is given.
void read_party(const pugi::xml_node& node, Party& party);
// Fills `party` from a BranchAndFinancialInstitutionIdentification block (the agents):
// FinInstnId with BICFI or BIC, ClrSysMmbId/MmbId, LEI, Nm, PstlAdr, Othr/Id.
void read_agent(const pugi::xml_node& node, Party& party);
// Sets the party's account from a CashAccount block: Id/IBAN, else Id/Othr/Id.
void read_account(const pugi::xml_node& node, Party& party);

}  // namespace interdict::payments
