// URLs inside JavaScript strings and HTML attribute text.
#include "readers/web/url_text.h"

#include <algorithm>

namespace interdict::web {
namespace {

bool is_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Characters that end a URL inside a string: space and controls, quotes, angle brackets,
// and the punctuation that cannot appear unescaped in one.
bool is_url_char(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F) return false;
  switch (c) {
    case '"':
    case '\'':
    case '<':
    case '>':
    case '\\':
    case '`':
    case '{':
    case '}':
    case '|':
    case '^':
    case ')': return false;
    default: return true;
  }
}

std::size_t url_length(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_url_char(static_cast<unsigned char>(s[n]))) ++n;
  while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ':')) --n;
  return n;
}

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f') return (ch | 0x20) - 'a' + 10;
  return -1;
}

}  // namespace

void unescape_js(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      out.push_back(raw[i]);
      continue;
    }
    const char next = raw[++i];
    if (next == 'u' && i + 4 < raw.size()) {
      int v = 0;
      bool ok = true;
      for (std::size_t k = 1; k <= 4; ++k) {
        const int h = hex_value(raw[i + k]);
        ok = ok && h >= 0;
        v = v * 16 + h;
      }
      if (ok && v >= 0x20 && v < 0x7F) {
        out.push_back(static_cast<char>(v));
        i += 4;
        continue;
      }
    }
    out.push_back(next);
  }
}

void emit_urls(std::string_view content, std::string_view role, std::uint64_t line, std::uint64_t offset,
               WebEmitter& out) {
  if (content.starts_with("//") && content.size() > 2 && is_alnum(static_cast<unsigned char>(content[2]))) {
    out.emit(CodeKind::kUrl, content.substr(0, url_length(content)), role, line, offset);
  }
  std::size_t from = 0;
  while ((from = content.find("http", from)) != std::string_view::npos) {
    const std::string_view rest = content.substr(from);
    const std::size_t scheme = rest.starts_with("https://") ? 8 : rest.starts_with("http://") ? 7 : 0;
    if (scheme == 0 || scheme == rest.size() || !is_url_char(static_cast<unsigned char>(rest[scheme])) ||
        rest[scheme] == '/') {
      from += 4;
      continue;
    }
    const std::size_t length = url_length(rest);
    out.emit(CodeKind::kUrl, rest.substr(0, length), role, line, offset + from);
    from += std::max<std::size_t>(length, 4);
  }
}

}  // namespace interdict::web
