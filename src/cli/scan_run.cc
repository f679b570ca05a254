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
#include "cli/scan_run.h"

namespace interdict::cli {
namespace {

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
    {"a log in JSON Lines (Cloudflare Logpush, Zeek http.log and dns.log)", 1, &Scan::claims_hosting_json,
     &Scan::scan_hosting},
    {"an app-store catalogue (CSV or JSON Lines) or request log (JSON Lines)", 1, &Scan::claims_store,
     &Scan::scan_store},
    {"a web, CDN or DNS log (nginx/Apache access logs, CloudFront, Squid, S3, Zeek, resolver query logs, "
     "zones, host lists)",
     8, &Scan::claims_hosting, &Scan::scan_hosting},
};

}  // namespace

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
    o.lists = options_.lists_index;
    payments_ = std::make_unique<PaymentScan>(orders_, std::move(o));
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

void Scan::fatal(const std::string& message) {
  tally_.input_error = true;
  std::cerr << "interdict: " << message << "\n";
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
  // A lists index that cannot be used is refused here, before any input is read: a scan
  // that went on would print findings screened against less than the user asked for.
  if (!options.lists.empty()) {
    auto index = NameIndex::load(options.lists);
    if (!index) {
      std::cerr << "interdict: --lists: " << index.error().to_string() << " (build it with `interdict lists import`)\n";
      return kExitInputError;
    }
    options.lists_index = std::make_shared<const NameIndex>(std::move(*index));
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

}  // namespace interdict::cli
