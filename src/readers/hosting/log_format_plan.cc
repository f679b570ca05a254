// An nginx log_format string compiled into a plan (log_format_plan.h): the literal text
// before the first variable, then each variable with the literal that follows it. The
// parser that reads lines by it is in log_format.cc.
#include "readers/hosting/log_format_plan.h"

#include <algorithm>
#include <string>
#include <vector>

#include "readers/hosting/formats.h"

namespace interdict {
namespace {

using log_format_detail::Field;
using log_format_detail::Item;

Field field_of(std::string_view var) {
  struct Entry {
    std::string_view name;
    Field field;
  };
  static constexpr Entry kFields[] = {
      {"host", Field::kHost},
      {"http_host", Field::kHttpHost},
      {"server_name", Field::kServerName},
      {"remote_addr", Field::kRemoteAddr},
      {"realip_remote_addr", Field::kRemoteAddr},
      {"http_x_forwarded_for", Field::kForwardedFor},
      {"time_local", Field::kTimeLocal},
      {"time_iso8601", Field::kTimeIso},
      {"msec", Field::kMsec},
      {"request", Field::kRequest},
      {"status", Field::kStatus},
      {"geoip_country_code", Field::kCountry},
      {"geoip2_data_country_code", Field::kCountry},
      {"geoip2_country_code", Field::kCountry},
      {"http_cf_ipcountry", Field::kCountry},
      {"http_cloudfront_viewer_country", Field::kCountry},
  };
  for (const Entry& e : kFields) {
    if (e.name == var) return e.field;
  }
  return Field::kIgnored;
}

bool is_var_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The format as nginx reads it: a `log_format NAME [escape=...]` prefix and a final `;`
// dropped, quoted parts joined ('$a - ' '"$b"' is `$a - "$b"`).
std::string unquote_format(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == ';')) {
      s.remove_suffix(1);
    }
    return s;
  };
  std::string_view s = trim(text);
  if (s.substr(0, 11) == "log_format ") {
    s.remove_prefix(11);
    s = trim(s.substr(std::min(s.find(' '), s.size())));  // the format's name
    if (s.substr(0, 7) == "escape=") s = trim(s.substr(std::min(s.find(' '), s.size())));
  }
  if (s.empty() || (s.front() != '\'' && s.front() != '"')) return std::string(s);
  std::string joined;
  while (!s.empty() && (s.front() == '\'' || s.front() == '"')) {
    const char quote = s.front();
    const std::size_t close = s.find(quote, 1);
    if (close == std::string_view::npos) return std::string(text);  // not nginx quoting after all
    joined.append(s.substr(1, close - 1));
    s = trim(s.substr(close + 1));
  }
  return s.empty() ? joined : std::string(text);
}

}  // namespace

Result<std::unique_ptr<HostLineParser>> make_log_format_parser(std::string_view format, std::string_view name,
                                                               bool lenient_tail) {
  const std::string text = unquote_format(format);
  std::string lead;
  std::vector<Item> items;
  std::string* literal = &lead;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '$') {
      *literal += text[i++];
      continue;
    }
    std::size_t start = i + 1;
    std::size_t end = start;
    const bool braced = start < text.size() && text[start] == '{';
    if (braced) {
      end = text.find('}', start);
      if (end == std::string::npos) return Error(ErrorCategory::kInvalidArgument, "log format: unclosed `${`");
      ++start;
    } else {
      while (end < text.size() && is_var_char(text[end])) ++end;
    }
    const std::string var = text.substr(start, end - start);
    if (var.empty()) return Error(ErrorCategory::kInvalidArgument, "log format: `$` without a variable name");
    if (!items.empty() && literal->empty()) {
      return Error(ErrorCategory::kInvalidArgument,
                   "log format: nothing between $" + items.back().var + " and $" + var + " to tell them apart");
    }
    items.push_back(Item{field_of(var), var, {}});
    literal = &items.back().after;
    i = braced ? end + 1 : end;
  }
  if (items.empty()) return Error(ErrorCategory::kInvalidArgument, "log format: no variables in `" + text + "`");
  return log_format_detail::make_plan_parser(std::string(name), std::move(lead), std::move(items), lenient_tail);
}

}  // namespace interdict
