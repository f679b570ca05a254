// Internal to src/export: what the selection and the renderers share. Not part of the face.
#pragma once

#include <string>
#include <string_view>

#include "export/export.h"

namespace interdict::export_internal {

// Which states a selection exports under `options`.
[[nodiscard]] bool exports_state(State state, const ExportOptions& options);

// Activities as "hosting cdn".
[[nodiscard]] std::string activity_list(ActivitySet activities);

// "us-2024-pafaca 2(a)(1)(B)".
[[nodiscard]] std::string clause_name(const ClauseState& clause);

// The comment block that opens every file: generator, the time asked about, the activities,
// the clauses exported and those left out. Every line starts with `marker` and a space.
[[nodiscard]] std::string header(std::string_view format, std::string_view marker, const ExportOptions& options,
                                 ActivitySet activities, const std::vector<ClauseState>& exported,
                                 const std::vector<ClauseState>& excluded);

// `text` made safe inside a one-line comment: line breaks become spaces.
[[nodiscard]] std::string comment_text(std::string_view text);

// True when `outer` covers `inner` (equal counts). REQUIRES: one family.
[[nodiscard]] bool prefix_contains(const IpPrefix& outer, const IpPrefix& inner);

// Appends `s` as a JSON string literal.
void append_json(std::string& out, std::string_view s);

}  // namespace interdict::export_internal
