// Kana patterns and the comparison of a pattern with a list token.
//
// Katakana, as the Japanese writing system defines it: every letter is a consonant and a
// vowel (or a vowel, or the nasal ン); small ァ ィ ゥ ェ ォ replace the vowel of the letter
// before (フ fu + ァ = fa, テ + ィ = ti), small ャ ュ ョ add a glide to an i-column letter
// (キャ kya, シャ sha); ッ doubles the next consonant and ー lengthens the vowel before.
// Foreign consonants with no vowel are written with the column's epenthetic vowel: u after
// most (ク ス ズ ツ ヌ フ ブ プ ム ル グ ヴ), o after t and d (ト ド), i after ch, sh and j
// (チ シ ジ). Those vowels are the pattern's optional ones. Hiragana has the same letters
// 0x60 code points lower.
//
// Thread-safety: pure functions over constant tables.
#include "names/transcribe.h"

#include <algorithm>
#include <array>
#include <string>

#include "names/letters.h"
#include "names/transcribe_rules.h"

namespace interdict {
namespace {

using transcription_rules::digraph_vowels;
using transcription_rules::gap;
using transcription_rules::places;
using transcription_rules::spelling_unit;
using transcription_rules::token_gap;
using transcription_rules::vowel_bit;
using enum transcription_rules::Place;

constexpr char32_t kKatakanaFirst = 0x30A1;  // ァ
constexpr char32_t kKatakanaLast = 0x30FA;   // ヺ
constexpr char32_t kHiraganaShift = 0x60;
constexpr char32_t kLongVowel = 0x30FC;   // ー
constexpr char32_t kGemination = 0x30C3;  // ッ

// Katakana from ァ (U+30A1) to ヺ (U+30FA) in code point order. "~" marks a small letter
// that combines with the letter before; "" is ッ.
constexpr std::array<std::string_view, kKatakanaLast - kKatakanaFirst + 1> kKatakana{
    "~a",  "a",  "~i",  "i",  "~u",  "u",   "~e", "e",  "~o", "o",                                 // ァ..オ
    "ka",  "ga", "ki",  "gi", "kU",  "gU",  "ke", "ge", "ko", "go",                                // カ..ゴ
    "sa",  "za", "shI", "jI", "sU",  "zU",  "se", "ze", "so", "zo",                                // サ..ゾ
    "ta",  "da", "chI", "jI", "",    "tsU", "zU", "te", "de", "tO", "dO",                          // タ..ド
    "na",  "ni", "nU",  "ne", "no",                                                                // ナ..ノ
    "ha",  "ba", "pa",  "hi", "bi",  "pi",  "fU", "bU", "pU", "he", "be", "pe", "ho", "bo", "po",  // ハ..ポ
    "ma",  "mi", "mU",  "me", "mo",                                                                // マ..モ
    "~ia", "ia", "~iu", "iu", "~io", "io",                                                         // ャ..ヨ
    "ra",  "ri", "rU",  "re", "ro",                                                                // ラ..ロ
    "~va", "va", "vi",  "ve", "o",   "n",   "vU", "ka", "ke", "va", "vi", "ve", "vo",              // ヮ..ヺ
};

using letters::is_vowel;
// An optional letter: a vowel the script added, the h of シ, or the r of a long a (below).
bool is_upper_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'H' || c == 'R'; }

char32_t as_katakana(char32_t c) {
  if (c >= kKatakanaFirst - kHiraganaShift && c <= 0x3096) return c + kHiraganaShift;
  return c;
}

// The pattern's trailing vowel (optional or not) removed: the consonant a small letter
// builds on. ウ is the w of ウィ wi, ウェ we (folded to v).
std::string onset_of(std::string_view letter) {
  if (letter == "u") return "v";
  std::string out(letter);
  if (!out.empty() && (is_vowel(out.back()) || is_upper_vowel(out.back()))) out.pop_back();
  return out;
}

}  // namespace

bool is_kana(char32_t c) {
  const char32_t k = as_katakana(c);
  return (k >= kKatakanaFirst && k <= kKatakanaLast) || c == kLongVowel;
}

