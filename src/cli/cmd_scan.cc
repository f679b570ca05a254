// `interdict scan`: read the evidence a chokepoint already holds and say, per record, what
// must stop, where, from when and under which clause. Contract: docs/scan.md.
//
// Each input is identified by its first non-blank lines, never by its name: the readers of
// kReaders are asked in turn whether they claim it. The app-store reader (a catalogue in
// CSV or JSON Lines, a request log in JSON Lines) needs one line; the hosting scan (web,
// CDN and DNS logs, scan_hosting.h) up to eight. Binary inputs come first: MRT routing data
// by its record header, then software artefacts (code_input.h) by their magic bytes or, for
// SBOMs, lockfiles and web code, their first bytes. A folder is walked for software
// artefacts.
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
namespace {

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
constexpr std::size_t kCodeSniffBytes = 64 * 1024;

// Damaged records printed on stderr before the rest are only counted.
constexpr std::uint64_t kMaxPrintedDamage = 100;

// One activity of a record, decided: the strictest finding over its country chunks.
struct Answer {
  Activity activity = Activity::kStoreDistribute;
  Observation obs;
  Finding finding;
};

// Orders findings of the same record: the stricter verdict first, then the one a clause
// governs, then the one in that clause's scope.
int rank(const Finding& f) {
  const Match* g = f.governing_match();
  return severity(f.verdict) * 4 + (g != nullptr ? 2 : 0) + (g != nullptr && g->scope == ScopeTest::kInScope ? 1 : 0);
}

std::string_view status_text(const Finding& f) {
  return f.status == State::kUnknown ? std::string_view("none") : state_name(f.status);
}

// "2025-01-19T05:00:00Z" -> "2025-01-19 05:00Z", for the table.
std::string short_time(Instant t) {
  std::string s = format_rfc3339(t);
  if (s.size() == 20 && s[10] == 'T' && s.substr(16) == ":00Z") s = s.substr(0, 10) + " " + s.substr(11, 5) + "Z";
  return s;
}

std::string base_name(std::string_view path) {
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

// The evidence formats `scan` reads, asked in turn about the first non-blank lines: each
// sees `head_lines` of them (fewer in a shorter input) and, when it claims the input,
// reads on from there. Entries needing fewer lines come first.
struct EvidenceReader {
  std::string_view name;
  std::size_t head_lines;
  bool (Scan::*claims)(const InputHead& head);
  bool (Scan::*scan)(LineSource& source, const InputHead& head);
};
constexpr EvidenceReader kReaders[] = {
    // Before the store reader, which takes any JSON object.
    {"a CDN log in JSON Lines (Cloudflare Logpush, Zeek http.log)", 1, &Scan::claims_hosting_json, &Scan::scan_hosting},
    {"an app-store catalogue (CSV or JSON Lines) or request log (JSON Lines)", 1, &Scan::claims_store,
     &Scan::scan_store},
    {"a web, CDN or DNS log (nginx/Apache access logs, CloudFront, Zeek http.log)", 8, &Scan::claims_hosting,
     &Scan::scan_hosting},
};

bool Scan::scan_input(const std::string& path) {
  current_path_ = path;
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    scan_folder(path);
    return true;
  }
  auto input = ByteSource::open(path);
  if (!input) {
    fatal(input.error().to_string());
    return true;  // the other inputs are still read
  }
  // Binary routing data first: MRT is told by its record header, text by its lines.
  auto peeked = (*input)->peek(mrt::MrtReader::kHeaderSize);
  if (peeked && mrt::sniff_mrt(*peeked)) {
    RouteScan& scan = routes();
    const bool ok = read_mrt_records(
        mrt::MrtReader::from_source(std::move(*input)), quiet_, [&](const mrt::RouteEvent& e) { scan.add(e); },
        [&](const std::vector<mrt::Peer>& peers, std::uint32_t time) { scan.add_peers(peers, time); });
    if (!ok) tally_.input_error = true;
    return true;
  }
  // Software artefacts: archives and binaries by magic, SBOMs, lockfiles and web code by
  // their first bytes.
  if (auto head = (*input)->peek(kCodeSniffBytes); head) {
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(head->data()), head->size());
    if (std::string format = sniff_code(path, bytes); !format.empty()) {
      input->reset();
      read_code(path, format, code(), options_.threads);
      return true;
    }
    if (const PaymentFormat format = sniff_payment_format(path, bytes); format != PaymentFormat::kUnknown) {
      input->reset();
      scan_payment_file(path, format);
      return true;
    }
  }
  auto source = std::optional<std::unique_ptr<LineSource>>(LineSource::from_source(std::move(*input)));
  InputHead head;
  std::string_view line;
  for (const EvidenceReader& reader : kReaders) {
    while (head.size() < reader.head_lines && (*source)->next(line)) {
      if (line.find_first_not_of(" \t\r\xEF\xBB\xBF") == std::string_view::npos) continue;
      head.lines.emplace_back(line);
      head.numbers.push_back((*source)->line_number());
    }
    if (head.size() == 0) break;
    if (head.size() > reader.head_lines) continue;  // it would need the lines already read
    if ((this->*reader.claims)(head)) return (this->*reader.scan)(**source, head);
  }
  if (head.size() == 0) {
    if ((*source)->error()) fatal((*source)->error()->to_string());
    return true;  // an empty input holds no record
  }
  std::string known;
  for (const EvidenceReader& reader : kReaders) known += (known.empty() ? "" : "; ") + std::string(reader.name);
  known +=
      "; BGP routing data (MRT); software artefacts (APK, AAB, XAPK, IPA, JAR, DEX, Mach-O, SBOMs, lockfiles, "
      "build files, HTML and JavaScript)";
  std::string start;  // the line's start, printable even when the input is binary
  for (char c : std::string_view(head.lines[0]).substr(0, 60)) start += (c >= 0x20 && c < 0x7f) ? c : '?';
  fatal((*source)->name() + ":" + std::to_string(head.numbers[0]) + ": cannot tell what this input is (`" + start +
        (head.lines[0].size() > 60 ? "..." : "") + "`); `interdict scan` reads " + known);
  return true;
}

