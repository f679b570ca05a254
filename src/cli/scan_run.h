// The run of `interdict scan` (docs/scan.md), shared by the files that carry it out:
// scan_run.cc reads each input with the reader that claims it and writes the summary,
// scan_store.cc decides and renders the app-store records, cmd_scan.cc holds the options.
// Internal to those files.
#pragma once

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <span>
#include <thread>

#include "cli/code_input.h"
#include "cli/common.h"
#include "cli/mapped_file.h"
#include "cli/mrt_input.h"
#include "cli/scan_hosting.h"
#include "cli/scan_payments.h"
#include "cli/scan_routes.h"
#include "readers/common/byte_source.h"
#include "readers/common/line_source.h"
#include "readers/hosting/log_zone.h"
#include "readers/store/store_reader.h"
#include "sinks/sinks.h"

namespace interdict::cli {

struct ScanOptions {
  std::vector<std::string> inputs;
  std::string as_of = "now";
  std::string known_at;
  bool strict = false;
  std::string log_format;            // --log-format: an nginx log_format string
  std::string host_column;           // --host-column: the hostname column of a CSV list
  std::string log_zone;              // --log-zone: the zone of DNS log stamps that name none
  int log_year = 0;                  // --log-year: the year of syslog stamps
  std::shared_ptr<LogZone> zone;     // made from the two above; counts records left without a time
  int threads = 0;                   // --threads: workers for large logs
  std::string country;               // --country: where hosting records that name none are served
  std::string accessible_in = "US";  // --accessible-in: where scanned software is accessible
  std::string columns;               // --columns: extra column names of payment files
  std::string lists;                 // --lists: sanctions lists index the payment parties are screened against
  std::shared_ptr<const NameIndex> lists_index;  // loaded from `lists`, once, before any input
};

struct Tally {
  std::uint64_t listings = 0;
  std::uint64_t requests = 0;
  std::uint64_t prohibited = 0;
  std::uint64_t review = 0;
  std::uint64_t skipped = 0;
  bool input_error = false;  // an input could not be opened, identified or read to its end
};

// How much of an input the software readers see to tell its format: SBOM keys may come a
// few kilobytes in.
inline constexpr std::size_t kCodeSniffBytes = 64 * 1024;

// Damaged records printed on stderr before the rest are only counted.
inline constexpr std::uint64_t kMaxPrintedDamage = 100;

// One activity of a record, decided: the strictest finding over its country chunks.
struct Answer {
  Activity activity = Activity::kStoreDistribute;
  Observation obs;
  Finding finding;
};

// Orders findings of the same record: the stricter verdict first, then the one a clause
// governs, then the one in that clause's scope.
inline int rank(const Finding& f) {
  const Match* g = f.governing_match();
  return severity(f.verdict) * 4 + (g != nullptr ? 2 : 0) + (g != nullptr && g->scope == ScopeTest::kInScope ? 1 : 0);
}

inline std::string_view status_text(const Finding& f) {
  return f.status == State::kUnknown ? std::string_view("none") : state_name(f.status);
}

// "2025-01-19T05:00:00Z" -> "2025-01-19 05:00Z", for the table.
inline std::string short_time(Instant t) {
  std::string s = format_rfc3339(t);
  if (s.size() == 20 && s[10] == 'T' && s.substr(16) == ":00Z") s = s.substr(0, 10) + " " + s.substr(11, 5) + "Z";
  return s;
}

inline std::string base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// One run of `scan`: reads each input with the reader that claims it, decides every
// record, and renders the answers (a table at the end, JSON as it goes). It is the store
// reader's Reporter, so damaged records land in the output in place. One per run, not
// thread-safe.
class Scan final : public StoreReader::Reporter {
 public:
  Scan(const OrderSet& orders, const ScanOptions& options, Format format, bool quiet, Instant as_of,
       std::optional<Instant> known_at)
      : orders_(orders),
        options_(options),
        format_(format),
        quiet_(quiet),
        as_of_(as_of),
        known_at_(known_at),
        table_({"kind", "line", "at", "id", "title", "verdict", "status", "stop", "where", "since", "clause"}, 40) {
    out_.reserve(1 << 20);
    if (format_ == Format::kJson) out_ += "[";
  }

  // Reads one input to its end. Returns false when the scan must stop (--strict).
  bool scan_input(const std::string& path);
  // Writes what is left and the summary; returns the exit code.
  int finish();

  void damaged(const StoreDamage& damage) override;

  // The readers. Each reads `source`, whose first non-blank lines `head` were read, to its
  // end; false when the scan must stop (--strict).
  bool claims_store(const InputHead& head);
  bool scan_store(LineSource& source, const InputHead& head);
  bool claims_hosting_json(const InputHead& head);
  bool claims_hosting(const InputHead& head);
  bool scan_hosting(LineSource& source, const InputHead& head);

 private:
  void decide_record(const StoreRecord& record);
  // The strictest answer for `activity` over the record's country chunks, into `best`.
  void decide_activity(const StoreRecord& record, Activity activity, Answer& best) const;
  void add_row(const StoreRecord& record, const Answer& top);
  void append_answer(const StoreRecord& record, const Answer& top);
  void begin_object();
  void flush_if_full();
  [[nodiscard]] bool code_input_error() const;
  void report_code(bool say) const;
  int finish_sarif(bool other_findings);
  void fatal(const std::string& message);
  HostingScan& hosting();
  RouteScan& routes();
  CodeScan& code();
  PaymentScan& payments();
  void scan_payment_file(const std::string& path, PaymentFormat format);
  // A folder: every software artefact and payment file under it, in name order; other
  // files are skipped.
  void scan_folder(const std::string& path);
  // Reads software artefacts (path, format) on the worker threads, in order.
  void read_code_files(const std::vector<std::pair<std::string, std::string>>& artefacts);

  const OrderSet& orders_;
  const ScanOptions& options_;
  Format format_;
  bool quiet_;
  Instant as_of_;
  std::optional<Instant> known_at_;
  TextTable table_;
  std::string out_;
  bool first_object_ = true;
  Tally tally_;
  std::uint64_t printed_damage_ = 0;

  // Per record, reused so that deciding a record does not allocate once warm: the
  // answer per activity, the countries in and out of the governing clause's scope, the
  // reasons.
  std::array<Answer, 2> answers_{};
  std::size_t answer_count_ = 0;
  std::vector<CountryCode> in_scope_;
  std::vector<CountryCode> outside_;
  Reasons reasons_;
  std::unique_ptr<HostingScan> hosting_;   // made at the first hosting input
  std::unique_ptr<RouteScan> routes_;      // made at the first MRT input
  std::unique_ptr<CodeScan> code_;         // made at the first software artefact
  std::unique_ptr<PaymentScan> payments_;  // made at the first payment file
  std::uint64_t folder_files_skipped_ = 0;
  std::string current_path_;  // the input being read, as given ("-": stdin)
};

// Options, then the run; returns the exit code.
int run_scan(const GlobalOptions& global, ScanOptions options);

}  // namespace interdict::cli
