#include <array>
#include <cstdint>
#include <cstring>

#include "sinks/sinks.h"

namespace interdict {

namespace {

// 1 for each byte RFC 8259 requires escaped in a string: controls, '"' and '\\'.
constexpr auto kNeedsEscape = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[static_cast<size_t>(c)] = 1;
  table['"'] = 1;
  table['\\'] = 1;
  return table;
}();

}  // namespace

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
  // Reserve once for the common case of nothing to escape, then copy runs in bulk.
  out.reserve(out.size() + s.size() + 2);
  out.push_back('"');
  const char* data = s.data();
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight bytes at a time while none needs escaping: most text is long plain runs.
    if (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, data + i, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
      constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
      auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
      std::uint64_t hits =
          ((w - kOnes * 0x20) & ~w & kHighs) | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'));
      if (hits == 0) {
        i += 8;
        continue;
      }
    }
    if (kNeedsEscape[static_cast<unsigned char>(data[i])] == 0) {
      ++i;
      continue;
    }
    out.append(data + run, i - run);
    run = i + 1;
    switch (data[i]) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        auto c = static_cast<unsigned char>(data[i]);
        const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(escaped, 6);
      }
    }
    ++i;
  }
  out.append(data + run, s.size() - run);
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

}  // namespace

void append_check_answer(std::string& out, const OrderSet& orders, const Finding& f, const Observation& obs,
                         std::optional<Instant> known_at, std::uint64_t line, std::string_view ref, Reasons& scratch) {
  out += "{\"line\":";
  out += std::to_string(line);
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
  out += ",\"reasons\":[";
  bool first = true;
  orders.explain(f, obs, scratch);
  for (const std::string& reason : scratch) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, reason);
  }
  out += "],\"matches\":[";
  first = true;
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

void append_line_error(std::string& out, std::uint64_t line, std::string_view message) {
  out += "{\"line\":";
  out += std::to_string(line);
  out += ",\"error\":";
  append_json_string(out, message);
  out += '}';
}

}  // namespace interdict
