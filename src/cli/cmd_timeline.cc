// `interdict timeline`: each prohibition's state intervals, as known at a time.
#include <iostream>

#include "cli/common.h"
#include "sinks/sinks.h"

namespace interdict::cli {
namespace {

struct TimelineOptions {
  std::vector<std::string> orders;
  std::string known_at;
};

int run_timeline(const GlobalOptions& global, const TimelineOptions& options) {
  auto set = load_order_set(global);
  if (!set) return kExitInputError;
  Instant known_at = kEndOfTime;
  if (!options.known_at.empty()) {
    auto t = parse_time_option(options.known_at, "--known-at");
    if (!t) return kExitInputError;
    known_at = *t;
  }
  std::vector<const Order*> chosen;
  for (const std::string& id : options.orders) {
    const Order* o = set->corpus().find_order(id);
    if (o == nullptr) {
      std::cerr << "interdict: no order `" << id << "`; `interdict orders list` names them\n";
      return kExitInputError;
    }
    chosen.push_back(o);
  }
  if (chosen.empty()) {
    for (const Order& o : set->corpus().orders) chosen.push_back(&o);
  }
  Format format = output_format(global);
  TextTable table({"order", "prohibition", "from", "until", "state", "set by"}, 64);
  std::string out;
  if (format == Format::kJson) out += '[';
  bool first = true;
  for (const Order* o : chosen) {
    for (std::size_t i = 0; i < o->prohibitions.size(); ++i) {
      for (const StateInterval& iv : timeline(*o, i, known_at)) {
        if (iv.state.state == State::kUnknown) continue;
        std::string cause = iv.state.cause != nullptr ? iv.state.cause->id + " (" + iv.state.cause->title + ")" : "";
        if (format == Format::kTable) {
          table.add_row({o->id, o->prohibitions[i].id, format_rfc3339(iv.from), format_rfc3339(iv.to),
                         std::string(state_name(iv.state.state)), cause});
          continue;
        }
        if (format == Format::kJson && !first) out += ',';
        first = false;
        out += "{\"order\":";
        append_json_string(out, o->id);
        out += ",\"prohibition\":";
        append_json_string(out, o->prohibitions[i].id);
        out += ",\"from\":";
        append_json_string(out, iv.from == kBeginningOfTime ? "" : format_rfc3339(iv.from));
        out += ",\"until\":";
        append_json_string(out, iv.to == kEndOfTime ? "" : format_rfc3339(iv.to));
        out += ",\"state\":";
        append_json_string(out, state_name(iv.state.state));
        out += ",\"event\":";
        if (iv.state.cause != nullptr) {
          append_json_string(out, iv.state.cause->id);
        } else {
          out += "null";
        }
        out += '}';
        if (format == Format::kJsonl) out += '\n';
      }
    }
  }
  if (format == Format::kJson) out += "]\n";
  if (format == Format::kTable) out = table.render();
  write_stdout(out);
  return kExitClean;
}

}  // namespace

void register_timeline(CLI::App& app, GlobalOptions& global, Runner& runner) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "timeline",
      "Each prohibition's states over time: scheduled, in_force, enjoined, suspended, revoked,\n"
      "with the event that set each. Example: interdict timeline us-2020-tiktok --known-at 2020-10-01T00:00:00Z");
  cmd->add_option("order", options->orders, "Order ids (default: all)");
  cmd->add_option("--known-at", options->known_at, "Count only events recorded by this time")->type_name("TIME");
  cmd->callback(
      [&global, &runner, options] { runner = [&global, options] { return run_timeline(global, *options); }; });
}

}  // namespace interdict::cli
