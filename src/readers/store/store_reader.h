// StoreReader: an app store's own evidence, a catalogue of listings and a log of download
// and update requests, turned into Observations (docs/scan.md).
//
// Two formats, told apart by content, never by file name:
//
//   CSV (RFC 4180) with a header row. Columns are matched case-insensitively, ignoring
//   `_`, `-` and spaces, with synonyms; other columns are ignored:
//     ids          app_id package package_name bundle_id bundle store_id track_id id app
//                  app_store_id adam_id (one or more; every non-empty one is a probe)
//     title        title name app_name track_name
//     seller       seller developer publisher seller_name artist_name
//     storefronts  storefronts storefront countries country markets
//   Fields may be quoted ("", quoted commas and newlines); a header without a comma but
//   with tabs makes the file tab-separated. Every row is a listing.
//
//   JSON Lines, one object a line, keys matched like CSV columns:
//     listing  {"app_id": "com.zhiliaoapp.musically", "title": "TikTok",
//               "seller": "TikTok Pte. Ltd.", "storefronts": ["US", "PR"]}
//     request  {"time": "2025-02-01T10:00:00Z", "type": "download", "app": "835599320",
//               "country": "US", "client": "c-81f2", "store": "app-store"}
//   A record with `type` or `time` is a request (both required; type is download, install
//   or update; one `country`); otherwise one with storefronts is a listing. Ids may be
//   strings or unsigned integers (the iTunes lookup's "trackId": 835599320).
//
// Storefronts are ISO 3166-1 alpha-2 codes separated by `;`, `|`, `,` or blanks, or a JSON
// array of codes.
//
// A reader never decides: a listing stands for store.distribute and store.update at the
// caller's as-of time, a download or install for store.distribute at its time, an update
// for store.update. The engine decides each.
//
// One per input, not thread-safe.
#pragma once

#include <simdjson.h>

#include <array>
#include <bitset>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "readers/common/csv.h"
#include "readers/common/line_source.h"

namespace interdict {

enum class StoreFormat : std::uint8_t { kUnknown, kCsv, kJsonl };
[[nodiscard]] std::string_view store_format_name(StoreFormat format);

// What the first non-blank line of an input says it is: kJsonl for a JSON object, kCsv for
// a header naming at least one known column, kUnknown otherwise (another reader's input).
// A UTF-8 byte order mark is ignored.
[[nodiscard]] StoreFormat sniff_store_format(std::string_view first_line);

enum class StoreRecordKind : std::uint8_t { kListing, kRequest };
enum class RequestType : std::uint8_t { kDownload, kInstall, kUpdate };
[[nodiscard]] std::string_view store_record_kind_name(StoreRecordKind kind);
[[nodiscard]] std::string_view request_type_name(RequestType type);

using CountryCode = std::array<char, 2>;

// One listing or request. Every view stays valid until the next StoreReader::next().
struct StoreRecord {
  static constexpr int kMaxIds = Observation::kMaxProbes - 1;  // one probe is left for the title

  StoreRecordKind kind = StoreRecordKind::kListing;
  RequestType type = RequestType::kDownload;  // requests only
  Instant time = 0;                           // requests only
  std::string_view file;
  std::uint64_t line = 0;    // 1-based line where the record starts
  std::uint64_t offset = 0;  // byte offset of that line
  std::array<std::string_view, kMaxIds> ids{};
  std::uint8_t id_count = 0;
  std::string_view title;
  std::string_view seller;
  std::string_view client;                 // requests only, optional
  std::string_view store;                  // requests only, optional
  std::span<const CountryCode> countries;  // upper case, deduplicated, in input order

  [[nodiscard]] std::span<const std::string_view> id_list() const { return {ids.data(), id_count}; }

  // The activities the record stands for: store.distribute and store.update for a
  // listing, one of them for a request.
  [[nodiscard]] std::span<const Activity> activities() const;

  // An Observation holds at most Observation::kMaxCountries countries, so a listing sold
  // in many storefronts is decided in chunks: this many (at least 1).
  [[nodiscard]] std::size_t country_chunks() const;