RouteScan& Scan::routes() {
  if (!routes_) {
    RouteScan::Options o;
    if (options_.as_of != "now") o.as_of = as_of_;  // else each finding as of when it was last seen
    o.known_at = known_at_;
    if (!options_.country.empty()) o.countries = {options_.country};
    routes_ = std::make_unique<RouteScan>(orders_, std::move(o));
  }
  return *routes_;
}

CodeScan& Scan::code() {
  if (!code_) {
    CodeScan::Options o;
    o.as_of = as_of_;
    o.known_at = known_at_;
    o.accessible_in = options_.accessible_in;
    code_ = std::make_unique<CodeScan>(orders_, std::move(o));
  }
  return *code_;
}

PaymentScan& Scan::payments() {
  if (!payments_) {
    PaymentScan::Options o;
    if (options_.as_of != "now") o.as_of = as_of_;  // else each payment at its own time
    o.known_at = known_at_;
    o.column_mapping = options_.columns;
    o.lists = options_.lists;
    payments_ = std::make_unique<PaymentScan>(orders_, std::move(o));
    if (!payments_->lists_error().empty()) fatal(payments_->lists_error());
  }
  return *payments_;
}

void Scan::scan_payment_file(const std::string& path, PaymentFormat format) {
  InputBytes input(path);
  auto bytes = input.load(path);
  if (!bytes) {
    fatal(bytes.error().to_string());
    return;
  }
  payments().scan(path, format, *bytes);
}

void Scan::scan_folder(const std::string& path) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  auto it = std::filesystem::recursive_directory_iterator(path, std::filesystem::directory_options::none, ec);
  if (ec) {
    fatal(path + ": cannot read the folder: " + ec.message());
    return;
  }
  for (; it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      fatal(path + ": " + ec.message());
      break;
    }
    const std::string name = it->path().filename().string();
    // Version control and installed dependencies are not the project's own evidence: the
    // lockfile says what node_modules holds.
    if (it->is_directory() && (name == ".git" || name == "node_modules" || name == ".gradle" || name == "Pods")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::pair<std::string, std::string>> artefacts;  // (path, format), read together
  for (const auto& file : files) {
    const std::string name = file.string();
    auto input = ByteSource::open(name);
    if (!input) {
      fatal(input.error().to_string());
      continue;
    }
    auto head = (*input)->peek(kCodeSniffBytes);
    if (!head) {
      fatal(head.error().to_string());
      continue;
    }
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(head->data()), head->size());
    const std::string format = sniff_code(name, bytes);
    if (format.empty()) {
      if (const PaymentFormat payment = sniff_payment_format(name, bytes); payment != PaymentFormat::kUnknown) {
        input->reset();
        scan_payment_file(name, payment);
      } else {
        ++folder_files_skipped_;
      }
      continue;
    }
    input->reset();
    artefacts.emplace_back(name, format);
  }
  read_code_files(artefacts);
}

void Scan::read_code_files(const std::vector<std::pair<std::string, std::string>>& artefacts) {
  const unsigned threads = options_.threads > 0 ? static_cast<unsigned>(options_.threads)
                                                : std::max(1u, std::thread::hardware_concurrency());
  CodeScan& scan = code();
  if (threads < 2 || artefacts.size() < 2) {
    for (const auto& [name, format] : artefacts) read_code(name, format, scan, options_.threads);
    return;
  }
  // A folder of apps or DEX files: one artefact per worker, each into a CodeScan of its own
  // (one reader thread each), merged in file order, so the output is the sequential one.
  std::vector<std::unique_ptr<CodeScan>> scans;
  for (std::size_t i = 0; i < artefacts.size(); ++i) scans.push_back(scan.fork());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < std::min<std::size_t>(threads, artefacts.size()); ++t) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < artefacts.size(); i = next++) {
        read_code(artefacts[i].first, artefacts[i].second, *scans[i], 1);
      }
    });
  }
  for (std::thread& w : workers) w.join();
  for (auto& one : scans) scan.absorb(std::move(*one));
}

