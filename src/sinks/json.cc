#include <charconv>
#include <cstdint>

#include "base/json_escape.h"
#include "sinks/sinks.h"

namespace interdict {

void append_json_key(std::string& out, std::string_view key) {
  out += ",\"";
  out += key;
  out += "\":";
}

void append_json_field(std::string& out, std::string_view key, std::string_view value) {
  append_json_key(out, key);
  append_json_string(out, value);
}

void append_json_string(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + 2);
  out.push_back('"');
  append_json_escaped(out, s);
  out.push_back('"');
}

namespace {

std::string_view scope_name(ScopeTest s) {
  switch (s) {
    case ScopeTest::kInScope: return "in";
    case ScopeTest::kOutOfScope: return "out";
    case ScopeTest::kUnknown: return "unknown";
  }
  return "unknown";
}

void append_key(std::string& out, std::string_view key) {
  out += '"';
  out += key;
  out += "\":";
}

void append_identification(std::string& out, const Identification& how) {
  out += "{\"kind\":";
  append_json_string(out, probe_kind_name(how.probe));
  out += ",\"value\":";
  append_json_string(out, how.probe_value);
  out += ",\"rule\":";
  append_json_string(out, how.rule_text);
  if (how.rule != nullptr) {
    out += ",\"rule_kind\":";
    append_json_string(out, identifier_key(how.rule->kind));
  }
  out += how.certain ? ",\"certain\":true" : ",\"certain\":false";
  if (how.strength == Strength::kMention) out += ",\"mention\":true";
  out += '}';
}

void append_decimal(std::string& out, std::uint64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, static_cast<std::size_t>(end - buf));
}

// Everything before "reasons", from `{` on.
void append_answer_head(std::string& out, const Finding& f, const Observation& obs, std::optional<Instant> known_at,
                        std::uint64_t line, std::string_view ref) {
  out += "{\"line\":";
  append_decimal(out, line);
  if (!ref.empty()) {
    out += ",\"ref\":";
    append_json_string(out, ref);
  }
  out += ",\"verdict\":\"";
  out += verdict_name(f.verdict);
  out += "\",\"status\":\"";
  out += f.status == State::kUnknown ? std::string_view("none") : state_name(f.status);
  out += '"';
  const Match* g = f.governing_match();
  out += ",\"order\":";
  if (g != nullptr) {
    append_json_string(out, g->order->id);
  } else {
    out += "null";
  }
  out += ",\"prohibition\":";
  if (g != nullptr) {
    append_json_string(out, g->clause().id);
  } else {
    out += "null";
  }
  out += ",\"subject\":";
  if (g != nullptr) {
    append_json_string(out, g->subject->id);
  } else if (f.match_count > 0) {
    append_json_string(out, f.matches[0].subject->id);
  } else {
    out += "null";
  }
  out += ",\"activity\":\"";
  out += activity_name(obs.activity);
  out += "\",\"at\":\"";
  append_rfc3339(out, obs.at);
  out += '"';
  if (known_at) {
    out += ",\"known_at\":\"";
    append_rfc3339(out, *known_at);
    out += '"';
  }
  out += ",\"reasons\":";
}

// `,"matches":[...]}`: the rest of the answer after the reasons.
void append_answer_tail(std::string& out, const Finding& f) {
  out += ",\"matches\":[";
  bool first = true;
  for (int i = 0; i < f.match_count; ++i) {
    const Match& m = f.matches[static_cast<size_t>(i)];
    if (!m.activity_covered) continue;
    if (!first) out += ',';
    first = false;
    out += "{\"order\":";
    append_json_string(out, m.order->id);
    out += ",\"prohibition\":";
    append_json_string(out, m.clause().id);
    out += ",\"subject\":";
    append_json_string(out, m.subject->id);
    out += ",\"status\":\"";
    out += state_name(m.state.state);
    out += "\",\"prohibits\":";
    out += m.prohibits() ? "true" : "false";
    out += ",\"scope\":\"";
    out += scope_name(m.scope);
    out += "\",\"effective\":";
    if (m.state.effective == kEndOfTime) {
      out += "null";
    } else {
      out += '"';
      append_rfc3339(out, m.state.effective);
      out += '"';
    }
    out += ",\"event\":";
    if (m.state.cause != nullptr) {
      append_json_string(out, m.state.cause->id);
    } else {
      out += "null";
    }
    out += ",\"exemption\":";
    if (m.exemption != nullptr) {
      append_json_string(out, m.exemption->id);
    } else {
      out += "null";
    }
    out += ',';
    append_key(out, "identifier");
    append_identification(out, m.how);
    out += '}';
  }
  out += "]}";
}

}  // namespace

void append_check_answer(std::string& out, const OrderSet& orders, const Finding& f, const Observation& obs,
                         std::optional<Instant> known_at, std::uint64_t line, std::string_view ref, Reasons& scratch) {
  append_answer_head(out, f, obs, known_at, line, ref);
  out += '[';
  bool first = true;
  orders.explain(f, obs, scratch);
  for (const std::string& reason : scratch) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, reason);
  }
  out += ']';
  append_answer_tail(out, f);
}

void append_check_answer(std::string& out, const Finding& f, const Observation& obs, std::optional<Instant> known_at,
                         std::uint64_t line, std::string_view ref, JsonReasons& reasons) {
  append_answer_head(out, f, obs, known_at, line, ref);
  reasons.append(out, f, obs);
  append_answer_tail(out, f);
}

void append_line_error(std::string& out, std::uint64_t line, std::string_view message) {
  out += "{\"line\":";
  append_decimal(out, line);
  out += ",\"error\":";
  append_json_string(out, message);
  out += '}';
}

}  // namespace interdict
