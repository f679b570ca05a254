// Sinks: Findings rendered for people (a table on a terminal) and for machines (JSON).
//
// Only sinks and the CLI print; everything here writes into a caller's string so the CLI
// decides where bytes go and when they are flushed. Free functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"

namespace interdict {

// Appends `s` as a JSON string literal, quotes included, escaping per RFC 8259.
void append_json_string(std::string& out, std::string_view s);

// Appends `,"key":`, for an object already opened with its first member. `key` is written
// as given: callers pass literal names that need no escaping.
void append_json_key(std::string& out, std::string_view key);
// Appends `,"key":"value"`, the value escaped.
void append_json_field(std::string& out, std::string_view key, std::string_view value);

// The answer to one `interdict check` line (docs/check.md), without a trailing newline.
// `scratch` holds the reasons between calls so a stream of answers reuses its memory.
void append_check_answer(std::string& out, const OrderSet& orders, const Finding& finding, const Observation& obs,
                         std::optional<Instant> known_at, std::uint64_t line, std::string_view ref, Reasons& scratch);

// The same answer, byte for byte, with the reasons rendered by `reasons` (one per thread,
// bound to the OrderSet that made `finding`), which copies the parts that depend only on the
// orders instead of rendering and escaping them again: `interdict check`'s hot path.
void append_check_answer(std::string& out, const Finding& finding, const Observation& obs,
                         std::optional<Instant> known_at, std::uint64_t line, std::string_view ref,
                         JsonReasons& reasons);

// {"line":N,"error":"..."} for an input line that could not be read.
void append_line_error(std::string& out, std::uint64_t line, std::string_view message);

// A plain-text table: columns sized to their widest cell in terminal columns (CJK characters
// take two, combining marks none), cells cut at `max_width` columns.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, std::size_t max_width = 48);
  void add_row(std::vector<std::string> cells);
  [[nodiscard]] std::string render() const;
  [[nodiscard]] bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::size_t max_width_;
};

}  // namespace interdict