HostingScan& Scan::hosting() {
  if (!hosting_) {
    HostingOptions o;
    o.as_of = as_of_;
    o.known_at = known_at_;
    o.strict = options_.strict;
    o.formats.nginx_log_format = options_.log_format;
    o.formats.host_column = options_.host_column;
    o.formats.log_zone = options_.zone;
    o.threads = options_.threads;
    o.country = options_.country;
    o.progress = !quiet_ && stderr_is_terminal();
    hosting_ = std::make_unique<HostingScan>(orders_, std::move(o));
  }
  return *hosting_;
}

bool Scan::claims_hosting_json(const InputHead& head) {
  return !head.lines[0].empty() && head.lines[0].front() == '{' && hosting().claims(head);
}

bool Scan::claims_hosting(const InputHead& head) { return hosting().claims(head); }

bool Scan::scan_hosting(LineSource& source, const InputHead& head) {
  // Syslog stamps have no year: they are placed before the time the file was last written.
  std::error_code error;
  const auto written =
      current_path_ == "-" ? std::filesystem::file_time_type() : std::filesystem::last_write_time(current_path_, error);
  Instant reference = 0;
  if (current_path_ != "-" && !error) {
    reference =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(written).time_since_epoch())
            .count();
  }
  options_.zone->set_reference(reference);
  return hosting().scan(current_path_, source, head);
}

bool Scan::claims_store(const InputHead& head) { return sniff_store_format(head.lines[0]) != StoreFormat::kUnknown; }

bool Scan::scan_store(LineSource& source, const InputHead& head) {
  const std::string_view first_line = head.lines[0];
  auto reader = StoreReader::open_after(source, first_line, sniff_store_format(first_line), this,
                                        StoreReader::Options{options_.strict});
  if (!reader) {
    fatal(reader.error().to_string());
    return true;
  }
  StoreRecord record;
  while ((*reader)->next(record)) decide_record(record);
  tally_.skipped += (*reader)->skipped();
  if (const auto& error = (*reader)->error()) {
    if (options_.strict && error->category() == ErrorCategory::kParse) {
      fatal(error->to_string() + " (stopping: --strict)");
      return false;
    }
    fatal(error->to_string());
  }
  return true;
}

void Scan::damaged(const StoreDamage& damage) {
  const std::string where = std::string(damage.file) + ":" + std::to_string(damage.line);
  if (format_ != Format::kTable) {
    begin_object();
    out_ += "{\"kind\":\"error\",\"file\":";
    append_json_string(out_, damage.file);
    out_ += ",\"line\":" + std::to_string(damage.line) + ",\"error\":";
    append_json_string(out_, damage.reason);
    out_ += '}';
    if (format_ == Format::kJsonl) out_ += '\n';
  }
  if (options_.strict) return;  // the fatal message says it
  if (printed_damage_ < kMaxPrintedDamage) {
    std::cerr << "interdict: " << where << ": " << damage.reason << " (record skipped)\n";
  }
  if (++printed_damage_ == kMaxPrintedDamage) {
    std::cerr << "interdict: further damaged records are counted, not printed\n";
  }
}

void Scan::fatal(const std::string& message) {
  tally_.input_error = true;
  std::cerr << "interdict: " << message << "\n";
}

void Scan::decide_activity(const StoreRecord& record, Activity activity, Answer& best) const {
  const Instant known_at = known_at_.value_or(kEndOfTime);
  best.activity = activity;
  best.obs = record.observation(activity, as_of_, 0);
  best.finding = orders_.decide(best.obs, known_at);
  for (std::size_t chunk = 1; chunk < record.country_chunks(); ++chunk) {
    // Identification does not depend on the countries: nothing matched, nothing will.
    if (best.finding.match_count == 0 && best.finding.designation_count == 0) break;
    if (best.finding.verdict == Verdict::kProhibited) break;
    const Observation obs = record.observation(activity, as_of_, chunk);
    const Finding f = orders_.decide(obs, known_at);
    if (rank(f) > rank(best.finding)) {
      best.obs = obs;
      best.finding = f;
    }
  }
}

