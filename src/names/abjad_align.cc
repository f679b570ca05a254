// The alignment of an abjad pattern (transcribe_abjad.cc says what its symbols mean) with a
// list token: what the script cannot tell apart costs nothing, the rest as the other
// transcription alignments price it (kVowelCost, kNearCost, 1 for another consonant).
//
// Thread-safety: pure functions over constant tables.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "names/abjad_symbols.h"
#include "names/score.h"
#include "names/transcribe.h"

namespace interdict {

using namespace abjad;  // NOLINT: the pattern's symbols

static_assert(kAbjadFloor >= kTranscriptionFloor, "the abjad alignment gives up below the callers' floor");

namespace {

constexpr double kImpossible = 1e9;

// Both scripts write every r (the transcriptions of Chinese and Japanese may not): an r
// one side has and the other has not is another consonant. An h is still cheap: the
// lists' kh, sh and final -ah write it where the script has a letter of its own, or none.
double token_gap(std::string_view token, std::size_t k) {
  const char t = token[k];
  const char before = k > 0 ? token[k - 1] : '\0';
  const char after = k + 1 < token.size() ? token[k + 1] : '\0';
  // A scholarly transliteration writes ayin and hamza as ʿ and ʾ (U+02BF, U+02BE: ʿAllush),
  // letters the fold keeps, where the pattern holds an optional vowel or nothing.
  if ((t == '\xCA' && (after == '\xBE' || after == '\xBF')) || (before == '\xCA' && (t == '\xBE' || t == '\xBF')))
    return 0.0;
  // The fold writes a doubled letter once, but leaves a token with a letter outside ASCII
  // as it is (ʿallush), and neither script writes a consonant twice.
  if (is_lower(t) && !is_vowel(t) && t == before) return 0.0;
  // The u of gue and gui writes no sound (Spanish, French, Portuguese): בומאגין Boumaguine.
  if (t == 'u' && before == 'g' && (after == 'e' || after == 'i')) return 0.0;
  // Italian gn is one sound, which Arabic and Hebrew write with n (קסטאנו Castagno).
  if (t == 'g' && after == 'n') return kVowelCost;
  // French and English final e after a consonant is not said, and neither script writes
  // it (جينيفيف Geneviève).
  if (t == 'e' && after == '\0' && before != '\0' && !is_vowel(before) && token.size() >= kMuteELetters)
    return kVowelCost;
  if (is_vowel(t)) return kVowelCost + 0.1;
  if (t == 'h') return kNearCost;
  return 1.0;
}

double pattern_gap(char p) {
  if (optional(p)) return 0.0;
  if (is_vowel(p)) return kVowelCost + 0.1;
  if (p == 'W' || p == 'Y') return kVowelCost + 0.1;
  if (p == 'h') return kNearCost;
  return 1.0;
}

// Consonant pairs one abjad letter writes alike.
bool same_letter(char p, char t) {
  switch (p) {
    case 'b': return t == 'p' || t == 'v';  // ب has no p; Hebrew ב is b or v
    case 'w': return t == 'p' || t == 'f';  // Hebrew פ is p or f
    case 'f': return t == 'v';              // ف writes v (فلاديمير)
    case 'k':
    case 'q': return t == 'k' || t == 'q';
    case 'j': return t == 'g';  // ج is g in Egypt and in foreign names
    case 'z': return t == 'c';  // צ is c in Czech, Polish, Croatian spellings
    case 'x': return t == 's' || t == 't';
    default: return false;
  }
}

// The cost of pattern symbol p against the one token letter token[k].
double one(char p, std::string_view token, std::size_t k) {
  const char t = token[k];
  const bool tv = is_vowel(t);
  switch (p) {
    case 'X': return tv ? 0.0 : kImpossible;
    case 'E': return t == 'a' || t == 'e' || t == 'h' ? 0.0 : tv ? kVowelCost : kImpossible;
    case 'H': return t == 'h' ? 0.0 : kImpossible;
    case 'J': return t == 'i' || t == 'e' || t == 'j' ? 0.0 : kImpossible;
    case 'W':
      if (t == 'u' || t == 'o' || t == 'v') return 0.0;
      if (tv) return kMatreMismatch;
      return transcription_class(t) == 'B' ? kNearCost : 1.0;
    case 'Y':
      if (t == 'i' || t == 'e' || t == 'j') return 0.0;
      if (tv) return kMatreMismatch;
      return t == 'g' ? kNearCost : 1.0;
    default: break;
  }
  if (is_vowel(p)) return p == t ? 0.0 : tv ? kVowelCost : 2.0;
  // The lists' fold writes a word's first j before a vowel as the glide i (Jannat "ianat"),
  // the i of no other name. Inside a word that i is as often a y (Seyyed "seied", no سجاد
  // Sajjad).
  if (p == 'j' && t == 'i' && k == 0 && k + 1 < token.size() && is_vowel(token[k + 1])) return 0.0;
  // After a consonant the fold's i may be a j (Jahjuh "iahiuh") but also a y whose i the
  // fold merged (Jafariyeh "iafarieh"): a near consonant's price, so that such a pair is
  // left to review; after a vowel it is a y (Seyyed).
  if (p == 'j' && t == 'i' && k > 0 && k + 1 < token.size() && is_vowel(token[k + 1]) && token[k + 1] != 'i' &&
      !is_vowel(token[k - 1]))
    return kNearCost;
  if (tv) return 2.0;
  if (p == t || same_letter(p, t)) return 0.0;
  const char next = k + 1 < token.size() ? token[k + 1] : '\0';
  // The fold leaves c where it sounds s (before e and i) or k (before a consonant, last).
  if (t == 'c') {
    if (next == 'e' || next == 'i') return p == 's' ? 0.0 : p == 'z' ? 0.0 : 1.0;
    if (next != 'h' && !is_vowel(next)) return p == 'k' || p == 'q' ? 0.0 : 1.0;
    // French ch is sh, and Arabic writes German ch so too (فروليش Fröhlich).
    if (next == 'h' && p == 's') return 0.0;
  }
  // The script wrote ch with a letter of its own or two (چ, تش, צ'), where an s would be
  // س, ס: NASHA is no نتشة Natshah.
  if (p == 'c' && t == 's') return 1.0;
  // l and r are two letters to both scripts, as to the lists.
  const char pc = transcription_class(p);
  if (pc != 0 && pc == transcription_class(t) && p != 'j' && pc != 'R') return kNearCost;
  if (p == 'j' && t == 'k') return kNearCost;
  return 1.0;
}

// The cost of pattern symbol p against the two token letters token[k, k + 2), or
// kImpossible: the letters one abjad letter writes with two.
double two(char p, std::string_view token, std::size_t k) {
  const char a = token[k];
  const char b = token[k + 1];
  const char after = k + 2 < token.size() ? token[k + 2] : '\0';
  if (p == 'z' && a == 't' && (b == 's' || b == 'z')) return 0.0;  // צ ts, tz
  // ج as the lists spell it: dj, and dj folded to di before a vowel (Hadjar "hadiar").
  if (p == 'j' && a == 'd' && (b == 'j' || (b == 'i' && is_vowel(after)))) return 0.0;
  if (p == 'E' && (a == 'a' || a == 'e') && b == 'h') return 0.0;
  // English writes the long i that yeh and yod write as ea before a consonant (تيجل Teagle,
  // דין Dean); a final ea is two vowels (Andrea, Inea).
  if (p == 'Y' && a == 'e' && b == 'a' && after != '\0' && !is_vowel(after)) return 0.0;
  // English and German write ch as tch and tsch, which the fold leaves ch; a list may
  // spell Arabic تش so (Natshah).
  if (p == 'c' && a == 't' && b == 's' && after == 'h') return 0.0;
  // ch and ts (tz) are both affricates, which Hebrew spellings of Basque and German names
  // mix up (גונצ'ל Gontzal, its צ' ch for tz): a near sound, as a consonant of its class.
  if (p == 'c' && a == 't' && (b == 'z' || b == 's')) return kNearCost;
  // ck is one k (the fold's reading of Italian cc before a, o, u: Roccuzzo "rockuzo").
  if ((p == 'k' || p == 'q') && a == 'c' && b == 'k') return 0.0;
  return kImpossible;
}

// The bound: the letters on the other side that could pair with a consonant for less than
// 1, by one() or two() (a superset: a letter listed pairs with it somewhere), as a mask
// over a-z; W, Y and J count as the letters v, j and j, which they meet cheaply. A consonant
// with none of its partners on the other side costs 1 or more wherever it is aligned.
// Never counted: h (left out for kNearCost), g (Italian gn, Y's near j) and vowels.
using Mask = std::uint32_t;
constexpr Mask bits(std::string_view letters) {
  Mask m = 0;
  for (char c : letters) m |= Mask{1} << (c - 'a');
  return m;
}

constexpr std::array<Mask, 26> make_partners() {
  std::array<Mask, 26> t{};
  auto set = [&t](std::string_view letters, Mask m) {
    for (char c : letters) t[static_cast<std::size_t>(c - 'a')] = m;
  };
  set("bpfvw", bits("bpfvw"));
  set("t", bits("tdxzc"));
  set("d", bits("tdxzcj"));
  set("szxc", bits("szxctdkqj"));
  set("kq", bits("kqgjcd"));
  set("j", bits("kqgjcdi"));  // i: the fold's glide for j
  set("mn", bits("mn"));
  set("l", bits("l"));
  set("r", bits("r"));
  return t;  // vowels, h, g: 0, never counted
}
constexpr std::array<Mask, 26> kPartners = make_partners();

Mask partners(char c) { return kPartners[static_cast<std::size_t>(c - 'a')]; }

// As the alignment sees a pattern symbol's letters for the bound: W meets v, Y and the
// glide J meet j.
char as_letter(char c) {
  if (c == 'W') return 'v';
  if (c == 'Y' || c == 'J') return 'j';
  return is_lower(c) ? c : '\0';
}

// A lower bound on the cost of aligning `pattern` and `token`.
int cost_floor(std::string_view pattern, std::string_view token) {
  Mask in_pattern = 0;
  for (char c : pattern)
    if (const char l = as_letter(c); l != '\0') in_pattern |= Mask{1} << (l - 'a');
  Mask in_token = 0;
  for (char c : token)
    if (is_lower(c)) in_token |= Mask{1} << (c - 'a');
  int pattern_alone = 0;
  for (char c : pattern) {
    if (!is_lower(c)) continue;
    const Mask m = partners(c);
    if (m != 0 && (m & in_token) == 0) ++pattern_alone;
  }
  int token_alone = 0;
  for (char c : token) {
    if (!is_lower(c)) continue;
    const Mask m = partners(c);
    if (m != 0 && (m & in_pattern) == 0) ++token_alone;
  }
  return std::max(pattern_alone, token_alone);
}

}  // namespace

double abjad_similarity(std::string_view pattern, std::string_view token) {
  constexpr std::size_t kMax = 48;
  pattern = pattern.substr(0, std::min(pattern.size(), kMax));
  token = token.substr(0, std::min(token.size(), kMax));
  std::size_t required = 0;
  for (char c : pattern)
    if (!optional(c)) ++required;
  const double length = static_cast<double>(std::max(token.size(), required));
  // Most tokens a pattern is asked about share too few consonants with it to pair: told
  // apart before the table (every caller counts a pair only from kAbjadFloor up).
  if (token.size() >= 3 && 1.0 - cost_floor(pattern, token) / length < kAbjadFloor) return 0.0;
  // Every alignment passes through each row: once a row's cheapest cell is past what a
  // pair at kAbjadFloor may cost, none can pair (tokens under three letters must be exact).
  const double allowed = token.size() < 3 ? 0.0 : (1.0 - kAbjadFloor) * length + 1e-9;
  std::array<double, kMax> token_gaps;
  for (std::size_t j = 0; j < token.size(); ++j) token_gaps[j] = token_gap(token, j);
  // cost[i][j]: pattern[0, i) against token[0, j).
  std::array<std::array<double, kMax + 1>, kMax + 1> cost;
  cost[0][0] = 0.0;
  for (std::size_t j = 1; j <= token.size(); ++j) cost[0][j] = cost[0][j - 1] + token_gaps[j - 1];
  for (std::size_t i = 1; i <= pattern.size(); ++i) {
    const char p = pattern[i - 1];
    const double p_gap = pattern_gap(p);
    const bool has_two = p == 'z' || p == 'j' || p == 'E' || p == 'k' || p == 'q' || p == 'c' || p == 'Y';
    cost[i][0] = cost[i - 1][0] + p_gap;
    double row_best = cost[i][0];
    for (std::size_t j = 1; j <= token.size(); ++j) {
      double best = std::min(cost[i - 1][j] + p_gap, cost[i][j - 1] + token_gaps[j - 1]);
      best = std::min(best, cost[i - 1][j - 1] + one(p, token, j - 1));
      if (has_two && j > 1) best = std::min(best, cost[i - 1][j - 2] + two(p, token, j - 2));
      cost[i][j] = best;
      row_best = std::min(row_best, best);
    }
    if (row_best > allowed) return 0.0;
  }
  const double total = cost[pattern.size()][token.size()];
  if (token.size() < 3) return total == 0.0 && !token.empty() ? 1.0 : 0.0;
  const double similarity = 1.0 - total / length;
  return similarity < kAbjadFloor ? 0.0 : similarity;
}

}  // namespace interdict
