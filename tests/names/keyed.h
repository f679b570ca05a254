// Test helpers for the index's transcription keys: whether a pattern reaches a list token.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "names/candidates.h"
#include "names/index_data.h"

namespace interdict {

// True when list token `token` is posted under a key that `pattern` looks up in `group`
// (TranscriptionKeys::same, loose or near).
inline bool keyed_in(std::string_view pattern, std::string_view token,
                     std::vector<std::uint64_t> TranscriptionKeys::*group) {
  TranscriptionKeys query;
  transcription_query_keys(pattern, PatternSource::kOther, query);
  std::vector<std::uint64_t> posted;
  transcription_keys(token, posted);
  const auto& keys = query.*group;
  return std::any_of(keys.begin(), keys.end(),
                     [&posted](std::uint64_t k) { return std::find(posted.begin(), posted.end(), k) != posted.end(); });
}

// True when a list token is posted under a key `pattern` looks up as its own or loosely
// alike: the tokens reached so rank above those a class apart.
inline bool keyed_alike(std::string_view pattern, std::string_view token) {
  return keyed_in(pattern, token, &TranscriptionKeys::same) || keyed_in(pattern, token, &TranscriptionKeys::loose);
}

// True when a list token is posted under a key `pattern` looks up a class apart.
inline bool keyed_near(std::string_view pattern, std::string_view token) {
  return keyed_in(pattern, token, &TranscriptionKeys::near);
}

}  // namespace interdict