void Scan::decide_record(const StoreRecord& record) {
  (record.kind == StoreRecordKind::kListing ? tally_.listings : tally_.requests)++;
  const std::span<const Activity> activities = record.activities();
  answer_count_ = std::min(activities.size(), answers_.size());
  std::size_t governing = 0;
  for (std::size_t i = 0; i < answer_count_; ++i) {
    decide_activity(record, activities[i], answers_[i]);
    if (rank(answers_[i].finding) > rank(answers_[governing].finding)) governing = i;
  }
  const Verdict verdict = answers_[governing].finding.verdict;
  tally_.prohibited += verdict == Verdict::kProhibited ? 1 : 0;
  tally_.review += verdict == Verdict::kReview ? 1 : 0;

  // Where: the record's countries inside the governing clause's scope, and the others.
  in_scope_.clear();
  outside_.clear();
  if (const Match* g = answers_[governing].finding.governing_match()) {
    const std::vector<std::string>& scope = g->order->scope_of(g->prohibition);
    for (const CountryCode& c : record.countries) {
      const std::string_view code(c.data(), 2);
      const bool in = std::find(scope.begin(), scope.end(), code) != scope.end();
      (in ? in_scope_ : outside_).push_back(c);
    }
  }
  if (format_ == Format::kTable) {
    add_row(record, answers_[governing]);
  } else {
    append_answer(record, answers_[governing]);
  }
}

namespace {

// `"key":"text"`, or `"key":null` when `text` is empty.
void append_text(std::string& out, std::string_view key, std::string_view text) {
  append_json_key(out, key);
  if (text.empty()) {
    out += "null";
  } else {
    append_json_string(out, text);
  }
}

void append_time(std::string& out, std::string_view key, std::optional<Instant> t) {
  append_json_key(out, key);
  if (!t) {
    out += "null";
    return;
  }
  out += '"';
  append_rfc3339(out, *t);
  out += '"';
}

void append_codes(std::string& out, std::string_view key, std::span<const CountryCode> codes) {
  append_json_key(out, key);
  out += '[';
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    out.append(codes[i].data(), 2);  // two letters: nothing to escape
    out += '"';
  }
  out += ']';
}

std::optional<Instant> since(const Match* m) {
  if (m == nullptr || m->state.effective == kEndOfTime) return std::nullopt;
  return m->state.effective;
}

std::string join_codes(std::span<const CountryCode> codes) {
  std::string out;
  for (const CountryCode& c : codes) {
    if (!out.empty()) out += ' ';
    out.append(c.data(), 2);
  }
  return out;
}

}  // namespace

void Scan::add_row(const StoreRecord& record, const Answer& top) {
  const Finding& f = top.finding;
  const Match* g = f.governing_match();
  std::string where;
  if (g != nullptr) {
    where = in_scope_.empty() ? "none" : join_codes(in_scope_);
    if (!outside_.empty()) where += " (not " + join_codes(outside_) + ")";
  } else if (record.countries.empty()) {
    where = "?";
  }
  std::string stop;
  bool review = false;
  for (std::size_t i = 0; i < answer_count_; ++i) {
    const Verdict v = answers_[i].finding.verdict;
    review = review || v == Verdict::kReview;
    if (v != Verdict::kProhibited) continue;
    std::string_view name = activity_name(answers_[i].activity);
    stop += (stop.empty() ? "" : ", ") + std::string(name.substr(name.find('.') + 1));
  }
  if (stop.empty()) stop = review ? "review" : "-";
  const Instant at = record.kind == StoreRecordKind::kRequest ? record.time : as_of_;
  const auto effective = since(g);
  const bool acts = f.verdict != Verdict::kPermitted;
  const std::string_view id = record.id_count > 0 ? record.ids[0] : std::string_view();
  table_.add_row({record.kind == StoreRecordKind::kListing ? "listing" : std::string(request_type_name(record.type)),
                  base_name(record.file) + ":" + std::to_string(record.line), short_time(at), std::string(id),
                  std::string(record.title), std::string(verdict_name(f.verdict)), std::string(status_text(f)), stop,
                  where, acts && effective ? short_time(*effective) : "",
                  g != nullptr ? g->order->id + " " + g->clause().id : ""});
}

