// `interdict mrt dump`: MRT files as `bgpdump -m` prints them.
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <iostream>

#include "cli/common.h"
#include "cli/mrt_input.h"
#include "cli/scan_routes.h"
#include "readers/mrt/bgpdump.h"
#include "readers/mrt/mrt.h"

namespace interdict::cli {
namespace {

struct MrtDumpOptions {
  std::vector<std::string> inputs;
};

struct MrtScanOptions {
  std::vector<std::string> inputs;
  std::string as_of;
  std::string known_at;
  std::vector<std::string> countries{"US"};
};

// Opens `path` and reads it with read_mrt_records(); false when it cannot be opened.
template <typename OnEvent, typename OnPeers>
bool read_mrt(const std::string& path, bool quiet, OnEvent&& on_event, OnPeers&& on_peers) {
  auto reader = mrt::MrtReader::open(path);
  if (!reader) {
    std::cerr << "interdict: " << reader.error().to_string() << "\n";
    return false;
  }
  return read_mrt_records(std::move(*reader), quiet, on_event, on_peers);
}

int run_dump(const GlobalOptions& global, const MrtDumpOptions& options) {
  std::string out;
  out.reserve(1 << 21);
  bool ok = true;
  for (const std::string& path : options.inputs) {
    ok &= read_mrt(
        path, global.quiet,
        [&](const mrt::RouteEvent& e) {
          mrt::append_bgpdump_line(e, out);
          if (out.size() >= (1 << 20)) {
            write_stdout(out);
            out.clear();
          }
        },
        [](const std::vector<mrt::Peer>&, std::uint32_t) {});
  }
  write_stdout(out);
  return ok ? kExitClean : kExitInputError;
}

int run_scan_routes(const GlobalOptions& global, const MrtScanOptions& options) {
  RouteScan::Options scan_options;
  if (!options.as_of.empty()) {
    scan_options.as_of = parse_time_option(options.as_of, "--as-of");
    if (!scan_options.as_of) return kExitInputError;
  }
  if (!options.known_at.empty()) {
    scan_options.known_at = parse_time_option(options.known_at, "--known-at");
    if (!scan_options.known_at) return kExitInputError;
  }
  scan_options.countries.clear();
  for (std::string c : options.countries) {
    if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) ||
        !std::isalpha(static_cast<unsigned char>(c[1]))) {
      std::cerr << "interdict: --country: `" << c << "` is not a two-letter country code (ISO 3166-1 alpha-2)\n";
      return kExitInputError;
    }
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    scan_options.countries.push_back(c);
  }
  auto orders = load_order_set(global);
  if (!orders) return kExitInputError;
  RouteScan scan(*orders, scan_options);
  bool ok = true;
  for (const std::string& path : options.inputs) {
    ok &= read_mrt(
        path, global.quiet, [&](const mrt::RouteEvent& e) { scan.add(e); },
        [&](const std::vector<mrt::Peer>& peers, std::uint32_t time) { scan.add_peers(peers, time); });
  }
  const Format format = output_format(global);
  std::string out;
  bool first = true;
  if (format == Format::kJson) out += '[';
  const std::size_t prohibited = scan.render(format, out, first);
  if (format == Format::kJson) out += "]\n";
  write_stdout(out);
  if (!global.quiet) {
    std::cerr << "interdict: " << scan.routes_seen() << " routes read; " << prohibited << " findings prohibited\n";
  }
  if (!ok) return kExitInputError;
  return prohibited > 0 ? kExitProhibited : kExitClean;
}

}  // namespace

