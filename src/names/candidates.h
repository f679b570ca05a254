// Candidate selection: which indexed forms a query's tokens and words reach.
//
// Thread-safety: reads a frozen index; per-thread scratch; safe from any thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "names/index_data.h"
#include "names/normalise.h"
#include "names/score.h"

namespace interdict {

// The postings key of a list token whose sound key equals `key` (for counting how many
// names share a sound).
[[nodiscard]] std::uint64_t sound_exact_key(std::string_view key);

// Forms worth scoring for a query's weighed readings and, when not empty, its words'
// sounds; each form once, at most 400 by spelling and 400 by sound. REQUIRES: `d` frozen.
[[nodiscard]] std::vector<std::uint32_t> pick_candidates(const NameIndex::Data& d,
                                                         const std::vector<std::vector<QueryToken>>& readings,
                                                         const std::vector<QuerySound>& sounds);

}  // namespace interdict
