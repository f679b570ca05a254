// `interdict export`: enforcement in the formats operators load (docs/export.md).
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <set>
#include <tuple>

#include "cli/common.h"
#include "cli/mrt_input.h"
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
  std::vector<std::string> mrt;  // --mrt: routing data whose originated prefixes are added
};

// The routes in MRT files whose origin is an AS the orders name: what the router formats
// add to the orders' own prefixes. Distinct (origin, prefix) pairs only.
bool observed_routes(const std::vector<std::string>& paths, const Corpus& corpus, bool quiet,
                     std::vector<ObservedRoute>& out) {
  std::set<std::uint32_t> named;
  for (const Subject& subject : corpus.subjects) {
    for (const Identifier& id : subject.identifiers) {
      if (id.kind != IdentifierKind::kAsn) continue;
      std::string_view v = id.value;
      if (v.size() > 2 && (v[0] == 'A' || v[0] == 'a')) v.remove_prefix(2);
      std::uint32_t asn = 0;
      if (std::from_chars(v.data(), v.data() + v.size(), asn).ec == std::errc()) named.insert(asn);
    }
  }
  std::set<std::tuple<std::uint32_t, bool, std::array<std::uint8_t, 16>, std::uint8_t>> seen;
  bool ok = true;
  for (const std::string& path : paths) {
    auto reader = mrt::MrtReader::open(path);
    if (!reader) {
      std::cerr << "interdict: --mrt: " << reader.error().to_string() << "\n";
      return false;
    }
    ok &= read_mrt_records(
        std::move(*reader), quiet,
        [&](const mrt::RouteEvent& e) {
          if (e.kind != mrt::EventKind::kRib && e.kind != mrt::EventKind::kAnnounce) return;
          const auto origin = e.attributes->as_path.origin();
          if (!origin || !named.contains(*origin)) return;
          ObservedRoute route;
          route.origin_asn = *origin;
          route.prefix.length = e.prefix.length;
          route.prefix.address.v4 = !e.prefix.address.v6;
          if (e.prefix.address.v6) {
            route.prefix.address.bytes = e.prefix.address.bytes;
          } else {
            route.prefix.address.bytes[10] = route.prefix.address.bytes[11] = 0xff;
            std::copy_n(e.prefix.address.bytes.begin(), 4, route.prefix.address.bytes.begin() + 12);
          }
          if (seen.emplace(*origin, route.prefix.address.v4, route.prefix.address.bytes, route.prefix.length).second) {
            out.push_back(route);
          }
        },
        [](const std::vector<mrt::Peer>&, std::uint32_t) {});
  }
  return ok;
}

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
  std::vector<ObservedRoute> observed;
  if (!cli.mrt.empty() && !observed_routes(cli.mrt, set->corpus(), global.quiet, observed)) return kExitInputError;
  auto result = export_as(*format, set->corpus(), options, observed);
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
                         "  interdict export --as frr --include-enjoined --as-of 2020-11-15T00:00:00Z --mrt rib.bz2\n"
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
  cmd->add_option("--mrt", options->mrt,
                  "Routing data (MRT RIB or updates, any compression): the prefixes it shows a named AS\n"
                  "originating are added to the bird, frr and json filters, aggregated")
      ->type_name("FILE");
  cmd->add_option("-o,--output", options->output, "Write to FILE (replaced atomically) instead of standard output")
      ->type_name("FILE");
  cmd->callback([&global, &runner, options] { runner = [&global, options] { return run_export(global, *options); }; });
}

}  // namespace interdict::cli
