// A query's letters whose ASCII fold loses a sound, spelled out before it is read
// (fold_readings.h, respelled_letters): the text respelled is read as a list name is, as
// one query reading more. Query side only, as fold_readings.cc's readings.
//
// Thread-safety: a pure function.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "names/fold_readings.h"
#include "names/letters.h"

namespace interdict {
namespace {

using letters::is_vowel_or_y;

// Whether `text` ends in a Cyrillic consonant (not a vowel, ь or ъ); of one letter, whether
// it is one.
bool after_cyrillic_consonant(std::string_view text) {
  if (text.size() < 2) return false;
  const auto lead = static_cast<unsigned char>(text[text.size() - 2]);
  const auto tail = static_cast<unsigned char>(text.back());
  if ((lead & 0xE0) != 0xC0 || (tail & 0xC0) != 0x80) return false;
  char32_t c = static_cast<char32_t>(((lead & 0x1F) << 6) | (tail & 0x3F));
  if (c < 0x400 || c > 0x45F) return false;
  if (c >= 0x410 && c <= 0x42F) c += 0x20;  // lower case
  if (c >= 0x400 && c <= 0x40F) c += 0x50;
  constexpr std::u32string_view kNotConsonants = U"аеёиоуыэюяіїєьъй";
  return kNotConsonants.find(c) == std::u32string_view::npos;
}

// Belarusian writes Russian ти, ди as ці, дзі (цеканне, дзеканне: Пуцін Putin,
// Уладзімір Vladimir) and a word's в before a consonant as у (Уладзімір). Its own ц and дз
// are hard, written before ы, so a ц or дз before a soft vowel is a т or д. Only in a
// Belarusian text: one with ў, or with both і (not Russian) and ы (not Ukrainian), or with
// дз before a soft vowel (rare in Ukrainian); `text` as it was otherwise.
std::string belarusian_as_russian(std::string_view text) {
  constexpr std::string_view kI = "\xD1\x96";           // і
  constexpr std::string_view kY = "\xD1\x8B";           // ы
  constexpr std::string_view kDz = "\xD0\xB4\xD0\xB7";  // дз
  constexpr std::array<std::string_view, 6> kSoftVowels{"\xD1\x96", "\xD0\xB5", "\xD1\x91",
                                                        "\xD1\x8E", "\xD1\x8F", "\xD1\x8C"};  // і е ё ю я ь
  auto soft_at = [&](std::size_t at) {
    return std::any_of(kSoftVowels.begin(), kSoftVowels.end(),
                       [&](std::string_view v) { return text.substr(at).starts_with(v); });
  };
  bool belarusian = text.find("\xD1\x9E") != std::string_view::npos ||
                    (text.find(kI) != std::string_view::npos && text.find(kY) != std::string_view::npos);
  for (std::size_t at = text.find(kDz); !belarusian && at != std::string_view::npos; at = text.find(kDz, at + 1))
    belarusian = soft_at(at + kDz.size());
  if (!belarusian) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    const bool word_start = out.empty() || static_cast<unsigned char>(out.back()) < 0x80;
    if ((rest.starts_with("\xD1\x86") || rest.starts_with("\xD0\xA6")) && soft_at(i + 2)) {  // ц Ц
      out += rest[1] == '\x86' ? "\xD1\x82" : "\xD0\xA2";                                    // т Т
      ++i;
    } else if ((rest.starts_with(kDz) || rest.starts_with("\xD0\x94\xD0\xB7")) && soft_at(i + 4)) {  // дз Дз
      out += rest[1] == '\xB4' ? "\xD0\xB4" : "\xD0\x94";                                            // д Д
      i += 3;
    } else if (word_start && (rest.starts_with("\xD1\x83") || rest.starts_with("\xD0\xA3")) &&
               after_cyrillic_consonant(rest.substr(2, 2))) {  // у У before a consonant
      out += rest[1] == '\x83' ? "\xD0\xB2" : "\xD0\x92";      // в В
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::string respelled_letters(std::string_view text) {
  // Every letter respelled below is outside ASCII; most queries are not, and pay nothing.
  if (letters::is_ascii(text)) return {};
  const std::string russian = belarusian_as_russian(text);
  const std::string_view utf8 = russian;
  constexpr std::string_view kShortU = "\xD1\x9E";       // ў
  constexpr std::string_view kShortUUpper = "\xD0\x8E";  // Ў
  constexpr std::string_view kLatinShortU = "\xC5\xAD";  // ŭ
  // Czech and Slovak ň ď ť ľ, lower and upper case, and the letter they soften.
  constexpr std::array<std::pair<std::string_view, char>, 8> kSoft{{{"\xC5\x88", 'n'},
                                                                    {"\xC5\x87", 'N'},
                                                                    {"\xC4\x8F", 'd'},
                                                                    {"\xC4\x8E", 'D'},
                                                                    {"\xC5\xA5", 't'},
                                                                    {"\xC5\xA4", 'T'},
                                                                    {"\xC4\xBE", 'l'},
                                                                    {"\xC4\xBD", 'L'}}};
  // A vowel next: ASCII, or a Latin-1 accented one (lead byte C3; not ç, ð, ñ, ×, þ, ß,
  // which share it).
  auto vowel_at = [&utf8](std::size_t at) {
    if (at >= utf8.size()) return false;
    if (is_vowel_or_y(static_cast<char>(utf8[at] | 0x20))) return true;
    if (utf8[at] != '\xC3' || at + 1 >= utf8.size()) return false;
    const auto letter = static_cast<unsigned char>(utf8[at + 1]) & 0xDF;  // upper case
    return letter != 0x87 && letter != 0x90 && letter != 0x91 && letter != 0x97 && letter != 0x9E && letter != 0x9F;
  };
  // Serbian and Macedonian љ њ (ISO 9 l̂ n̂, which fold to l, n) as л, н and the glide ј.
  constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSerbian{{
      {"\xD1\x99", "\xD0\xBB\xD1\x98"},  // љ лј
      {"\xD0\x89", "\xD0\x9B\xD1\x98"},  // Љ Лј
      {"\xD1\x9A", "\xD0\xBD\xD1\x98"},  // њ нј
      {"\xD0\x8A", "\xD0\x9D\xD1\x98"},  // Њ Нј
  }};
  constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kUmlauts{{
      {"\xC3\xA4", "ae"},
      {"\xC3\x84", "Ae"},
      {"\xC3\xB6", "oe"},
      {"\xC3\x96", "Oe"},
      {"\xC3\xBC", "ue"},
      {"\xC3\x9C", "Ue"},
  }};
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const std::string_view rest = utf8.substr(i);
    const auto serbian =
        std::find_if(kSerbian.begin(), kSerbian.end(), [&](const auto& s) { return rest.starts_with(s.first); });
    if (serbian != kSerbian.end()) {
      out += serbian->second;
      changed = true;
      ++i;
      continue;
    }
    // Russian ё after a consonant only softens it; German and Scandinavian spellings
    // write ö, ø, which fold to o (Лёке Løke, Фрёлих Fröhlich).
    if ((rest.starts_with("\xD1\x91") || rest.starts_with("\xD0\x81")) && after_cyrillic_consonant(out)) {
      out += rest[1] == '\x91' ? "\xD0\xBE" : "\xD0\x9E";  // о, О
      changed = true;
      ++i;
      continue;
    }
    // So does ю after л, which lists write lu as often as lyu (Любомира Lubomira, Ludmila).
    if ((rest.starts_with("\xD1\x8E") || rest.starts_with("\xD0\xAE")) && out.size() >= 2 &&
        (std::string_view(out).ends_with("\xD0\xBB") || std::string_view(out).ends_with("\xD0\x9B"))) {
      out += rest[1] == '\x8E' ? "\xD1\x83" : "\xD0\xA3";  // у, У
      changed = true;
      ++i;
      continue;
    }
    // ь and ъ before е make it ye, as first in a word (Васильев Vasilyev, Vasiliev,
    // Прокофьевна Prokofyevna); ICU drops the sign and the glide with it (vasilev).
    if ((rest.starts_with("\xD1\x8C") || rest.starts_with("\xD1\x8A")) && utf8.substr(i + 2).starts_with("\xD0\xB5")) {
      out += "\xD0\xB9";  // й
      changed = true;
      ++i;
      continue;
    }
    // German writes ä ö ü as ae oe ue without its dots, as lists often do (Pflücker /
    // Pfluecker, Müller / Mueller); the fold reads oe as u on both sides.
    const auto umlaut =
        std::find_if(kUmlauts.begin(), kUmlauts.end(), [&](const auto& u) { return rest.starts_with(u.first); });
    if (umlaut != kUmlauts.end()) {
      out += umlaut->second;
      changed = true;
      ++i;
      continue;
    }
    // Czech and Slovak adjectival surnames are -ý for a man and -á for a woman
    // (Milostný / Milostná); final ý is Czech or Slovak, final á is Spanish and Hungarian
    // as well, so only ý is read as á.
    if (rest.starts_with("\xC3\xBD") || rest.starts_with("\xC3\x9D")) {
      const auto next = rest.size() > 2 ? static_cast<unsigned char>(rest[2]) : ' ';
      if (!letters::is_letter_byte(next)) {
        out += rest[1] == '\xBD' ? "\xC3\xA1" : "\xC3\x81";  // á, Á
        changed = true;
        ++i;
        continue;
      }
    }
    if (rest.starts_with(kShortU) || rest.starts_with(kShortUUpper)) {
      out += rest.starts_with(kShortU) ? "\xD0\xB2" : "\xD0\x92";  // в, В
      changed = true;
      ++i;
      continue;
    }
    if (rest.starts_with(kLatinShortU) && !out.empty() && is_vowel_or_y(static_cast<char>(out.back() | 0x20))) {
      out += 'v';
      changed = true;
      ++i;
      continue;
    }
    const auto soft =
        std::find_if(kSoft.begin(), kSoft.end(), [&](const auto& s) { return rest.starts_with(s.first); });
    if (soft != kSoft.end() && vowel_at(i + 2)) {
      out += soft->second;
      out += 'j';
      changed = true;
      ++i;
      continue;
    }
    // Greek writes a foreign name's b with β, which modern Greek says v, and its e often
    // with η, which it says i (Γαβριηλία Gabriella, Ισραήλ Israel, Άλβιν Albin).
    if (rest.starts_with("\xCE\xB2") || rest.starts_with("\xCE\x92")) {  // β Β
      out += rest[1] == '\xB2' ? 'b' : 'B';
      changed = true;
      ++i;
      continue;
    }
    if (rest.starts_with("\xCE\xB7") || rest.starts_with("\xCE\xAE")) {  // η ή
      out += "\xCE\xB5";                                                 // ε
      changed = true;
      ++i;
      continue;
    }
    if (rest.starts_with("\xCE\x97") || rest.starts_with("\xCE\x89")) {  // Η Ή
      out += "\xCE\x95";                                                 // Ε
      changed = true;
      ++i;
      continue;
    }
    // The half rings that write Arabic's ʿayn and hamza (Rabīʿah, Qurʾān) and the ʻokina are
    // apostrophes to the lists, which drop them (Rabi'a, Rabiah); the tokeniser keeps them,
    // as the letters (Lm) they are.
    if (rest.starts_with("\xCA\xBF") || rest.starts_with("\xCA\xBE") || rest.starts_with("\xCA\xBB")) {
      changed = true;
      ++i;
      continue;
    }
    out += utf8[i];
  }
  return changed || utf8 != text ? out : std::string();
}

}  // namespace interdict
