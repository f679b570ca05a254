// `interdict lists import`: the public sanctions lists and the orders' names in one
// name index file, built once, that `interdict screen --index` loads in milliseconds.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/common.h"
#include "cli/screen_orders.h"
#include "readers/lists/lists.h"

namespace interdict::cli {
namespace {

struct ListsImportOptions {
  std::vector<std::string> lists;
  std::string output = "interdict-lists.idx";
  bool orders_only = false;
};

// How many damage messages the summary quotes per list; the count says the rest.
constexpr std::size_t kQuotedDamage = 5;

// What one list gave, for the summary.
struct ListTally {
  std::uint64_t entities = 0;
  std::uint64_t names = 0;
  std::uint64_t damaged = 0;
  bool fatal = false;
  std::vector<std::string> messages;  // the first kQuotedDamage, "file:line: reason"
};

// Adds each listed party to the index as "<list>:<id>", tallying per list name.
// Not thread-safe: one reader at a time, as ListSink requires.
class IndexSink : public ListSink {
 public:
  explicit IndexSink(NameIndex& index) : index_(index) {}

  void entity(const ListEntity& e) override {
    entry_.id = e.list + ":" + e.id;
    entry_.kind = e.kind;
    entry_.countries = e.countries;
    // Weak aliases are left out: the lists say they yield false hits, and the index has no
    // whole-name-only mode to keep them in.
    entry_.names = e.names;
    index_.add(entry_);
    ListTally& t = tallies_[e.list];
    ++t.entities;
    t.names += e.names.size();
  }

  void damage(const ListDamage& d) override {
    ++damaged_;
    fatal_ |= d.fatal;
    if (messages_.size() >= kQuotedDamage) return;
    std::string m(d.file);
    m += ':';
    m += std::to_string(d.line != 0 ? d.line : d.offset);
    if (d.line == 0) m += " (byte)";
    m += ": ";
    m += d.reason;
    if (d.fatal) m += " (the rest of the list is lost)";
    messages_.push_back(std::move(m));
  }

  // Moves the damage seen since the last call into the summary of `path`.
  void close_list(const std::string& path) {
    ListTally& t = by_path_[path];
    t.damaged = damaged_;
    t.fatal = fatal_;
    t.messages = std::move(messages_);
    damaged_ = 0;
    fatal_ = false;
    messages_.clear();
  }

  [[nodiscard]] const std::map<std::string, ListTally>& tallies() const { return tallies_; }
  [[nodiscard]] const std::map<std::string, ListTally>& by_path() const { return by_path_; }

 private:
  NameIndex& index_;
  NameEntry entry_;                           // reused, so a record costs no fresh vectors
  std::map<std::string, ListTally> tallies_;  // by list ("ofac-sdn", "un")
  std::map<std::string, ListTally> by_path_;  // damage, by the path given
  std::uint64_t damaged_ = 0;
  bool fatal_ = false;
  std::vector<std::string> messages_;
};

int run_lists_import(const GlobalOptions& global, const ListsImportOptions& options) {
  if (options.lists.empty() && !options.orders_only) {
    std::cerr << "interdict: lists import: name at least one list, or --orders-only\n";
    return kExitInputError;
  }
  if (!options.lists.empty() && options.orders_only) {
    std::cerr << "interdict: lists import: --orders-only takes no list\n";
    return kExitInputError;
  }
  auto set = load_order_set(global);
  if (!set) return kExitInputError;
  const auto start = std::chrono::steady_clock::now();
  NameIndex index;
  const std::size_t order_entries = add_order_entries(set->corpus(), index);
  IndexSink sink(index);
  for (const std::string& path : options.lists) {
    auto stats = read_list(path, sink);
    sink.close_list(path);
    if (!stats) {
      // The readers' errors mostly name the file already; say it once.
      const std::string error = stats.error().to_string();
      std::cerr << "interdict: lists import: " << (error.find(path) == std::string::npos ? path + ": " : "") << error
                << "\n";
      return kExitInputError;
    }
  }
  index.freeze();
  if (Status saved = index.save(options.output); !saved) {
    std::cerr << "interdict: lists import: " << saved.error().to_string() << "\n";
    return kExitInputError;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (global.quiet) return kExitClean;
  std::cerr << "orders: " << order_entries << " entities and subjects\n";
  for (const auto& [list, t] : sink.tallies()) {
    std::cerr << list << ": " << t.entities << " entities, " << t.names << " names\n";
  }
  for (const auto& [path, t] : sink.by_path()) {
    if (t.damaged == 0) continue;
    std::cerr << path << ": " << t.damaged << " damaged record" << (t.damaged == 1 ? "" : "s") << " skipped"
              << (t.fatal ? ", list cut short" : "") << "\n";
    for (const std::string& m : t.messages) std::cerr << "  " << m << "\n";
  }
  char took[32];
  std::snprintf(took, sizeof took, "%.2f", seconds);
  std::error_code ec;
  const std::filesystem::path where = std::filesystem::absolute(options.output, ec);
  std::cerr << "wrote " << (ec ? options.output : where.string()) << ": " << index.entry_count() << " entries, "
            << index.name_count() << " names in " << took << " s\n";
  return kExitClean;
}

}  // namespace

void register_lists(CLI::App& app, GlobalOptions& global, Runner& runner) {
  CLI::App* lists = app.add_subcommand("lists",
                                       "Sanctions lists for `interdict screen`: import them into a name index.\n\n"
                                       "Run `interdict lists import --help` for the formats read.");
  lists->require_subcommand(1);
  lists->fallthrough();
  auto options = std::make_shared<ListsImportOptions>();
  CLI::App* import = lists->add_subcommand(
      "import",
      "Build a name index from public sanctions lists and the loaded orders' names.\n\n"
      "Each LIST is a file or a folder, its format sniffed from its name and first bytes:\n"
      "  OFAC legacy CSV   a folder with sdn.csv and/or cons_prim.csv, or one of them; the add,\n"
      "                    alt and comments files beside it are joined by entity number\n"
      "  CSL               trade.gov's consolidated_screening_list CSV (Entity List among them)\n"
      "  UN                the Security Council's consolidated XML\n"
      "  OpenSanctions     FollowTheMoney JSON Lines (entities.ftm.json)\n"
      "The orders' entities and subjects (names and aliases) are always added, as order:<id>.\n"
      "Damaged records are skipped and counted; a list that cannot be read at all exits 2.\n"
      "The index is one file; `interdict screen --index FILE` loads it.\n\n"
      "Examples:\n"
      "  interdict lists import sdn/ un_consolidated.xml entities.ftm.json\n"
      "  interdict lists import --output /var/lib/interdict/lists.idx consolidated_screening_list.csv\n"
      "  interdict lists import --orders-only -o orders.idx");
  import->add_option("list", options->lists, "Lists to import: files, or OFAC folders")->type_name("LIST");
  import->add_option("-o,--output", options->output, "Index file to write (default: interdict-lists.idx here)")
      ->type_name("FILE");
  import->add_flag("--orders-only", options->orders_only, "Index the orders' names alone");
  import->fallthrough();
  import->callback(
      [&global, &runner, options] { runner = [&global, options] { return run_lists_import(global, *options);
};
}  // namespace interdict::cli
);
}

}  // namespace interdict::cli
