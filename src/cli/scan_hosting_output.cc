// The hosting scan's answers: one per aggregate, as JSON or a table row, and the summary.
#include <algorithm>

#include "cli/scan_hosting_impl.h"
#include "sinks/sinks.h"

namespace interdict::cli {
namespace {

void text(std::string& out, std::string_view name, std::string_view value) {
  append_json_key(out, name);
  if (value.empty()) {
    out += "null";
  } else {
    append_json_string(out, value);
  }
}

void time(std::string& out, std::string_view name, Instant t, bool known) {
  append_json_key(out, name);
  if (!known) {
    out += "null";
    return;
  }
  out += '"';
  append_rfc3339(out, t);
  out += '"';
}

void activities(std::string& out, std::string_view name, std::uint8_t bits) {
  append_json_key(out, name);
  out += '[';
  if ((bits & kHostingBit) != 0) out += "\"hosting\"";
  if ((bits & kCdnBit) != 0) out += (bits & kHostingBit) != 0 ? ",\"cdn\"" : "\"cdn\"";
  out += ']';
}

bool in_scope(const HostAggregate& a, std::string_view code) {
  return std::find(a.scope.begin(), a.scope.end(), code) != a.scope.end();
}

// The aggregate's countries inside (`inside` true) or outside the governing clause's scope.
std::vector<std::string_view> countries(const HostAggregate& a, bool inside) {
  std::vector<std::string_view> out;
  for (std::uint8_t i = 0; i < a.country_count; ++i) {
    const std::string_view code(a.countries[i].data(), 2);
    if (a.order != nullptr && in_scope(a, code) == inside) out.push_back(code);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void codes(std::string& out, std::string_view name, const std::vector<std::string_view>& list) {
  append_json_key(out, name);
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    out += i == 0 ? "\"" : ",\"";
    out.append(list[i]);
    out += '"';
  }
  out += ']';
}

std::string join(const std::vector<std::string_view>& list) {
  std::string out;
  for (std::string_view s : list) out.append(out.empty() ? "" : " ").append(s);
  return out;
}

std::string short_time(Instant t) {
  std::string s = format_rfc3339(t);
  if (s.size() == 20 && s[10] == 'T') s = s.substr(0, 10) + " " + s.substr(11, 5) + "Z";
  return s;
}

std::string base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string stop_text(const HostAggregate& a) {
  if (a.stop == (kHostingBit | kCdnBit)) return "hosting, cdn";
  if (a.stop == kHostingBit) return "hosting";
  if (a.stop == kCdnBit) return "cdn";
  return a.review != 0 ? "review" : "-";
}

}  // namespace

std::vector<const HostAggregate*> HostingScan::Impl::sorted() const {
  std::vector<const HostAggregate*> list;
  list.reserve(aggregates.size());
  for (const auto& [k, a] : aggregates) list.push_back(&a);
  std::sort(list.begin(), list.end(), [](const HostAggregate* a, const HostAggregate* b) {
    if (severity(a->verdict) != severity(b->verdict)) return severity(a->verdict) > severity(b->verdict);
    if (a->subject != b->subject) return a->subject < b->subject;
    if (a->host != b->host) return a->host < b->host;
    if (a->via != b->via) return a->via < b->via;
    return a->first_seen < b->first_seen;
  });
  return list;
}

void HostingScan::append_json(std::string& out, Format format, bool& first_object) const {
  const Impl& x = *impl_;
  auto begin = [&] {
    if (format == Format::kJson && !first_object) out += ",\n";
    first_object = false;
  };
  auto end = [&] {
    if (format == Format::kJsonl) out += '\n';
  };
  for (const DamageNote& d : x.damage) {
    begin();
    out += "{\"kind\":\"error\"";
    text(out, "file", x.files[d.input]);
    out += ",\"line\":" + std::to_string(d.line);
    text(out, "error", d.why);
    out += '}';
    end();
  }
  for (const HostAggregate* a : x.sorted()) {
    begin();
    out += "{\"kind\":\"host\"";
    text(out, "host", a->host);
    text(out, "via", a->via);
    text(out, "subject", a->subject);
    text(out, "rule", a->rule);
    text(out, "verdict", verdict_name(a->verdict));
    text(out, "status", a->status == State::kUnknown ? "none" : state_name(a->status));
    activities(out, "stop", a->stop);
    activities(out, "review", a->review);
    codes(out, "in_scope", countries(*a, true));
    codes(out, "outside", countries(*a, false));
    time(out, "since", a->since, a->since != kEndOfTime);
    const Prohibition* clause = a->order != nullptr ? &a->order->prohibitions[a->prohibition] : nullptr;
    text(out, "order", a->order != nullptr ? std::string_view(a->order->id) : std::string_view());
    text(out, "prohibition", clause != nullptr ? std::string_view(clause->id) : std::string_view());
    text(out, "clause_title", clause != nullptr ? std::string_view(clause->title) : std::string_view());
    out += ",\"requests\":" + std::to_string(a->requests);
    time(out, "first_seen", a->first_seen, a->first_seen != kEndOfTime);
    time(out, "last_seen", a->last_seen, a->last_seen != kBeginningOfTime);
    if (a->untimed > 0) time(out, "at", x.options.as_of, true);
    if (x.options.known_at) time(out, "known_at", *x.options.known_at, true);
    out += ",\"samples\":[";
    for (std::size_t i = 0; i < a->samples.size(); ++i) {
      const HostSample& s = a->samples[i];
      out += i == 0 ? "{\"file\":" : ",{\"file\":";
      append_json_string(out, x.files[s.input]);
      out += ",\"line\":" + std::to_string(s.line);
      text(out, "text", s.text);
      out += '}';
    }
    out += "],\"reasons\":[";
    for (std::size_t i = 0; i < a->reasons.size(); ++i) {
      if (i > 0) out += ',';
      append_json_string(out, a->reasons[i]);
    }
    out += "]}";
    end();
  }
}

std::string HostingScan::render_table() const {
  const Impl& x = *impl_;
  if (x.aggregates.empty()) return "";
  TextTable table({"verdict", "status", "subject", "host", "requests", "first seen", "last seen", "stop", "where",
                   "since", "clause", "sample"},
                  40);
  for (const HostAggregate* a : x.sorted()) {
    std::string where = "?";
    if (a->order != nullptr && a->country_count > 0) {
      const auto inside = countries(*a, true);
      const auto outside = countries(*a, false);
      where = inside.empty() ? "none" : join(inside);
      if (!outside.empty()) where += " (not " + join(outside) + ")";
    }
    const bool acts = a->verdict != Verdict::kPermitted;
    std::string host = a->host;
    if (!a->via.empty()) host += " -> " + a->via;
    const HostSample* sample = a->samples.empty() ? nullptr : &a->samples.front();
    table.add_row({std::string(verdict_name(a->verdict)),
                   std::string(a->status == State::kUnknown ? "none" : state_name(a->status)), a->subject, host,
                   std::to_string(a->requests), a->first_seen != kEndOfTime ? short_time(a->first_seen) : "",
                   a->last_seen != kBeginningOfTime ? short_time(a->last_seen) : "", stop_text(*a), where,
                   acts && a->since != kEndOfTime ? short_time(a->since) : "",
                   a->order != nullptr ? a->order->id + " " + a->order->prohibitions[a->prohibition].id : "",
                   sample != nullptr ? base_name(x.files[sample->input]) + ":" + std::to_string(sample->line) : ""});
  }
  return table.render();
}

HostingScan::Tally HostingScan::tally() const {
  const Impl& x = *impl_;
  Tally t;
  t.inputs = x.tally_inputs;
  t.lines = x.counts.lines;
  t.records = x.counts.records;
  t.no_host = x.counts.no_host;
  t.damaged = x.counts.damaged;
  t.identified = x.counts.identified;
  t.bytes = x.bytes;
  for (const auto& [k, a] : x.aggregates) {
    ++t.hosts;
    t.prohibited += a.verdict == Verdict::kProhibited ? 1 : 0;
    t.review += a.verdict == Verdict::kReview ? 1 : 0;
  }
  return t;
}

bool HostingScan::input_error() const { return impl_->input_error; }

std::string HostingScan::summary() const {
  const Tally t = tally();
  return "scan: hosting: " + std::to_string(t.inputs) + (t.inputs == 1 ? " input, " : " inputs, ") +
         std::to_string(t.lines) + " lines, " + std::to_string(t.records) + " records (" + std::to_string(t.no_host) +
         " without a host): " + std::to_string(t.identified) + " identified, " + std::to_string(t.hosts) +
         " host findings (" + std::to_string(t.prohibited) + " prohibited, " + std::to_string(t.review) + " review); " +
         std::to_string(t.damaged) + " damaged lines skipped";
}

}  // namespace interdict::cli
