#include "readers/common/csv.h"

namespace interdict {

void CsvParser::reset() {
  text_.clear();
  spans_.clear();
  error_.clear();
  in_quotes_ = false;
  at_start_ = true;
  after_quote_ = false;
  quoted_ = false;
  begin_ = 0;
}

std::string_view CsvParser::field(std::size_t i) const {
  auto [at, len] = spans_[i];
  return std::string_view(text_).substr(at, len);
}

void CsvParser::end_field() {
  if (!quoted_) {
    while (text_.size() > begin_ && (text_.back() == ' ' || text_.back() == '\t')) text_.pop_back();
  }
  spans_.emplace_back(static_cast<std::uint32_t>(begin_), static_cast<std::uint32_t>(text_.size() - begin_));
  begin_ = text_.size();
  at_start_ = true;
  after_quote_ = false;
  quoted_ = false;
}

CsvParser::Step CsvParser::feed(std::string_view line) {
  auto blank = [this](char c) { return c == ' ' || (c == '\t' && delimiter_ != '\t'); };
  if (in_quotes_) text_ += '\n';  // the line break belongs to the quoted field
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes_) {
      if (c != '"') {
        text_ += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        text_ += '"';
        ++i;
      } else {
        in_quotes_ = false;
        after_quote_ = true;
      }
      continue;
    }
    if (c == delimiter_) {
      end_field();
      continue;
    }
    if (after_quote_) {
      if (blank(c)) continue;
      error_ = "field " + std::to_string(spans_.size() + 1) + ": `" + std::string(1, c) +
               "` after a closing quote (a quote inside a quoted field is written \"\")";
      return Step::kBad;
    }
    if (at_start_) {
      if (blank(c)) continue;
      at_start_ = false;
      if (c == '"') {
        in_quotes_ = true;
        quoted_ = true;
        continue;
      }
    }
    text_ += c;
  }
  if (in_quotes_) return Step::kMore;
  end_field();
  return Step::kDone;
}

char detect_csv_delimiter(std::string_view header) {
  return header.find(',') == std::string_view::npos && header.find('\t') != std::string_view::npos ? '\t' : ',';
}

}  // namespace interdict
