// Arabic, Persian and Hebrew patterns (transcribe.h); their alignment is abjad_align.cc.
//
// Arabic and Hebrew write consonants and long vowels; the short vowels go unwritten, and
// the letters that write the long ones (alef, waw, yeh; א, ו, י: matres lectionis) are
// vowels or consonants by position: و is u, o, v or w, ي is i, e or y. A European name
// written in either script spells most of its vowels with those letters (كولمان k-o-l-m-a-n
// Coleman, פילמון p-i-l-m-o-n Filemon) and leaves the rest out. ICU reads each letter as
// one Latin letter ("kvlman"); the pattern reads it as the script means it:
//   X  a vowel the script did not write (after a consonant not followed by a vowel letter),
//      or alef, ayin, hamza: any one vowel or none;
//   W  waw or vav: u, o or v;
//   Y  yeh or yod: i, e or j;
//   E  a final he or ta marbuta: a, e, h or none;
//   H  an h the spelling may or may not write (Hebrew ש is s or sh; Arabic غ g or gh);
//   J  a yeh between an alef and a vowel: the glide the lists' fold drops, or i, e, j;
//   lowercase letters the consonants, each meeting the letters the script writes with it
//   (Arabic ب for p, which it lacks; ف for v; Hebrew ב b or v, פ (w) p or f; ק and כ k;
//   צ ts, tz, z or c; ج j or g, as Egypt says it and as Arabic writes a foreign g; ث (x)
//   t or s), and a the long a of an alef inside a word.
// Transcriptions of foreign names also write a few sounds with two letters: تش and چ ch,
// ژ and Hebrew ז' zh, Hebrew ג' j and צ' ch.
//
// The alignment prices what the script cannot tell apart at nothing and the rest as the
// other transcription alignments do (kVowelCost, kNearCost, 1 for another consonant).
// Uppercase letters other than optional vowels make transcription_cost_floor give no
// bound: every abjad pattern holds one (W, Y or X), so its own costs need not follow the
// bound's classes. The alignment has a bound of its own (cost_floor) instead.
// Words with a letter of Arabic's or Hebrew's own sounds, and words of fewer than three
// written letters, get no pattern (abjad_pattern says why).
//
// Thread-safety: pure functions over constant tables.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "names/abjad_symbols.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

using namespace abjad;  // NOLINT: the pattern's symbols

// What an abjad letter writes in a pattern: "" for a letter that writes nothing a list
// spells (tatweel, harakat, niqqud).
std::string_view arabic_letter(char32_t c) {
  switch (c) {
    case 0x0621:  // ء hamza
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0627:  // ا alef
    case 0x0639:  // ع ayin
    case 0x0649:  // ى alef maksura
    case 0x0670:  // superscript alef
    case 0x0671: return "X";
    case 0x0624:  // ؤ
    case 0x0648:  // و
    case 0x06C6:
    case 0x06C7:
    case 0x06C8:
    case 0x06CB: return "W";
    case 0x0626:  // ئ
    case 0x064A:  // ي
    case 0x06CC:  // Persian ی
    case 0x06D0:
    case 0x06D2: return "Y";  // Urdu ے
    case 0x0628: return "b";
    case 0x0629:              // ة ta marbuta
    case 0x06C0: return "E";  // ۀ
    case 0x062A:              // ت
    case 0x0637:              // ط
    case 0x0679: return "t";  // ٹ
    case 0x062B: return "x";  // ث: th in Arabic (which lists fold to t), s in Persian
    case 0x062C: return "j";
    case 0x062D:              // ح
    case 0x062E:              // خ (kh, which the lists fold to h)
    case 0x0647:              // ه (E when final, below)
    case 0x06C1: return "h";  // Urdu ہ
    case 0x062F:              // د
    case 0x0636:              // ض
    case 0x0688: return "d";  // ڈ
    case 0x0630:              // ذ
    case 0x0632:              // ز
    case 0x0638: return "z";  // ظ
    case 0x0631:
    case 0x0691: return "r";  // ڑ
    case 0x0633:              // س
    case 0x0635: return "s";  // ص
    case 0x0634: return "sh";
    case 0x063A: return "gH";  // غ: gh, and the g Arabic writes foreign names with
    case 0x0641: return "f";
    case 0x0642: return "q";
    case 0x0643:
    case 0x06A9: return "k";  // ک
    case 0x0644: return "l";
    case 0x0645: return "m";
    case 0x0646:
    case 0x06BA: return "n";  // ں
    case 0x067E: return "p";
    case 0x0686: return "cH";  // چ
    case 0x0698: return "zh";  // ژ
    case 0x06A4: return "v";   // ڤ
    case 0x06AF:               // گ
    case 0x06A8: return "g";   // ڨ
    case 0x06BE: return "H";   // ھ, Urdu's aspiration
    default: return "";
  }
}