void Scan::append_answer(const StoreRecord& record, const Answer& top) {
  const Finding& f = top.finding;
  const Match* g = f.governing_match();
  begin_object();
  out_ += "{\"kind\":\"";
  out_ += store_record_kind_name(record.kind);
  out_ += '"';
  if (record.kind == StoreRecordKind::kRequest) {
    out_ += ",\"type\":\"";
    out_ += request_type_name(record.type);
    out_ += '"';
  }
  append_text(out_, "file", record.file);
  out_ += ",\"line\":";
  out_ += std::to_string(record.line);
  append_text(out_, "id", record.id_count > 0 ? record.ids[0] : std::string_view());
  out_ += ",\"ids\":[";
  for (std::size_t i = 0; i < record.id_count; ++i) {
    if (i > 0) out_ += ',';
    append_json_string(out_, record.ids[i]);
  }
  out_ += ']';
  append_text(out_, "title", record.title);
  append_text(out_, "seller", record.seller);
  if (record.kind == StoreRecordKind::kListing) {
    append_codes(out_, "storefronts", record.countries);
  } else {
    append_text(out_, "country",
                record.countries.empty() ? std::string_view() : std::string_view(record.countries[0].data(), 2));
    append_text(out_, "client", record.client);
    append_text(out_, "store", record.store);
  }
  append_time(out_, "at", record.kind == StoreRecordKind::kRequest ? record.time : as_of_);
  if (known_at_) append_time(out_, "known_at", known_at_);
  append_text(out_, "verdict", verdict_name(f.verdict));
  append_text(out_, "status", status_text(f));
  for (Verdict wanted : {Verdict::kProhibited, Verdict::kReview}) {
    append_json_key(out_, wanted == Verdict::kProhibited ? "stop" : "review");
    out_ += '[';
    bool first = true;
    for (std::size_t i = 0; i < answer_count_; ++i) {
      if (answers_[i].finding.verdict != wanted) continue;
      if (!first) out_ += ',';
      first = false;
      append_json_string(out_, activity_name(answers_[i].activity));
    }
    out_ += ']';
  }
  append_codes(out_, "in_scope", in_scope_);
  append_codes(out_, "outside", outside_);
  append_time(out_, "since", since(g));
  append_text(out_, "order", g != nullptr ? std::string_view(g->order->id) : std::string_view());
  append_text(out_, "prohibition", g != nullptr ? std::string_view(g->clause().id) : std::string_view());
  append_text(out_, "clause_title", g != nullptr ? std::string_view(g->clause().title) : std::string_view());
  const Subject* subject = g != nullptr ? g->subject : f.match_count > 0 ? f.matches[0].subject : nullptr;
  append_text(out_, "subject", subject != nullptr ? std::string_view(subject->id) : std::string_view());
  orders_.explain(f, top.obs, reasons_);
  append_json_key(out_, "reasons");
  out_ += '[';
  for (const std::string& reason : reasons_) {
    if (&reason != reasons_.begin()) out_ += ',';
    append_json_string(out_, reason);
  }
  out_ += "],\"activities\":[";
  for (std::size_t i = 0; i < answer_count_; ++i) {
    const Finding& af = answers_[i].finding;
    const Match* ag = af.governing_match();
    if (i > 0) out_ += ',';
    out_ += "{\"activity\":";
    append_json_string(out_, activity_name(answers_[i].activity));
    append_text(out_, "verdict", verdict_name(af.verdict));
    append_text(out_, "status", status_text(af));
    append_text(out_, "order", ag != nullptr ? std::string_view(ag->order->id) : std::string_view());
    append_text(out_, "prohibition", ag != nullptr ? std::string_view(ag->clause().id) : std::string_view());
    append_time(out_, "since", since(ag));
    out_ += '}';
  }
  out_ += "]}";
  if (format_ == Format::kJsonl) out_ += '\n';
  flush_if_full();
}

void Scan::begin_object() {
  if (format_ == Format::kJson && !first_object_) out_ += ",\n";
  first_object_ = false;
}

bool Scan::code_input_error() const {
  if (!code_) return false;
  return std::any_of(code_->artefacts().begin(), code_->artefacts().end(),
                     [](const CodeScan::Artefact& a) { return a.fatal; });
}

void Scan::report_code(bool say) const {
  std::uint64_t printed = 0;
  for (const CodeScan::Artefact& a : code_->artefacts()) {
    for (const std::string& d : a.damage) {
      if (printed++ < kMaxPrintedDamage) std::cerr << "interdict: " << a.path << ": " << d << "\n";
    }
    if (a.damaged > a.damage.size()) {
      std::cerr << "interdict: " << a.path << ": " << a.damaged - a.damage.size() << " further damaged entries\n";
    }
  }
  if (say || (!quiet_ && printed > 0)) {
    std::string summary = code_->summary();
    if (folder_files_skipped_ > 0) {
      summary += "; " + std::to_string(folder_files_skipped_) + " files in folders were not software artefacts";
    }
    std::cerr << summary << "\n";
  }
}

int Scan::finish_sarif(bool other_findings) {
  if (other_findings && !quiet_) {
    std::cerr << "interdict: --format sarif holds code findings only; the other inputs' findings are left out\n";
  }
  if (!code_) code();
  write_stdout(code_->render_sarif());
  report_code(false);
  if (tally_.input_error || code_input_error()) return kExitInputError;
  return code_->prohibited() > 0 ? kExitProhibited : kExitClean;
}

void Scan::flush_if_full() {
  if (out_.size() < (1u << 20)) return;
  write_stdout(out_);
  out_.clear();
}

