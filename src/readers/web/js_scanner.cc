// JsScanner: tokens just far enough to know strings, comments and regular expressions from
// code, and to see `name.method(`, `window.X` and `}(..., 'x')`.
#include "readers/web/js_scanner.h"

#include <algorithm>

#include "readers/web/js_lexical.h"
#include "readers/web/url_text.h"

namespace interdict::web {

using namespace lexical;  // NOLINT: the scanner is written in the lexical vocabulary

std::uint64_t JsScanner::run() {
  while (pos_ < end_) {
    const auto c = static_cast<unsigned char>(text_[pos_]);
    const unsigned char next = pos_ + 1 < end_ ? static_cast<unsigned char>(text_[pos_ + 1]) : 0;
    switch (kClasses[c]) {
      case kBlank: ++pos_; break;
      case kNewline:
        ++line_;
        ++pos_;
        break;
      case kIdent: read_identifier(); break;
      case kDigit: read_number(); break;
      case kQuote: read_string(static_cast<char>(c)); break;
      case kBacktick:
        on_token('`');
        ++pos_;
        read_template();
        break;
      case kSlash:
        if (next == '/') {
          skip_line_comment();
        } else if (next == '*') {
          skip_block_comment();
        } else if (prev_ == Token::kStart || prev_ == Token::kPunct || prev_ == Token::kOperatorKeyword) {
          read_regex();
        } else {
          punctuation(c);
        }
        break;
      case kDot:
        if (is_digit(next)) {
          read_number();
        } else if (next == '.') {  // spread
          on_token(',');
          pos_ = std::min(end_, pos_ + 3);
          prev_ = Token::kPunct;
        } else {
          on_token('.');
          ++pos_;
          prev_ = Token::kDot;
        }
        break;
      case kQuestion:
        if (next == '.' && !is_digit(pos_ + 2 < end_ ? static_cast<unsigned char>(text_[pos_ + 2]) : 0)) {
          on_token('.');
          pos_ += 2;
          prev_ = Token::kDot;
        } else {
          punctuation(c);
        }
        break;
      case kCloseBrace:
        if (!templates_.empty() && brace_depth_ == templates_.back() + 1) {
          // The end of a template literal's ${...}: the literal goes on.
          --brace_depth_;
          templates_.pop_back();
          ++pos_;
          read_template();
        } else {
          punctuation(c);
        }
        break;
      default: punctuation(c); break;
    }
  }
  if (!templates_.empty()) out_.damage(line_, end_, "unterminated template literal");
  return line_;
}

void JsScanner::punctuation(unsigned char c) {
  on_token(static_cast<char>(c));
  ++pos_;
  prev_ = (c == ')' || c == ']' || c == '}') ? Token::kClose : Token::kPunct;
}

void JsScanner::on_iife_token(char t) {
  switch (iife_) {
    case Iife::kNone: break;
    case Iife::kClosedBrace: iife_ = t == ')' ? Iife::kClosedParen : Iife::kNone; [[fallthrough]];
    case Iife::kClosedParen:
      if (t == '(') {
        iife_ = Iife::kInArgs;
        iife_paren_ = paren_depth_ + 1;
      } else if (t != ')') {
        iife_ = Iife::kNone;
      }
      break;
    case Iife::kInArgs:
      if (t == ')' && paren_depth_ == iife_paren_) {
        if (last_was_string_ && is_ascii_identifier(last_string_)) {
          out_.emit(CodeKind::kSymbol, last_string_, "global", last_string_line_, last_string_offset_);
        }
        iife_ = Iife::kNone;
      }
      break;
  }
}

void JsScanner::skip_line_comment() {
  const std::size_t nl = text_.substr(0, end_).find('\n', pos_);
  pos_ = nl == std::string_view::npos ? end_ : nl;
}

void JsScanner::skip_block_comment() {
  const std::size_t close = text_.substr(0, end_).find("*/", pos_ + 2);
  const std::size_t stop = close == std::string_view::npos ? end_ : close + 2;
  const std::uint64_t start_line = line_;
  line_ += static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                 text_.begin() + static_cast<std::ptrdiff_t>(stop), '\n'));
  if (close == std::string_view::npos) out_.damage(start_line, pos_, "unterminated comment");
  pos_ = stop;
}

void JsScanner::read_string(char quote) {
  on_token('"');
  const std::size_t start = pos_;
  const std::uint64_t start_line = line_;
  for (++pos_; pos_ < end_; ++pos_) {
    const char c = text_[pos_];
    if (c == quote) {
      const std::string_view raw = text_.substr(start + 1, pos_ - start - 1);
      ++pos_;
      string_content(raw, start_line, start + 1);
      last_string_ = raw;
      last_string_line_ = start_line;
      last_string_offset_ = start + 1;
      prev_ = Token::kValue;
      return;
    }
    if (c == '\\') {
      if (pos_ + 1 < end_ && text_[pos_ + 1] == '\n') ++line_;
      ++pos_;
    } else if (c == '\n') {
      break;
    }
  }
  // A newline or the end of the script before the closing quote: the string ends there.
  out_.damage(start_line, start, "unterminated string literal");
  pos_ = std::min(pos_, end_);
  last_was_string_ = false;
  prev_ = Token::kValue;
}

