#include "order/toml_table.h"

#include <algorithm>
#include <cstring>

namespace interdict {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool valid_hostname(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  std::size_t label = 0;
  for (char c : name) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              (static_cast<unsigned char>(c) >= 0x80);
    if (!ok || ++label > 63) return false;
  }
  return label > 0;
}

bool valid_prefix(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view addr = text.substr(0, slash);
  std::string_view len = text.substr(slash + 1);
  if (len.empty() || len.size() > 3 ||
      !std::all_of(len.begin(), len.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  int bits = std::stoi(std::string(len));
  bool v6 = addr.find(':') != std::string_view::npos;
  if (bits > (v6 ? 128 : 32)) return false;
  if (v6) {
    return !addr.empty() &&
           std::all_of(addr.begin(), addr.end(), [](char c) { return std::isxdigit(c) || c == ':' || c == '.'; });
  }
  int parts = 0;
  std::size_t start = 0;
  while (start <= addr.size()) {
    std::size_t dot = addr.find('.', start);
    std::string_view part = addr.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (part.empty() || part.size() > 3 ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(std::string(part)) > 255) {
      return false;
    }
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (std::string_view c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (best.empty()) return "";
  return " (did you mean `" + std::string(best) + "`?)";
}

std::string check_identifier(IdentifierKind kind, std::string_view value) {
  std::string shown = "`" + std::string(value) + "`";
  if (value.empty()) return "empty " + std::string(identifier_key(kind));
  switch (kind) {
    case IdentifierKind::kDomain:
    case IdentifierKind::kDomainExact: {
      std::string_view name = value;
      if (name.back() == '.') name.remove_suffix(1);
      return valid_hostname(name) ? "" : shown + " is not a domain name";
    }
    case IdentifierKind::kPrefix:
      return valid_prefix(value) ? "" : shown + " is not an IPv4 or IPv6 prefix in CIDR form";
    case IdentifierKind::kPackage:
      return value.rfind("pkg:", 0) == 0 && value.find('/') != std::string_view::npos
                 ? ""
                 : shown + " is not a package URL (pkg:type/namespace/name)";
    case IdentifierKind::kApp:
    case IdentifierKind::kClass:
    case IdentifierKind::kUrl:
      return value.find_first_of(" \t\n") == std::string_view::npos ? "" : shown + " contains white space";
    case IdentifierKind::kScheme: {
      // RFC 3986 section 3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
      const bool ok = std::isalpha(static_cast<unsigned char>(value.front())) &&
                      std::all_of(value.begin(), value.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
                      });
      return ok ? "" : shown + " is not a URL scheme (a letter, then letters, digits, `+`, `-` or `.`)";
    }
    case IdentifierKind::kSymbol: {
      const auto start = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
      const bool ok = start(value.front()) && std::all_of(value.begin(), value.end(), [&](char c) {
                        return start(c) || std::isdigit(static_cast<unsigned char>(c));
                      });
      return ok ? "" : shown + " is not a JavaScript identifier";
    }
    case IdentifierKind::kAsn:
    case IdentifierKind::kName: return "";
  }
  return "";
}

std::string fold_identifier(IdentifierKind kind, std::string_view value) {
  switch (kind) {
    case IdentifierKind::kDomain:
    case IdentifierKind::kDomainExact: {
      std::string out = lower(value);
      if (!out.empty() && out.back() == '.') out.pop_back();
      return out;
    }
    case IdentifierKind::kApp: {
      std::string out = lower(value);
      if (out.size() > 2 && out.rfind("id", 0) == 0 && std::all_of(out.begin() + 2, out.end(), ::isdigit)) {
        out.erase(0, 2);
      }
      return out;
    }
    case IdentifierKind::kUrl:
    case IdentifierKind::kName:
    case IdentifierKind::kScheme:
    case IdentifierKind::kPackage: return lower(value);
    case IdentifierKind::kSymbol:
    case IdentifierKind::kClass:
    case IdentifierKind::kAsn:
    case IdentifierKind::kPrefix: return std::string(value);
  }
  return std::string(value);
}

Location TableReader::locate(const toml::node& node) const {
  const auto& src = node.source();
  return Location{file_, static_cast<std::uint32_t>(src.begin.line), static_cast<std::uint32_t>(src.begin.column),
                  std::nullopt};
}

Location TableReader::where(const char* key) const {
  const toml::node* node = table_.get(key);
  return node != nullptr ? locate(*node) : where();
}

void TableReader::error_at(const char* key, std::string message) {
  report_.errors.push_back({Diagnostic::Severity::kError, where(key), "", std::move(message)});
}

const toml::node* TableReader::get(const char* key, bool required) {
  asked_.insert(key);
  const toml::node* node = table_.get(key);
  if (node == nullptr && required) {
    report_.errors.push_back(
        {Diagnostic::Severity::kError, where(), "", "missing required key `" + std::string(key) + "`"});
  }
  return node;
}

void TableReader::type_error(const char* key, const toml::node& node, const char* expected) {
  report_.errors.push_back(
      {Diagnostic::Severity::kError, locate(node), "", "`" + std::string(key) + "` must be " + expected});
}

std::string TableReader::string(const char* key, bool required) {
  const toml::node* node = get(key, required);
  if (node == nullptr) return "";
  if (!node->is_string()) {
    type_error(key, *node, "a string");
    return "";
  }
  std::string value = node->as_string()->get();
  if (value.empty() && required) type_error(key, *node, "a non-empty string");
  return value;
}

std::vector<std::pair<std::string, Location>> TableReader::string_list_located(const char* key, bool required) {
  std::vector<std::pair<std::string, Location>> out;
  const toml::node* node = get(key, required);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    type_error(key, *node, "an array of strings");
    return out;
  }
  for (const toml::node& item : *array) {
    if (!item.is_string()) {
      type_error(key, item, "an array of strings");
      continue;
    }
    out.emplace_back(item.as_string()->get(), locate(item));
  }
  if (required && out.empty() && array->empty()) type_error(key, *node, "a non-empty array");
  return out;
}

std::vector<std::string> TableReader::string_list(const char* key, bool required) {
  std::vector<std::string> out;
  for (auto& [value, loc] : string_list_located(key, required)) out.push_back(std::move(value));
  return out;
}

std::vector<std::string> TableReader::string_or_list(const char* key, bool required) {
  const toml::node* node = table_.get(key);
  if (node != nullptr && node->is_string()) {
    asked_.insert(key);
    return {node->as_string()->get()};
  }
  return string_list(key, required);
}

std::vector<std::pair<std::int64_t, Location>> TableReader::integer_list_located(const char* key) {
  std::vector<std::pair<std::int64_t, Location>> out;
  const toml::node* node = get(key, false);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    type_error(key, *node, "an array of integers");
    return out;
  }
  for (const toml::node& item : *array) {
    if (!item.is_integer()) {
      type_error(key, item, "an array of integers");
      continue;
    }
    out.emplace_back(item.as_integer()->get(), locate(item));
  }
  return out;
}

std::optional<double> TableReader::number(const char* key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return std::nullopt;
  if (node->is_integer()) return static_cast<double>(node->as_integer()->get());
  if (node->is_floating_point()) return node->as_floating_point()->get();
  type_error(key, *node, "a number");
  return std::nullopt;
}

std::optional<std::pair<Instant, std::string>> TableReader::time(const char* key, bool required) {
  const toml::node* node = get(key, required);
  if (node == nullptr) return std::nullopt;
  auto fail = [&](std::string message) -> std::optional<std::pair<Instant, std::string>> {
    report_.errors.push_back(
        {Diagnostic::Severity::kError, locate(*node), "", "`" + std::string(key) + "`: " + message});
    return std::nullopt;
  };
  if (node->is_date() || node->is_time()) {
    return fail(
        "time without a zone: write an offset (2020-09-27T23:59:00-04:00) or a zone (\"2020-09-27T23:59 "
        "America/New_York\")");
  }
  if (node->is_date_time()) {
    const toml::date_time& dt = node->as_date_time()->get();
    if (!dt.offset) {
      return fail(
          "time without a zone: write an offset (2020-09-27T23:59:00-04:00) or a zone (\"2020-09-27T23:59 "
          "America/New_York\")");
    }
    Instant t = days_from_civil(dt.date.year, dt.date.month, dt.date.day) * 86400 + dt.time.hour * 3600 +
                dt.time.minute * 60 + dt.time.second - dt.offset->minutes * 60;
    char text[40];
    int minutes = dt.offset->minutes;
    char sign = minutes < 0 ? '-' : '+';
    minutes = minutes < 0 ? -minutes : minutes;
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", dt.date.year, dt.date.month,
                  dt.date.day, dt.time.hour, dt.time.minute, dt.time.second, sign, minutes / 60, minutes % 60);
    std::string shown = text;
    if (dt.offset->minutes == 0) shown = shown.substr(0, 19) + "Z";
    return std::make_pair(t, shown);
  }
  if (node->is_string()) {
    const std::string& text = node->as_string()->get();
    auto t = parse_zoned_time(text);
    if (!t) return fail(t.error().message());
    return std::make_pair(*t, text);
  }
  return fail("expected a date-time with an offset, or a string with an IANA zone");
}

const toml::table* TableReader::table(const char* key) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) {
    type_error(key, *node, "a table");
    return nullptr;
  }
  return node->as_table();
}

void TableReader::for_each_table(const char* key, const std::function<void(const toml::table&)>& fn) {
  const toml::node* node = get(key, false);
  if (node == nullptr) return;
  if (node->is_table()) {
    fn(*node->as_table());
    return;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    type_error(key, *node, "an array of tables");
    return;
  }
  for (const toml::node& item : *array) {
    if (!item.is_table()) {
      type_error(key, item, "an array of tables");
      continue;
    }
    fn(*item.as_table());
  }
}

void TableReader::finish() {
  std::vector<std::string_view> known(asked_.begin(), asked_.end());
  for (auto&& [key, node] : table_) {
    if (asked_.count(key.str()) != 0) continue;
    const auto& src = key.source();
    Location at{file_, static_cast<std::uint32_t>(src.begin.line), static_cast<std::uint32_t>(src.begin.column),
                std::nullopt};
    if (at.line == 0) at = locate(node);
    report_.errors.push_back({Diagnostic::Severity::kError, at, "",
                              "unknown key `" + std::string(key.str()) + "`" + did_you_mean(key.str(), known)});
  }
}

}  // namespace interdict
