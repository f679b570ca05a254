// Hangul patterns (transcribe.h).
//
// A Hangul syllable is an initial consonant, a vowel and an optional final consonant
// (Unicode composes them arithmetically from 0xAC00). Korean writes a foreign consonant
// with no vowel of its own with the vowel ㅡ eu, as katakana writes it with u: 스 s(eu),
// 르 r(eu), 블 b(eu)l, 푸틴 Putin, 블라디미르 Vladimir, 바르킨 Barkin. ICU reads the eu
// ("beuladimileu"); the pattern makes it optional. 츠 is how Korean writes Japanese tsu.
// The letters are those of the Revised Romanization of Korean (2000), folded as the lists'
// tokens are (y as i, w as v, ae and eo as e and o).
//
// Thread-safety: pure functions over constant tables.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "names/fold_readings.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

constexpr char32_t kFirst = 0xAC00;  // 가
constexpr char32_t kLast = 0xD7A3;   // 힣
constexpr unsigned kVowels = 21;
constexpr unsigned kFinals = 28;
constexpr unsigned kEu = 18;    // ㅡ among the vowels
constexpr unsigned kChi = 14;   // ㅊ among the initials
constexpr unsigned kRieul = 5;  // ㄹ among the initials

constexpr std::array<std::string_view, 19> kInitial{"g", "k", "n", "d", "t",  "r", "m", "b", "p", "s",
                                                    "s", "",  "j", "j", "ch", "k", "t", "p", "h"};
constexpr std::array<std::string_view, kVowels> kVowel{"a",  "e",  "ia", "ie", "o",  "e",  "io", "ie", "o",  "va", "ve",
                                                       "ve", "io", "u",  "vo", "ve", "vi", "iu", "U",  "ui", "i"};
constexpr std::array<std::string_view, kFinals> kFinal{"",  "k", "k", "k", "n", "n", "n", "t", "l", "k",
                                                       "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
                                                       "t", "n", "t", "t", "k", "t", "p", "t"};

}  // namespace

bool is_hangul_syllable(char32_t c) { return c >= kFirst && c <= kLast; }

std::string hangul_pattern(std::u32string_view word) {
  std::string out;
  bool added = false;  // an ㅡ that writes no vowel of the name
  for (char32_t c : word) {
    if (!is_hangul_syllable(c)) continue;
    const unsigned s = c - kFirst;
    const unsigned initial = s / (kVowels * kFinals);
    const unsigned vowel = (s % (kVowels * kFinals)) / kFinals;
    const unsigned final = s % kFinals;
    // ㅡ after a consonant, in an open syllable or before l (스, 블), is Korean's vowel for
    // none; after ㅇ, or before another final (은 eun, 승 seung), it is a Korean vowel.
    const bool epenthetic = vowel == kEu && !kInitial[initial].empty() && (final == 0 || kFinal[final] == "l");
    added = added || epenthetic;
    // ㄹ after a final ㄹ is l, as Revised Romanization writes ㄹㄹ: 블라 bUl-la, Vla-.
    if (initial == kRieul && !out.empty() && out.back() == 'l')
      out += 'l';
    else
      out += initial == kChi && epenthetic && final == 0 ? std::string_view("ts") : kInitial[initial];
    out += vowel == kEu && !epenthetic ? std::string_view("eu") : kVowel[vowel];
    out += kFinal[final];
  }
  // Korean writes English -man [mən] as 먼 (콜먼 Coleman, 프리먼 Freeman, 트루먼 Truman), a
  // syllable no Korean name ends in: such a word is foreign too.
  constexpr char32_t kMeon = 0xBA3C;  // 먼
  const bool english_man = word.size() >= 2 && word.back() == kMeon;
  // A word with no such vowel is a Korean name or word: ICU's reading is as good.
  if (!added && !english_man) return {};
  // Its ㅓ there is the a the lists write (-man, -mann), not the table's o.
  if (english_man) out[out.size() - 2] = 'a';
  // As the lists fold j: a glide before a vowel other than i.
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == 'j' && out[i + 1] != 'i' && out[i + 1] != 'I') out[i] = 'i';
  return single_letters(std::move(out));
}

