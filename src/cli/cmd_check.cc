// `interdict check`: decide transactions given as JSON Lines. Contract: docs/check.md.
//
// Machine output runs on every core: the input is cut into chunks of whole lines, each
// thread reads, decides and renders a chunk into its own buffer, and the buffers are
// written in input order by whichever thread finds them ready (check_pipeline.h). Memory
// holds a few chunks, whatever the input size.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <thread>

#include "cli/check_pipeline.h"
#include "cli/common.h"
#include "readers/common/line_source.h"  // ChunkSource, LineChunk
#include "readers/jsonl/check_reader.h"
#include "sinks/sinks.h"

namespace interdict::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string known_at;
  bool strict = false;
  int threads = 0;
};

struct Tally {
  std::uint64_t lines = 0;
  std::uint64_t prohibited = 0;
  std::uint64_t review = 0;
  std::uint64_t errors = 0;
  void add(const Tally& o) {
    lines += o.lines;
    prohibited += o.prohibited;
    review += o.review;
    errors += o.errors;
  }
};

// What one thread needs to answer lines: its own parser, reason buffers and rendered parts
// of reasons.
struct Worker {
  explicit Worker(const OrderSet& orders) : json_reasons(orders) {}
  CheckReader reader;
  Reasons reasons;
  JsonReasons json_reasons;
};

// The one reason a table has room for: for a prohibition, the state and what set it; else
// the reason that says why not (the last one given).
std::string short_why(const Finding& finding, const Reasons& reasons) {
  if (reasons.empty()) return "";
  if (finding.verdict == Verdict::kProhibited) {
    for (const std::string& r : reasons) {
      if (r.rfind("state: ", 0) == 0) return r.substr(7);
    }
  }
  return *(reasons.end() - 1);
}

// Answers one line. Returns false when the line could not be read (the error is in `out`
// for machine formats, and in `message`).
struct LineAnswerer {
  const OrderSet& orders;
  std::optional<Instant> default_known_at;
  const std::string& file;

  bool answer(Worker& w, std::string_view line, std::uint64_t number, std::string& out, Tally& tally,
              std::string& message, TextTable* table) const {
    ++tally.lines;
    auto request = w.reader.parse(line);
    if (!request) {
      ++tally.errors;
      message = file + ":" + std::to_string(number) + ": " + request.error().message();
      if (table == nullptr) {
        append_line_error(out, number, message);
        out += '\n';
      }
      return false;
    }
    CheckRequest& req = *request;
    std::optional<Instant> known_at = req.known_at ? req.known_at : default_known_at;
    Finding finding = orders.decide(req.obs, known_at.value_or(kEndOfTime));
    tally.prohibited += finding.verdict == Verdict::kProhibited ? 1 : 0;
    tally.review += finding.verdict == Verdict::kReview ? 1 : 0;
    if (table != nullptr) {
      const Match* g = finding.governing_match();
      orders.explain(finding, req.obs, w.reasons);
      table->add_row({std::to_string(number), std::string(verdict_name(finding.verdict)),
                      g != nullptr ? std::string(state_name(finding.status)) : "none", g != nullptr ? g->order->id : "",
                      g != nullptr ? g->clause().id : "", g != nullptr ? g->subject->id : "",
                      std::string(activity_name(req.obs.activity)), short_why(finding, w.reasons)});
      return true;
    }
    append_check_answer(out, finding, req.obs, known_at, number, req.ref, w.json_reasons);
    out += '\n';
    return true;
  }
};

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

struct ChunkResult {
  std::string out;
  Tally tally;
  std::string stop_message;  // set when --strict stopped in this chunk
};

// Standard output written with write(2) in pieces of kPiece bytes. One write(2) of
// megabytes into the page cache costs the kernel about three times as much per byte as
// writes of a few hundred kilobytes (Linux 6.18 on ext4: 688 MB in 8 MB writes took 1.0 s
// of system time, in 256 KB writes 0.3 s), and each chunk's answers are megabytes. Not
// thread-safe: one write at a time.
class AnswerOutput {
 public:
  static constexpr std::size_t kPiece = std::size_t{256} << 10;

