#include <algorithm>

#include "sinks/sinks.h"

namespace interdict {
namespace {

// Display width of UTF-8 text, counting each code point as one column: close enough for
// the Latin, CJK-free tables we print.
std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
  return n;
}

std::string cut(const std::string& s, std::size_t max) {
  if (columns(s) <= max) return s;
  std::string out;
  std::size_t n = 0;
  for (char c : s) {
    bool starts = (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    if (starts && ++n > max - 1) break;
    out += c;
  }
  return out + "…";
}

}  // namespace

TextTable::TextTable(std::vector<std::string> headers, std::size_t max_width)
    : headers_(std::move(headers)), max_width_(max_width) {}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (std::string& cell : cells) cell = cut(cell, max_width_);
  rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
  std::vector<std::size_t> width(headers_.size());
  for (std::size_t i = 0; i < headers_.size(); ++i) width[i] = columns(headers_[i]);
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], columns(row[i]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size()) text += std::string(width[i] - columns(cells[i]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line(headers_);
  std::vector<std::string> rule;
  for (std::size_t w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : rows_) line(row);
  return out;
}

}  // namespace interdict
