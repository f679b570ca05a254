// ISO 20022 pain.001 and pacs.008 (grammar.md, "ISO 20022"). The message element is found
// by local name at most kMaxEnvelopeDepth levels down, so a bare Document, a Document in a
// SWIFT or bank envelope, and a prefixed namespace all read alike.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "readers/payments/iso_party.h"
#include "readers/payments/readers.h"

namespace interdict::payments {
namespace {

constexpr int kMaxEnvelopeDepth = 6;
constexpr std::string_view kNamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:";

std::uint64_t offset_of(const pugi::xml_node& node) {
  const std::ptrdiff_t offset = node.offset_debug();
  return offset > 0 ? static_cast<std::uint64_t>(offset - 1) : 0;  // back to the '<'
}

pugi::xml_node find_message(const pugi::xml_node& node, int depth) {
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = local_name(c);
    if (name == "CstmrCdtTrfInitn" || name == "FIToFICstmrCdtTrf") return c;
    if (depth + 1 < kMaxEnvelopeDepth) {
      if (const pugi::xml_node found = find_message(c, depth + 1)) return found;
    }
  }
  return {};
}

// "pain.001.001.09" from the namespace bound to the message element's prefix, or "".
std::string_view message_type(const pugi::xml_node& message) {
  const std::string_view name = message.name();
  const std::size_t colon = name.find(':');
  std::string attribute = "xmlns";
  if (colon != std::string_view::npos) attribute.append(":").append(name.substr(0, colon));
  for (pugi::xml_node n = message; n; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attribute.c_str())) {
      const std::string_view uri = a.value();
      return uri.starts_with(kNamespacePrefix) ? uri.substr(kNamespacePrefix.size()) : std::string_view{};
    }
  }
  return {};
}

// Appends "/Name[i]" for `node` among its same-named siblings ("[i]" only when it has any).
void append_step(std::string& path, const pugi::xml_node& node) {
  const std::string_view name = local_name(node);
  std::size_t index = 0, count = 0;
  for (const pugi::xml_node& s : node.parent().children()) {
    if (s.type() != pugi::node_element || local_name(s) != name) continue;
    ++count;
    if (s == node) index = count;
  }
  path.append("/").append(name);
  if (count > 1 || name == "PmtInf" || name == "CdtTrfTxInf")
    path.append("[").append(std::to_string(index)).append("]");
}

// The blocks of a PmtInf that apply to each of its transactions, found in one pass (a
// PmtInf may hold 100k transactions; looking up an absent UltmtDbtr per transaction would
// be quadratic).
struct PaymentInformation {
  pugi::xml_node debtor, account, agent, ultimate, date;
  std::size_t index = 0;  // 1-based; 0 for pacs.008, which has no PmtInf
};

class IsoReader {
 public:
  IsoReader(std::string_view text, std::string_view file, PaymentSink& sink, PaymentFormat format)
      : lines_(text), out_(format, file, sink) {}