void JsScanner::read_template() {
  std::size_t chunk = pos_;
  const std::uint64_t chunk_line = line_;
  while (pos_ < end_) {
    const char c = text_[pos_];
    if (c == '\\') {
      if (pos_ + 1 < end_ && text_[pos_ + 1] == '\n') ++line_;
      pos_ += 2;
      continue;
    }
    if (c == '\n') ++line_;
    if (c == '`') {
      string_content(text_.substr(chunk, pos_ - chunk), chunk_line, chunk);
      ++pos_;
      prev_ = Token::kValue;
      return;
    }
    if (c == '$' && pos_ + 1 < end_ && text_[pos_ + 1] == '{' && templates_.size() < kMaxTemplateNesting) {
      string_content(text_.substr(chunk, pos_ - chunk), chunk_line, chunk);
      templates_.push_back(brace_depth_);
      ++brace_depth_;
      pos_ += 2;
      prev_ = Token::kPunct;
      return;
    }
    ++pos_;
  }
  pos_ = end_;
  out_.damage(chunk_line, chunk, "unterminated template literal");
  templates_.clear();
}

void JsScanner::read_regex() {
  on_token('/');
  bool in_class = false;
  for (++pos_; pos_ < end_; ++pos_) {
    const char c = text_[pos_];
    // A newline ends it: either it was not a regular expression, or it is broken; going
    // back to rescan would make a line of slashes quadratic.
    if (c == '\n') break;
    if (c == '\\') {
      ++pos_;
    } else if (c == '[') {
      in_class = true;
    } else if (c == ']') {
      in_class = false;
    } else if (c == '/' && !in_class) {
      ++pos_;
      while (pos_ < end_ && is_ident_part(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      break;
    }
  }
  pos_ = std::min(pos_, end_);
  prev_ = Token::kValue;
}

void JsScanner::read_number() {
  on_token('0');
  ++pos_;
  while (pos_ < end_ && (is_ident_part(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) ++pos_;
  prev_ = Token::kValue;
}

void JsScanner::read_identifier() {
  const std::size_t start = pos_;
  while (pos_ < end_ && is_ident_part(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  const std::string_view name = text_.substr(start, pos_ - start);
  on_token('a');
  const bool property = prev_ == Token::kDot;
  if (property) {
    prev_ = Token::kIdent;
    return;
  }
  // Every keyword is 2 to 10 lowercase letters; minified names are mostly shorter.
  const bool maybe_keyword = name.size() >= 2 && name.size() <= 10 && name[0] >= 'a' && name[0] <= 'y';
  if (maybe_keyword && is_value_keyword(name)) {
    prev_ = Token::kValue;
    return;
  }
  if (maybe_keyword && is_operator_keyword(name)) {
    prev_ = Token::kOperatorKeyword;
    return;
  }
  prev_ = Token::kIdent;
  // Only `name.`, `name?.`, `name[` and blanks before them can start what is looked for.
  const char after = pos_ < end_ ? text_[pos_] : '\0';
  if (after == '.' || after == '?' || after == '[' || after == ' ' || after == '\t') look_after_root(name, pos_, start);
}

void JsScanner::look_after_root(std::string_view name, std::size_t after, std::uint64_t offset) {
  const std::string_view code = text_.substr(0, end_);
  std::size_t p = after;
  while (p < code.size() && is_blank(static_cast<unsigned char>(code[p]))) ++p;
  if (p < code.size() && code[p] == '[' && is_global_object(name)) {
    // window["X"] with a plain string: no escapes, no newline, a short name.
    ++p;
    while (p < code.size() && is_blank(static_cast<unsigned char>(code[p]))) ++p;
    if (p >= code.size() || (code[p] != '"' && code[p] != '\'')) return;
    // Bounded, so that a run of unclosed `window['` cannot make the pass quadratic.
    const std::size_t close = code.substr(0, std::min(code.size(), p + 258)).find(code[p], p + 1);
    if (close == std::string_view::npos) return;
    const std::string_view property = code.substr(p + 1, close - p - 1);
    std::size_t q = close + 1;
    while (q < code.size() && is_blank(static_cast<unsigned char>(code[q]))) ++q;
    if (q < code.size() && code[q] == ']' && is_ascii_identifier(property)) {
      out_.emit(CodeKind::kSymbol, property, "global", line_, p + 1);
    }
    return;
  }
  if (p < code.size() && code[p] == '.') {
    ++p;
  } else if (p + 1 < code.size() && code[p] == '?' && code[p + 1] == '.') {
    p += 2;
  } else {
    return;
  }
  while (p < code.size() && is_blank(static_cast<unsigned char>(code[p]))) ++p;
  std::size_t q = p;
  while (q < code.size() && is_ident_part(static_cast<unsigned char>(code[q]))) ++q;
  const std::string_view member = code.substr(p, q - p);
  if (member.empty() || is_digit(static_cast<unsigned char>(member[0]))) return;
  if (is_global_object(name)) {
    if (is_ascii_identifier(member)) out_.emit(CodeKind::kSymbol, member, "global", line_, p);
    return;
  }
  while (q < code.size() && is_blank(static_cast<unsigned char>(code[q]))) ++q;
  // One-letter receivers are a minifier's locals, never a page's globals.
  if (q < code.size() && code[q] == '(' && name.size() >= 2 && is_ascii_identifier(name)) {
    out_.emit(CodeKind::kSymbol, name, "global", line_, offset);
  }
}

void JsScanner::string_content(std::string_view raw, std::uint64_t line, std::uint64_t offset) {
  if (raw.find('\\') == std::string_view::npos) return emit_urls(raw, "string", line, offset, out_);
  unescape_js(raw, scratch_);
  emit_urls(scratch_, "string", line, offset, out_);
}

}  // namespace interdict::web
