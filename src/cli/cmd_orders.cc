// `interdict orders list|show|validate`: what the loaded orders say, and whether they load.
#include <ctime>
#include <iostream>

#include "cli/common.h"
#include "sinks/sinks.h"

namespace interdict::cli {
namespace {

std::string activities_text(ActivitySet set) {
  std::string out;
  for (int i = 0; i < kActivityCount; ++i) {
    if ((set & (ActivitySet{1} << i)) == 0) continue;
    if (!out.empty()) out += ' ';
    out += activity_name(static_cast<Activity>(i));
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
  return out;
}

void append_string_array(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, items[i]);
  }
  out += ']';
}

void append_provenance(std::string& out, const Provenance& p) {
  out += ",\"source\":";
  append_string_array(out, p.sources);
  out += ",\"confidence\":";
  append_json_string(out, confidence_name(p.confidence));
  if (!p.note.empty()) {
    out += ",\"note\":";
    append_json_string(out, p.note);
  }
  out += ",\"where\":";
  append_json_string(out, p.where.to_string());
}

// One order as JSON, with each prohibition's state at `now`.
void append_order_json(std::string& out, const Order& o, Instant now) {
  out += "{\"id\":";
  append_json_string(out, o.id);
  out += ",\"title\":";
  append_json_string(out, o.title);
  out += ",\"authority\":";
  append_json_string(out, o.authority);
  out += ",\"citation\":";
  append_json_string(out, o.citation);
  out += ",\"url\":";
  append_json_string(out, o.url);
  out += ",\"jurisdiction\":";
  append_string_array(out, o.jurisdiction);
  out += ",\"designates\":";
  append_string_array(out, o.designates);
  append_provenance(out, o.provenance);
  out += ",\"prohibitions\":[";
  for (std::size_t i = 0; i < o.prohibitions.size(); ++i) {
    const Prohibition& p = o.prohibitions[i];
    StateAt s = state_at(o, i, now, kEndOfTime);
    if (i > 0) out += ',';
    out += "{\"id\":";
    append_json_string(out, p.id);
    out += ",\"title\":";
    append_json_string(out, p.title);
    out += ",\"activities\":";
    std::vector<std::string> acts;
    for (int a = 0; a < kActivityCount; ++a) {
      if (p.activities & (ActivitySet{1} << a)) acts.emplace_back(activity_name(static_cast<Activity>(a)));
    }
    append_string_array(out, acts);
    out += ",\"subjects\":";
    append_string_array(out, p.subjects);
    out += ",\"scope\":";
    append_string_array(out, o.scope_of(i));
    out += ",\"text\":";
    append_json_string(out, p.text);
    out += ",\"status_now\":";
    append_json_string(out, state_name(s.state));
    append_provenance(out, p.provenance);
    out += '}';
  }
  out += "],\"exemptions\":[";
  for (std::size_t i = 0; i < o.exemptions.size(); ++i) {
    const Exemption& e = o.exemptions[i];
    if (i > 0) out += ',';
    out += "{\"id\":";
    append_json_string(out, e.id);
    out += ",\"text\":";
    append_json_string(out, e.text);
    out += ",\"prohibitions\":";
    append_string_array(out, e.prohibitions);
    out += ",\"subjects\":";
    append_string_array(out, e.subjects);
    append_provenance(out, e.provenance);
    out += '}';
  }
  out += "],\"events\":[";
  for (std::size_t i = 0; i < o.events.size(); ++i) {
    const Event& e = o.events[i];
    if (i > 0) out += ',';
    out += "{\"id\":";
    append_json_string(out, e.id);
    out += ",\"kind\":";
    append_json_string(out, event_kind_name(e.kind));
    out += ",\"at\":\"";
    append_rfc3339(out, e.at);
    out += "\",\"recorded\":\"";
    append_rfc3339(out, e.recorded);
    out += '"';
    if (e.until) {
      out += ",\"until\":\"";
      append_rfc3339(out, *e.until);
      out += '"';
    }
    out += ",\"targets\":";
    append_string_array(out, e.targets);
    out += ",\"title\":";
    append_json_string(out, e.title);
    append_provenance(out, e.provenance);
    out += '}';
  }
  out += "]}";
}

std::string order_states_now(const Order& o, Instant now) {
  if (o.prohibitions.empty()) return "no prohibitions";
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < o.prohibitions.size(); ++i) {
    parts.push_back(o.prohibitions[i].id + ":" + std::string(state_name(state_at(o, i, now, kEndOfTime).state)));
  }
  return joined(parts, " ");
}

int run_list(const GlobalOptions& global) {
  auto set = load_order_set(global);
  if (!set) return kExitInputError;
  const Instant now = static_cast<Instant>(std::time(nullptr));
  std::string out;
  Format format = output_format(global);
  if (format == Format::kTable) {
    TextTable table({"order", "citation", "title", "subjects", "state now (prohibition:state)"}, 60);
    for (const Order& o : set->corpus().orders) {
      std::vector<std::string> subjects = o.designates;
      for (const Prohibition& p : o.prohibitions) {
        for (const std::string& s : p.subjects) {
          if (std::find(subjects.begin(), subjects.end(), s) == subjects.end()) subjects.push_back(s);
        }
      }
      table.add_row({o.id, o.citation, o.title, joined(subjects, " "), order_states_now(o, now)});
    }
    out = table.render();
  } else {
    if (format == Format::kJson) out += '[';
    bool first = true;
    for (const Order& o : set->corpus().orders) {
      if (format == Format::kJson && !first) out += ',';
      first = false;
      append_order_json(out, o, now);
      if (format == Format::kJsonl) out += '\n';
    }
    if (format == Format::kJson) out += "]\n";
  }
  write_stdout(out);
  return kExitClean;
}

