// JsScanner: one forward pass over JavaScript source that tells code from strings,
// template literals, comments and regular expression literals, and hands the web reader's
// emitter the URLs in strings and the global objects the code names (web.h lists them).
//
// It is a tokenizer, not a parser: a '/' starts a regular expression where the previous
// token cannot end an expression, as in every JavaScript highlighter. Each byte is looked
// at a bounded number of times (the lookahead after an identifier reads the next one
// again), so the cost is linear in the input.
//
// Thread-safety: one per script being read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "readers/web/web_emitter.h"

namespace interdict::web {

class JsScanner {
 public:
  // `text` is the whole file, so that offsets are the file's; the script is [begin, end)
  // starting on `line`.
  JsScanner(std::string_view text, std::size_t begin, std::size_t end, std::uint64_t line, WebEmitter& out)
      : text_(text), pos_(begin), end_(end), line_(line), out_(out) {}

  // Scans to the end of the script and returns the line it ended on.
  std::uint64_t run();

 private:
  enum class Token : std::uint8_t { kStart, kIdent, kOperatorKeyword, kValue, kClose, kPunct, kDot };

  // Called at the start of every token with its first character ('a' for identifiers, '0'
  // for numbers, '"' for strings): tracks nesting and the IIFE pattern.
  void on_token(char t) {
    if (iife_ != Iife::kNone) on_iife_token(t);
    switch (t) {
      case '(': ++paren_depth_; break;
      case ')':
        if (paren_depth_ > 0) --paren_depth_;
        break;
      case '{': ++brace_depth_; break;
      case '}':
        if (brace_depth_ > 0 && --brace_depth_ == 0) iife_ = Iife::kClosedBrace;
        break;
      default: break;
    }
    last_was_string_ = t == '"';
  }
  void on_iife_token(char t);
  void punctuation(unsigned char c);
  void skip_line_comment();
  void skip_block_comment();
  void read_string(char quote);
  void read_template();
  void read_regex();
  void read_number();
  void read_identifier();
  void look_after_root(std::string_view name, std::size_t after, std::uint64_t offset);
  void string_content(std::string_view raw, std::uint64_t line, std::uint64_t offset);

  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
  std::uint64_t line_;
  WebEmitter& out_;

  Token prev_ = Token::kStart;
  std::uint32_t brace_depth_ = 0;
  std::uint32_t paren_depth_ = 0;
  // Brace depths at which each open template literal's `${` was entered.
  std::vector<std::uint32_t> templates_;
  static constexpr std::size_t kMaxTemplateNesting = 32;

  // The immediately-invoked-function pattern `}(...,'x')` or `})(...,'x')` at top level.
  enum class Iife : std::uint8_t { kNone, kClosedBrace, kClosedParen, kInArgs };
  Iife iife_ = Iife::kNone;
  std::uint32_t iife_paren_ = 0;
  bool last_was_string_ = false;
  std::string_view last_string_;
  std::uint64_t last_string_line_ = 0;
  std::uint64_t last_string_offset_ = 0;

  std::string scratch_;  // a string literal's text with its escapes undone, when it has any
};

}  // namespace interdict::web
