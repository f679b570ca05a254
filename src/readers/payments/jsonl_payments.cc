// Payments as JSON Lines (grammar.md, "JSON Lines"): one object a line, keys named as CSV
// columns (ColumnMap), flat ("debtor_name") or nested ("debtor": {"name": ...}). simdjson
// On-Demand without exceptions: every call returns an error code.
#include <simdjson.h>

#include <string>
#include <vector>

#include "readers/payments/readers.h"

namespace interdict::payments {
namespace {

using simdjson::error_code;
using simdjson::ondemand::json_type;
using simdjson::ondemand::value;

std::string_view lower_reason(error_code error) {
  switch (error) {
    case simdjson::TAPE_ERROR: return "json: unexpected character or structure";
    case simdjson::UNCLOSED_STRING: return "json: unclosed string";
    case simdjson::INCORRECT_TYPE: return "json: value of the wrong type";
    case simdjson::UTF8_ERROR: return "json: invalid utf-8";
    case simdjson::DEPTH_ERROR: return "json: nested too deep";
    case simdjson::NUMBER_ERROR: return "json: malformed number";
    case simdjson::EMPTY: return "json: empty";
    // simdjson checks the brackets of the whole line first, so text after the object
    // shows as an object left open.
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "json: object not closed, or text after it";
    default: return "json: malformed";
  }
}

class JsonLineReader {
 public:
  JsonLineReader(RecordBuilder& out, const ColumnMap& columns) : out_(out), columns_(columns) {}

  // Reads one line's object into the record. Returns the first error.
  error_code read(std::string_view line) {
    if (buffer_.size() < line.size() + simdjson::SIMDJSON_PADDING)
      buffer_.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::copy(line.begin(), line.end(), buffer_.begin());
    simdjson::ondemand::document doc;
    error_code error = parser_.iterate(buffer_.data(), line.size(), buffer_.size()).get(doc);
    if (error) return error;
    simdjson::ondemand::object object;
    if ((error = doc.get_object().get(object))) return error;
    for (auto result : object) {
      simdjson::ondemand::field field;
      std::string_view key;
      if ((error = std::move(result).get(field)) || (error = field.unescaped_key().get(key))) return error;
      if ((error = read_top(columns_.resolve(key), key, field.value()))) return error;
    }
    // At the end of the document current_location() fails; a location means more text.
    const char* rest = nullptr;
    return doc.current_location().get(rest) ? simdjson::SUCCESS : simdjson::TRAILING_CONTENT;
  }

 private:
  // A scalar's text: a string unescaped, a number as written (so amounts stay exact);
  // null and booleans give "".
  error_code scalar(value v, std::string_view& text) {
    text = {};
    json_type type;
    if (error_code error = v.type().get(type)) return error;
    if (type == json_type::string) return v.get_string().get(text);
    if (type == json_type::number) {
      text = trim(v.raw_json_token());
      return simdjson::SUCCESS;
    }
    if (type == json_type::boolean) {
      bool ignored = false;
      return v.get_bool().get(ignored);
    }
    if (type == json_type::null) return v.is_null().error();
    return simdjson::INCORRECT_TYPE;
  }

  // Each element of an array, or the value itself, as scalars set into `target`.
  error_code read_values(const Target& target, value v) {
    json_type type;
    if (error_code error = v.type().get(type)) return error;
    if (type != json_type::array) {
      std::string_view text;
      if (error_code error = scalar(v, text)) return error;
      if (!trim(text).empty()) apply(out_, target, trim(text));
      return simdjson::SUCCESS;
    }
    simdjson::ondemand::array array;
    if (error_code error = v.get_array().get(array)) return error;
    for (auto element : array) {
      value item;
      std::string_view text;
      if (error_code error = std::move(element).get(item)) return error;
      if (error_code error = scalar(item, text)) return error;
      if (!trim(text).empty()) apply(out_, target, trim(text));
    }
    return simdjson::SUCCESS;
  }

  error_code read_top(const Target& target, std::string_view key, value v) {
    json_type type;
    if (error_code error = v.type().get(type)) return error;
    if (type != json_type::object) {
      if (target.field == Field::kNone) return simdjson::SUCCESS;  // unknown keys are skipped unread
      return read_values(target, v);
    }
    if (target.field == Field::kAmount) return read_amount(v);
    if (target.field == Field::kName) return read_party(v, target.role, 0);
    (void)key;
    return simdjson::SUCCESS;
  }

  // {"value": "12.50", "currency": "CNY"}
  error_code read_amount(value v) {
    simdjson::ondemand::object object;
    if (error_code error = v.get_object().get(object)) return error;
    for (auto result : object) {
      simdjson::ondemand::field field;
      std::string_view key;
      if (error_code error = std::move(result).get(field)) return error;
      if (error_code error = field.unescaped_key().get(key)) return error;
      Target t = columns_.resolve(key);
      if (key == "value") t.field = Field::kAmount;
      if (t.field != Field::kAmount && t.field != Field::kCurrency) continue;
      if (error_code error = read_values(t, field.value())) return error;
    }
    return simdjson::SUCCESS;
  }

  // {"name": ..., "country": ..., "iban": ..., "address": [...] | {...}, "agent": {...}}.
  // An agent or address object nests one level more; nothing deeper is read.
  error_code read_party(value v, PartyRole role, int depth) {
    simdjson::ondemand::object object;
    if (error_code error = v.get_object().get(object)) return error;
    for (auto result : object) {
      simdjson::ondemand::field field;
      std::string_view key;
      if (error_code error = std::move(result).get(field)) return error;
      if (error_code error = field.unescaped_key().get(key)) return error;
      value inner = field.value();
      json_type type;
      if (error_code error = inner.type().get(type)) return error;
      const Target t = ColumnMap::resolve_party_key(key, role);
      if (type != json_type::object) {
        if (t.field != Field::kNone) {
          if (error_code error = read_values(t, inner)) return error;
        }
        continue;
      }
      if (depth > 0) continue;
      if (t.field == Field::kAddress) {
        if (error_code error = read_party(inner, role, depth + 1)) return error;  // its keys: country, lines
      } else if (key == "agent" || key == "bank") {
        const PartyRole agent = role == PartyRole::kCreditor ? PartyRole::kCreditorAgent : PartyRole::kDebtorAgent;
        if (error_code error = read_party(inner, agent, depth + 1)) return error;
      }
    }
    return simdjson::SUCCESS;
  }

  RecordBuilder& out_;
  const ColumnMap& columns_;
  simdjson::ondemand::parser parser_;
  std::vector<char> buffer_;  // the current line, padded for simdjson; grows, never shrinks
};

}  // namespace

void decode_payment_jsonl(std::string_view text, std::string_view file, PaymentSink& sink, const ColumnMap& columns) {
  RecordBuilder out(PaymentFormat::kJsonLines, file, sink);
  JsonLineReader reader(out, columns);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t pos = 0;
  std::uint64_t number = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    const std::uint64_t offset = pos;
    pos = end + 1;
    ++number;
    if (trim(line).empty()) continue;
    PaymentRecord& r = out.start();
    r.evidence.line = number;
    r.evidence.offset = offset;
    if (const error_code error = reader.read(line)) {
      out.damage(error == simdjson::INCORRECT_TYPE     ? "json: line is not an object, or a value of the wrong type"
                 : error == simdjson::TRAILING_CONTENT ? "json: text after the object"
                                                       : lower_reason(error));
      continue;
    }
    out.finish();
  }
}

}  // namespace interdict::payments
