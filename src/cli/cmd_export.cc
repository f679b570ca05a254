// `interdict export`: enforcement in the formats operators load (docs/export.md).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>

#include "cli/common.h"
#include "export/export.h"

namespace interdict::cli {
namespace {

struct ExportCliOptions {
  std::string format;
  std::string as_of;
  std::string known_at;
  std::vector<std::string> activities;
  std::string output;
  bool include_suspended = false;
  bool include_enjoined = false;
  bool include_scheduled = false;
};

// Writes `text` to `path` through a temporary file renamed over it, so a resolver or router
// that reloads the file never reads half of it.
bool write_file(const std::string& path, std::string_view text, std::string& error) {
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = "cannot write `" + temp + "`: " + std::strerror(errno);
      return false;
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      error = "cannot write `" + temp + "`: " + std::strerror(errno);
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    error = "cannot rename `" + temp + "` to `" + path + "`: " + std::strerror(errno);
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

int run_export(const GlobalOptions& global, const ExportCliOptions& cli) {
  const auto format = parse_export_format(cli.format);
  if (!format) {
    std::cerr << "interdict: --as: unknown format `" << cli.format
              << "`; one of rpz unbound dnsmasq hosts bird frr json\n";
    return kExitInputError;
  }
  ExportOptions options;
  options.as_of = static_cast<Instant>(::time(nullptr));
  if (!cli.as_of.empty()) {
    auto t = parse_time_option(cli.as_of, "--as-of");
    if (!t) return kExitInputError;
    options.as_of = *t;
  }
  if (!cli.known_at.empty()) {
    auto t = parse_time_option(cli.known_at, "--known-at");
    if (!t) return kExitInputError;
    options.known_at = *t;
  }
  for (const std::string& name : cli.activities) {
    const auto a = parse_activity(name);
    if (!a) {
      std::cerr << "interdict: --activity: unknown activity `" << name << "`; `interdict --help` lists them\n";
      return kExitInputError;
    }
    options.extra_activities |= activity_bit(*a);
  }
  options.include_suspended = cli.include_suspended;
  options.include_enjoined = cli.include_enjoined;
  options.include_scheduled = cli.include_scheduled;

  auto set = load_order_set(global);
  if (!set) return kExitInputError;
  // Observed routes (--mrt) are not read yet: the router formats get the orders' own ASNs
  // and prefixes. export_as() takes them as its last argument.
  auto result = export_as(*format, set->corpus(), options);
  if (!result) {
    std::cerr << "interdict: export: " << result.error().to_string() << "\n";
    return kExitInputError;
  }
  if (!global.quiet) {
    for (const std::string& note : result->notes) std::cerr << "interdict: " << note << "\n";
    if (result->entries == 0) {
      std::cerr << "interdict: nothing to enforce in " << cli.format
                << " at that time: the file is written empty and still loads\n";
    }
  }
  if (cli.output.empty() || cli.output == "-") {
    write_stdout(result->text);
    return kExitClean;
  }
  std::string error;
  if (!write_file(cli.output, result->text, error)) {
    std::cerr << "interdict: -o: " << error << "\n";
    return kExitInputError;
  }
  if (!global.quiet) std::cerr << "interdict: wrote " << result->entries << " entries to " << cli.output << "\n";
  return kExitClean;
}

}  // namespace

void register_export(CLI::App& app, GlobalOptions& global, Runner& runner) {
  auto options = std::make_shared<ExportCliOptions>();
  CLI::App* cmd =
      app.add_subcommand("export",
                         "Write enforcement for a resolver or router from the orders in force: DNS block lists and\n"
                         "BGP filters, every entry with its order and clause (docs/export.md).\n\n"
                         "Formats (--as):\n"
                         "  rpz      response policy zone for BIND, unbound, Knot, PowerDNS (NXDOMAIN)\n"
                         "  unbound  unbound.conf local-zone lines        dnsmasq  address=/name/ lines\n"
                         "  hosts    0.0.0.0 name lines (whole names only: no subdomains)\n"
                         "  bird     BIRD 2 prefix sets, AS set and interdict_designated()\n"
                         "  frr      FRR prefix-lists and a bgp as-path access-list\n"
                         "  json     every DNS and routing entry with its order, clause and subject\n"
                         "DNS formats take the domains of subjects whose clauses cover hosting or cdn; router formats\n"
                         "the ASNs and prefixes of those covering transit or peering; --activity adds to both.\n"
                         "A clause exports when in force at --as-of (as known at --known-at); the others are named on\n"
                         "stderr with the reason. With nothing in force the file is empty but still loads.\n\n"
                         "Examples:\n"
                         "  interdict export --as rpz -o /etc/bind/interdict.rpz\n"
                         "  interdict export --as unbound --as-of 2026-02-01T00:00:00Z -o /etc/unbound/interdict.conf\n"
                         "  interdict export --as bird --as-of 2020-11-15T00:00:00Z --include-enjoined\n"
                         "  interdict export --as json --known-at 2020-10-01T00:00:00Z\n\n"
                         "Exit codes: 0 written (also when empty), 2 usage or input error (bad option, orders that do\n"
                         "not load, a file that cannot be written).");
  cmd->add_option("--as", options->format, "Output format: rpz unbound dnsmasq hosts bird frr json")
      ->required()
      ->type_name("FORMAT");
  cmd->add_option("--as-of", options->as_of,
                  "Enforce the clauses in force at this time (RFC 3339, \"2026-02-01T00:00 America/New_York\" or\n"
                  "now; default now)")
      ->type_name("TIME");
  cmd->add_option("--known-at", options->known_at, "Count only events recorded by this time (default: all)")
      ->type_name("TIME");
  cmd->add_option("--activity", options->activities,
                  "Also export the subjects of clauses covering this activity (repeatable)")
      ->type_name("A");
  cmd->add_flag("--include-suspended", options->include_suspended,
                "Also export clauses whose enforcement is suspended (the conduct stays unlawful)");
  cmd->add_flag("--include-enjoined", options->include_enjoined, "Also export clauses a court has enjoined");
  cmd->add_flag("--include-scheduled", options->include_scheduled,
                "Also export clauses published but not yet effective, to stage a filter");
  cmd->add_option("-o,--output", options->output, "Write to FILE (replaced atomically) instead of standard output")
      ->type_name("FILE");
  cmd->callback([&global, &runner, options] { runner = [&global, options] { return run_export(global, *options); }; });
}

}  // namespace interdict::cli