  AnswerOutput() { std::fflush(stdout); }  // what stdio holds goes first
  // Writes all of `data`. Returns false, and error() says why, when a write fails; then
  // nothing more is written.
  bool write(std::string_view data) {
    while (!data.empty() && error_.empty()) {
      const ssize_t n = ::write(STDOUT_FILENO, data.data(), std::min(data.size(), kPiece));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? std::strerror(errno) : "nothing written";
        break;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return error_.empty();
  }
  // A JSON array from JSON Lines: the answers joined by commas.
  bool write_as_json_items(std::string_view lines) {
    items_.clear();
    while (!lines.empty()) {
      const std::size_t nl = lines.find('\n');
      if (!first_item_) items_.append(",\n");
      first_item_ = false;
      items_.append(lines.substr(0, nl));
      if (nl == std::string_view::npos) break;
      lines.remove_prefix(nl + 1);
    }
    return write(items_);
  }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  std::string error_;
  bool first_item_ = true;
  std::string items_;  // scratch for write_as_json_items
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
  const int threads =
      format == Format::kTable
          ? 1
          : std::clamp(options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency()), 1,
                       64);
  std::deque<Worker> workers;  // not movable: a deque builds them in place
  for (int i = 0; i < threads; ++i) workers.emplace_back(*orders);
  TextTable table({"line", "verdict", "status", "order", "clause", "subject", "activity", "why"});
  Tally tally;
  AnswerOutput output;
  if (format == Format::kJson) output.write("[");

  std::vector<std::string> inputs = options.inputs.empty() ? std::vector<std::string>{"-"} : options.inputs;
  for (const std::string& path : inputs) {
    auto source = ChunkSource::open(path);
    if (!source) {
      std::cerr << "interdict: " << source.error().to_string() << "\n";
      return kExitInputError;
    }
    const LineAnswerer answerer{*orders, default_known_at, (*source)->name()};
    OrderedChunks chunks(**source, threads);
    std::vector<ChunkResult> results(chunks.slot_count());
    auto answer = [&](std::size_t slot, const LineChunk& chunk, int worker) {
      ChunkResult& r = results[slot];
      r.out.clear();
      r.tally = {};
      r.stop_message.clear();
      Worker& w = workers[static_cast<std::size_t>(worker)];
      std::string message;
      bool stopped = false;
      chunk.for_each_line([&](std::string_view line, std::uint64_t number) {
        if (stopped || blank(line)) return;
        bool ok =
            answerer.answer(w, line, number, r.out, r.tally, message, format == Format::kTable ? &table : nullptr);
        if (!ok && format == Format::kTable) std::cerr << "interdict: " << message << "\n";
        if (!ok && options.strict) {
          r.stop_message = message;
          stopped = true;
        }
      });
    };
    auto emit = [&](std::size_t slot) {
      ChunkResult& r = results[slot];
      tally.add(r.tally);
      const bool written = format == Format::kJson ? output.write_as_json_items(r.out) : output.write(r.out);
      if (!r.stop_message.empty()) std::cerr << "interdict: " << r.stop_message << " (stopping: --strict)\n";
      return written && r.stop_message.empty();
    };
    if (!chunks.run(answer, emit)) {
      if (!output.error().empty()) std::cerr << "interdict: cannot write the answers: " << output.error() << "\n";
      return kExitInputError;
    }
    if ((*source)->error()) {
      std::cerr << "interdict: " << (*source)->error()->to_string() << "\n";
      ++tally.errors;
    }
  }
  if (format == Format::kJson) output.write("]\n");
  if (!output.error().empty()) {
    std::cerr << "interdict: cannot write the answers: " << output.error() << "\n";
    return kExitInputError;
  }
  if (format == Format::kTable) write_stdout(table.render());
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
      "  KIND: id app domain ip asn package class url name title\n\n"
      "Each answer: verdict (prohibited, permitted, review), status (scheduled, in_force, enjoined,\n"
      "suspended, revoked, none), order, prohibition, subject, reasons, and every match.\n"
      "A line that cannot be read gets {\"line\": N, \"error\": ...}; the others are still answered.\n"
      "Exit: 0 nothing prohibited, 1 something prohibited, 2 a line could not be read or the\n"
      "answers could not be written.\n\n"
      "Example:\n"
      "  echo '{\"activity\":\"store.distribute\",\"subject\":{\"app\":\"com.zhiliaoapp.musically\"},\n"
      "         \"country\":\"US\",\"at\":\"2020-09-28T12:00:00Z\"}' | interdict check --format json");
  cmd->add_option("input", options->inputs, "JSON Lines files; `-` or nothing reads standard input")->type_name("FILE");
  cmd->add_option("--known-at", options->known_at,
                  "Answer as known at this time: count only events recorded by then (RFC 3339, or\n"
                  "\"2020-09-19T12:00 America/New_York\"); a line's own known_at wins")
      ->type_name("TIME");
  cmd->add_flag("--strict", options->strict, "Stop at the first line that cannot be read");
  cmd->add_option("--threads", options->threads, "Worker threads for JSON output (default: one per core)")
      ->type_name("N");
  cmd->callback([&global, &runner, options] { runner = [&global, options] { return run_check(global, *options); }; });
}

}  // namespace interdict::cli
