// HTML as the tokenizer of the HTML Standard (section 13.2.5) sees it, reduced to what the
// web reader needs: comments, tags with attributes, and raw-text elements (<script> and
// <style>) that end at the first `</script` or `</style`, whatever the JavaScript says.
#include "readers/web/html_scanner.h"

#include <algorithm>
#include <string>

#include "readers/web/js_scanner.h"

namespace interdict::web {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool equals_lower(std::string_view s, std::string_view lower_word) {
  return s.size() == lower_word.size() &&
         std::equal(s.begin(), s.end(), lower_word.begin(), [](char a, char b) { return lower(a) == b; });
}

// The first `</name` (any case) at or after `from`, or npos.
std::size_t find_end_tag(std::string_view text, std::size_t from, std::string_view name) {
  while ((from = text.find("</", from)) != std::string_view::npos) {
    if (equals_lower(text.substr(from + 2, name.size()), name)) return from;
    from += 2;
  }
  return std::string_view::npos;
}

// The script types a browser runs, and JSON, which reads as JavaScript.
bool is_script_type(std::string_view type) {
  if (type.empty()) return true;
  for (std::string_view t : {"text/javascript", "application/javascript", "module", "text/ecmascript",
                             "application/ecmascript", "application/json", "application/ld+json", "text/jsx"}) {
    if (equals_lower(type, t)) return true;
  }
  return false;
}

// Undoes the character references URLs carry in attributes (&amp; above all).
void decode_references(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '&') {
      const std::string_view rest = raw.substr(i);
      bool replaced = true;
      if (rest.starts_with("&amp;") || rest.starts_with("&#38;")) {
        out.push_back('&');
        i += 4;
      } else if (rest.starts_with("&quot;")) {
        out.push_back('"');
        i += 5;
      } else if (rest.starts_with("&#x2F;") || rest.starts_with("&#47;")) {
        out.push_back('/');
        i += rest[2] == 'x' ? 5 : 4;
      } else {
        replaced = false;
      }
      if (replaced) continue;
    }
    out.push_back(raw[i]);
  }
}

struct Attribute {
  std::string_view value;
  std::uint64_t line = 0;
  std::uint64_t offset = 0;
  bool present = false;
};

class HtmlScanner {
 public:
  HtmlScanner(std::string_view text, WebEmitter& out) : text_(text), out_(out) {}

  void run() {
    while (pos_ < text_.size()) {
      const std::size_t lt = text_.find('<', pos_);
      if (lt == std::string_view::npos) {
        advance_to(text_.size());
        return;
      }
      advance_to(lt);
      const std::string_view rest = text_.substr(pos_);
      if (rest.starts_with("<!--")) {
        skip_past("-->", "unterminated comment");
      } else if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?' || rest[1] == '/')) {
        skip_past(">", "unterminated tag");
      } else if (rest.size() > 1 && ((rest[1] | 0x20) >= 'a' && (rest[1] | 0x20) <= 'z')) {
        read_tag();
      } else {
        advance_to(pos_ + 1);
      }
    }
  }

 private:
  // Moves to `to`, counting the lines passed.
  void advance_to(std::size_t to) {
    line_ += static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                   text_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
    pos_ = to;
  }

  void skip_past(std::string_view close, std::string_view reason) {
    const std::size_t end = text_.find(close, pos_ + 1);
    if (end == std::string_view::npos) {
      out_.damage(line_, pos_, reason);
      advance_to(text_.size());
    } else {
      advance_to(end + close.size());
    }
  }

  void read_tag() {
    const std::size_t start = pos_;
    const std::uint64_t start_line = line_;
    std::size_t p = pos_ + 1;
    while (p < text_.size() && !is_space(text_[p]) && text_[p] != '>' && text_[p] != '/') ++p;
    const std::string_view name = text_.substr(pos_ + 1, p - pos_ - 1);
    Attribute src, href, type;
    advance_to(p);
    // Attributes: name, then optionally '=' and a quoted or bare value.
    while (pos_ < text_.size() && text_[pos_] != '>') {
      const char c = text_[pos_];
      if (is_space(c) || c == '/') {
        advance_to(pos_ + 1);
        continue;
      }
      std::size_t e = pos_;
      while (e < text_.size() && !is_space(text_[e]) && text_[e] != '=' && text_[e] != '>' && text_[e] != '/') ++e;
      if (e == pos_) ++e;  // a stray '=' on its own
      const std::string_view attribute = text_.substr(pos_, e - pos_);
      advance_to(e);
      std::size_t q = pos_;
      while (q < text_.size() && is_space(text_[q])) ++q;
      if (q >= text_.size() || text_[q] != '=') continue;
      ++q;
      while (q < text_.size() && is_space(text_[q])) ++q;
      advance_to(q);
      Attribute value = read_value();
      if (equals_lower(attribute, "src")) src = value;
      if (equals_lower(attribute, "href")) href = value;
      if (equals_lower(attribute, "type")) type = value;
    }
    if (pos_ >= text_.size()) {
      out_.damage(start_line, start, "unterminated tag");
      return;
    }
    advance_to(pos_ + 1);  // '>'
    if (equals_lower(name, "script")) {
      emit(src, "script");
      read_raw_text("script", is_script_type(type.value));
    } else if (equals_lower(name, "style")) {
      read_raw_text("style", false);
    } else if (equals_lower(name, "img") || equals_lower(name, "iframe")) {
      emit(src, "resource");
    } else if (equals_lower(name, "link")) {
      emit(href, "resource");
    }
  }

  Attribute read_value() {
    Attribute a;
    a.present = true;
    a.line = line_;
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
      const std::size_t close = text_.find(text_[pos_], pos_ + 1);
      const std::size_t end = close == std::string_view::npos ? text_.size() : close;
      a.offset = pos_ + 1;
      a.value = text_.substr(pos_ + 1, end - pos_ - 1);
      advance_to(close == std::string_view::npos ? end : end + 1);
      return a;
    }
    std::size_t e = pos_;
    while (e < text_.size() && !is_space(text_[e]) && text_[e] != '>') ++e;
    a.offset = pos_;
    a.value = text_.substr(pos_, e - pos_);
    advance_to(e);
    return a;
  }

  void emit(const Attribute& a, std::string_view role) {
    if (!a.present) return;
    std::string_view value = a.value;
    while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
    while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
    if (value.find('&') != std::string_view::npos) {
      decode_references(value, scratch_);
      value = scratch_;
    }
    if (value.empty() || value.starts_with("data:") || value.starts_with("#")) return;
    out_.emit(CodeKind::kUrl, value, role, a.line, a.offset);
  }

  // The text of a <script> or <style> element, up to its end tag.
  void read_raw_text(std::string_view element, bool javascript) {
    const std::size_t end_tag = find_end_tag(text_, pos_, element);
    const std::size_t end = end_tag == std::string_view::npos ? text_.size() : end_tag;
    if (end_tag == std::string_view::npos) {
      out_.damage(line_, pos_, element == "script" ? "unterminated script element" : "unterminated style element");
    }
    if (javascript) {
      JsScanner js(text_, pos_, end, line_, out_);
      (void)js.run();
    }
    advance_to(end);
  }

  std::string_view text_;
  WebEmitter& out_;
  std::size_t pos_ = 0;
  std::uint64_t line_ = 1;
  std::string scratch_;
};

}  // namespace

void scan_html(std::string_view text, WebEmitter& out) { HtmlScanner(text, out).run(); }

}  // namespace interdict::web
