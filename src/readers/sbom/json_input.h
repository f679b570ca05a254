// Internal to the manifest readers: a JSON file made ready for simdjson's On-Demand parser,
// used without exceptions (every call returns an error code).
//
// The file is copied once into a padded buffer, since simdjson reads a little past the end
// and the caller's buffer is not known to have room. Two repairs happen in that copy, so
// that the packages before a fault still come out:
//   - invalid UTF-8 bytes become '?', and control characters inside strings spaces, byte
//     for byte (offsets still point into the file); each is a local damage;
//   - a document cut short (inside a string, an object or an array) is cut back to just
//     after its last bracket and closed there. The objects so closed are incomplete: a
//     reader asks incomplete() before it reports one, and finish() reports the truncation
//     as fatal damage at the end of the file.
//
// Thread-safety: one per input, not thread-safe.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/sbom/emitter.h"

namespace interdict::manifest {

// Deeper JSON than this is left to fail in simdjson (DEPTH_ERROR) rather than repaired.
inline constexpr std::size_t kMaxJsonDepth = 1024;
// Components, dependencies and other nested lists are followed this deep, no deeper.
inline constexpr int kMaxNesting = 64;

class JsonInput {
 public:
  // Copies and repairs `text`; damage goes to `out`.
  JsonInput(std::string_view text, Emitter& out);
  JsonInput(const JsonInput&) = delete;
  JsonInput& operator=(const JsonInput&) = delete;

  // Starts a walk over the document, again from the top if called twice. Errors: EMPTY,
  // UNCLOSED_STRING and the other stage-one errors of simdjson; hand them to finish().
  [[nodiscard]] simdjson::error_code start(simdjson::ondemand::document& doc);

  // The byte offset in the file of a pointer into the buffer (clamped to the file size).
  [[nodiscard]] std::uint64_t offset_of(const char* p) const;
  [[nodiscard]] std::uint64_t offset_of(std::string_view token) const { return offset_of(token.data()); }
  // True when the object or array starting at `start` was closed by the truncation repair.
  [[nodiscard]] bool incomplete(const char* start) const;

  // Ends a walk: reports the truncation, or else `error` (if any) at the place `doc` has
  // reached, as one fatal damage. Returns true when the walk ended cleanly.
  bool finish(simdjson::error_code error, simdjson::ondemand::document& doc);

 private:
  void repair_utf8(std::string& copy);
  // Replaces control characters inside strings, which simdjson refuses, with spaces.
  void repair_control_characters(std::string& copy);
  // Cuts `copy` back after its last bracket and closes what is open; false if not needed.
  bool repair_truncation(std::string& copy);

  Emitter& out_;
  std::uint64_t size_;
  simdjson::padded_string buffer_;
  simdjson::ondemand::parser parser_;
  std::vector<std::uint64_t> closed_;  // offsets of the brackets the repair closed, ascending
  std::uint64_t cut_ = 0;              // the offset where the repair cut the file
  bool truncated_ = false;
  bool started_ = false;  // the last start() succeeded
  bool in_string_at_end_ = false;
};

// A short lowercase reason for a simdjson error.
[[nodiscard]] std::string_view json_reason(simdjson::error_code error);

// Reads a string field's value; INCORRECT_TYPE (a field of another type) is a local damage
// and returns SUCCESS with `out` empty. Other errors are returned.
[[nodiscard]] simdjson::error_code read_string(simdjson::ondemand::value value, std::string_view field,
                                               JsonInput& input, Emitter& out, std::string_view& text);

// True when `value` is a JSON object.
inline bool is_object(simdjson::ondemand::value& value) {
  simdjson::ondemand::json_type type;
  return !value.type().get(type) && type == simdjson::ondemand::json_type::object;
}

// Iterates an object's fields; `visit(key, value)` returns an error code. A value that is
// not an object has no fields.
template <typename Visit>
simdjson::error_code for_fields(simdjson::ondemand::value value, Visit&& visit) {
  simdjson::ondemand::object object;
  simdjson::error_code error = value.get_object().get(object);
  if (error) return error == simdjson::INCORRECT_TYPE ? simdjson::SUCCESS : error;
  for (auto result : object) {
    simdjson::ondemand::field field;
    std::string_view key;
    if ((error = std::move(result).get(field)) || (error = field.unescaped_key().get(key))) return error;
    if ((error = visit(key, field.value()))) return error;
  }
  return simdjson::SUCCESS;
}

// Iterates an array's elements; anything else is no elements.
template <typename Visit>
simdjson::error_code for_elements(simdjson::ondemand::value value, Visit&& visit) {
  simdjson::ondemand::array array;
  simdjson::error_code error = value.get_array().get(array);
  if (error) return error == simdjson::INCORRECT_TYPE ? simdjson::SUCCESS : error;
  for (auto result : array) {
    simdjson::ondemand::value element;
    if ((error = std::move(result).get(element)) || (error = visit(element))) return error;
  }
  return simdjson::SUCCESS;
}

}  // namespace interdict::manifest