std::string_view hebrew_letter(char32_t c) {
  switch (c) {
    case 0x05D0:              // א
    case 0x05E2: return "X";  // ע
    case 0x05D1: return "b";
    case 0x05D2: return "g";
    case 0x05D3: return "d";
    case 0x05D4: return "h";  // E when final, below
    case 0x05D5: return "W";
    case 0x05D6: return "z";
    case 0x05D7: return "h";
    case 0x05D8:
    case 0x05EA: return "t";
    case 0x05D9: return "Y";
    case 0x05DA:
    case 0x05DB:
    case 0x05E7: return "k";
    case 0x05DC: return "l";
    case 0x05DD:
    case 0x05DE: return "m";
    case 0x05DF:
    case 0x05E0: return "n";
    case 0x05E1: return "s";
    case 0x05E3:
    case 0x05E4: return "w";  // פ p or f
    case 0x05E5:
    case 0x05E6: return "z";
    case 0x05E8: return "r";
    case 0x05E9: return "sH";
    case 0x05F0: return "v";  // װ
    case 0x05F1:
    case 0x05F2: return "Y";  // ױ ײ
    default: return "";
  }
}

bool arabic_block(char32_t c) { return c >= 0x0600 && c <= 0x06FF; }
bool hebrew_block(char32_t c) { return c >= 0x0590 && c <= 0x05FF; }
bool apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x05F3 || c == 0x2018; }

std::string_view letter_of(char32_t c) { return arabic_block(c) ? arabic_letter(c) : hebrew_letter(c); }

}  // namespace

bool is_abjad(char32_t c) {
  if (apostrophe(c)) return true;
  if (!arabic_block(c) && !hebrew_block(c)) return false;
  // Marks (harakat, niqqud, shadda, dagesh) and tatweel belong to a word and write nothing
  // the pattern keeps.
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0640 || (c >= 0x0591 && c <= 0x05C7)) return true;
  return !letter_of(c).empty();
}

namespace {

// Letters of Arabic's own sounds, the pharyngeals and emphatics (ح ع ص ض ط ظ ق; Hebrew ח
// ע), which no European language has: a word holding one is an Arabic, Persian or Hebrew
// word, read plainly, whose Latin spellings ICU's reading and the sound keys meet as well
// as a pattern would, and whose namesakes the lists hold by the hundred.
bool native_letter(char32_t c) {
  switch (c) {
    case 0x062D:
    case 0x0639:
    case 0x0635:
    case 0x0636:
    case 0x0637:
    case 0x0638:
    case 0x0642:
    case 0x05D7:
    case 0x05E2: return true;
    default: return false;
  }
}

}  // namespace

