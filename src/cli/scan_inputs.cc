// `interdict scan`'s inputs (scan_run.h): each file or folder named, identified and handed
// to the reader of its evidence.
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

}  // namespace interdict::cli
