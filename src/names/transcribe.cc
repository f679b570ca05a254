// Kana patterns, and the letter classes transcription patterns and keys share.
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

namespace interdict {
namespace {

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

// A vowel kana after a syllable of that vowel (ボオ, オオ) lengthens it, as ー does, or is a
// syllable of its own where the name has a consonant katakana does not write between the
// two (グボオ Gboho, whose h it left out): optional, not dropped as single_letters drops
// a doubled letter, so that the list's vowel after an unwritten h or r still has a partner.
// Not a: an optional A marks an Indic pattern (transcribe_align.cc), and アア stays one a.
std::string long_vowels_optional(std::string pattern) {
  for (std::size_t i = 1; i < pattern.size(); ++i)
    if (is_vowel(pattern[i]) && pattern[i] != 'a' && (pattern[i - 1] | 0x20) == pattern[i])
      pattern[i] = static_cast<char>(pattern[i] - 'a' + 'A');
  return pattern;
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
  // Before j is folded: a j (ジャ) is the name's consonant, not a glide the lists may drop.
  out = optional_glides(std::move(out), true);
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
  return single_letters(long_vowels_optional(std::move(out)));
}

std::string optional_glides(std::string pattern, bool written_i) {
  if (pattern_letters(pattern).size() < kGlideLetters) return pattern;
  auto open = [](char c) {
    return c == 'a' || c == 'e' || c == 'o' || c == 'u' || c == 'A' || c == 'E' || c == 'O' || c == 'U';
  };
  auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
  for (std::size_t i = 1; i + 1 < pattern.size(); ++i) {
    if ((pattern[i] != 'I' && (pattern[i] != 'i' || !written_i)) || !open(pattern[i - 1]) || !open(pattern[i + 1]))
      continue;
    pattern[i] = 'I';
    // Without the glide the vowels meet, and the fold writes a doubled letter once.
    if (upper(pattern[i - 1]) == upper(pattern[i + 1])) pattern[i + 1] = upper(pattern[i + 1]);
  }
  return pattern;
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
    // The r a long a may stand for is no letter the script wrote.
    if (c == 'R') continue;
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

}  // namespace interdict