namespace {

std::string pattern_of(std::u32string_view word) {
  // The letters, each as its symbols, with the modifiers applied: a geresh after ג ז צ
  // makes j, zh and ch; تش is ch; a final ה or ه is E; וו is v.
  std::string letters;
  std::size_t start = 0;
  // The Arabic article ال is a word of its own in the lists (al-Barghouti), or left out.
  if (word.size() >= 5 && word[0] == 0x0627 && word[1] == 0x0644) start = 2;
  std::size_t last_letter = word.size();
  for (std::size_t i = word.size(); i-- > start;)
    if (!letter_of(word[i]).empty()) {
      last_letter = i;
      break;
    }
  char32_t previous = 0;             // the last letter read
  std::ptrdiff_t two_letter_ch = 0;  // تش read as ch: two letters written
  for (std::size_t i = start; i < word.size(); ++i) {
    const char32_t c = word[i];
    std::string_view l = letter_of(c);
    if (apostrophe(c)) {
      // Hebrew writes j, zh and ch with a geresh on ג, ז and צ.
      if (previous == 0x05D2) letters.back() = 'j';
      if (previous == 0x05D6) letters += 'h';
      if (previous == 0x05E6 || previous == 0x05E5) {
        letters.back() = 'c';
        letters += 'H';
      }
      previous = 0;
      continue;
    }
    if (l.empty()) continue;
    const char32_t before = previous;
    previous = c;
    // A final he or ta marbuta (ه, ة, Urdu ہ, Hebrew ה) may write a vowel or nothing; a
    // final خ is kh, always heard.
    if (i == last_letter && l == "h" && c != 0x062E) l = "E";
    // Alef inside a word, and آ anywhere, are a long a; a word's first alef carries
    // whichever vowel begins it.
    if ((c == 0x0627 || c == 0x0623) && !letters.empty()) l = "a";
    if (c == 0x0622) l = "a";
    // Hebrew וו inside a word is a consonant v.
    if (c == 0x05D5 && before == 0x05D5 && i != last_letter && !letters.empty() && letters.back() == 'W') {
      letters.back() = 'v';
      continue;
    }
    // Arabic writes ch as تش.
    if (c == 0x0634 && before == 0x062A && !letters.empty() && letters.back() == 't') {
      letters.back() = 'c';
      letters += 'H';
      ++two_letter_ch;
      continue;
    }
    // A word's first waw or yeh is a consonant (a word beginning with a vowel begins
    // with alef), v or y, before a vowel the script did not write.
    if (letters.empty() && l == "W") l = "v";
    if (letters.empty() && l == "Y") {
      letters += "YX";
      continue;
    }
    letters += l;
  }
  // A consonant written twice is one sound (بريجنارديللو Brignardello), as the lists' tokens
  // are folded.
  std::string once;
  for (char c : letters)
    if (once.empty() || c != once.back() || !is_lower(c) || is_vowel(c)) once += c;
  letters = std::move(once);
  // A yeh between two vowels is the glide the lists' fold drops (Khashaiar "khashar").
  for (std::size_t i = 1; i + 1 < letters.size(); ++i) {
    const char before = letters[i - 1];
    const char after = letters[i + 1];
    if (letters[i] == 'Y' && before == 'a' && (after == 'a' || after == 'W' || after == 'X')) letters[i] = 'J';
  }
  std::string out;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    out += c;
    if ((!is_lower(c) && c != 'H') || is_vowel(c)) continue;
    // A consonant followed by another consonant (not its own h) left a vowel unwritten.
    const char next = i + 1 < letters.size() ? letters[i + 1] : '\0';
    if (next == '\0' || vowel_letter(next) || is_vowel(next) || next == 'H') continue;
    if (next == 'h' && (c == 's' || c == 'z' || c == 'c')) continue;
    out += 'X';
  }
  std::string single;
  for (char c : out)
    if (single.empty() || c != single.back() || !is_lower(c)) single += c;
  if (single.find_first_of("XWY") == std::string::npos) return {};
  // Two written letters and free vowels meet too many names (משה Moshe would be Muse).
  // A word's first alef is written, though its vowel is any (أبو Abu).
  const auto written = std::count_if(single.begin(), single.end(), [](char c) { return !optional(c); });
  if (written + two_letter_ch + (single.front() == 'X' ? 1 : 0) < kMinWritten) return {};
  return single;
}

bool native_word(std::u32string_view word) { return std::any_of(word.begin(), word.end(), native_letter); }

}  // namespace

std::string abjad_pattern(std::u32string_view word) {
  // Hebrew writes the Romance particles de and del as דה and דל (דה לה רוסה De la Rosa),
  // too short for a pattern of their own: as patterns they are the particle (דה reads de,
  // the weak word) and del.
  if (word == U"\u05D3\u05D4") return "dE";   // דה
  if (word == U"\u05D3\u05DC") return "dXl";  // דל
  return native_word(word) ? std::string() : pattern_of(word);
}

std::string abjad_native_pattern(std::u32string_view word) {
  return native_word(word) ? pattern_of(word) : std::string();
}

bool is_abjad_pattern(std::string_view pattern) { return pattern.find_first_of("XWYJ") != std::string_view::npos; }

}  // namespace interdict
