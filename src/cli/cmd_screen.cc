// `interdict screen`: names against the orders' entities and subjects, and against the
// public sanctions lists once `interdict lists import` has indexed them.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <iterator>
#include <optional>

#include "base/utf8.h"
#include "cli/common.h"
#include "cli/screen_orders.h"
#include "cli/screen_output.h"
#include "sinks/sinks.h"

namespace interdict::cli {
namespace {

struct ScreenOptions {
  std::string index;
  std::string country;
  std::string type;
  std::optional<double> match;
  std::optional<double> review;
  std::size_t limit = 5;
  std::vector<std::string> names;
};

// One name to screen, with its hints and the caller's id to echo back.
struct Query {
  std::string name;
  std::string country;
  EntityKind kind = EntityKind::kUnknown;
  std::string id;
};

std::optional<EntityKind> parse_kind(std::string_view text) {
  if (text.empty() || text == "unknown") return EntityKind::kUnknown;  // as the output writes it
  if (text == "person") return EntityKind::kPerson;
  if (text == "organization" || text == "organisation") return EntityKind::kOrganization;
  if (text == "vessel") return EntityKind::kVessel;
  if (text == "aircraft") return EntityKind::kAircraft;
  return std::nullopt;
}

std::string_view kind_text(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kVessel: return "vessel";
    case EntityKind::kAircraft: return "aircraft";
    case EntityKind::kUnknown: break;
  }
  return "unknown";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Reads one JSON Lines query. Returns an error text ("" when fine).
std::string parse_json_query(simdjson::dom::parser& parser, std::string_view line, Query& q) {
  simdjson::dom::element doc;
  if (parser.parse(line.data(), line.size()).get(doc) || !doc.is_object()) return "not a JSON object";
  std::string_view text;
  if (doc["name"].get_string().get(text)) return "no string `name`";
  q.name = text;
  if (!doc["country"].get_string().get(text)) q.country = text;
  if (!doc["id"].get_string().get(text)) {
    q.id = text;
  } else if (std::int64_t n = 0; !doc["id"].get_int64().get(n)) {
    q.id = std::to_string(n);
  }
  if (!doc["type"].get_string().get(text)) {
    auto kind = parse_kind(text);
    if (!kind) return "unknown type `" + std::string(text) + "` (person, organization, vessel, aircraft)";
    q.kind = *kind;
  }
  return "";
}

// Queries from standard input: a name a line, or a JSON object a line when it starts with
// `{`. Bad lines are reported and skipped; `bad` counts them.
std::vector<Query> read_stdin_queries(const Query& defaults, std::size_t& bad) {
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::vector<Query> out;
  simdjson::dom::parser parser;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < input.size();) {
    std::size_t end = input.find('\n', pos);
    if (end == std::string::npos) end = input.size();
    std::string_view line = trim(std::string_view(input).substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    // A name that is not UTF-8 cannot be read as the person typed it: reported, not guessed.
    if (const auto bad_byte = first_invalid_utf8(line)) {
      std::cerr << "interdict: screen: stdin:" << line_no << ": not valid UTF-8 at byte " << *bad_byte + 1
                << " of the line\n";
      ++bad;
      continue;
    }
    Query q = defaults;
    if (line.front() == '{') {
      std::string error = parse_json_query(parser, line, q);
      if (!error.empty()) {
        std::cerr << "interdict: screen: stdin:" << line_no << ": " << error << "\n";
        ++bad;
        continue;
      }
    } else {
      q.name = line;
    }
    out.push_back(std::move(q));
  }
  return out;
}

// The index to screen against: a saved one, or the orders' names built now.
std::optional<NameIndex> open_index(const ScreenOptions& options, const Corpus& corpus) {
  if (options.index.empty()) {
    NameIndex index;
    add_order_entries(corpus, index);
    index.freeze();
    return index;
  }
  auto loaded = NameIndex::load(options.index);
  if (!loaded) {
    std::cerr << "interdict: screen: --index " << options.index << ": " << loaded.error().to_string()
              << " (rebuild it with `interdict lists import`)\n";
    return std::nullopt;
  }
  return std::move(*loaded);
}

int run_screen(const GlobalOptions& global, const ScreenOptions& options) {
  Query defaults;
  defaults.country = options.country;
  auto kind = parse_kind(options.type);
  if (!kind) {
    std::cerr << "interdict: screen: --type " << options.type << ": use person, organization, vessel or aircraft\n";
    return kExitInputError;
  }
  defaults.kind = *kind;
  auto set = load_order_set(global);
  if (!set) return kExitInputError;
  std::optional<NameIndex> index = open_index(options, set->corpus());
  if (!index) return kExitInputError;
  Thresholds t = index->thresholds();
  if (options.match) t.match = *options.match;
  if (options.review) t.review = *options.review;
  if (t.review > t.match) {
    std::cerr << "interdict: screen: the review threshold (" << t.review << ") is above the match threshold ("
              << t.match << ")\n";
    return kExitInputError;
  }
  index->set_thresholds(t);

  std::size_t bad = 0;
  std::vector<Query> queries;
  if (!options.names.empty()) {
    for (std::size_t i = 0; i < options.names.size(); ++i) {
      const std::string& name = options.names[i];
      if (const auto bad_byte = first_invalid_utf8(name)) {
        std::cerr << "interdict: screen: name " << i + 1 << ": not valid UTF-8 at byte " << *bad_byte + 1 << "\n";
        ++bad;
        continue;
      }
      queries.push_back(defaults);
      queries.back().name = name;
    }
  } else {
    queries = read_stdin_queries(defaults, bad);
  }

  const Format format = output_format(global);
  const Instant now = static_cast<Instant>(std::time(nullptr));
  TextTable table({"query", "verdict", "score", "matched name", "list", "id", "why", "orders"}, 60);
  std::string out;
  if (format == Format::kJson) out += '[';
  bool any_match = false;
  for (std::size_t qi = 0; qi < queries.size(); ++qi) {
    const Query& q = queries[qi];
    const std::vector<NameHit> hits = index->search(q.name, SearchHints{q.kind, q.country}, options.limit);
    if (format == Format::kTable) {
      if (hits.empty()) table.add_row({q.name, "-", "", "", "", "", "no name above review", ""});
      for (const NameHit& hit : hits) {
        any_match |= hit.verdict == NameVerdict::kMatch;
        const auto [list, id] = split_entry_id(hit.id);
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", hit.score);
        table.add_row({q.name, hit.verdict == NameVerdict::kMatch ? "match" : "review", score, std::string(hit.name),
                       std::string(list), std::string(id), why_text(hit.why),
                       note_text(order_note(set->corpus(), hit.id, now))});
      }
      continue;
    }
    if (format == Format::kJson && qi > 0) out += ',';
    out += "{\"query\":";
    append_json_string(out, q.name);
    if (!q.id.empty()) {
      out += ",\"id\":";
      append_json_string(out, q.id);
    }
    out += ",\"country\":";
    append_json_string(out, q.country);
    out += ",\"type\":";
    append_json_string(out, kind_text(q.kind));
    out += ",\"hits\":[";
    for (std::size_t i = 0; i < hits.size(); ++i) {
      any_match |= hits[i].verdict == NameVerdict::kMatch;
      if (i > 0) out += ',';
      append_hit_json(out, hits[i], order_note(set->corpus(), hits[i].id, now));
    }
    out += "]}";
    if (format == Format::kJsonl) out += '\n';
  }
  if (format == Format::kJson) out += "]\n";
  if (format == Format::kTable) out = table.render();
  write_stdout(out);
  if (bad > 0) return kExitInputError;
  return any_match ? kExitProhibited : kExitClean;
}

}  // namespace

void register_screen(CLI::App& app, GlobalOptions& global, Runner& runner) {
  auto options = std::make_shared<ScreenOptions>();
  CLI::App* cmd = app.add_subcommand(
      "screen",
      "Screen names against the orders' companies and services and the imported sanctions lists.\n\n"
      "Names match across scripts and spellings: 騰訊控股, 腾讯, Tengxun and Tencent Holdings Ltd meet,\n"
      "as do \"PUTIN, Vladimir\" and Vladimir Putin. Each hit is a match (score >= --match) or for\n"
      "review (score >= --review), with the matched name, its list and id, and why: the token pairs\n"
      "and their similarity (\"tengxun~tengxun 1.00, holdings (weak)\"). A Korean name in Hangul\n"
      "(김정은, KIM Jong Un) or an Arabic, Persian or Hebrew one by its consonants (محمد علي) meets\n"
      "the lists' romanisation only to review, at most 0.88 (\"romanised: review at most\"): the\n"
      "romanisation cannot confirm it. A hit on an order's entity or subject also names the orders\n"
      "that designate it and any prohibition of `payment`.\n\n"
      "Names come from the arguments, else standard input: one a line, or JSON Lines when a line\n"
      "starts with `{` (fields name, and optional country, type, id; id is echoed back).\n"
      "Without --index only the orders' names are screened; `interdict lists import` builds an index\n"
      "of the public lists (and the orders' names) for --index.\n\n"
      "Examples:\n"
      "  interdict screen 腾讯 ByteDance\n"
      "  interdict lists import sdn/ && interdict screen --index interdict-lists.idx --type person 'PUTIN, Vladimir'\n"
      "  echo '{\"name\":\"Tengxun Holdings\",\"country\":\"CN\",\"id\":\"pay-42\"}' | interdict screen --format "
      "jsonl\n\n"
      "Exit codes: 1 when a hit is a match, 0 when only reviews or nothing, 2 for usage or input errors.");
  cmd->add_option("name", options->names, "Names to screen (default: standard input)")->type_name("NAME");
  cmd->add_option("--index,--lists", options->index,
                  "Name index from `interdict lists import` (--lists, as scan names it)")
      ->type_name("FILE");
  cmd->add_option("--country", options->country, "Country hint for every name (ISO code), e.g. CN")->type_name("CC");
  cmd->add_option("--type", options->type, "Kind hint: person, organization, vessel or aircraft")->type_name("KIND");
  cmd->add_option("--match", options->match, "Match threshold in [0,1] (default 0.90, or the index's)")
      ->check(CLI::Range(0.0, 1.0))
      ->type_name("T");
  cmd->add_option("--review", options->review, "Review threshold in [0,1] (default 0.80, or the index's)")
      ->check(CLI::Range(0.0, 1.0))
      ->type_name("T");
  cmd->add_option("--limit", options->limit, "Hits per name, best first (default 5)")
      ->check(CLI::Range(1, 1000))
      ->type_name("N");
  cmd->fallthrough();
  cmd->callback([&global, &runner, options] { runner = [&global, options] { return run_screen(global, *options); }; });
}

}  // namespace interdict::cli