  void read(const pugi::xml_node& message, std::vector<pugi::xml_node> open) {
    open_ = std::move(open);
    type_ = message_type(message);
    std::vector<pugi::xml_node> chain;
    for (pugi::xml_node n = message; n && n.type() == pugi::node_element; n = n.parent()) chain.push_back(n);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) append_step(base_, *it);
    header_ = child(message, "GrpHdr");
    initiating_ = child(header_, "InitgPty");
    instructing_ = child(header_, "InstgAgt");
    instructed_ = child(header_, "InstdAgt");
    const bool pain = local_name(message) == "CstmrCdtTrfInitn";
    // Positions are counted here, not by looking at siblings, which would be quadratic in
    // a file of 100k transactions.
    std::size_t index = 0;
    for (const pugi::xml_node& c : message.children()) {
      if (pain && local_name(c) == "PmtInf") {
        read_payment_information(c, ++index);
      } else if (!pain && local_name(c) == "CdtTrfTxInf") {
        read_transaction(c, PaymentInformation{}, ++index);
      }
    }
  }

 private:
  bool is_open(const pugi::xml_node& node) const { return std::find(open_.begin(), open_.end(), node) != open_.end(); }

  void read_payment_information(const pugi::xml_node& node, std::size_t info_index) {
    PaymentInformation info;
    info.index = info_index;
    for (const pugi::xml_node& c : node.children()) {
      const std::string_view name = local_name(c);
      if (name == "CdtTrfTxInf") break;  // the schema puts the PmtInf blocks first
      if (name == "Dbtr") info.debtor = c;
      if (name == "DbtrAcct") info.account = c;
      if (name == "DbtrAgt") info.agent = c;
      if (name == "UltmtDbtr") info.ultimate = c;
      if (name == "ReqdExctnDt") info.date = c;
    }
    std::size_t index = 0;
    for (const pugi::xml_node& c : node.children()) {
      if (local_name(c) == "CdtTrfTxInf") read_transaction(c, info, ++index);
    }
  }

  // `info` is the PmtInf of a pain.001 transaction (empty for pacs.008): its debtor, agent
  // and execution date apply to every transaction in it. `tx_index` is the 1-based
  // position among its siblings, for the evidence path.
  void read_transaction(const pugi::xml_node& tx, const PaymentInformation& info, std::size_t tx_index) {
    const bool pain = info.index > 0;
    // A transaction the parse error cut through is incomplete; the fatal damage covers it.
    if (is_open(tx)) return;
    PaymentRecord& r = out_.start();
    r.message_type = type_;
    r.message_id = child_text(header_, "MsgId");
    r.evidence.offset = offset_of(tx);
    r.evidence.line = lines_.line_at(r.evidence.offset);
    path_ = base_;
    if (pain) path_.append("/PmtInf[").append(std::to_string(info.index)).append("]");
    path_.append("/CdtTrfTxInf[").append(std::to_string(tx_index)).append("]");
    r.evidence.path = path_;

    if (initiating_) read_party_of(initiating_, PartyRole::kInitiatingParty);
    if (pain) {
      read_debtor_side(info);
    } else {
      if (instructing_) read_agent_of(instructing_, PartyRole::kInstructingAgent);
      if (instructed_) read_agent_of(instructed_, PartyRole::kInstructedAgent);
    }
    bool has_amount = false, has_debtor = pain && info.debtor;
    bool has_creditor = false;
    std::string_view date;
    for (const pugi::xml_node& c : tx.children()) {
      const std::string_view name = local_name(c);
      if (name == "PmtId") {
        r.instruction_id = child_text(c, "InstrId");
        r.payment_id = child_text(c, "EndToEndId");
        r.uetr = child_text(c, "UETR");
      } else if (name == "Amt" || name == "IntrBkSttlmAmt") {
        pugi::xml_node amount = name == "Amt" ? child(c, "InstdAmt") : c;
        if (!amount && name == "Amt") amount = child(child(c, "EqvtAmt"), "Amt");
        if (!amount) continue;
        has_amount = true;
        if (!out_.set_amount(text_of(amount)) || !out_.set_currency(amount.attribute("Ccy").value())) return;
      } else if (name == "IntrBkSttlmDt") {
        date = text_of(c);
      } else if (name == "Dbtr" || name == "Cdtr" || name == "UltmtDbtr" || name == "UltmtCdtr" || name == "InitgPty") {
        const PartyRole role = name == "Dbtr"        ? PartyRole::kDebtor
                               : name == "Cdtr"      ? PartyRole::kCreditor
                               : name == "UltmtDbtr" ? PartyRole::kUltimateDebtor
                               : name == "UltmtCdtr" ? PartyRole::kUltimateCreditor
                                                     : PartyRole::kInitiatingParty;
        has_debtor |= role == PartyRole::kDebtor;
        has_creditor |= role == PartyRole::kCreditor;
        if (Party* p = out_.party(role)) {
          *p = Party{};
          p->role = role;
          read_party(c, *p);
        }
      } else if (name == "DbtrAcct" || name == "CdtrAcct") {
        if (Party* p = out_.party(name == "DbtrAcct" ? PartyRole::kDebtor : PartyRole::kCreditor)) read_account(c, *p);
      } else if (name == "DbtrAgt" || name == "CdtrAgt" || name == "IntrmyAgt1" || name == "IntrmyAgt2" ||
                 name == "IntrmyAgt3" || name == "InstgAgt" || name == "InstdAgt") {
        const PartyRole role = name == "DbtrAgt"    ? PartyRole::kDebtorAgent
                               : name == "CdtrAgt"  ? PartyRole::kCreditorAgent
                               : name == "InstgAgt" ? PartyRole::kInstructingAgent
                               : name == "InstdAgt" ? PartyRole::kInstructedAgent
                                                    : PartyRole::kIntermediaryAgent;
        Party* p = role == PartyRole::kIntermediaryAgent ? out_.add_party(role) : out_.party(role);
        if (p) {
          *p = Party{};
          p->role = role;
          read_agent(c, *p);
        }
      } else if (name == "Purp") {
        r.purpose = child_text(c, "Cd");
        if (r.purpose.empty()) r.purpose = child_text(c, "Prtry");
      } else if (name == "RmtInf") {
        read_remittance(c);
      }
    }
    if (!has_amount) return out_.damage(pain ? "missing Amt/InstdAmt" : "missing IntrBkSttlmAmt");
    if (r.payment_id.empty()) return out_.damage("missing PmtId/EndToEndId");
    if (!has_debtor) return out_.damage("missing Dbtr");
    if (!has_creditor) return out_.damage("missing Cdtr");
    if (pain) {
      const pugi::xml_node& when = info.date;
      date = child_text(when, "DtTm");
      if (date.empty()) date = child_text(when, "Dt");
      if (date.empty()) date = text_of(when);
    } else if (date.empty()) {
      date = child_text(header_, "IntrBkSttlmDt");
    }
    if (date.empty()) date = child_text(header_, "CreDtTm");
    if (!date.empty() && !out_.set_time(date)) return;
    out_.finish();
  }

  void read_debtor_side(const PaymentInformation& info) {
    if (info.debtor) {
      Party* p = read_party_of(info.debtor, PartyRole::kDebtor);
      if (info.account && p) read_account(info.account, *p);
    }
    if (info.agent) read_agent_of(info.agent, PartyRole::kDebtorAgent);
    if (info.ultimate) read_party_of(info.ultimate, PartyRole::kUltimateDebtor);
  }

  Party* read_party_of(const pugi::xml_node& node, PartyRole role) {
    Party* p = out_.add_party(role);
    if (p) read_party(node, *p);
    return p;
  }

  void read_agent_of(const pugi::xml_node& agent, PartyRole role) {
    if (Party* p = out_.add_party(role)) read_agent(agent, *p);
  }

  void read_remittance(const pugi::xml_node& info) {
    for (const pugi::xml_node& c : info.children()) {
      const std::string_view name = local_name(c);
      if (name == "Ustrd") {
        out_.add_remittance(text_of(c));
      } else if (name == "Strd") {
        out_.add_remittance(child_text(child(c, "CdtrRefInf"), "Ref"));
        for (const pugi::xml_node& s : c.children()) {
          if (local_name(s) == "AddtlRmtInf") out_.add_remittance(text_of(s));
        }
      }
    }
  }

  LineIndex lines_;
  RecordBuilder out_;
  std::vector<pugi::xml_node> open_;  // elements still open where parsing stopped
  pugi::xml_node header_, initiating_, instructing_, instructed_;
  std::string_view type_;
  std::string base_;  // the path of the message element
  std::string path_;  // scratch: the current transaction's path
};

}  // namespace