void register_mrt(CLI::App& app, GlobalOptions& global, Runner& runner) {
  CLI::App* mrt =
      app.add_subcommand("mrt",
                         "Read BGP routing data in MRT format (RFC 6396): RIB dumps and update files as RouteViews,\n"
                         "RIPE RIS and routers write them, plain or gzip/bzip2/zstd compressed.\n\n"
                         "Subcommands:\n"
                         "  dump   print every route as `bgpdump -m` does, line for line\n"
                         "  scan   find the sessions, origins, paths and prefixes of the networks the orders name\n\n"
                         "Examples:\n"
                         "  interdict mrt dump rib.20140523.0600.bz2 | head\n"
                         "  interdict mrt scan samples/bgp/rib.20201101.0000.mrt\n"
                         "  interdict mrt dump updates.20160811.1600.gz | awk -F'|' '$3 == \"W\"' | wc -l");
  // `interdict mrt` alone teaches what it can do rather than only saying a word is missing.
  mrt->callback([mrt, &runner] {
    if (mrt->get_subcommands().empty()) {
      runner = [mrt] {
        std::cerr << mrt->help() << "interdict: `mrt` needs `dump` or `scan`\n";
        return kExitInputError;
      };
    }
  });
  auto options = std::make_shared<MrtDumpOptions>();
  CLI::App* dump =
      mrt->add_subcommand("dump",
                          "Print each route of MRT files as `bgpdump -m` (and -vm) prints it, so scripts written\n"
                          "for bgpdump can switch: one line per RIB entry (TABLE_DUMP, TABLE_DUMP2, TABLE_DUMP2_AP),\n"
                          "announced or withdrawn prefix (BGP4MP|time|A or W|...) and session state change\n"
                          "(BGP4MP|time|STATE|...).\n\n"
                          "Damage is reported on stderr with the byte offset of the record: a damaged record is\n"
                          "skipped, a truncated file ends after its last complete record.\n\n"
                          "Examples:\n"
                          "  interdict mrt dump bview.20240101.0000.gz > routes.txt\n"
                          "  interdict mrt dump updates.*.bz2 | grep '|A|' | cut -d'|' -f6,7\n\n"
                          "Exit codes: 0 read completely, 2 an input could not be opened or was damaged.");
  dump->add_option("input", options->inputs, "MRT files; `-` reads standard input")->required()->type_name("FILE");
  dump->callback([&global, &runner, options] { runner = [&global, options] { return run_dump(global, *options); }; });

  auto scan_options = std::make_shared<MrtScanOptions>();
  CLI::App* scan = mrt->add_subcommand(
      "scan",
      "Find, in RIB dumps and update files, the routes and BGP sessions of the networks the orders\n"
      "name by AS number or prefix, and decide each (docs/mrt.md):\n\n"
      "  session  a BGP session whose peer AS is named: directly arranged transit or peering,\n"
      "           decided for `peering` and `transit`\n"
      "  origin   routes a named AS originates: its prefixes, the neighbours it is reached\n"
      "           through and the peers that carried them, decided for `transit`\n"
      "  path     routes that pass through a named AS, decided for `transit`\n"
      "  prefix   routes to a named prefix or a more specific one (not a less specific one):\n"
      "           their prefixes, origins, neighbours and peers, decided for `transit`\n\n"
      "Each is decided as of --as-of (default: when it was last seen in the data) for a service\n"
      "provided in --country (default US). Output: a table on a terminal, JSON Lines otherwise.\n\n"
      "Examples:\n"
      "  interdict mrt scan rib.20250601.0000.bz2\n"
      "  interdict --format json mrt scan --as-of 2020-11-01T00:00:00Z updates.*.gz\n\n"
      "Exit codes: 0 nothing prohibited, 1 something prohibited, 2 an input could not be read\n"
      "or was damaged (its readable records are still scanned).");
  scan->add_option("input", scan_options->inputs, "MRT files; `-` reads standard input")->required()->type_name("FILE");
  scan->add_option("--as-of", scan_options->as_of, "Decide as of this time (default: when last seen in the data)")
      ->type_name("TIME");
  scan->add_option("--known-at", scan_options->known_at, "Count only the events of the orders recorded by then")
      ->type_name("TIME");
  scan->add_option("--country", scan_options->countries,
                   "Where the transit or peering is provided, ISO 3166 alpha-2 (default US; repeatable)")
      ->type_name("CC");
  scan->callback([&global, &runner, scan_options] {
    runner = [&global, scan_options] { return run_scan_routes(global, *scan_options); };
  });
}

}  // namespace interdict::cli
