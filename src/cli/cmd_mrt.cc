// `interdict mrt dump`: MRT files as `bgpdump -m` prints them.
#include <unistd.h>

#include <iostream>

#include "cli/common.h"
#include "readers/mrt/bgpdump.h"
#include "readers/mrt/mrt.h"

namespace interdict::cli {
namespace {

struct MrtDumpOptions {
  std::vector<std::string> inputs;
};

// Reads every record of `path`, handing each event to `on_event`. Damage inside a record
// is reported and the record skipped; damage to the framing ends the file. Returns false
// when the input was damaged or could not be read.
template <typename OnEvent>
bool read_mrt(const std::string& path, bool quiet, OnEvent&& on_event) {
  auto reader = mrt::MrtReader::open(path);
  if (!reader) {
    std::cerr << "interdict: " << reader.error().to_string() << "\n";
    return false;
  }
  mrt::MrtDecoder decoder;
  mrt::RecordHeader header;
  std::span<const std::uint8_t> body;
  std::uint64_t damaged = 0;
  const mrt::MrtDecoder::Sink sink = [&](const mrt::RouteEvent& e) { on_event(e); };
  while ((*reader)->next(header, body)) {
    if (auto damage = decoder.decode(header, body, sink)) {
      ++damaged;
      if (!quiet && damaged <= 10) {
        std::cerr << "interdict: " << (*reader)->name() << "@" << header.offset
                  << ": record damaged, the rest of it skipped: " << *damage << "\n";
      }
    }
  }
  bool ok = damaged == 0;
  if (!quiet && damaged > 10) std::cerr << "interdict: " << path << ": " << damaged << " damaged records skipped\n";
  if (const auto& error = (*reader)->error()) {
    std::cerr << "interdict: " << error->to_string() << " (" << (*reader)->records()
              << " complete records before it were read)\n";
    ok = false;
  }
  return ok;
}

int run_dump(const GlobalOptions& global, const MrtDumpOptions& options) {
  std::string out;
  out.reserve(1 << 21);
  bool ok = true;
  for (const std::string& path : options.inputs) {
    ok &= read_mrt(path, global.quiet, [&](const mrt::RouteEvent& e) {
      mrt::append_bgpdump_line(e, out);
      if (out.size() >= (1 << 20)) {
        write_stdout(out);
        out.clear();
      }
    });
  }
  write_stdout(out);
  return ok ? kExitClean : kExitInputError;
}

}  // namespace

void register_mrt(CLI::App& app, GlobalOptions& global, Runner& runner) {
  CLI::App* mrt =
      app.add_subcommand("mrt",
                         "Read BGP routing data in MRT format (RFC 6396): RIB dumps and update files as RouteViews,\n"
                         "RIPE RIS and routers write them, plain or gzip/bzip2/zstd compressed.\n\n"
                         "Subcommands:\n"
                         "  dump   print every route as `bgpdump -m` does, line for line\n\n"
                         "Examples:\n"
                         "  interdict mrt dump rib.20140523.0600.bz2 | head\n"
                         "  interdict mrt dump updates.20160811.1600.gz | awk -F'|' '$3 == \"W\"' | wc -l");
  mrt->require_subcommand(1);
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
}

}  // namespace interdict::cli
