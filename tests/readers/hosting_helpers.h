// Test helpers for the hosting readers: read a whole input with one HostLineParser, as
// the scan does, and keep copies of its records and the numbers of its damaged lines.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "readers/common/line_source.h"
#include "readers/hosting/host_record.h"

namespace interdict::testing {

struct OwnedHostRecord {
  std::string host, target, client, country;
  Instant at = 0;
  bool has_time = false;
  std::uint64_t line = 0;
};

struct HostReadResult {
  std::string format;  // the sniffed parser's name, "" when none claimed the input
  std::vector<OwnedHostRecord> records;
  std::vector<std::uint64_t> damaged;  // line numbers
  std::vector<std::string> reasons;    // of the damaged lines
  std::uint64_t skipped = 0;
};

// Sniffs `source` from its first non-blank lines (up to 8) and reads it to its end.
inline HostReadResult read_hosts(LineSource& source, const HostFormatOptions& options = {}) {
  std::vector<std::string> lines;
  std::vector<std::uint64_t> numbers;
  std::string_view line;
  while (source.next(line)) {
    lines.emplace_back(line);
    numbers.push_back(source.line_number());
  }
  std::vector<std::string_view> head;
  for (const std::string& l : lines) {
    if (head.size() == 8) break;
    if (l.find_first_not_of(" \t\r") != std::string::npos) head.push_back(l);
  }
  HostReadResult result;
  if (head.empty()) return result;
  std::unique_ptr<HostLineParser> parser = sniff_host_format(head, options);
  if (parser == nullptr) return result;
  result.format = std::string(parser->format_name());
  HostRecord record;
  std::string why;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view text = lines[i];
    if (numbers[i] == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    switch (parser->parse(text, record, &why)) {
      case LineKind::kSkip: ++result.skipped; break;
      case LineKind::kDamaged:
        result.damaged.push_back(numbers[i]);
        result.reasons.push_back(why);
        break;
      case LineKind::kRecord:
        result.records.push_back(OwnedHostRecord{std::string(record.host), std::string(record.target),
                                                 std::string(record.client), std::string(record.country), record.at,
                                                 record.has_time, numbers[i]});
        break;
    }
  }
  return result;
}

inline HostReadResult read_hosts_file(const std::string& path, const HostFormatOptions& options = {}) {
  auto source = LineSource::open(path);
  EXPECT_TRUE(source.has_value()) << path;
  if (!source) return {};
  return read_hosts(**source, options);
}

inline HostReadResult read_hosts_text(std::string_view text, const HostFormatOptions& options = {}) {
  auto source = LineSource::from_string(text);
  return read_hosts(*source, options);
}

}  // namespace interdict::testing
