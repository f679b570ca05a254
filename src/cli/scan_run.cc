// `interdict scan`: read the evidence a chokepoint already holds and say, per record, what
// must stop, where, from when and under which clause. Contract: docs/scan.md. The inputs
// are read in scan_inputs.cc; this file holds the run and its end: totals, the exit code,
// the SARIF log and the damage reports.
#include "cli/scan_run.h"

namespace interdict::cli {

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
