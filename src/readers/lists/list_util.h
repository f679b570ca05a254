// Helpers shared by the list readers: trimming, de-duplicating appends, damage reporting,
// and CSV records over a list held in memory with the line each record starts on.
//
// Internal to src/readers/lists. One per call, not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "readers/common/csv.h"
#include "readers/lists/lists.h"

namespace interdict::lists {

// OFAC's legacy files write "-0-" (often "-0- ") for an empty field.
[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] std::string_view ofac_field(std::string_view s);

// Empties `e` for the next record, keeping the capacity of its strings and vectors.
void clear_entity(ListEntity& e);

// Appends `value`, trimmed, unless it is empty or already present.
void add_unique(std::vector<std::string>& out, std::string_view value);

// Appends the country code of `name` (a name or a code), if it has one.
void add_country(std::vector<std::string>& out, std::string_view name);

// Calls `each` on every trimmed, non-empty piece of `text` between `separator`s.
template <typename F>
void split(std::string_view text, char separator, F&& each) {
  while (!text.empty()) {
    const std::size_t at = text.find(separator);
    const std::string_view piece = trim(text.substr(0, at));
    if (!piece.empty()) each(piece);
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
}

// Counts what goes to the sink, so every reader's stats agree with what it reported.
class Reporter {
 public:
  Reporter(ListSink& sink, std::string_view file) : sink_(sink), file_(file) {}
  void damage(std::uint64_t line, std::uint64_t offset, std::string_view reason, bool fatal = false);
  void entity(const ListEntity& entity);
  void skip() { ++stats_.skipped; }
  [[nodiscard]] std::string_view file() const { return file_; }
  [[nodiscard]] const ListStats& stats() const { return stats_; }

 private:
  ListSink& sink_;
  std::string_view file_;
  ListStats stats_;
};

// RFC 4180 records of a CSV text in memory (CRLF or LF), each with its first line and byte
// offset. A row that does not parse is reported and skipped; a quote left open at the end
// of the text, or one holding more than kMaxRecordBytes, is fatal.
class CsvRecords {
 public:
  static constexpr std::size_t kMaxRecordBytes = 1 << 20;

  CsvRecords(std::string_view text, Reporter& reporter);

  // Moves to the next well-formed record; false at the end of the text.
  [[nodiscard]] bool next();
  [[nodiscard]] std::size_t size() const { return parser_.field_count(); }
  // The i-th field, or "" past the last one. Valid until next().
  [[nodiscard]] std::string_view operator[](std::size_t i) const {
    return i < parser_.field_count() ? parser_.field(i) : std::string_view();
  }
  [[nodiscard]] std::uint64_t line() const { return line_; }
  [[nodiscard]] std::uint64_t offset() const { return offset_; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;           // next unread byte
  std::uint64_t next_line_ = 1;  // line number of the byte at at_
  std::uint64_t line_ = 0;
  std::uint64_t offset_ = 0;
  Reporter& reporter_;
  CsvParser parser_;
};

}  // namespace interdict::lists
