#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "sinks/sinks.h"

namespace interdict {
namespace {

// Terminal columns of one code point: East Asian wide and full-width characters take two
// (a CJK name in a `screen` table would otherwise push its row out of line), combining
// marks and format characters none. Bytes that are not UTF-8 count one each.
int code_point_columns(UChar32 c) {
  if (c < 0) return 1;
  if (c < 0x300) return 1;
  const int32_t category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  const int32_t east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

// Walks `s` one code point at a time, calling `visit(byte_end, columns_so_far)` after each.
template <typename Visit>
void walk_columns(std::string_view s, Visit visit) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  std::size_t total = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    total += static_cast<std::size_t>(code_point_columns(c));
    if (!visit(static_cast<std::size_t>(i), total)) return;
  }
}

std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  walk_columns(s, [&](std::size_t, std::size_t total) {
    n = total;
    return true;
  });
  return n;
}

std::string cut(const std::string& s, std::size_t max) {
  if (columns(s) <= max) return s;
  // Keep whole code points while they fit in max - 1 columns, then the ellipsis.
  std::size_t keep = 0;
  walk_columns(s, [&](std::size_t end, std::size_t total) {
    if (total + 1 > max) return false;
    keep = end;
    return true;
  });
  return s.substr(0, keep) + "…";
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