std::string kana_pattern(std::u32string_view word) {
  std::string out;
  std::string last;  // the previous letter's pattern, for a small letter to combine with
  std::size_t last_at = 0;
  for (char32_t raw : word) {
    const char32_t c = as_katakana(raw);
    // アー writes the English and German -er, -ar, -ur, whose r is not said (バンカー Bunker,
    // ウェクスラー Weksler, ダーラム Durham): the lengthened a carries an optional r.
    if (c == kLongVowel && !out.empty() && out.back() == 'a') {
      out += 'R';
      last.clear();
      continue;
    }
    if (c == kLongVowel || c == kGemination || c < kKatakanaFirst || c > kKatakanaLast) continue;
    const std::string_view letter = kKatakana[c - kKatakanaFirst];
    if (!letter.starts_with('~')) {
      last_at = out.size();
      out += letter;
      last = letter;
      continue;
    }
    const std::string_view vowel = letter.substr(1);  // "a", or "ia" for a small glide
    if (last.empty()) {
      out += vowel.back();
      continue;
    }
    std::string onset = onset_of(last);
    std::string made;
    if (vowel.size() == 2 && (last.back() == 'i' || last.back() == 'I')) {
      // キャ kya, but シャ sha, チャ cha, ジャ ja: the glide is in the consonant already.
      made = onset + (onset.ends_with("sh") || onset.ends_with("ch") || onset.ends_with("j") ? "" : "i") + vowel.back();
    } else if (last == "i") {
      made = "i" + std::string(1, vowel.back());  // イェ ye
    } else {
      made = onset + std::string(vowel);
    }
    out.resize(last_at);
    out += made;
    last.clear();
  }
  // j before a vowel other than i is a glide in the folded lists (fold_spelling).
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == 'j' && out[i + 1] != 'i' && out[i + 1] != 'I') out[i] = 'i';
  // Katakana has no si: シ writes a foreign si as well as shi (トッシ Tossi), so its h is
  // optional. A final オフ is the Russian -ov (イワノフ Ivanov, レトフ Letov), as Japanese
  // writes it.
  for (std::size_t i = 0; i + 2 < out.size(); ++i)
    if (out[i] == 's' && out[i + 1] == 'h' && out[i + 2] == 'I') out[i + 1] = 'H';
  if (out.ends_with("ofU") || out.ends_with("OfU")) out.replace(out.size() - 3, 3, "ov");
  // Hiragana writes Japanese words, whose long o and u it spells ou and uu (やすごろう
  // Yasugorō), and which the lists write in Hepburn without the macron: o and u, as
  // katakana_romaji reads a dictionary's reading. Katakana's ou is a foreign name's (セメノウ
  // Semenov) and stays.
  if (std::all_of(word.begin(), word.end(), [](char32_t c) { return c < kKatakanaFirst; })) {
    std::string shorter;
    for (char c : out) {
      const char before = shorter.empty() ? '\0' : shorter.back();
      if (c == 'u' && (before == 'o' || before == 'u' || before == 'O' || before == 'U')) continue;
      shorter += c;
    }
    out.swap(shorter);
  }
  // シュ before a consonant or last is a bare sh, its u as epenthetic as ス's (シュタイン
  // Stein, ブッシュ Bush): the small ュ wrote the sh, not a vowel.
  for (std::size_t i = 0; i + 2 < out.size(); ++i)
    if (out[i] == 's' && out[i + 1] == 'h' && out[i + 2] == 'u' &&
        (i + 3 == out.size() || (!is_vowel(out[i + 3]) && !is_upper_vowel(out[i + 3]))))
      out[i + 2] = 'U';
  return single_letters(std::move(out));
}

std::string single_letters(std::string pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (char c : pattern)
    if (out.empty() || c != out.back() || c < 'a' || c > 'z') out += c;
  return out;
}

