// Reads order files into a Corpus and checks them. Parsing (TOML to model, here) and
// validation (cross-references, duplicates, completeness: validate.cc) are two passes: the
// first reports what is wrong inside one table, the second what is wrong between tables and
// files.
#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "order/loader_passes.h"
#include "order/order.h"
#include "order/toml_table.h"

namespace interdict {
namespace {

using Severity = Diagnostic::Severity;

Confidence read_confidence(TableReader& t) {
  std::string value = t.string("confidence", true);
  if (value == "confirmed") return Confidence::kConfirmed;
  if (value == "secondary") return Confidence::kSecondary;
  if (value == "unconfirmed") return Confidence::kUnconfirmed;
  if (!value.empty()) {
    t.error_at("confidence",
               "unknown confidence `" + value + "`" + did_you_mean(value, {"confirmed", "secondary", "unconfirmed"}));
  }
  return Confidence::kUnconfirmed;
}

Provenance read_provenance(TableReader& t) {
  Provenance p;
  p.where = t.where();
  p.sources = t.string_or_list("source", true);
  p.confidence = read_confidence(t);
  p.note = t.string("note", false);
  return p;
}

bool valid_id(std::string_view id) {
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'; });
}

bool valid_country(std::string_view c) {
  auto upper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
  return c.size() == 2 && upper(c[0]) && upper(c[1]);
}

std::string read_id(TableReader& t, bool strict_form) {
  std::string id = t.string("id", true);
  if (!id.empty() && strict_form && !valid_id(id)) {
    t.error_at("id", "id `" + id + "` must be lowercase letters, digits, `.` and `-`");
  }
  return id;
}

std::vector<std::string> read_countries(TableReader& t, const char* key, bool required) {
  std::vector<std::string> out = t.string_list(key, required);
  for (const std::string& c : out) {
    if (!valid_country(c)) t.error_at(key, "`" + c + "` is not an ISO 3166-1 alpha-2 code");
  }
  return out;
}

// The part of one file being read, with the diagnostics it collects.
class FileParser {
 public:
  FileParser(const OrderSource& source, LoadReport& report) : source_(source), report_(report) {}

  void parse() {
    if (auto unsafe = find_unsafe_code_point(source_.text)) {
      report_.errors.push_back(
          {Severity::kError, location_of(source_.name, source_.text, unsafe->offset), "", unsafe->message});
      return;
    }
    toml::parse_result parsed = toml::parse(source_.text, source_.name);
    if (!parsed) {
      const auto& err = parsed.error();
      Location where{source_.name, static_cast<std::uint32_t>(err.source().begin.line),
                     static_cast<std::uint32_t>(err.source().begin.column), std::nullopt};
      report_.errors.push_back({Severity::kError, where, "", std::string(err.description())});
      return;
    }
    TableReader root(parsed.table(), source_.name, report_);
    const toml::table* order_table = root.table("order");
    std::optional<Order> order;
    if (order_table != nullptr) order = parse_order(*order_table);
    for_each_table(root, "entity", [&](TableReader& t) { report_.corpus.entities.push_back(parse_entity(t)); });
    for_each_table(root, "subject", [&](TableReader& t) { report_.corpus.subjects.push_back(parse_subject(t)); });
    std::vector<Prohibition> prohibitions;
    std::vector<Exemption> exemptions;
    std::vector<Event> events;
    for_each_table(root, "prohibition", [&](TableReader& t) { prohibitions.push_back(parse_prohibition(t)); });
    for_each_table(root, "exemption", [&](TableReader& t) { exemptions.push_back(parse_exemption(t)); });
    for_each_table(root, "event", [&](TableReader& t) { events.push_back(parse_event(t)); });
    root.finish();
    if (!order) {
      if (!prohibitions.empty() || !exemptions.empty() || !events.empty()) {
        report_.errors.push_back({Severity::kError, Location{source_.name, 1, 1, std::nullopt}, "",
                                  "prohibitions, exemptions and events need an [order] table in the same file"});
      }
      return;
    }
    order->prohibitions = std::move(prohibitions);
    order->exemptions = std::move(exemptions);
    order->events = std::move(events);
    report_.corpus.orders.push_back(std::move(*order));
  }

 private:
  template <typename F>
  void for_each_table(TableReader& root, const char* key, F&& f) {
    root.for_each_table(key, [&](const toml::table& table) {
      TableReader t(table, source_.name, report_);
      f(t);
      t.finish();
    });
  }

  std::optional<Order> parse_order(const toml::table& table) {
    TableReader t(table, source_.name, report_);
    Order o;
    o.id = read_id(t, true);
    o.title = t.string("title", true);
    o.authority = t.string("authority", true);
    o.citation = t.string("citation", true);
    o.url = t.string("url", false);
    o.jurisdiction = read_countries(t, "jurisdiction", true);
    o.designates = t.string_list("designates", false);
    o.provenance = read_provenance(t);
    o.file = source_.name;
    t.finish();
    return o;
  }