void decode_iso20022(PaymentFormat format, std::string_view text, std::string_view file, PaymentSink& sink) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  // The elements the parse error left open: the chain of last children, down to the first
  // one whose end tag comes before the error (a mismatched tag after a complete
  // transaction must not cost that transaction).
  std::vector<pugi::xml_node> open;
  if (!result) {
    const auto error = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    for (pugi::xml_node node = doc.last_child(); node; node = node.last_child()) {
      if (node.type() == pugi::node_element) {
        const std::string end = std::string("</") + node.name() + ">";
        const std::size_t at = text.find(end, offset_of(node));
        if (at != std::string_view::npos && at + end.size() <= error) break;
      }
      open.push_back(node);
    }
  }
  const pugi::xml_node message = find_message(doc, 0);
  if (message) {
    const PaymentFormat actual =
        local_name(message) == "CstmrCdtTrfInitn" ? PaymentFormat::kPain001 : PaymentFormat::kPacs008;
    IsoReader reader(text, file, sink, actual == format ? format : actual);
    reader.read(message, std::move(open));
  }
  RecordBuilder out(format, file, sink);
  LineIndex lines(text);
  if (!result) {
    std::string reason = "xml not well-formed: ";
    for (const char* p = result.description(); *p != '\0'; ++p) {
      reason.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
    }
    const auto offset = static_cast<std::uint64_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    out.damage_at(lines.line_at(offset), offset, reason, true);
  } else if (!message) {
    out.damage_at(1, 0, "no pain.001 or pacs.008 message element (CstmrCdtTrfInitn, FIToFICstmrCdtTrf)", true);
  }
}

}  // namespace interdict::payments
