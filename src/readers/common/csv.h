// CsvParser: RFC 4180 records, fed one physical line at a time, so that a reader built on
// LineSource keeps bounded memory and still follows a quoted field across line breaks.
//
// Grammar (RFC 4180, section 2), with two departures for files people write by hand:
//
//   record = field *(DELIM field)
//   field  = *blank (quoted / unquoted) *blank        blank = SP / HTAB (HTAB only if not DELIM)
//   quoted = DQUOTE *(any but DQUOTE / 2DQUOTE) DQUOTE   may hold DELIM and line breaks
//
//   - blanks around a field are dropped (inside quotes they are kept);
//   - a quote inside an unquoted field is an ordinary character (`5" screen`).
//
// Internal to src/readers. One per reader, not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace interdict {

class CsvParser {
 public:
  enum class Step : std::uint8_t {
    kDone,  // the record is complete: read its fields
    kMore,  // a quoted field runs past this line: feed the next one
    kBad,   // malformed: error() says why; reset() before the next record
  };

  explicit CsvParser(char delimiter = ',') : delimiter_(delimiter) {}

  void set_delimiter(char delimiter) { delimiter_ = delimiter; }
  [[nodiscard]] char delimiter() const { return delimiter_; }

  // Starts a new record. Keeps the buffers, so parsing does not allocate once warm.
  void reset();

  // Feeds the next physical line of the record, without its line break.
  [[nodiscard]] Step feed(std::string_view line);

  // After kDone: the fields, unescaped. Views are valid until the next reset() or feed().
  [[nodiscard]] std::size_t field_count() const { return spans_.size(); }
  [[nodiscard]] std::string_view field(std::size_t i) const;

  // Bytes held for the current record, for a caller's limit on runaway quotes.
  [[nodiscard]] std::size_t held_bytes() const { return text_.size(); }
  // After kBad: lowercase, no final period.
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  void end_field();

  char delimiter_;
  std::string text_;                                            // the unescaped fields, back to back
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;  // offset and length in text_
  std::string error_;
  bool in_quotes_ = false;
  bool at_start_ = true;      // nothing but blanks read of the current field
  bool after_quote_ = false;  // the current field's closing quote has been read
  bool quoted_ = false;
  std::size_t begin_ = 0;  // the current field's start in text_
};

// The delimiter a header line uses: a tab when it has tabs and no comma, else a comma.
[[nodiscard]] char detect_csv_delimiter(std::string_view header);

}  // namespace interdict
