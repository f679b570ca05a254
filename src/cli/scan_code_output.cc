// CodeScan's findings as a table, JSON and SARIF 2.1.0.
//
// SARIF follows the OASIS standard (sarif-v2.1.0-os) and what GitHub code scanning accepts:
// every result names a rule of the driver by id and index, has a message and at least one
// location whose artifactLocation.uri is relative to the repository root (%SRCROOT%), and a
// region only where the evidence has a line.
#include <algorithm>
#include <filesystem>
#include <map>

#include "cli/scan_code.h"

namespace interdict::cli {
namespace {

void string_array(std::string& out, const auto& items) {
  out += '[';
  bool first = true;
  for (const auto& s : items) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, s);
  }
  out += ']';
}

std::string clause_of(const Finding& f) {
  const Match* m = f.governing_match();
  return m != nullptr ? m->order->id + " " + m->clause().id : "";
}

std::string status_of(const Finding& f) {
  return f.status == State::kUnknown ? "none" : std::string(state_name(f.status));
}

std::string where_of(const CodeScan::Evidence& e) {
  std::string out = e.path;
  if (e.line > 0) {
    out += (out.empty() ? "line " : ":") + std::to_string(e.line);
  } else if (e.offset > 0) {
    out += "@" + std::to_string(e.offset);
  }
  return out;
}