namespace {

constexpr unsigned kSilent = 11;  // ㅇ among the initials

unsigned initial_of(char32_t syllable) { return (syllable - kFirst) / (kVowels * kFinals); }

// The syllable with ㅇ for its initial.
char32_t without_initial(char32_t syllable) { return syllable + (kSilent - initial_of(syllable)) * kVowels * kFinals; }

// A syllable as respelled: a Latin onset before it (or none, 0) and the syllable.
struct Respelled {
  char onset = 0;
  char32_t syllable = 0;
};

// `utf8` with each Hangul syllable as `respell` writes it, or "" when it changes none.
// `respell(syllable, open)` is handed the syllable and whether the letter before is a
// syllable with no final.
template <typename Respell>
std::string respelled_syllables(std::string_view utf8, Respell respell) {
  std::string out;
  out.reserve(utf8.size() + 4);
  bool changed = false;
  bool open = false;  // the letter before is a Hangul syllable with no final
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    // Every Hangul syllable is three bytes in UTF-8 (EA B0 80 to ED 9E A3).
    if (lead < 0xEA || lead > 0xED || i + 3 > utf8.size()) {
      out += utf8[i++];
      open = false;
      continue;
    }
    const char32_t c = ((lead & 0x0F) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3F) << 6) |
                       (static_cast<unsigned char>(utf8[i + 2]) & 0x3F);
    if (!is_hangul_syllable(c)) {
      out.append(utf8.substr(i, 3));
      i += 3;
      open = false;
      continue;
    }
    const Respelled respelled = respell(c, open);
    const char32_t written = respelled.syllable;
    if (respelled.onset != 0) out += respelled.onset;
    changed = changed || respelled.onset != 0 || written != c;
    out += static_cast<char>(0xE0 | (written >> 12));
    out += static_cast<char>(0x80 | ((written >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (written & 0x3F));
    open = (c - kFirst) % kFinals == 0;
    i += 3;
  }
  return changed ? out : std::string();
}

}  // namespace

std::string hangul_liquid_as_r(std::string_view utf8) {
  // Revised Romanization, and the lists' Korean names, write ㄹ before a vowel as r
  // (나가히로 Nagahiro, 하루 Haru); ICU writes l. After a final consonant ㄹ is l or n,
  // and first in a word Korean says it n or not at all (리 Ri, 이 Lee).
  return respelled_syllables(utf8, [](char32_t c, bool open) {
    return initial_of(c) == kRieul && open ? Respelled{'r', without_initial(c)} : Respelled{0, c};
  });
}

std::string hangul_pieup_as_f(std::string_view utf8) {
  // Korean has no f and writes a foreign f with ㅍ, its aspirated p (필립 Philip, 팜 Phạm,
  // whose Vietnamese ph the lists' fold reads f); ICU writes p.
  constexpr unsigned kPieup = 17;  // ㅍ among the initials
  return respelled_syllables(utf8, [](char32_t c, bool) {
    return initial_of(c) == kPieup ? Respelled{'f', without_initial(c)} : Respelled{0, c};
  });
}

std::string hangul_pinyin_u(std::string_view utf8) {
  // Pinyin writes ü as u after j, q and x (Ju, Qun, Xue), and Korean's table for Chinese
  // writes it ㅟ wi: 쥔 Jun, 쉬 Xu, 취 Qu. ICU reads jwin, the lists jun. (위 is its yu too,
  // but also Korea's surname Wi, which is no Yu.)
  constexpr unsigned kWi = 16;
  constexpr unsigned kU = 13;
  constexpr std::array<unsigned, 5> kPalatal{12, 13, 14, 9, 10};  // ㅈ ㅉ ㅊ ㅅ ㅆ
  return respelled_syllables(utf8, [&](char32_t c, bool) {
    const unsigned vowel = ((c - kFirst) % (kVowels * kFinals)) / kFinals;
    const bool palatal = std::find(kPalatal.begin(), kPalatal.end(), initial_of(c)) != kPalatal.end();
    if (vowel != kWi || !palatal) return Respelled{0, c};
    return Respelled{0, static_cast<char32_t>(c - (kWi - kU) * kFinals)};
  });
}

}  // namespace interdict
