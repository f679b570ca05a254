// The rules of the transcription alignment for the letters of a list's European spelling
// (transcription_similarity, transcribe_align.cc): what the Chinese and Japanese tables write for
// a letter or a group of letters, and what leaving one out costs. Kept apart from the
// alignment that prices with them, and from the kana table. Where the facts come from:
// docs/names-rules.md.
//
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>

#include "names/letters.h"
#include "names/transcribe.h"

namespace interdict::transcription_rules {

using letters::is_vowel;

// gap and vowel_bit are asked in every cell of the alignment, hence defined here, where
// transcribe_align.cc can inline them.

// The cost of a letter one side has and the other does not: a vowel is the script's or
// the language's; an r (non-rhotic English, 科萨托 for Corsato) and an h are often left
// unwritten; any other consonant is a different name.
inline double gap(char c) {
  if (is_vowel(c)) return kVowelCost + 0.1;
  if (c == 'r' || c == 'h') return kNearCost;
  return 1.0;
}

// The cost of leaving out token[k], a letter of the list's spelling the transcription did
// not write. `token` is as the list folded it (l and r apart), `ts` with l read as r;
// `european`: the pattern is not a Devanagari or Bengali one, whose rules these are not.
[[nodiscard]] double token_gap(std::string_view token, std::string_view ts, std::size_t k, bool european);

// A vowel letter as a bit (a 1, e 2, i 4, o 8, u 16; 0 for any other letter).
inline unsigned char vowel_bit(char v) {
  switch (v) {
    case 'a': return 1;
    case 'e': return 2;
    case 'i': return 4;
    case 'o': return 8;
    case 'u': return 16;
    default: return 0;
  }
}

// The vowels (vowel_bit) the digraph a, b of a list's spelling may be written with (0 for
// none; transcribe_rules.cc says which).
[[nodiscard]] unsigned char digraph_vowels(char a, char b);

// What the rules above say of token[k]'s place: which of them it may be read by.
enum Place : unsigned {
  kSpanishJ = 1U << 0,
  kSpanishFinalZ = 1U << 1,
  kHardC = 1U << 2,
  kSoftC = 1U << 3,
  kSoftG = 1U << 4,
  kKanaDi = 1U << 5,
  kKanaV = 1U << 6,
  kVowelBeforeR = 1U << 7,
  kShortU = 1U << 8,
  kLabialM = 1U << 9,
  kVoicedS = 1U << 10,
  kVoicedZ = 1U << 11,
  kItalianSch = 1U << 12,
  kQu = 1U << 13,
  kAffricateZ = 1U << 14,
  kEnglishWa = 1U << 15,
  kAspirateU = 1U << 16,
};

// The rules token[k]'s place may be read by (Place bits); `ts` as for token_gap.
[[nodiscard]] unsigned places(std::string_view token, std::string_view ts, std::size_t k);

// What a rule may ask of the pattern's letter besides the letter itself.
enum PatternPlace : unsigned {
  kBeforeLongMark = 1U << 0,  // the next pattern letter is katakana's ー (an R)
  kAfterV = 1U << 1,          // the pattern letter before is v
  kFBeforeU = 1U << 2,        // an f before u, katakana's フ (the h column's hu)
  kBengaliBh = 1U << 3,       // a b with an optional h, Bengali's ভ (transcribe_indic.cc)
};

// What a pattern letter costs against a list letter whose place a rule reads: where the
// list letter's place holds any of `place`, the pattern letter is one of `letters`, its
// own place holds all of `pattern`, and (when `inner`) the list letter is not the token's
// first, the pair costs `cost` instead of what the letters' classes say.
struct LetterRule {
  std::string_view letters;
  unsigned place;
  unsigned pattern;
  bool inner;
  double cost;
};

// The rules in the order they are asked: the first that holds prices the pair. Each
// place's rule is documented with its predicate in transcribe_rules.cc.
// clang-format off
inline constexpr LetterRule kLetterRules[] = {
    {"h",  kSpanishJ,                      0,               false, kNearCost},      // 罗哈斯 Rojas
    {"s",  kSpanishFinalZ,                 0,               false, 0.0},            // 罗德里格斯 Rodríguez
    {"k",  kHardC | kItalianSch | kQu,     0,               false, 0.0},            // 亚奎内 Iaquone
    {"s",  kSoftC,                         0,               false, 0.0},            // 阿尔塞 Arce
    {"s",  kVoicedZ,                       0,               false, kSameSoundCost},
    {"h",  kSoftG,                         0,               false, kNearCost},      // 卡塔赫纳 Cartagena
    {"j",  kKanaDi,                        0,               false, 0.0},            // ウラジーミル Vladimir
    {"u",  kKanaV,                         0,               false, kNearCost},      // セメノウ Semenov
    {"a",  kVowelBeforeR,                  kBeforeLongMark, false, 0.0},            // バンカー Bunker
    {"ao", kShortU,                        0,               false, kSameSoundCost}, // 邦克 Bunker
    {"o",  kEnglishWa,                     kAfterV,         false, kSameSoundCost}, // 沃德 Ward
    {"n",  kLabialM,                       0,               false, 0.0},            // 尚巴尔德 Chambard
    {"z",  kVoicedS,                       0,               false, kSameSoundCost}, // ゾルフ Solf
    {"j",  kVoicedS | kVoicedZ,            0,               true,  kNearCost},      // ミニョージ Mignosi
    {"ji", kAffricateZ,                    0,               false, 0.0},            // ヤゴジンスカ Jagodzińska
    {"f",  kAspirateU,                     kFBeforeU,       false, kSameSoundCost}, // フッド Hood
};
// clang-format on

// The cost kLetterRules gives pattern letter `pc` against a list letter at `place`
// (`first`: the token's first letter), or a negative number when no rule holds.
inline double letter_rule_cost(char pc, unsigned place, unsigned pattern_place, bool first) {
  if (place == 0) return -1.0;
  for (const LetterRule& rule : kLetterRules)
    if ((place & rule.place) != 0 && (pattern_place & rule.pattern) == rule.pattern && !(rule.inner && first) &&
        rule.letters.find(pc) != std::string_view::npos)
      return rule.cost;
  return -1.0;
}

}  // namespace interdict::transcription_rules