// The artefact's URI for SARIF: relative to the working directory (the repository root in a
// CI job) when it lies inside it, "./a/b" -> "a/b"; otherwise an absolute file URI.
// Characters outside RFC 3986's unreserved and path sets are percent-encoded.
std::string percent_encoded(std::string_view path) {
  std::string out;
  constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if (std::isalnum(c) ||
        std::string_view("-._~/!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string artefact_uri(std::string_view given, bool& relative) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(std::filesystem::path(given), ec);
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  relative = true;
  if (ec) return percent_encoded(given);
  const std::filesystem::path rel = absolute.lexically_normal().lexically_relative(cwd);
  if (!rel.empty() && *rel.begin() != "..") return percent_encoded(rel.generic_string());
  relative = false;
  return "file://" + percent_encoded(absolute.lexically_normal().generic_string());
}

void append_evidence(std::string& out, const CodeScan::Evidence& e) {
  out += "{\"kind\":";
  append_json_string(out, code_kind_name(e.kind));
  append_json_field(out, "value", e.value);
  if (!e.version.empty()) {
    append_json_field(out, "version", e.version);
  }
  if (!e.component.empty()) {
    append_json_field(out, "component", e.component);
  }
  if (!e.role.empty()) {
    append_json_field(out, "role", e.role);
  }
  if (!e.path.empty()) {
    append_json_field(out, "path", e.path);
  }
  if (e.line > 0) {
    append_json_key(out, "line");
    out += std::to_string(e.line);
  } else {
    append_json_key(out, "offset");
    out += std::to_string(e.offset);
  }
  out += '}';
}

}  // namespace

void CodeScan::append_json(std::string& out, Format format, bool& first_object) const {
  const auto begin_object = [&] {
    if (format == Format::kJson && !first_object) out += ',';
    first_object = false;
  };
  const auto end_object = [&] {
    if (format == Format::kJsonl) out += '\n';
  };
  for (const Artefact& a : artefacts_) {
    for (const Found& f : a.found) {
      begin_object();
      const Match* m = f.finding.governing_match();
      out += "{\"kind\":\"code\"";
      append_json_field(out, "artefact", a.path);
      append_json_field(out, "format", a.format);
      if (!a.self.empty()) {
        append_json_field(out, "artefact_id", a.self);
        if (!a.self_version.empty()) {
          append_json_field(out, "artefact_version", a.self_version);
        }
      }
      append_json_field(out, "subject", f.subject->id);
      append_json_field(out, "name", f.subject->name);
      append_json_key(out, "activity");
      out += "\"code\"";
      append_json_field(out, "accessible_in", options_.accessible_in);
      append_json_field(out, "verdict", verdict_name(f.finding.verdict));
      append_json_field(out, "status", status_of(f.finding));
      append_json_field(out, "order", m != nullptr ? std::string_view(m->order->id) : std::string_view());
      append_json_field(out, "prohibition", m != nullptr ? std::string_view(m->clause().id) : std::string_view());
      append_json_field(out, "decided_at", format_rfc3339(options_.as_of));
      append_json_field(out, "rule", f.matched_rule);
      append_json_key(out, "components");
      string_array(out, f.components);
      append_json_key(out, "items");
      out += std::to_string(f.items);
      append_json_key(out, "evidence");
      out += '[';
      for (std::size_t i = 0; i < f.samples.size(); ++i) {
        if (i > 0) out += ',';
        append_evidence(out, f.samples[i]);
      }
      out += ']';
      append_json_key(out, "reasons");
      string_array(out, f.reasons);
      out += '}';
      end_object();
    }
    if (a.damaged > 0) {
      begin_object();
      out += "{\"kind\":\"error\"";
      append_json_field(out, "artefact", a.path);
      append_json_field(out, "format", a.format);
      append_json_key(out, "damaged");
      out += std::to_string(a.damaged);
      append_json_key(out, "fatal");
      out += a.fatal ? "true" : "false";
      append_json_key(out, "errors");
      string_array(out, a.damage);
      out += '}';
      end_object();
    }
  }
}

std::string CodeScan::render_table() const {
  TextTable table({"artefact", "subject", "verdict", "status", "clause", "components", "evidence", "items"}, 56);
  for (const Artefact& a : artefacts_) {
    for (const Found& f : a.found) {
      std::string components;
      for (const std::string& c : f.components) {
        if (components.size() > 40) {
          components += ", ...";
          break;
        }
        components += (components.empty() ? "" : ", ") + c;
      }
      const Evidence& e = f.samples.front();
      table.add_row({a.path, f.subject->id, std::string(verdict_name(f.finding.verdict)), status_of(f.finding),
                     clause_of(f.finding), components, where_of(e) + " " + e.value, std::to_string(f.items)});
    }
  }
  return table.empty() ? std::string() : table.render();
}

std::string CodeScan::render_sarif() const {
  // Rules: one per clause that governed a result, and one for subjects no clause covers.
  std::map<std::string, std::pair<const Match*, std::size_t>> rules;
  constexpr std::string_view kDesignatedRule = "designated-subject";
  for (const Artefact& a : artefacts_) {
    for (const Found& f : a.found) {
      const Match* m = f.finding.governing_match();
      const std::string id = m != nullptr ? m->order->id + "/" + m->clause().id : std::string(kDesignatedRule);
      rules.emplace(id, std::make_pair(m, 0));
    }
  }
  std::size_t index = 0;
  for (auto& [id, rule] : rules) rule.second = index++;

  std::string out;
  out += "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{";
  out += "\"tool\":{\"driver\":{\"name\":\"interdict\",\"version\":\"0.1.0\",";
  out += "\"informationUri\":\"https://github.com/interdict/interdict\",\"rules\":[";
  bool first = true;
  for (const auto& [id, rule] : rules) {
    if (!first) out += ',';
    first = false;
    const Match* m = rule.first;
    out += "{\"id\":";
    append_json_string(out, id);
    if (m == nullptr) {
      out += ",\"name\":\"DesignatedSubject\",\"shortDescription\":{\"text\":";
      append_json_string(out, "Code of a designated subject that no prohibition on code covers");
      out += "},\"fullDescription\":{\"text\":";
      append_json_string(out,
                         "The artefact uses code, an SDK or a service of a subject an order designates, but no "
                         "prohibition of the loaded orders covers the code activity for it.");
      out += "},\"help\":{\"text\":";
      append_json_string(out,
                         "Nothing is prohibited: the finding records the designated subject for review. "
                         "`interdict orders show` gives the order and its prohibitions.");
      out += "},\"defaultConfiguration\":{\"level\":\"note\"},\"properties\":{\"tags\":[\"interdict\",\"code\"]}}";
      continue;
    }
    const Prohibition& p = m->clause();
    out += ",\"name\":";
    append_json_string(out, "Prohibition" + std::to_string(rule.second + 1));
    out += ",\"shortDescription\":{\"text\":";
    append_json_string(out, m->order->id + " " + p.id + ": " + p.title);
    out += "},\"fullDescription\":{\"text\":";
    append_json_string(out, p.text.empty() ? p.title : p.text);
    out += '}';
    if (!m->order->url.empty()) {
      out += ",\"helpUri\":";
      append_json_string(out, m->order->url);
    }
    out += ",\"help\":{\"text\":";
    append_json_string(out, m->order->title + " (" + m->order->citation + "), prohibition " + p.id + ": " +
                                (p.text.empty() ? p.title : p.text));
    out += "},\"defaultConfiguration\":{\"level\":\"error\"},\"properties\":{\"tags\":[\"interdict\",\"code\"]}}";
  }
  std::error_code ec;
  std::string root = std::filesystem::current_path(ec).generic_string();
  if (root.empty() || root.back() != '/') root += '/';
  out += "]}},\"originalUriBaseIds\":{\"%SRCROOT%\":{\"uri\":";
  append_json_string(out, "file://" + percent_encoded(root));
  out += "}},\"results\":[";
  first = true;
  for (const Artefact& a : artefacts_) {
    for (const Found& f : a.found) {
      if (!first) out += ',';
      first = false;
      const Match* m = f.finding.governing_match();
      const std::string id = m != nullptr ? m->order->id + "/" + m->clause().id : std::string(kDesignatedRule);
      const Evidence& e = f.samples.front();
      const std::string_view level = f.finding.verdict == Verdict::kProhibited ? "error"
                                     : f.finding.verdict == Verdict::kReview   ? "warning"
                                                                               : "note";
      out += "{\"ruleId\":";
      append_json_string(out, id);
      out += ",\"ruleIndex\":" + std::to_string(rules.at(id).second) + ",\"level\":\"";
      out += level;
      out += "\",\"message\":{\"text\":";
      std::string message = f.subject->name + " (" + f.subject->id + ") in " + a.path + ": " +
                            std::string(verdict_name(f.finding.verdict)) + ", status " + status_of(f.finding);
      if (m != nullptr) message += ", under " + m->order->id + " prohibition " + m->clause().id;
      message += ". Evidence: " + std::string(code_kind_name(e.kind)) + " " + e.value;
      if (!e.path.empty()) message += " in " + e.path;
      message += " (" + std::to_string(f.items) + " item" + (f.items == 1 ? "" : "s") + " in all).";
      for (const std::string& r : f.reasons) message += " " + r + ".";
      append_json_string(out, message);
      out += "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
      bool relative = true;
      append_json_string(out, artefact_uri(a.path, relative));
      if (relative) out += ",\"uriBaseId\":\"%SRCROOT%\"";
      out += '}';
      // A line in a text file; a byte in a binary; evidence inside an archive's entry has no
      // place in the archive's own bytes that a viewer could show, so it covers the archive.
      if (e.path.empty() && e.line > 0) {
        out += ",\"region\":{\"startLine\":" + std::to_string(e.line) + "}";
      } else if (e.path.empty()) {
        out += ",\"region\":{\"byteOffset\":" + std::to_string(e.offset) + ",\"byteLength\":1}";
      } else {
        out += ",\"region\":{\"byteOffset\":0,\"byteLength\":" + std::to_string(a.size) + "}";
      }
      out += "}";
      if (!e.path.empty()) {
        out += ",\"logicalLocations\":[{\"fullyQualifiedName\":";
        append_json_string(out, e.path + "/" + e.value);
        out += ",\"kind\":\"type\"}]";
      }
      out += "}],\"partialFingerprints\":{\"interdict/v1\":";
      append_json_string(out, a.path + "|" + f.subject->id + "|" + id);
      out += "},\"properties\":{\"verdict\":";
      append_json_string(out, verdict_name(f.finding.verdict));
      out += ",\"status\":";
      append_json_string(out, status_of(f.finding));
      out += ",\"subject\":";
      append_json_string(out, f.subject->id);
      out += ",\"components\":";
      string_array(out, f.components);
      out += "}}";
    }
  }
  out += "]}]}\n";
  return out;
}

std::string CodeScan::summary() const {
  std::uint64_t items = 0, damaged = 0, found = 0;
  for (const Artefact& a : artefacts_) {
    items += a.items;
    damaged += a.damaged;
    found += a.found.size();
  }
  std::string out = "interdict: code: " + std::to_string(artefacts_.size()) + " artefact" +
                    (artefacts_.size() == 1 ? "" : "s") + ", " + std::to_string(items) + " items read, " +
                    std::to_string(found) + " designated subject" + (found == 1 ? "" : "s") + " found (" +
                    std::to_string(prohibited()) + " prohibited)";
  if (damaged > 0) out += ", " + std::to_string(damaged) + " damaged entries or records skipped";
  return out;
}

}  // namespace interdict::cli