int Scan::finish() {
  const bool hosted = hosting_ && hosting_->tally().inputs > 0;
  const bool coded = code_ && !code_->artefacts().empty();
  const bool paid = payments_ != nullptr;
  const bool stored =
      (!hosted && !routes_ && !coded && !paid) || tally_.listings + tally_.requests > 0 || tally_.skipped > 0;
  if (format_ == Format::kSarif) return finish_sarif(hosted || routes_ || tally_.listings + tally_.requests > 0);
  if (hosted && format_ != Format::kTable) hosting_->append_json(out_, format_, first_object_);
  if (coded && format_ != Format::kTable) code_->append_json(out_, format_, first_object_);
  if (paid && format_ != Format::kTable) payments_->append_json(out_, format_, first_object_);
  std::string route_table;
  std::size_t routes_prohibited = 0;
  if (routes_) {
    if (format_ == Format::kTable) {
      routes_prohibited = routes_->render(format_, route_table, first_object_);
    } else {
      routes_prohibited = routes_->render(format_, out_, first_object_);
    }
  }
  if (format_ == Format::kJson) out_ += "]\n";
  if (format_ == Format::kTable) {
    out_ = stored ? table_.render() : "";
    const std::string hosts = hosted ? hosting_->render_table() : "";
    out_ += (!out_.empty() && !hosts.empty() ? "\n" : "") + hosts;
    out_ += (!out_.empty() && !route_table.empty() ? "\n" : "") + route_table;
    const std::string code_table = coded ? code_->render_table() : "";
    out_ += (!out_.empty() && !code_table.empty() ? "\n" : "") + code_table;
    const std::string payment_table = paid ? payments_->render_table() : "";
    out_ += (!out_.empty() && !payment_table.empty() ? "\n" : "") + payment_table;
  }
  write_stdout(out_);
  out_.clear();
  const bool say = !quiet_ && (stderr_is_terminal() || format_ == Format::kTable);
  if (stored && (say || (!quiet_ && tally_.skipped > 0))) {
    std::cerr << "scan: " << tally_.listings + tally_.requests << " records (" << tally_.listings << " listings, "
              << tally_.requests << " requests): " << tally_.prohibited << " prohibited, " << tally_.review
              << " review; " << tally_.skipped << " damaged records skipped\n";
  }
  if (hosted && (say || (!quiet_ && hosting_->tally().damaged > 0))) std::cerr << hosting_->summary() << "\n";
  if (hosted && !quiet_ && options_.zone->unzoned() > 0) {
    std::cerr << "interdict: " << options_.zone->unzoned()
              << " records have a time stamp without a zone and were read without a time; give the zone "
                 "the log was written in with --log-zone (e.g. --log-zone America/New_York or +08:00)\n";
  }
  if (coded) report_code(say);
  if (paid) {
    for (const std::string& d : payments_->damage()) std::cerr << "interdict: " << d << " (record skipped)\n";
    if (say || payments_->tally().damaged > 0) std::cerr << payments_->summary() << "\n";
  }
  if (tally_.input_error || (hosting_ && hosting_->input_error()) || code_input_error() ||
      (paid && payments_->tally().fatal)) {
    return kExitInputError;
  }
  const bool prohibited = tally_.prohibited > 0 || (hosted && hosting_->tally().prohibited > 0) ||
                          routes_prohibited > 0 || (coded && code_->prohibited() > 0) ||
                          (paid && payments_->tally().prohibited > 0);
  return prohibited ? kExitProhibited : kExitClean;
}

int run_scan(const GlobalOptions& global, ScanOptions options) {
  auto as_of = parse_time_option(options.as_of, "--as-of");
  if (!as_of) return kExitInputError;
  std::optional<Instant> known_at;
  if (!options.known_at.empty()) {
    known_at = parse_time_option(options.known_at, "--known-at");
    if (!known_at) return kExitInputError;
  }
  if (!options.country.empty()) {
    const std::string& c = options.country;
    if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
        !std::isalpha(static_cast<unsigned char>(c[1]))) {
      std::cerr << "interdict: --country: `" << c << "` is not a two-letter country code\n";
      return kExitInputError;
    }
    for (char& ch : options.country) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  {
    std::string& c = options.accessible_in;
    if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
        !std::isalpha(static_cast<unsigned char>(c[1]))) {
      std::cerr << "interdict: --accessible-in: `" << c << "` is not a two-letter country code\n";
      return kExitInputError;
    }
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  if (!options.columns.empty()) {
    if (Status mapping = check_column_mapping(options.columns); !mapping) {
      std::cerr << "interdict: --columns: " << mapping.error().message() << "\n";
      return kExitInputError;
    }
  }
  if (!options.log_format.empty()) {
    if (auto format = compile_log_format(options.log_format); !format) {
      std::cerr << "interdict: --log-format: " << format.error().message() << "\n";
      return kExitInputError;
    }
  }
  if (options.log_year != 0 && options.log_zone.empty()) {
    std::cerr << "interdict: --log-year: needs --log-zone, the zone the stamps were written in\n";
    return kExitInputError;
  }
  if (options.log_year != 0 && (options.log_year < 1970 || options.log_year > 9999)) {
    std::cerr << "interdict: --log-year: `" << options.log_year << "` is not between 1970 and 9999\n";
    return kExitInputError;
  }
  if (auto zone = LogZone::make(options.log_zone, options.log_year); zone) {
    options.zone = std::move(*zone);
  } else {
    std::cerr << "interdict: --log-zone: " << zone.error().message() << "\n";
    return kExitInputError;
  }
  auto orders = load_order_set(global);
  if (!orders) return kExitInputError;
  Scan scan(*orders, options, output_format(global), global.quiet, *as_of, known_at);
  std::vector<std::string> inputs = options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
  for (const std::string& path : inputs) {
    if (!scan.scan_input(path)) break;
  }
  return scan.finish();
}

}  // namespace

