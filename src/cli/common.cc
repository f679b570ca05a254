#include "cli/common.h"

#include <unistd.h>

#include <iostream>

namespace interdict::cli {

bool stdout_is_terminal() { return ::isatty(1) != 0; }
bool stderr_is_terminal() { return ::isatty(2) != 0; }

void write_stdout(std::string_view data) {
  while (!data.empty()) {
    std::size_t n = std::fwrite(data.data(), 1, data.size(), stdout);
    if (n == 0) return;
    data.remove_prefix(n);
  }
}

LoadReport load_report(const GlobalOptions& global, std::string* error) {
  std::vector<OrderSource> sources;
  bool bundled = true;
  std::vector<std::string> dirs;
  for (const std::string& arg : global.orders) {
    if (!arg.empty() && arg[0] == '+') {
      dirs.push_back(arg.substr(1));
    } else {
      bundled = false;
      dirs.push_back(arg);
    }
  }
  if (bundled) {
    auto list = bundled_orders();
    sources.assign(list.begin(), list.end());
  }
  for (const std::string& dir : dirs) {
    auto files = read_order_dir(dir);
    if (!files) {
      *error = "--orders: " + files.error().to_string();
      return {};
    }
    if (files->empty()) {
      *error = "--orders: no *.toml file in `" + dir + "`";
      return {};
    }
    for (auto& f : *files) sources.push_back(std::move(f));
  }
  return load_orders(sources);
}

std::shared_ptr<const OrderSet> load_order_set(const GlobalOptions& global) {
  std::string error;
  LoadReport report = load_report(global, &error);
  if (!error.empty()) {
    std::cerr << "interdict: " << error << "\n";
    return nullptr;
  }
  for (const Diagnostic& d : report.errors) std::cerr << "interdict: " << d.to_string() << "\n";
  if (!report.ok()) {
    std::cerr << "interdict: the orders do not load (" << report.errors.size()
              << " errors); run `interdict orders validate` for the full list\n";
    return nullptr;
  }
  auto set = OrderSet::compile(std::move(report.corpus));
  if (!set) {
    std::cerr << "interdict: " << set.error().to_string() << "\n";
    return nullptr;
  }
  return *set;
}

Format output_format(const GlobalOptions& global) {
  if (global.format == "json") return Format::kJson;
  if (global.format == "jsonl") return Format::kJsonl;
  if (global.format == "table") return Format::kTable;
  if (global.format == "sarif") return Format::kSarif;
  return stdout_is_terminal() ? Format::kTable : Format::kJsonl;
}

std::optional<Instant> parse_time_option(const std::string& text, const char* option) {
  if (text == "now") return static_cast<Instant>(::time(nullptr));
  auto t = parse_zoned_time(text);
  if (!t) {
    std::cerr << "interdict: " << option << ": " << t.error().message() << "\n";
    return std::nullopt;
  }
  return *t;
}

}  // namespace interdict::cli
