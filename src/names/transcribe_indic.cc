// Devanagari and Bengali patterns (transcribe.h).
//
// Both scripts are abugidas with one layout (Unicode encodes them in parallel blocks,
// 0x0900 and 0x0980, letter for letter): a consonant letter carries the inherent vowel a
// unless a vowel sign replaces it or the virama (्) takes it away. Hindi and Bengali do
// not pronounce it at the end of a word nor in many places inside one (पुतिन is puti-n,
// हेमलता Hemlata, बारकिन Barkin), while ICU writes it after every consonant ("putina",
// "hemalata"): the inherent vowel is the pattern's optional A. Aspirates are written as
// the lists fold them (th t, ph f, kh h); y is i and j before a vowel other than i is i,
// as folded list tokens have them.
//
// Thread-safety: pure functions over constant tables.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "names/transcribe.h"

namespace interdict {
namespace {

constexpr char32_t kDevanagari = 0x0900;
constexpr char32_t kBengali = 0x0980;
constexpr char32_t kBlockSize = 0x80;

// What each offset of the block is: a consonant (takes the inherent vowel), an
// independent vowel, a vowel sign (replaces the inherent vowel), the virama, a nasal or
// the nukta, or nothing this module reads.
enum class Kind : char { kNone, kConsonant, kVowel, kSign, kVirama, kNasal, kNukta };

struct Letter {
  Kind kind = Kind::kNone;
  std::string_view latin;
};

constexpr std::array<Letter, kBlockSize> make_letters() {
  std::array<Letter, kBlockSize> t{};
  auto set = [&t](unsigned offset, Kind kind, std::string_view latin) { t[offset] = Letter{kind, latin}; };
  set(0x01, Kind::kNasal, "n");  // candrabindu
  set(0x02, Kind::kNasal, "n");  // anusvara
  set(0x03, Kind::kNasal, "h");  // visarga
  constexpr std::string_view kVowels[] = {"a", "a", "a", "i",  "i", "u", "u", "ri", "li",
                                          "e", "e", "e", "ai", "o", "o", "o", "au"};
  for (unsigned i = 0; i < 17; ++i) set(0x04 + i, Kind::kVowel, kVowels[i]);
  constexpr std::string_view kConsonants[] = {"k",  "h", "g", "gh", "n", "ch", "ch", "j",  "jh", "n", "t", "t",  "d",
                                              "dh", "n", "t", "t",  "d", "dh", "n",  "n",  "p",  "f", "b", "bh", "m",
                                              "i",  "r", "r", "l",  "l", "l",  "v",  "sh", "sh", "s", "h"};
  for (unsigned i = 0; i < 37; ++i) set(0x15 + i, Kind::kConsonant, kConsonants[i]);
  set(0x3C, Kind::kNukta, "");
  constexpr std::string_view kSigns[] = {"a", "i", "i", "u", "u", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au"};
  for (unsigned i = 0; i < 15; ++i) set(0x3E + i, Kind::kSign, kSigns[i]);
  set(0x4D, Kind::kVirama, "");
  set(0x4E, Kind::kConsonant, "t");  // Bengali khanda ta: a t with no vowel
  set(0x57, Kind::kSign, "");        // Bengali au length mark
  constexpr std::string_view kNuktaForms[] = {"q", "h", "gh", "z", "r", "rh", "f", "i"};
  for (unsigned i = 0; i < 8; ++i) set(0x58 + i, Kind::kConsonant, kNuktaForms[i]);
  set(0x60, Kind::kVowel, "ri");
  set(0x61, Kind::kVowel, "li");
  set(0x70, Kind::kConsonant, "r");  // Assamese ra
  set(0x71, Kind::kConsonant, "v");  // Assamese wa
  return t;
}

constexpr std::array<Letter, kBlockSize> kLetters = make_letters();

// Offsets past the shared layout that only Bengali and Assamese fill this way (khanda ta,
// the au length mark, ra and wa); Devanagari has other signs there.
bool bengali_only(char32_t offset) { return offset == 0x4E || offset == 0x57 || offset == 0x70 || offset == 0x71; }

const Letter* letter_of(char32_t c) {
  if (c >= kDevanagari && c < kDevanagari + kBlockSize)
    return bengali_only(c - kDevanagari) ? nullptr : &kLetters[c - kDevanagari];
  if (c >= kBengali && c < kBengali + kBlockSize) return &kLetters[c - kBengali];
  return nullptr;
}

// A consonant with a nukta is a sound Persian, Arabic and English loans brought: क़ q,
// ज़ z, फ़ f, ड़ r (the Bengali ড় and য় are their own code points, in the table).
std::string_view with_nukta(std::string_view latin) {
  if (latin == "k") return "q";
  if (latin == "j") return "z";
  if (latin == "d") return "r";
  if (latin == "dh") return "rh";
  return latin;
}

constexpr char32_t kBengaliO = 0x0993;    // ও
constexpr char32_t kBengaliU = 0x0989;    // উ
constexpr char32_t kBengaliI = 0x0987;    // ই
constexpr char32_t kBengaliYa = 0x09AF;   // য
constexpr char32_t kBengaliYya = 0x09DF;  // য়
constexpr char32_t kBengaliNukta = 0x09BC;
constexpr char32_t kBengaliBha = 0x09AD;  // ভ
constexpr char32_t kZeroWidthNonJoiner = 0x200C;
constexpr char32_t kZeroWidthJoiner = 0x200D;

}  // namespace

bool is_indic(char32_t c) {
  if (c == kZeroWidthJoiner || c == kZeroWidthNonJoiner) return true;
  const Letter* l = letter_of(c);
  return l != nullptr && l->kind != Kind::kNone;
}

std::string indic_pattern(std::u32string_view word) {
  std::string out;
  bool inherent = false;  // the last letter is a consonant still holding its inherent vowel
  std::string_view consonant;
  auto close = [&] {
    if (inherent) out += 'A';
    inherent = false;
  };
  bool after_virama = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char32_t c = word[i];
    const char32_t next = i + 1 < word.size() ? word[i + 1] : 0;
    const Letter* l = letter_of(c);
    if (l == nullptr) continue;
    const bool joined = after_virama;
    after_virama = l->kind == Kind::kVirama;
    // Bengali writes English w as ও or উ before a glide or an i (ওয়াল্টার Walter,
    // উইলিয়াম William), and the ya-phala, য after a virama, as the vowel of "man"
    // (কোলম্যান Coleman), no glide.
    // (NFKC writes য় as য and the nukta.)
    const bool glide_next = next == kBengaliYya || next == kBengaliYa;
    if ((c == kBengaliO && glide_next) || (c == kBengaliU && next == kBengaliI)) {
      close();
      out += 'v';
      if (c == kBengaliO) {
        i += i + 2 < word.size() && word[i + 2] == kBengaliNukta ? 2 : 1;
        inherent = true;
      }
      consonant = "v";
      continue;
    }
    if (c == kBengaliYa && joined) {
      inherent = true;
      continue;
    }
    switch (l->kind) {
      case Kind::kConsonant:
        close();
        // Bengali has no v and writes a foreign v with ভ, its bh (ডেভিড David, ভ্লাদিমির
        // Vladimir): the h is optional, as Bengali's own names keep it (Bhattacharya).
        consonant = c == kBengaliBha ? std::string_view("bH") : l->latin;
        out += consonant;
        inherent = true;
        break;
      case Kind::kNukta:
        if (inherent && !consonant.empty()) {
          out.resize(out.size() - consonant.size());
          consonant = with_nukta(consonant);
          out += consonant;
        }
        break;
      case Kind::kSign:
        inherent = false;
        out += l->latin;
        break;
      case Kind::kVirama: inherent = false; break;
      case Kind::kVowel:
        close();
        out += l->latin;
        break;
      case Kind::kNasal:
        close();
        out += l->latin;
        break;
      case Kind::kNone: break;
    }
  }
  close();
  // As the lists fold j: a glide before a vowel other than i.
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == 'j' && out[i + 1] != 'i' && out[i + 1] != 'I') out[i] = 'i';
  // A word whose every vowel is written reads as ICU reads it: a pattern would only add
  // the alignment's leniency with written vowels (माला Mala would meet Mali).
  if (out.find('A') == std::string::npos) return {};
  return single_letters(std::move(out));
}

}  // namespace interdict