  Entity parse_entity(TableReader& t) {
    Entity e;
    e.id = read_id(t, true);
    e.name = t.string("name", true);
    e.aliases = t.string_list("aliases", false);
    e.country = t.string("country", false);
    if (!e.country.empty() && !valid_country(e.country)) {
      t.error_at("country", "`" + e.country + "` is not an ISO 3166-1 alpha-2 code");
    }
    t.for_each_table("parent", [&](const toml::table& pt) {
      TableReader p(pt, source_.name, report_);
      EntityParent parent;
      parent.id = p.string("id", true);
      parent.share = p.number("share");
      if (parent.share && (*parent.share < 0 || *parent.share > 1)) {
        p.error_at("share", "share must be between 0 and 1");
      }
      p.finish();
      e.parents.push_back(std::move(parent));
    });
    e.registration = t.string_list("registration", false);
    e.provenance = read_provenance(t);
    return e;
  }

  Subject parse_subject(TableReader& t) {
    Subject s;
    s.id = read_id(t, true);
    s.name = t.string("name", true);
    s.kind = t.string("kind", false);
    if (!s.kind.empty() && s.kind != "app" && s.kind != "service" && s.kind != "product" && s.kind != "sdk") {
      t.error_at("kind",
                 "unknown subject kind `" + s.kind + "`" + did_you_mean(s.kind, {"app", "service", "product", "sdk"}));
    }
    s.owner = t.string("owner", false);
    s.aliases = t.string_list("aliases", false);
    Location where = t.where();
    if (!s.name.empty()) s.identifiers.push_back({IdentifierKind::kName, s.name, where});
    for (const std::string& alias : s.aliases) s.identifiers.push_back({IdentifierKind::kName, alias, where});
    for (int k = 0; k < kIdentifierKindCount; ++k) {
      auto kind = static_cast<IdentifierKind>(k);
      std::string key(identifier_key(kind));
      if (kind == IdentifierKind::kAsn) {
        for (auto& [value, loc] : t.integer_list_located(key.c_str())) {
          if (value < 1 || value > 4294967295LL) {
            report_.errors.push_back({Severity::kError, loc, "", "asn " + std::to_string(value) + " is out of range"});
            continue;
          }
          s.identifiers.push_back({kind, std::to_string(value), loc});
        }
        continue;
      }
      for (auto& [value, loc] : t.string_list_located(key.c_str())) {
        if (std::string problem = check_identifier(kind, value); !problem.empty()) {
          report_.errors.push_back({Severity::kError, loc, "", problem});
          continue;
        }
        s.identifiers.push_back({kind, value, loc});
      }
    }
    s.provenance = read_provenance(t);
    return s;
  }

  Prohibition parse_prohibition(TableReader& t) {
    Prohibition p;
    p.id = t.string("id", true);
    p.title = t.string("title", true);
    for (auto& [name, loc] : t.string_list_located("activities", true)) {
      auto a = parse_activity(name);
      if (!a) {
        std::vector<std::string_view> names(activity_names().begin(), activity_names().end());
        report_.errors.push_back(
            {Severity::kError, loc, "", "unknown activity `" + name + "`" + did_you_mean(name, names)});
        continue;
      }
      p.activities |= activity_bit(*a);
    }
    p.subjects = t.string_list("subjects", true);
    p.scope = read_countries(t, "scope", false);
    p.scope_text = t.string("scope_text", false);
    p.text = t.string("text", true);
    p.provenance = read_provenance(t);
    return p;
  }

  Exemption parse_exemption(TableReader& t) {
    Exemption e;
    e.id = t.string("id", true);
    e.text = t.string("text", true);
    e.prohibitions = t.string_list("prohibitions", false);
    e.subjects = t.string_list("subjects", false);
    e.provenance = read_provenance(t);
    return e;
  }

  Event parse_event(TableReader& t) {
    Event e;
    e.id = t.string("id", true);
    std::string kind = t.string("kind", true);
    if (auto k = parse_event_kind(kind)) {
      e.kind = *k;
    } else if (!kind.empty()) {
      t.error_at("kind", "unknown event kind `" + kind + "`" +
                             did_you_mean(kind, {"published", "effective", "delayed", "enjoined", "injunction_lifted",
                                                 "suspended", "revoked"}));
    }
    if (auto at = t.time("at", true)) std::tie(e.at, e.at_text) = *at;
    if (auto recorded = t.time("recorded", true)) std::tie(e.recorded, e.recorded_text) = *recorded;
    if (auto until = t.time("until", false)) {
      e.until = until->first;
      e.until_text = until->second;
      if (e.kind != EventKind::kSuspended) t.error_at("until", "`until` belongs only to a `suspended` event");
      if (*e.until <= e.at) t.error_at("until", "`until` must be after `at`");
    }
    e.lifts = t.string("lifts", false);
    if (!e.lifts.empty() && e.kind != EventKind::kInjunctionLifted) {
      t.error_at("lifts", "`lifts` belongs only to an `injunction_lifted` event");
    }
    e.targets = t.string_list("targets", false);
    e.title = t.string("title", true);
    e.provenance = read_provenance(t);
    return e;
  }

  const OrderSource& source_;
  LoadReport& report_;
};

}  // namespace

LoadReport load_orders(std::span<const OrderSource> sources) {
  LoadReport report;
  for (const OrderSource& source : sources) FileParser(source, report).parse();
  validate_corpus(report);
  auto by_place = [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
  };
  std::stable_sort(report.errors.begin(), report.errors.end(), by_place);
  std::stable_sort(report.warnings.begin(), report.warnings.end(), by_place);
  return report;
}

}  // namespace interdict
