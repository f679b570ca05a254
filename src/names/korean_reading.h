// A Korean name in Hangul as the sanctions lists spell it: syllable by syllable, the way
// North Korea romanises its names (KIM Jong Un, CHOE Ryong Hae, RI Pyong Chol, PAK Pong
// Ju). ICU's reading follows South Korea's Revised Romanisation and writes a word whole
// (김정은 "gimjeong-eun"), which meets none of the lists' thousand Korean names.
// Internal to normalise.cc.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace interdict {

// How korean_as_lists_write spells what the two romanisations write differently.
enum class KoreanSpelling {
  // North Korea's own (1992), which OFAC and the UN follow: ㅈ j, ㄱ ㄷ ㅂ k t p at a
  // syllable's start but voiced (g d b) inside a given name after a vowel, a nasal or l
  // (Myong Guk, Man Gon), aspiration unmarked.
  kNorth,
  // McCune-Reischauer as lists without its marks write it, older entries and the South's
  // names: ㅈ ch, nothing voiced (Chang Pong); and the r South Korea drops before i and y
  // at a name's start put back (용 Yong as 룡 Ryong, 이 I as 리 Ri), as the North writes it.
  kMcCune,
};

// `utf8` with each Hangul syllable spelled as `spelling` says and set apart as a word of
// its own; other characters as they are. "" when `utf8` has no Hangul syllable.
[[nodiscard]] std::string korean_as_lists_write(std::string_view utf8, KoreanSpelling spelling);

}  // namespace interdict
