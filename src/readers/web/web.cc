// The web reader's entry points: which files are web files, and which scanner reads them.
#include "readers/web/web.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "base/utf8.h"
#include "readers/web/html_scanner.h"
#include "readers/web/js_scanner.h"
#include "readers/web/web_emitter.h"

namespace interdict {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool ends_with_lower(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  name.remove_prefix(name.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (lower(name[i]) != suffix[i]) return false;
  }
  return true;
}

bool is_js_name(std::string_view name) {
  return ends_with_lower(name, ".js") || ends_with_lower(name, ".mjs") || ends_with_lower(name, ".cjs");
}
bool is_html_name(std::string_view name) {
  return ends_with_lower(name, ".html") || ends_with_lower(name, ".htm") || ends_with_lower(name, ".xhtml");
}

std::string_view skip_bom_and_space(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                           text.front() == '\n' || text.front() == '\f')) {
    text.remove_prefix(1);
  }
  return text;
}

std::uint64_t line_at(std::string_view text, std::size_t offset) {
  return 1 +
         static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

bool looks_like_web(std::string_view name, std::span<const std::byte> head) {
  if (is_js_name(name) || is_html_name(name)) return true;
  std::string_view text = skip_bom_and_space({reinterpret_cast<const char*>(head.data()), head.size()});
  for (std::string_view opening : {"<!doctype html", "<html", "<head", "<body", "<script"}) {
    if (text.size() >= opening.size() && ends_with_lower(text.substr(0, opening.size()), opening)) return true;
  }
  return false;
}

void decode_web(std::span<const std::byte> bytes, std::string_view path, CodeSink& sink) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  web::WebEmitter out(path, sink);
  // Both are reported once and read past: a stray byte must not hide the rest of a bundle.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    out.damage(line_at(text, nul), nul, "nul byte");
  }
  if (const std::optional<std::size_t> bad = first_invalid_utf8(text)) {
    out.damage(line_at(text, *bad), *bad, "invalid utf-8");
  }
  const bool javascript = is_js_name(path) || (!is_html_name(path) && !skip_bom_and_space(text).starts_with('<'));
  if (javascript) {
    web::JsScanner scanner(text, text.starts_with("\xEF\xBB\xBF") ? 3 : 0, text.size(), 1, out);
    (void)scanner.run();
  } else {
    web::scan_html(text, out);
  }
}

}  // namespace interdict
