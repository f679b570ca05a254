// The hosting scan of `interdict scan`: web, CDN and DNS evidence (anything a
// HostLineParser reads) decided line by line and aggregated per designated subject and
// customer hostname. Contract: docs/scan.md, "Hosting, CDN and DNS logs".
//
// Each record's host is normalised (lower case, no ":port", no trailing dot) and decided
// for `hosting` (and `cdn` for a CDN's logs; the stricter answer is kept) at the record's
// time, in its country when the log says. A record's CNAME target is decided the same way
// (a customer name pointing at a designated CDN name is the finding). Hosts that match no
// designated name cost one index probe; only the others are decided.
//
// Large files are cut into chunks of whole lines read on every core, each thread with its
// own parser and aggregates, merged at the end of the file; standard input, --strict and
// formats whose lines depend on earlier ones are read in one piece.
//
// One per run, not thread-safe (it starts and joins its own threads).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/common.h"
#include "readers/common/line_source.h"
#include "readers/hosting/host_record.h"

namespace interdict::cli {

struct HostingOptions {
  Instant as_of = 0;                // the time of records that carry none (zones, lists)
  std::optional<Instant> known_at;  // answer as known then
  bool strict = false;              // the first damaged line stops the scan
  HostFormatOptions formats;        // --log-format, --host-column
  std::string country;              // --country: where records that name none are served
  int threads = 0;                  // 0: one per core
  bool progress = false;            // progress on stderr
};

// The first non-blank lines of an input, copied, with their 1-based line numbers.
struct InputHead {
  std::vector<std::string> lines;
  std::vector<std::uint64_t> numbers;
  [[nodiscard]] std::vector<std::string_view> views() const { return {lines.begin(), lines.end()}; }
  [[nodiscard]] std::size_t size() const { return lines.size(); }
};

class HostingScan {
 public:
  struct Tally {
    std::uint64_t inputs = 0;
    std::uint64_t lines = 0;       // every line read, blank and header lines included
    std::uint64_t records = 0;     // lines that named a host (or tried to)
    std::uint64_t no_host = 0;     // records without a usable host
    std::uint64_t damaged = 0;     // lines skipped as damaged
    std::uint64_t identified = 0;  // records whose host or target a designation matched
    std::uint64_t hosts = 0;       // aggregates (subject, host, verdict, clause)
    std::uint64_t prohibited = 0;  // aggregates answered prohibited
    std::uint64_t review = 0;      // aggregates answered review
    std::uint64_t bytes = 0;
  };

  HostingScan(const OrderSet& orders, HostingOptions options);
  ~HostingScan();
  HostingScan(const HostingScan&) = delete;
  HostingScan& operator=(const HostingScan&) = delete;

  // True when sniff_host_format claims an input starting with `head`.
  [[nodiscard]] bool claims(const InputHead& head) const;

  // Reads the input `path`, whose head lines `head` were read from `source` already, to
  // its end. Problems are printed on stderr. Returns false when the scan must stop
  // (--strict and a damaged line).
  bool scan(const std::string& path, LineSource& source, const InputHead& head);

  // The findings, strictest first: JSON objects for kJson (comma-separated after any
  // object already written: `first_object` says whether one was) and kJsonl, and the
  // damaged lines that were printed as {"kind":"error"} objects.
  void append_json(std::string& out, Format format, bool& first_object) const;
  // The findings as a table, or "" when there is none.
  [[nodiscard]] std::string render_table() const;

  [[nodiscard]] Tally tally() const;
  // An input could not be opened, recognised or read to its end, or --strict stopped.
  [[nodiscard]] bool input_error() const;
  // The one-line summary for stderr.
  [[nodiscard]] std::string summary() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace interdict::cli
