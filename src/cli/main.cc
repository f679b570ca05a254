// interdict: turns technology bans into enforcement. See README.md and docs/.
#include <iostream>

#include "cli/common.h"

int main(int argc, char** argv) {
  using namespace interdict::cli;
  CLI::App app{
      "interdict decides whether a transaction is prohibited by a technology ban (the 2020 TikTok and\n"
      "WeChat identifications, EO 13971, PAFACA, the Kaspersky determination, or your own orders),\n"
      "with the clause, its legal status at that moment, and the reasons; and scans the evidence\n"
      "each chokepoint holds.\n\n"
      "Examples:\n"
      "  interdict orders list\n"
      "  echo "
      "'{\"activity\":\"hosting\",\"subject\":{\"domain\":\"www.tiktok.com\"},\"country\":\"US\",\"at\":\"2025-06-"
      "01T00:00:00Z\"}' | interdict check\n"
      "  interdict scan samples/store/catalogue.csv samples/store/requests.jsonl\n"
      "  interdict check --known-at 2020-09-26T00:00:00Z transactions.jsonl   # as known on that day\n"
      "  interdict timeline us-2020-tiktok\n"
      "  interdict export --as rpz -o interdict.rpz              # a DNS block list of what is in force\n\n"
      "Activities: store.distribute store.update hosting cdn transit peering code payment\n"
      "            software.supply software.update software.resale (docs/orders.md)\n\n"
      "Exit codes: 0 nothing prohibited, 1 something prohibited, 2 usage or input error.",
      "interdict"};
  app.set_version_flag("--version", "interdict 0.1.0");
  app.require_subcommand(1);
  // Global options may follow the subcommand (`interdict check --format json`): subcommands
  // inherit this and hand options they do not know to their parent.
  app.fallthrough();
  GlobalOptions global;
  app.add_option("--orders", global.orders,
                 "Folder of order files (*.toml) to load instead of the bundled orders; +DIR adds a folder to them")
      ->type_name("DIR")
      ->take_all();
  app.add_option("--format", global.format,
                 "Output: table (default on a terminal), json, jsonl (default otherwise); sarif for `scan` of "
                 "software (SARIF 2.1.0, for code scanning)")
      ->check(CLI::IsMember({"table", "json", "jsonl", "sarif"}))
      ->type_name("FORMAT");
  app.add_flag("-q,--quiet", global.quiet, "No progress or summary on stderr");

  Runner runner;
  register_check(app, global, runner);
  register_scan(app, global, runner);
  register_orders(app, global, runner);
  register_timeline(app, global, runner);
  register_export(app, global, runner);
  register_mrt(app, global, runner);
  register_lists(app, global, runner);
  register_screen(app, global, runner);
  // A help page lists each subcommand by its first paragraph; the rest of its text shows in
  // the subcommand's own --help. Two levels: `interdict mrt` has subcommands of its own.
  std::vector<CLI::App*> subs = app.get_subcommands([](CLI::App*) { return true; });
  for (std::size_t i = 0, top = subs.size(); i < top; ++i) {
    for (CLI::App* nested : subs[i]->get_subcommands([](CLI::App*) { return true; })) subs.push_back(nested);
  }
  for (CLI::App* sub : subs) {
    const std::string text = sub->get_description();
    const std::size_t cut = text.find("\n\n");
    if (cut == std::string::npos) continue;
    sub->description(text.substr(0, cut));
    sub->footer(text.substr(cut + 2));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitInputError;
  }
  if (!runner) return kExitInputError;
  if (global.format == "sarif" && app.get_subcommands().front()->get_name() != "scan") {
    std::cerr << "interdict: --format sarif: only `scan` writes SARIF (its findings in software)\n";
    return kExitInputError;
  }
  int code = runner();
  std::fflush(stdout);
  return code;
}
