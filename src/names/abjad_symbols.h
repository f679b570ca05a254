// The symbols of an abjad pattern (transcribe_abjad.cc) that its reading and its alignment
// (abjad_align.cc) share. Internal to src/names.
#pragma once

#include <cstddef>

#include "names/letters.h"

namespace interdict::abjad {

using letters::is_lower;
using letters::is_vowel;
// A letter that writes a vowel (or may): after it no vowel went unwritten.
inline bool vowel_letter(char c) { return c == 'X' || c == 'W' || c == 'Y' || c == 'E' || c == 'J'; }
inline bool optional(char c) { return c == 'X' || c == 'E' || c == 'H' || c == 'J'; }
inline constexpr std::ptrdiff_t kMinWritten = 3;
inline constexpr std::size_t kMuteELetters = 5;
// Below it an abjad pattern and a token make no pair. Above kTranscriptionFloor (score.h),
// where other patterns pair: a pattern writes only consonants and long vowels, so one
// consonant in six another is already another name (شبیری Shabiri met SHIPPING at 0.807,
// مهنا Mohanna Muhammad at 0.807), and no labelled query was found by a pair under 0.85.
inline constexpr double kAbjadFloor = 0.85;
// A waw for a, e or i, or a yeh for a, o or u: the letter writes none of them.
inline constexpr double kMatreMismatch = 1.0;

}  // namespace interdict::abjad