void register_scan(CLI::App& app, GlobalOptions& global, Runner& runner) {
  auto options = std::make_shared<ScanOptions>();
  CLI::App* cmd = app.add_subcommand(
      "scan",
      "Scan the evidence a chokepoint holds and report, per record, what must stop, where, from when and\n"
      "under which clause (docs/scan.md). Each input is recognised by its content:\n\n"
      "  an app-store catalogue, CSV with a header row (columns: app_id / package / bundle_id / store_id,\n"
      "    title, seller, storefronts such as \"US;PR;GU\"; other columns are ignored), or JSON Lines:\n"
      "    {\"app_id\": \"com.zhiliaoapp.musically\", \"title\": \"TikTok\", \"storefronts\": [\"US\", \"CA\"]}\n"
      "  a log of store requests, JSON Lines:\n"
      "    {\"time\": \"2025-02-01T10:00:00Z\", \"type\": \"download\", \"app\": \"835599320\", \"country\": "
      "\"US\"}\n"
      "  web and CDN access logs, decided for hosting (and cdn for a CDN's logs) per request and\n"
      "    aggregated per designated subject and customer hostname:\n"
      "    nginx/Apache combined, combined with the host first ($host, Apache %v[:%p]) or last,\n"
      "      common, or any nginx log_format given with --log-format;\n"
      "    AWS CloudFront standard logs (W3C, #Fields header; the host is x-host-header);\n"
      "    Cloudflare Logpush http_requests (JSON Lines: ClientRequestHost, ClientCountry, ...);\n"
      "    Zeek http.log (TSV with its #fields header, or JSON);\n"
      "    Squid's native access.log (the host of the URL, or CONNECT's host:port);\n"
      "    Amazon S3 server access logs (the Host header, else the bucket)\n"
      "  DNS query logs (unbound, dnsmasq, BIND, Zeek dns.log in TSV or JSON; stamps without a\n"
      "    zone give a time only with --log-zone), zone files (RFC 1035) and host\n"
      "    lists (one name a line, hosts files, adblock and dnsmasq lists, v2fly, CSV)\n"
      "  BGP routing data in MRT format (RIB dumps, update files), told by its binary record\n"
      "    header: sessions with, routes originated by and paths through the networks the orders\n"
      "    name, as `interdict mrt scan` reports them (docs/mrt.md)\n"
      "  software, decided for the code activity per artefact and designated subject, for software\n"
      "    accessible in --accessible-in (default US): Android APK, AAB, XAPK/APKS and bare DEX (every\n"
      "    class of every DEX, the manifest's components, queried apps and URL schemes); iOS IPA and\n"
      "    Mach-O (frameworks, Objective-C and Swift classes, Info.plist schemes); JAR/AAR (classes,\n"
      "    Maven coordinates); CycloneDX and SPDX SBOMs; package-lock.json, yarn.lock, pnpm-lock.yaml,\n"
      "    Podfile.lock, Package.resolved, gradle.lockfile, pom.xml, build.gradle[.kts]; HTML and\n"
      "    JavaScript (script URLs, URLs in code, globals such as ttq). A folder is walked for them.\n"
      "  payment files, decided for the payment activity at each payment's time: ISO 20022 pain.001\n"
      "    and pacs.008 XML, CSV and JSON Lines (--columns maps other headers); the wallet (WeChat\n"
      "    Pay) and the parties' names against the orders, names matched across scripts; with --lists\n"
      "    every party also against the sanctions lists (a list hit alone is review); only payments\n"
      "    naming something designated or listed are listed (docs/payments.md)\n"
      "Any of them may be gzip, bzip2 or zstd compressed.\n\n"
      "A listing is decided for store.distribute and store.update at --as-of; a download or install\n"
      "for store.distribute at its time, an update for store.update. Each answer gives the verdict\n"
      "(prohibited, review, permitted), the clause's status (in_force, suspended, enjoined, scheduled,\n"
      "revoked), the activities to stop, the storefronts inside and outside the clause's scope, the\n"
      "effective time, the order and prohibition, and the reasons. A damaged record is reported with\n"
      "file:line, counted and skipped; the rest is still read. Output: a table on a terminal, JSON\n"
      "Lines otherwise (--format table|json|jsonl; sarif for software findings, SARIF 2.1.0).\n\n"
      "Examples:\n"
      "  interdict scan samples/store/catalogue.csv samples/store/requests.jsonl\n"
      "  interdict scan --as-of \"2020-09-28T12:00 America/New_York\" samples/store/catalogue.csv\n"
      "  interdict --format jsonl scan --as-of 2025-06-01T00:00:00Z catalogue.jsonl | jq 'select(.verdict != "
      "\"permitted\")'\n"
      "  interdict scan --known-at 2025-01-19T12:00:00Z requests.jsonl   # as the law stood known then\n"
      "  interdict scan --country US samples/hosting/access.log   # customer hostnames serving a designated app\n"
      "  interdict scan --log-format '$remote_addr [$time_local] $host \"$request\" $status' access.log.gz\n"
      "  interdict scan samples/bgp/rib.20201101.0000.mrt   # transit and peering findings\n"
      "  interdict scan samples/code                          # an APK, build files and a web page\n"
      "  interdict scan --as-of 2020-09-21T12:00:00Z samples/payments   # pain.001, pacs.008, CSV\n"
      "  interdict lists import samples/lists && interdict scan --lists interdict-lists.idx samples/payments\n"
      "  interdict --format sarif scan . > interdict.sarif     # a repository, for code scanning\n\n"
      "Exit codes: 0 nothing prohibited, 1 something prohibited, 2 an input could not be opened or\n"
      "recognised, or (--strict) a damaged record.");
  cmd->add_option("input", options->inputs,
                  "Catalogues, request logs, access, CDN and DNS logs, zones, host lists, MRT, apps, SBOMs, "
                  "lockfiles, web code, folders of them; `-` or nothing reads standard input")
      ->type_name("FILE");
  cmd->add_option("--as-of", options->as_of,
                  "Decide listings as of this time (default now): RFC 3339, or \"2020-09-28T12:00 America/New_York\"")
      ->type_name("TIME");
  cmd->add_option("--known-at", options->known_at,
                  "Answer as known at this time: count only the events recorded by then (same forms)")
      ->type_name("TIME");
  cmd->add_flag("--strict", options->strict, "Stop at the first damaged record (exit code 2)");
  cmd->add_option("--log-format", options->log_format,
                  "How access logs are written, as an nginx log_format string, e.g.\n"
                  "'$host $remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent'")
      ->type_name("STRING");
  cmd->add_option("--host-column", options->host_column, "The column holding the hostname in a CSV list of hosts")
      ->type_name("NAME");
  cmd->add_option("--log-zone", options->log_zone,
                  "The zone DNS logs were written in, for stamps that name none (dnsmasq, syslog, BIND's\n"
                  "default, unbound's log-time-ascii): an IANA name such as America/New_York, UTC, or an\n"
                  "offset such as +08:00. Without it such records have no time")
      ->type_name("ZONE");
  cmd->add_option("--log-year", options->log_year,
                  "The year of syslog stamps (\"Nov 29 07:48:02\"), with --log-zone; default: the year that\n"
                  "puts them at or before the file's modification time")
      ->type_name("YYYY");
  cmd->add_option("--country", options->country,
                  "Where the hosting or CDN service is provided (ISO 3166 code, e.g. US): the country of log\n"
                  "records that name none; without it their answers are review")
      ->type_name("CC");
  cmd->add_option("--accessible-in", options->accessible_in,
                  "Where the scanned software is developed or accessible (ISO 3166 code, default US): the\n"
                  "country its code findings are decided for")
      ->type_name("CC");
  cmd->add_option("--columns", options->columns,
                  "Column names of payment files that differ from ours, as field=column pairs:\n"
                  "'creditor_name=Beneficiary Name,amount=Amt' (docs/payments.md)")
      ->type_name("MAPPING");
  cmd->add_option("--lists", options->lists,
                  "Screen every party of every payment against this index of sanctions lists (from\n"
                  "`interdict lists import`); a list hit alone makes a payment review, not prohibited")
      ->type_name("FILE");
  cmd->add_option("--threads", options->threads, "Worker threads for large logs and apps (default: one per core)")
      ->type_name("N");
  cmd->callback([&global, &runner, options] { runner = [&global, options] { return run_scan(global, *options); }; });
}

}  // namespace interdict::cli
