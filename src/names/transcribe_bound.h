// A cheap test that a transcription pattern and a list token cannot pair: most pairs the
// search meets are told apart by their consonants before the alignment runs.
//
// The alignment (transcription_similarity, transcribe.h) costs a table of pattern x token
// cells with several spelling rules per cell; of the pairs a Han or kana query asks it
// for, about one in twenty reaches kTranscriptionFloor. A consonant of one side that has
// no cheap partner anywhere on the other side (a letter of its class, a letter a spelling
// rule could pair it with, i for j) must be substituted at a cost of 1 or more, or left
// out at a cost of 1: each such consonant adds at least 1 to the alignment's cost, so their
// count on either side bounds the cost from below. r and h (left out for 0.4) and on the
// list side g (silent in gl, gn, gi) are never counted.
//
// Exact by construction: the bound never exceeds the alignment's cost, so a rejected pair
// is one the alignment scores below the floor (tests/names/transcribe_bound_test.cc checks
// it on real pairs). It relies on transcription_class (transcribe.h) joining at least the
// letters the alignment's substitution costs below 1.
//
// Thread-safety: pure functions over constant tables; safe from any thread.
#pragma once

#include <string_view>

namespace interdict {

// A lower bound on the cost of the cheapest alignment of `pattern` and `token` (as
// transcription_similarity takes them: both cut to 32 bytes, l read as r): the larger of
// the two sides' counts of consonants with no cheap partner on the other side (a list
// nasal before a consonant, or the d of dz, counted at what leaving it out costs).
[[nodiscard]] double transcription_cost_floor(std::string_view pattern, std::string_view token);

// False only when transcription_similarity(pattern, token) is certainly below `floor`
// (from transcription_cost_floor and the similarity's length); true otherwise, and for
// tokens of fewer than three letters, which the similarity compares whole.
[[nodiscard]] bool transcription_may_reach(std::string_view pattern, std::string_view token, double floor);

}  // namespace interdict