int run_show(const GlobalOptions& global, const std::string& id) {
  auto set = load_order_set(global);
  if (!set) return kExitInputError;
  const Order* o = set->corpus().find_order(id);
  if (o == nullptr) {
    std::cerr << "interdict: no order `" << id << "`; `interdict orders list` names them\n";
    return kExitInputError;
  }
  const Instant now = static_cast<Instant>(std::time(nullptr));
  std::string out;
  if (output_format(global) != Format::kTable) {
    append_order_json(out, *o, now);
    out += '\n';
    write_stdout(out);
    return kExitClean;
  }
  out += o->id + ": " + o->title + "\n";
  out += "  authority:    " + o->authority + "\n  citation:     " + o->citation + "\n";
  if (!o->url.empty()) out += "  url:          " + o->url + "\n";
  out += "  jurisdiction: " + joined(o->jurisdiction) + "\n";
  out += "  source:       " + joined(o->provenance.sources) + " [" +
         std::string(confidence_name(o->provenance.confidence)) + "]\n";
  if (!o->designates.empty()) out += "  designates:   " + joined(o->designates) + "\n";
  out += "\nProhibitions (state now):\n";
  for (std::size_t i = 0; i < o->prohibitions.size(); ++i) {
    const Prohibition& p = o->prohibitions[i];
    out +=
        "  " + p.id + ". " + p.title + " [" + std::string(state_name(state_at(*o, i, now, kEndOfTime).state)) + "]\n";
    out += "     activities: " + activities_text(p.activities) + "\n     subjects:   " + joined(p.subjects) + "\n";
    out += "     text:       \"" + p.text + "\"\n";
    out += "     source:     " + joined(p.provenance.sources) + " [" +
           std::string(confidence_name(p.provenance.confidence)) + "]\n";
    if (!p.provenance.note.empty()) out += "     note:       " + p.provenance.note + "\n";
  }
  if (!o->exemptions.empty()) out += "\nExemptions:\n";
  for (const Exemption& e : o->exemptions) {
    out += "  " + e.id + ": " + e.text + " [" + std::string(confidence_name(e.provenance.confidence)) + "]\n";
  }
  out += "\nEvents:\n";
  TextTable events({"event", "kind", "at", "recorded", "targets", "title"}, 70);
  for (const Event& e : o->events) {
    events.add_row({e.id, std::string(event_kind_name(e.kind)), e.at_text + (e.until ? " .. " + e.until_text : ""),
                    format_rfc3339(e.recorded), e.targets.empty() ? "all" : joined(e.targets, " "), e.title});
  }
  out += events.render();
  write_stdout(out);
  return kExitClean;
}

int run_validate(const GlobalOptions& global) {
  std::string error;
  LoadReport report = load_report(global, &error);
  if (!error.empty()) {
    std::cerr << "interdict: " << error << "\n";
    return kExitInputError;
  }
  Format format = output_format(global);
  std::string out;
  if (format == Format::kTable) {
    for (const Diagnostic& d : report.errors) out += "error: " + d.to_string() + "\n";
    for (const Diagnostic& d : report.warnings) out += d.to_string() + "\n";
    out += std::to_string(report.corpus.orders.size()) + " orders, " + std::to_string(report.corpus.subjects.size()) +
           " subjects, " + std::to_string(report.corpus.entities.size()) +
           " entities: " + std::to_string(report.errors.size()) + " errors, " + std::to_string(report.warnings.size()) +
           " warnings\n";
  } else {
    auto list = [&](const std::vector<Diagnostic>& items) {
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        out += "{\"where\":";
        append_json_string(out, items[i].where.to_string());
        out += ",\"message\":";
        append_json_string(out, items[i].message);
        out += '}';
      }
      out += ']';
    };
    out += "{\"ok\":";
    out += report.ok() ? "true" : "false";
    out += ",\"errors\":";
    list(report.errors);
    out += ",\"warnings\":";
    list(report.warnings);
    out += "}\n";
  }
  write_stdout(out);
  return report.ok() ? kExitClean : kExitInputError;
}

}  // namespace

void register_orders(CLI::App& app, GlobalOptions& global, Runner& runner) {
  CLI::App* cmd = app.add_subcommand("orders", "List, show and validate the loaded orders (docs/orders.md)");
  cmd->require_subcommand(1);
  cmd->add_subcommand("list", "One line per order with the state of each prohibition now")->callback([&] {
    runner = [&global] { return run_list(global); };
  });
  auto id = std::make_shared<std::string>();
  CLI::App* show =
      cmd->add_subcommand("show", "An order in full: prohibitions, verbatim text, sources, exemptions, events");
  show->add_option("order", *id, "Order id, e.g. us-2020-wechat")->required();
  show->callback([&global, &runner, id] { runner = [&global, id] { return run_show(global, *id); }; });
  cmd->add_subcommand(
         "validate",
         "Check order files and report errors and warnings with file:line:col.\n"
         "Exit 0 when they load, 2 when they do not. Example: interdict --orders ./my-orders orders validate")
      ->callback([&] { runner = [&global] { return run_validate(global); }; });
}

}  // namespace interdict::cli
