// Hangul as the lists spell Korean names (korean_reading.h).
//
// A syllable block is one initial, one vowel and an optional final (Unicode composes them
// arithmetically from U+AC00: 19 initials x 21 vowels x 28 finals). The lists write each
// syllable apart and their vowels without McCune-Reischauer's marks: ㅓ and ㅗ both o, ㅡ
// and ㅜ both u (Jong, Un).
//
// Thread-safety: pure functions over constant tables.
#include "names/korean_reading.h"

#include <array>
#include <vector>

#include "base/utf8.h"

namespace interdict {
namespace {

constexpr char32_t kFirstSyllable = 0xAC00;
constexpr char32_t kLastSyllable = 0xD7A3;
constexpr unsigned kVowels = 21;
constexpr unsigned kFinals = 28;

// Initials in Unicode's order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
constexpr std::array<std::string_view, 19> kInitials = {"k",  "kk", "n", "t",  "tt", "r", "m", "p", "pp", "s",
                                                        "ss", "",   "j", "jj", "ch", "k", "t", "p", "h"};
constexpr unsigned kG = 0, kD = 3, kB = 7, kSilent = 11, kJ = 12, kJJ = 13;
// Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ.
constexpr std::array<std::string_view, kVowels> kVowelSpellings = {"a",  "ae", "ya", "yae", "o",  "e",  "yo",
                                                                   "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                                                   "wo", "we", "wi", "yu",  "u",  "ui", "i"};
// The vowels South Korea's initial-sound rule drops an r or n before (ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ).
constexpr bool before_dropped_r(unsigned vowel) {
  return vowel == 2 || vowel == 3 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17 || vowel == 20;
}
// Finals, as said at a syllable's end: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ
// ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ.
constexpr std::array<std::string_view, kFinals> kFinalSpellings = {"",  "k",  "k", "k", "n", "n", "n", "t", "l", "k",
                                                                   "m", "l",  "l", "l", "p", "l", "m", "p", "p", "t",
                                                                   "t", "ng", "t", "t", "k", "t", "p", "t"};
// After a final that is a vowel, a nasal or l, McCune-Reischauer voices the next initial.
constexpr bool voicing_final(unsigned final) {
  return final == 0 || final == 4 || final == 5 || final == 6 || final == 8 || final == 16 || final == 21;
}

struct Syllable {
  unsigned initial;
  unsigned vowel;
  unsigned final;
};

// The Hangul syllable encoded at text[i], 3 bytes of UTF-8, if one is.
bool syllable_at(std::string_view text, std::size_t i, Syllable& out) {
  if (utf8_sequence_length(text, i) != 3) return false;
  const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  const char32_t c = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  if (c < kFirstSyllable || c > kLastSyllable) return false;
  const unsigned index = c - kFirstSyllable;
  out = {index / (kVowels * kFinals), index % (kVowels * kFinals) / kFinals, index % kFinals};
  return true;
}

// One word's syllables, spelled. A word of three syllables is a surname and a given name;
// of two, most often a given name; its given name starts at `given`.
void spell_word(const std::vector<Syllable>& word, KoreanSpelling spelling, std::string& out) {
  const std::size_t given = word.size() == 3 ? 1 : 0;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const Syllable& s = word[k];
    if (!out.empty() && out.back() != ' ') out += ' ';
    std::string_view initial = kInitials[s.initial];
    if (spelling == KoreanSpelling::kNorth) {
      const bool inside = k > given && voicing_final(word[k - 1].final);
      if (inside && s.initial == kG) initial = "g";
      if (inside && s.initial == kD) initial = "d";
      if (inside && s.initial == kB) initial = "b";
    } else {
      if (s.initial == kJ) initial = "ch";
      if (s.initial == kJJ) initial = "tch";
      if ((k == 0 || k == given) && s.initial == kSilent && before_dropped_r(s.vowel)) initial = "r";
    }
    out += initial;
    out += kVowelSpellings[s.vowel];
    out += kFinalSpellings[s.final];
    out += ' ';
  }
}

}  // namespace

std::string korean_as_lists_write(std::string_view utf8, KoreanSpelling spelling) {
  std::string out;
  std::vector<Syllable> word;
  bool any = false;
  for (std::size_t i = 0; i < utf8.size();) {
    Syllable s{};
    if (syllable_at(utf8, i, s)) {
      word.push_back(s);
      any = true;
      i += 3;
      continue;
    }
    if (!word.empty()) spell_word(word, spelling, out);
    word.clear();
    const std::size_t length = utf8_sequence_length(utf8, i);
    const std::size_t take = length == 0 ? 1 : length;
    if (utf8[i] != ' ' || (!out.empty() && out.back() != ' ')) out.append(utf8.substr(i, take));
    i += take;
  }
  if (!word.empty()) spell_word(word, spelling, out);
  if (!any) return {};
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace interdict
