// JsonInput (json_input.h): text mended to well-formed UTF-8 (base/utf8.h, RFC 3629) before simdjson reads it.
#include "readers/sbom/json_input.h"

#include <algorithm>
#include <string>

#include "base/utf8.h"

namespace interdict::manifest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

JsonInput::JsonInput(std::string_view text, Emitter& out) : out_(out), size_(text.size()) {
  std::string copy(text);
  if (!simdjson::validate_utf8(copy.data(), copy.size())) repair_utf8(copy);
  std::size_t last = copy.size();
  while (last > 0 && is_space(copy[last - 1])) --last;
  const bool closed = last > 0 && (copy[last - 1] == '}' || copy[last - 1] == ']');
  // A closing bracket at the end is the common case; a cut inside a string can still end
  // in one (`"a}`), which simdjson's stage one reports and start() repairs then.
  truncated_ = !closed && last > 0 && repair_truncation(copy);
  buffer_ = simdjson::padded_string(copy);
}

void JsonInput::repair_utf8(std::string& copy) {
  std::size_t i = 0;
  while (i < copy.size()) {
    const std::size_t n = utf8_sequence_length(copy, i);
    if (n > 0) {
      i += n;
      continue;
    }
    const std::size_t start = i;
    while (i < copy.size() && utf8_sequence_length(copy, i) == 0) copy[i++] = '?';
    out_.damage(start, "invalid utf-8 (" + std::to_string(i - start) + " bytes replaced)");
  }
}

bool JsonInput::repair_truncation(std::string& copy) {
  std::vector<std::uint64_t> stack;
  bool in_string = false;
  bool escaped = false;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < copy.size(); ++i) {
    const char c = copy[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (stack.size() >= kMaxJsonDepth) return false;
      stack.push_back(i);
      cut = i + 1;
    } else if (c == '}' || c == ']') {
      if (stack.empty()) return false;  // more closed than opened: not a truncation
      stack.pop_back();
      cut = i + 1;
    }
  }
  in_string_at_end_ = in_string;
  if (stack.empty()) return false;
  // INVARIANT: no bracket follows `cut`, so the stack there is the stack at the end.
  copy.resize(cut);
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) copy.push_back(copy[*it] == '{' ? '}' : ']');
  closed_ = std::move(stack);
  cut_ = cut;
  return true;
}

simdjson::error_code JsonInput::start(simdjson::ondemand::document& doc) {
  simdjson::error_code error = parser_.iterate(buffer_).get(doc);
  if (error == simdjson::UNESCAPED_CHARS) {
    std::string copy(buffer_.data(), buffer_.size());  // the buffer, maybe already repaired
    repair_control_characters(copy);
    buffer_ = simdjson::padded_string(copy);
    error = parser_.iterate(buffer_).get(doc);
  }
  if (error == simdjson::UNCLOSED_STRING && !truncated_) {
    std::string copy(buffer_.data(), buffer_.size());  // the buffer, maybe already repaired
    if (repair_truncation(copy)) {
      truncated_ = true;
      buffer_ = simdjson::padded_string(copy);
      error = parser_.iterate(buffer_).get(doc);
    }
  }
  started_ = !error;
  return error;
}

void JsonInput::repair_control_characters(std::string& copy) {
  bool in_string = false;
  for (std::size_t i = 0; i < copy.size(); ++i) {
    const char c = copy[i];
    if (!in_string) {
      in_string = c == '"';
    } else if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      copy[i] = ' ';
      out_.damage(i, "control character inside a json string (replaced)");
    }
  }
}

std::uint64_t JsonInput::offset_of(const char* p) const {
  if (p < buffer_.data()) return 0;
  return std::min<std::uint64_t>(static_cast<std::uint64_t>(p - buffer_.data()), size_);
}

bool JsonInput::incomplete(const char* start) const {
  if (!truncated_) return false;
  const std::uint64_t offset = offset_of(start);
  return std::binary_search(closed_.begin(), closed_.end(), offset);
}

bool JsonInput::finish(simdjson::error_code error, simdjson::ondemand::document& doc) {
  if (truncated_) {
    out_.damage(size_,
                std::string("json ends early, ") + (in_string_at_end_ ? "inside a string and " : "") +
                    std::to_string(closed_.size()) + " objects or arrays open (cut back to offset " +
                    std::to_string(cut_) + ")",
                true);
    return false;
  }
  if (!error) return true;
  std::uint64_t offset = size_;
  const char* location = nullptr;
  // A document that never started has no location to ask for (simdjson would read a null).
  if (started_ && !doc.current_location().get(location)) offset = offset_of(location);
  out_.damage(offset, json_reason(error), true);
  return false;
}

std::string_view json_reason(simdjson::error_code error) {
  switch (error) {
    case simdjson::EMPTY: return "empty json document";
    case simdjson::UNCLOSED_STRING: return "json string never closed";
    case simdjson::TAPE_ERROR: return "broken json structure (missing comma, brace or key)";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "json ends inside an object or array";
    case simdjson::DEPTH_ERROR: return "json nested deeper than the parser allows";
    case simdjson::INCORRECT_TYPE: return "json value of the wrong type";
    case simdjson::STRING_ERROR: return "bad json string escape";
    case simdjson::UTF8_ERROR: return "invalid utf-8 in json";
    case simdjson::UNESCAPED_CHARS: return "control character inside a json string";
    case simdjson::NUMBER_ERROR: return "bad json number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "bad json literal";
    case simdjson::CAPACITY: return "json document too large";
    case simdjson::TRAILING_CONTENT: return "content after the json document";
    default: return "malformed json";
  }
}

simdjson::error_code read_string(simdjson::ondemand::value value, std::string_view field, JsonInput& input,
                                 Emitter& out, std::string_view& text) {
  text = {};
  const std::uint64_t offset = input.offset_of(value.raw_json_token());
  const simdjson::error_code error = value.get_string().get(text);
  if (error == simdjson::INCORRECT_TYPE) {
    bool null = false;
    if (value.is_null().get(null) || !null) out.damage(offset, "`" + std::string(field) + "` is not a string");
    return simdjson::SUCCESS;
  }
  return error;
}

}  // namespace interdict::manifest
