// What every subcommand shares: the global options, loading the orders, output format
// and the exit codes of DESIGN.md (0 nothing prohibited, 1 prohibited, 2 usage or input).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace interdict::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitProhibited = 1;
inline constexpr int kExitInputError = 2;

enum class Format { kTable, kJson, kJsonl, kSarif };  // SARIF: `scan` of software only

struct GlobalOptions {
  std::vector<std::string> orders;  // --orders DIR (replace) or +DIR (add)
  std::string format;               // "", table, json, jsonl, sarif
  bool quiet = false;
};

// The subcommand that was chosen, to run after parsing.
using Runner = std::function<int()>;

// Loads the bundled orders and/or the folders of --orders, prints diagnostics to stderr,
// and compiles them. Returns null after printing when the orders do not load.
std::shared_ptr<const OrderSet> load_order_set(const GlobalOptions& global);
// The corpus load alone, for `orders validate`.
LoadReport load_report(const GlobalOptions& global, std::string* error);

// --format, defaulting to a table on a terminal and JSON Lines elsewhere.
Format output_format(const GlobalOptions& global);
bool stdout_is_terminal();
bool stderr_is_terminal();

// Parses an RFC 3339 time or a zoned time for an option; prints an error on failure.
std::optional<Instant> parse_time_option(const std::string& text, const char* option);

// How strict a verdict is, to keep the strictest of several answers: prohibited 2,
// review 1, permitted 0.
inline int severity(Verdict v) {
  switch (v) {
    case Verdict::kProhibited: return 2;
    case Verdict::kReview: return 1;
    case Verdict::kPermitted: return 0;
  }
  return 0;
}

// Writes all of `data` to stdout.
void write_stdout(std::string_view data);

void register_check(CLI::App& app, GlobalOptions& global, Runner& runner);
void register_scan(CLI::App& app, GlobalOptions& global, Runner& runner);
void register_orders(CLI::App& app, GlobalOptions& global, Runner& runner);
void register_timeline(CLI::App& app, GlobalOptions& global, Runner& runner);
void register_export(CLI::App& app, GlobalOptions& global, Runner& runner);
void register_mrt(CLI::App& app, GlobalOptions& global, Runner& runner);
void register_lists(CLI::App& app, GlobalOptions& global, Runner& runner);
void register_screen(CLI::App& app, GlobalOptions& global, Runner& runner);

}  // namespace interdict::cli