  // The transaction of `activity` at `as_of` (a listing) or at the request's own time,
  // naming every id as an `app` probe and the title as a `name` probe, with the countries
  // of chunk `chunk`. Views point into this record.
  // REQUIRES: chunk < country_chunks().
  [[nodiscard]] Observation observation(Activity activity, Instant as_of, std::size_t chunk) const;
};

// A record the reader could not use: where it was, how much was dropped, and why.
struct StoreDamage {
  std::string_view file;
  std::uint64_t line = 0;    // first line of the record
  std::uint64_t offset = 0;  // byte offset of that line
  std::uint64_t bytes = 0;   // bytes dropped, line ends included
  std::string_view reason;   // lowercase, no final period; user input in backticks
};

class StoreReader {
 public:
  // Receives every damaged record, in input order. Called from next().
  class Reporter {
   public:
    virtual ~Reporter() = default;
    virtual void damaged(const StoreDamage& damage) = 0;
  };

  struct Options {
    // The first damaged record is fatal: next() returns false and error() says why.
    bool strict = false;
  };

  // A quoted CSV field may span at most this many lines and bytes: past that, the opening
  // quote is taken for a stray one and the lines after it are read again as records.
  static constexpr std::size_t kMaxRecordLines = 1024;
  static constexpr std::size_t kMaxRecordBytes = std::size_t{1} << 20;

  // Reads the first non-blank line of `source` to tell the format, then reads records
  // from it. An empty input gives a reader that yields no record (format kUnknown).
  // `reporter` may be null; it and `source` must outlive the reader.
  // Errors: kParse, located at the first line: the input is neither a store CSV nor JSON
  // Lines, or a CSV header names no id column; kIo: the first read failed.
  [[nodiscard]] static Result<std::unique_ptr<StoreReader>> open(LineSource& source, Reporter* reporter,
                                                                 Options options);

  // The same, for a caller that has already read the first non-blank line to sniff it
  // (the `scan` command tries several readers): `first_line` is the line source.next()
  // returned last. REQUIRES: format != kUnknown.
  [[nodiscard]] static Result<std::unique_ptr<StoreReader>> open_after(LineSource& source, std::string_view first_line,
                                                                       StoreFormat format, Reporter* reporter,
                                                                       Options options);

  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;
  ~StoreReader();

  // The next good record. A damaged record is reported, counted and skipped. Returns
  // false at the end of input, after a read error, or (strict) at the first damaged
  // record; then error() is set unless the input simply ended. Views in `record` are
  // valid until the next call.
  [[nodiscard]] bool next(StoreRecord& record);

  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  [[nodiscard]] StoreFormat format() const { return format_; }
  [[nodiscard]] std::uint64_t records() const { return records_; }  // good records returned
  [[nodiscard]] std::uint64_t skipped() const { return skipped_; }  // damaged records

 private:
  // One physical line, as handed out by the source or held for a second reading.
  struct Line {
    std::string_view text;
    std::uint64_t number = 0;
    std::uint64_t offset = 0;
    bool held = false;  // a copy without LineSource's padding
  };
  struct Held {
    std::string text;
    std::uint64_t number = 0;
    std::uint64_t offset = 0;
  };

  StoreReader(LineSource& source, Reporter* reporter, Options options);
  Status start(std::string_view first_line);
  bool next_line(Line& line);
  // Reports, counts and skips a damaged record; with --strict also sets error_. Returns
  // false, for `return skip(...)` from the record readers.
  bool skip(const Line& first, std::uint64_t bytes, std::string_view reason);

  Status read_header(const Line& line);
  // One CSV record starting at `first`: true with `record` filled, or false after a report.
  bool read_csv(const Line& first, StoreRecord& record);
  bool read_json(const Line& line, StoreRecord& record);
  // Splits a storefront cell into countries_; false with `reason_` set on a bad code.
  bool add_countries(std::string_view cell);
  bool add_id(StoreRecord& record, std::string_view id);

  LineSource& source_;
  Reporter* reporter_;
  Options options_;
  StoreFormat format_ = StoreFormat::kUnknown;
  std::optional<Error> error_;
  std::uint64_t records_ = 0;
  std::uint64_t skipped_ = 0;

  std::optional<Held> first_;  // the sniffed first line, read before any other
  std::deque<Held> replay_;    // lines to read again after a runaway quoted field
  Held current_;               // the held line last handed out

  // CSV: per column of the header, a Role (store_reader.cc) or -1 = ignored.
  std::vector<int> column_role_;

  // Scratch reused by every record: the CSV parser's fields, the lines of a multi-line
  // record, the countries, and number-to-text buffers for JSON ids.
  CsvParser csv_;
  std::vector<Held> record_lines_;
  std::vector<CountryCode> countries_;
  std::bitset<26 * 26> seen_countries_;
  std::string reason_;
  simdjson::dom::parser parser_;
  std::array<std::array<char, 24>, StoreRecord::kMaxIds> number_text_{};
};

}  // namespace interdict
