#include "readers/lists/list_util.h"

#include <algorithm>

namespace interdict::lists {

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view ofac_field(std::string_view s) {
  s = trim(s);
  return s == "-0-" ? std::string_view() : s;
}

void clear_entity(ListEntity& e) {
  e.list.clear();
  e.id.clear();
  e.sublist.clear();
  e.kind = EntityKind::kUnknown;
  e.names.clear();
  e.weak_names.clear();
  e.countries.clear();
  e.programs.clear();
  e.dates_of_birth.clear();
  e.remarks.clear();
  e.source.clear();
  e.line = 0;
}

void add_unique(std::vector<std::string>& out, std::string_view value) {
  value = trim(value);
  if (value.empty() || std::find(out.begin(), out.end(), value) != out.end()) return;
  out.emplace_back(value);
}

void add_country(std::vector<std::string>& out, std::string_view name) {
  const std::string_view code = country_code(trim(name));
  if (!code.empty()) add_unique(out, code);
}

void Reporter::damage(std::uint64_t line, std::uint64_t offset, std::string_view reason, bool fatal) {
  ++stats_.damaged;
  sink_.damage(ListDamage{file_, line, offset, reason, fatal});
}

void Reporter::entity(const ListEntity& entity) {
  ++stats_.entities;
  sink_.entity(entity);
}

CsvRecords::CsvRecords(std::string_view text, Reporter& reporter) : text_(text), reporter_(reporter) {
  // A UTF-8 byte order mark is not part of the first field's name.
  if (text_.starts_with("\xEF\xBB\xBF")) at_ = 3;
}

bool CsvRecords::next() {
  while (at_ < text_.size()) {
    parser_.reset();
    line_ = next_line_;
    offset_ = at_;
    CsvParser::Step step = CsvParser::Step::kMore;
    while (step == CsvParser::Step::kMore && at_ < text_.size()) {
      const std::size_t end = std::min(text_.find('\n', at_), text_.size());
      std::string_view line = text_.substr(at_, end - at_);
      if (line.ends_with('\r')) line.remove_suffix(1);
      at_ = end + 1;
      ++next_line_;
      step = parser_.feed(line);
      if (step == CsvParser::Step::kMore && parser_.held_bytes() > kMaxRecordBytes) {
        reporter_.damage(line_, offset_, "quoted field longer than 1 MiB: a quote is never closed", true);
        at_ = text_.size();
        return false;
      }
    }
    if (step == CsvParser::Step::kMore) {
      reporter_.damage(line_, offset_, "quoted field not closed before the end of the file", true);
      return false;
    }
    if (step == CsvParser::Step::kBad) {
      reporter_.damage(line_, offset_, parser_.error());
      continue;
    }
    // An empty line, or OFAC's trailing DOS end-of-file byte, is no record.
    if (parser_.field_count() == 1 && (trim(parser_.field(0)).empty() || trim(parser_.field(0)) == "\x1a")) continue;
    return true;
  }
  return false;
}

}  // namespace interdict::lists
