// Test helpers for the exports: the fixture and bundled corpora, times, and exports of them.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "export/export.h"

namespace interdict::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string fixture_dir() { return std::string(INTERDICT_SOURCE_DIR) + "/tests/export/orders"; }

// Loads order files given as (name, text); fails the test when they do not load.
inline std::shared_ptr<const Corpus> load_corpus(std::vector<OrderSource> sources) {
  LoadReport report = load_orders(sources);
  std::string errors;
  for (const Diagnostic& d : report.errors) errors += d.to_string() + "\n";
  EXPECT_TRUE(report.ok()) << errors;
  return std::make_shared<const Corpus>(std::move(report.corpus));
}

// tests/export/orders/fixture.toml: clause 1 (hosting, cdn) and 2 (transit, peering) in force
// from 2021-02-01, clause 3 enjoined from 2021-03-01, all revoked from 2023-01-01.
inline const Corpus& fixture() {
  static std::shared_ptr<const Corpus> corpus =
      load_corpus({{"fixture.toml", read_text(fixture_dir() + "/fixture.toml")}});
  return *corpus;
}

inline const Corpus& bundled_corpus() {
  static std::shared_ptr<const Corpus> corpus = [] {
    auto list = bundled_orders();
    return load_corpus(std::vector<OrderSource>(list.begin(), list.end()));
  }();
  return *corpus;
}

inline Instant at(std::string_view rfc3339) {
  auto t = parse_rfc3339(rfc3339);
  EXPECT_TRUE(t.has_value()) << rfc3339;
  return t ? *t : 0;
}

inline ExportOptions as_of(std::string_view rfc3339) {
  ExportOptions options;
  options.as_of = at(rfc3339);
  return options;
}

// The whole file of `format`, failing the test on an error.
inline ExportOutput exported(ExportFormat format, const Corpus& corpus, const ExportOptions& options,
                             std::span<const ObservedRoute> observed = {}) {
  auto out = export_as(format, corpus, options, observed);
  EXPECT_TRUE(out.has_value()) << out.error().to_string();
  return out ? std::move(*out) : ExportOutput{};
}

inline bool has_line(const std::string& text, std::string_view line) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (std::string_view(text).substr(start, end - start) == line) return true;
    start = end + 1;
  }
  return false;
}

// True if some line of `text` starts with `prefix`.
inline bool has_line_starting(const std::string& text, std::string_view prefix) {
  return text.starts_with(prefix) || text.find("\n" + std::string(prefix)) != std::string::npos;
}

inline bool has_note(const std::vector<std::string>& notes, std::string_view needle) {
  return std::any_of(notes.begin(), notes.end(),
                     [&](const std::string& n) { return n.find(needle) != std::string::npos; });
}

inline std::string joined(const std::vector<std::string>& notes) {
  std::string out;
  for (const std::string& n : notes) out += n + "\n";
  return out;
}

}  // namespace interdict::testing