std::string pattern_letters(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (char c : pattern) {
    if (c == 'R') continue;  // the r a long a may stand for is not a letter the script wrote
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

char transcription_class(char c) {
  switch (c) {
    case 'b':
    case 'p':
    case 'f':
    case 'v':
    case 'w': return 'B';
    case 't':
    case 'd': return 'T';
    case 'k':
    case 'g':
    case 'q':
    case 'j': return 'K';
    case 's':
    case 'z':
    case 'c':
    case 'x': return 'S';
    case 'm':
    case 'n': return 'N';
    case 'l':
    case 'r': return 'R';
    default: return 0;  // vowels, optional (uppercase) vowels, h, y, digits
  }
}

namespace {

// The alignment's consonant classes: the index's (transcription_class) less three of its
// loosenings, which the alignment prices apart: w is no b, j no k (it meets g and i by
// rules of their own below), and l and r stay themselves (liquid() joins them first).
char sound_class(char c) {
  if (c == 'w' || c == 'j' || c == 'l' || c == 'r') return c;
  const char k = transcription_class(c);
  return k != 0 ? k : c;
}

char liquid(char c) { return c == 'l' ? 'r' : c; }

// i and e: Chinese writes an unstressed e with the table's i column (维尼齐亚 Venezia,
// 阿维拉迪 Averardi), so the pair costs less, but only in tokens of kFrontVowelLetters or
// more: in a short one it is the whole difference between two names (丽丽 "riri" and Lei).
double substitution(char p, char t, double front_vowels, bool european) {
  if (p == t) return 0.0;
  // Japanese has no v and Spanish says its v as b, so katakana ボ and Chinese 巴 write a
  // v as well (デボレ Devoret, 巴尔韦德 Valverde): not for an Indic pattern, whose b is b.
  if (p == 'b' && t == 'v' && european) return kSameSoundCost;
  const bool pv = is_vowel(p);
  const bool tv = is_vowel(t);
  if (pv && tv) return (p == 'i' && t == 'e') || (p == 'e' && t == 'i') ? front_vowels : kVowelCost;
  if (pv != tv) return (p == 'i' && t == 'j') || (p == 'j' && t == 'i') ? kVowelCost : 2.0;
  if (sound_class(p) == sound_class(t) || (p == 'j' && t == 'g') || (p == 'g' && t == 'j')) return kNearCost;
  return 1.0;
}

}  // namespace

namespace {

// pattern_letters(pattern) == token, without the copy: this is asked once a pair.
bool letters_equal(std::string_view pattern, std::string_view token) {
  std::size_t k = 0;
  for (char c : pattern) {
    if (c == 'R') continue;  // as pattern_letters: no letter the script wrote
    const char lowered = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (k == token.size() || token[k++] != lowered) return false;
  }
  return k == token.size();
}

}  // namespace

double transcription_similarity(std::string_view pattern, std::string_view token) {
  if (is_abjad_pattern(pattern)) return abjad_similarity(pattern, token);
  constexpr std::size_t kMax = 32;
  if (pattern.size() > kMax) pattern = pattern.substr(0, kMax);
  if (token.size() > kMax) token = token.substr(0, kMax);
  if (token.size() < 3) return !token.empty() && letters_equal(pattern, token) ? 1.0 : 0.0;
  // The pattern with its optional vowels lowered and l as r, and which letters are optional.
  std::array<char, kMax> p{};
  std::array<bool, kMax> optional{};
  std::array<char, kMax> t{};
  std::size_t required = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    optional[i] = is_upper_vowel(pattern[i]);
    p[i] = liquid(optional[i] ? static_cast<char>(pattern[i] - 'A' + 'a') : pattern[i]);
    if (!optional[i]) ++required;
  }
  for (std::size_t j = 0; j < token.size(); ++j) t[j] = liquid(token[j]);
  const std::string_view ps(p.data(), pattern.size());
  const std::string_view ts(t.data(), token.size());
  const double front = token.size() >= kFrontVowelLetters ? kFrontVowelCost : kVowelCost;
  const bool digraphs = token.size() >= kDigraphLetters;
  // What the rules ask of each list letter's place, and of each pattern a's, worked out
  // once here rather than in every cell of its column.
  // A Devanagari or Bengali pattern (its inherent vowel an optional A) writes an Indic
  // name first, whose final t and e are said (भरत Bharat): the rules for European letters
  // the tables leave unwritten are not its.
  const bool european = pattern.find('A') == std::string_view::npos;
  std::array<double, kMax> token_gaps{};
  std::array<unsigned, kMax> at{};
  std::array<unsigned char, kMax> digraph{};  // the vowels a digraph ending here may be
  std::array<bool, kMax> long_a{};
  for (std::size_t j = 0; j < ts.size(); ++j) {
    token_gaps[j] = token_gap(token, ts, j, european);
    at[j] = places(token, ts, j);
    if (digraphs && j > 0 && is_vowel(ts[j - 1]) && is_vowel(ts[j])) digraph[j] = digraph_vowels(ts[j - 1], ts[j]);
  }
  for (std::size_t i = 0; i + 1 < pattern.size(); ++i) long_a[i] = pattern[i + 1] == 'R';
  // English says a long i and a long a (Ilene, Ryan, Mason) as the diphthongs ai and ei,
  // which katakana writes アイ and エイ and Chinese 赖 lai: a pattern's ai or ei ending at
  // i may stand for the list's i or a. Not in short tokens, where pinyin's ai and ei
  // are whole syllables, nor for an Indic pattern, whose ai is Hindi's own vowel.
  std::array<char, kMax> diphthong{};  // the list vowel the diphthong ending here may be
  if (european && token.size() >= kLongVowelLetters)
    for (std::size_t i = 1; i < pattern.size(); ++i)
      if (pattern[i] == 'i' && (pattern[i - 1] == 'a' || pattern[i - 1] == 'e'))
        diphthong[i] = pattern[i - 1] == 'a' ? 'i' : 'a';
  // cost[i][j]: pattern[0, i) aligned with token[0, j).
  // Left uninitialised: each cell is written before it is read, and zeroing all 33 x 33
  // of them for every pair was a sixth of a query's instructions (callgrind).
  std::array<std::array<double, kMax + 1>, kMax + 1> cost;
  cost[0][0] = 0.0;
  for (std::size_t i = 0; i <= ps.size(); ++i) {
    for (std::size_t j = 0; j <= ts.size(); ++j) {
      if (i == 0 && j == 0) continue;
      double best = 1e9;
      if (i > 0) best = std::min(best, cost[i - 1][j] + (optional[i - 1] ? 0.0 : gap(ps[i - 1])));
      if (j > 0) {
        best = std::min(best, cost[i][j - 1] + token_gaps[j - 1]);
      }
      if (i > 0 && j > 0) {
        const char pc = ps[i - 1];
        const unsigned place = at[j - 1];
        const double sub = pc == 'h' && (place & kSpanishJ) != 0                      ? kNearCost
                           : pc == 's' && (place & kSpanishFinalZ) != 0               ? 0.0
                           : pc == 'k' && (place & (kHardC | kItalianSch | kQu)) != 0 ? 0.0
                           : pc == 's' && (place & (kSoftC | kVoicedZ)) != 0
                               ? ((place & kSoftC) != 0 ? 0.0 : kSameSoundCost)
                           : pc == 'h' && (place & kSoftG) != 0                         ? kNearCost
                           : pc == 'j' && (place & kKanaDi) != 0                        ? 0.0
                           : pc == 'u' && (place & kKanaV) != 0                         ? kNearCost
                           : pc == 'a' && long_a[i - 1] && (place & kVowelBeforeR) != 0 ? 0.0
                           : (pc == 'a' || pc == 'o') && (place & kShortU) != 0         ? kSameSoundCost
                           : pc == 'n' && (place & kLabialM) != 0                       ? 0.0
                           : pc == 'z' && (place & kVoicedS) != 0                       ? kSameSoundCost
                                                                  : substitution(pc, ts[j - 1], front, european);
        best = std::min(best, cost[i - 1][j - 1] + sub);
      }
      if (i > 0 && j > 1 && (digraph[j - 1] & vowel_bit(ps[i - 1])) != 0)
        best = std::min(best, cost[i - 1][j - 2] + kSameSoundCost);
      if (i > 1 && j > 0 && diphthong[i - 1] != 0 && diphthong[i - 1] == ts[j - 1])
        best = std::min(best, cost[i - 2][j - 1] + kSameSoundCost);
      for (std::size_t pn = 1; pn <= 2 && pn <= i; ++pn) {
        for (std::size_t tn = 1; tn <= 2 && tn <= j; ++tn) {
          if (pn == 1 && tn == 1) continue;
          // Every unit of the list's spelling begins with one of these (spelling_unit);
          // most cells begin with none, and are spared the comparisons.
          const char first = ts[j - tn];
          if (first != 'c' && first != 'g' && first != 's' && first != 'z' && first != 't') continue;
          const double unit = spelling_unit(ps, i - pn, pn, ts, j - tn, tn);
          if (unit >= 0) best = std::min(best, cost[i - pn][j - tn] + unit);
        }
      }
      cost[i][j] = best;
    }
  }
  const double length = static_cast<double>(std::max(token.size(), required));
  return std::max(0.0, 1.0 - cost[ps.size()][ts.size()] / length);
}

}  // namespace interdict
