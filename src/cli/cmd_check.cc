// `interdict check`: decide transactions given as JSON Lines. Contract: docs/check.md.
#include <iostream>

#include "cli/common.h"
#include "readers/common/line_source.h"
#include "readers/jsonl/check_reader.h"
#include "sinks/sinks.h"

namespace interdict::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string known_at;
  bool strict = false;
};

struct Tally {
  std::uint64_t lines = 0;
  std::uint64_t prohibited = 0;
  std::uint64_t review = 0;
  std::uint64_t errors = 0;
};

int run_check(const GlobalOptions& global, const CheckOptions& options) {
  auto orders = load_order_set(global);
  if (!orders) return kExitInputError;
  std::optional<Instant> default_known_at;
  if (!options.known_at.empty()) {
    default_known_at = parse_time_option(options.known_at, "--known-at");
    if (!default_known_at) return kExitInputError;
  }
  const Format format = output_format(global);
  TextTable table({"line", "verdict", "status", "order", "clause", "subject", "activity", "why"});
  CheckReader reader;
  Tally tally;
  std::string out;
  out.reserve(1 << 20);
  bool first_json = true;
  if (format == Format::kJson) out += "[";
  std::vector<std::string> inputs = options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
  for (const std::string& path : inputs) {
    auto source = LineSource::open(path);
    if (!source) {
      std::cerr << "interdict: " << source.error().to_string() << "\n";
      return kExitInputError;
    }
    std::string_view line;
    while ((*source)->next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      ++tally.lines;
      const std::uint64_t number = (*source)->line_number();
      auto request = reader.parse(line);
      if (format == Format::kJson && !first_json) out += ",\n";
      first_json = false;
      if (!request) {
        ++tally.errors;
        std::string message = (*source)->name() + ":" + std::to_string(number) + ": " + request.error().message();
        if (format == Format::kTable) {
          std::cerr << "interdict: " << message << "\n";
        } else {
          append_line_error(out, number, message);
          if (format == Format::kJsonl) out += '\n';
        }
        if (options.strict) {
          if (format != Format::kTable) write_stdout(out);
          std::cerr << "interdict: " << message << " (stopping: --strict)\n";
          return kExitInputError;
        }
        continue;
      }
      CheckRequest& req = *request;
      std::optional<Instant> known_at = req.known_at ? req.known_at : default_known_at;
      Finding finding = orders->decide(req.obs, known_at.value_or(kEndOfTime));
      tally.prohibited += finding.verdict == Verdict::kProhibited ? 1 : 0;
      tally.review += finding.verdict == Verdict::kReview ? 1 : 0;
      if (format == Format::kTable) {
        const Match* g = finding.governing_match();
        auto reasons = orders->explain(finding, req.obs);
        table.add_row({std::to_string(number), std::string(verdict_name(finding.verdict)),
                       g != nullptr ? std::string(state_name(finding.status)) : "none", g != nullptr ? g->order->id : "",
                       g != nullptr ? g->clause().id : "", g != nullptr ? g->subject->id : "",
                       std::string(activity_name(req.obs.activity)), reasons.empty() ? "" : reasons.front()});
        continue;
      }
      append_check_answer(out, *orders, finding, req.obs, known_at, number, req.ref);
      if (format == Format::kJsonl) out += '\n';
      if (out.size() > (1u << 20)) {
        write_stdout(out);
        out.clear();
      }
    }
    if ((*source)->error()) {
      std::cerr << "interdict: " << (*source)->error()->to_string() << "\n";
      ++tally.errors;
    }
  }
  if (format == Format::kJson) out += "]\n";
  if (format == Format::kTable) out = table.render();
  write_stdout(out);
  if (!global.quiet && (stderr_is_terminal() || format == Format::kTable)) {
    std::cerr << tally.lines << " lines: " << tally.prohibited << " prohibited, " << tally.review << " review, "
              << tally.errors << " unreadable\n";
  }
  if (tally.errors > 0) return kExitInputError;
  return tally.prohibited > 0 ? kExitProhibited : kExitClean;
}

}  // namespace

void register_check(CLI::App& app, GlobalOptions& global, Runner& runner) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Decide transactions given as JSON Lines, one answer per line, in order (docs/check.md).\n\n"
      "Each line: {\"activity\": A, \"subject\": {KIND: VALUE, ...}, \"country\": \"US\" or [\"US\",\"CN\"],\n"
      "            \"at\": RFC 3339, \"known_at\": RFC 3339 (optional), \"ref\": your id (optional)}\n"
      "  A:    store.distribute store.update hosting cdn transit peering code payment\n"
      "        software.supply software.update software.resale\n"
      "  KIND: id app domain ip asn package class url name\n\n"
      "Each answer: verdict (prohibited, permitted, review), status (scheduled, in_force, enjoined,\n"
      "suspended, revoked, none), order, prohibition, subject, reasons, and every match.\n"
      "A line that cannot be read gets {\"line\": N, \"error\": ...}; the others are still answered.\n\n"
      "Example:\n"
      "  echo '{\"activity\":\"store.distribute\",\"subject\":{\"app\":\"com.zhiliaoapp.musically\"},\n"
      "         \"country\":\"US\",\"at\":\"2020-09-28T12:00:00Z\"}' | interdict check --format json");
  cmd->add_option("input", options->inputs, "JSON Lines files; `-` or nothing reads standard input")->type_name("FILE");
  cmd->add_option("--known-at", options->known_at,
                  "Answer as known at this time: count only events recorded by then (RFC 3339, or\n"
                  "\"2020-09-19T12:00 America/New_York\"); a line's own known_at wins")
      ->type_name("TIME");
  cmd->add_flag("--strict", options->strict, "Stop at the first line that cannot be read");
  cmd->callback([&global, &runner, options] { runner = [&global, options] { return run_check(global, *options); }; });
}

}  // namespace interdict::cli
