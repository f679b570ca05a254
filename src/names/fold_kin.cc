// A query read as a kindred language writes the same name (fold_readings.h): Ukrainian and
// Belarusian as Russian, and their г as h. Each text respelled here is read as a list name
// is, as one query reading more; the index is unchanged. Foreign names as Russian, Greek
// and Georgian write them are fold_foreign.cc's.
//
// Thread-safety: pure functions.
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "names/fold_readings.h"
#include "names/letters.h"
#include "names/respelling.h"

namespace interdict {
namespace {

using respelling::is_consonant;
using respelling::is_cyrillic;
using respelling::is_latin;
using respelling::is_vowel;
using respelling::lower;
using respelling::respell_words;

// East Slavic says a vowel on both sides of a liquid where Church Slavonic, which gave
// Russian many of its names, has one after it (полногласие): Ukrainian Володимир is Russian
// Владимир, as золото is злато and город -град. Only in a word's first syllable, where the
// names keep it.
struct Pleophony {
  std::u32string_view full;
  std::u32string_view church;
};
constexpr std::array<Pleophony, 8> kPleophony{{{U"оло", U"ла"},
                                               {U"оро", U"ра"},
                                               {U"ере", U"ре"},
                                               {U"ело", U"ле"},
                                               {U"olo", U"la"},
                                               {U"oro", U"ra"},
                                               {U"ere", U"re"},
                                               {U"elo", U"le"}}};
constexpr std::size_t kMinPleophonicWord = 6;

// Ukrainian patronymics of names with a stem in -й and in a consonant, as Russian writes
// them: Андрійович Андреевич, Миколайович Николаевич, Андріївна Андреевна; Ukrainian
// -івна after a consonant is Russian -овна after a hard one (Іванівна Ивановна,
// Олександрівна Александровна), the most of them, and -евна after a soft one (Ігорівна).
// The Latin ones as Ukraine's national romanisation (2010) writes them: -iiovych, -ivna.
struct Ending {
  std::u32string_view ukrainian;
  std::u32string_view russian;
  bool after_consonant;
};
constexpr std::array<Ending, 14> kEndings{{{U"ійович", U"еевич", false},
                                           {U"айович", U"аевич", false},
                                           {U"іївна", U"еевна", false},
                                           {U"аївна", U"аевна", false},
                                           {U"івна", U"овна", true},
                                           {U"iyovych", U"eevych", false},
                                           {U"iiovych", U"eevych", false},
                                           {U"ijovych", U"eevych", false},
                                           {U"ayovych", U"aevych", false},
                                           {U"aiovych", U"aevych", false},
                                           {U"iyivna", U"eevna", false},
                                           {U"iivna", U"eevna", false},
                                           {U"ayivna", U"aevna", false},
                                           {U"ivna", U"ovna", true}}};

// One word read as Russian writes it.
std::u32string as_russian(std::u32string word) {
  if (word.size() >= kMinPleophonicWord && is_consonant(word[0]) && is_consonant(word[4])) {
    for (const auto& p : kPleophony)
      if (word.substr(1, 3) == p.full) {
        word = word.substr(0, 1) + std::u32string(p.church) + word.substr(4);
        break;
      }
  }
  // Ukrainian says the н of Greek Nikolaos, Niketas as м: Микола Николай, Микита Никита.
  if (word.starts_with(U"мик") || word.starts_with(U"myk")) word[0] = word[0] == U'м' ? U'н' : U'n';
  for (const auto& e : kEndings) {
    if (word.size() <= e.ukrainian.size() + 1 || !word.ends_with(e.ukrainian)) continue;
    const std::size_t stem = word.size() - e.ukrainian.size();
    if (e.after_consonant && !is_consonant(word[stem - 1])) continue;
    word = word.substr(0, stem) + std::u32string(e.russian);
    break;
  }
  return word;
}

// Whether the text is Ukrainian: in Cyrillic, a letter Russian lacks (і ї є ґ; Belarusian
// shares і, and its words read as Russian alike); in Latin, a patronymic as Ukraine
// romanises it (-ovych, -evych, -ivna), where Russian's are -ovich, -ovna; and in
// Cyrillic, a patronymic of a name in -ай as Ukrainian forms it (-айович, Russian -аевич).
bool ukrainian(const std::u32string& text) {
  for (char32_t c : text) {
    const char32_t l = lower(c);
    if (l == U'і' || l == U'ї' || l == U'є' || l == U'ґ') return true;
  }
  std::u32string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char32_t l = i < text.size() ? lower(text[i]) : U' ';
    if (is_latin(l) || is_cyrillic(l)) {
      word += l;
      continue;
    }
    if (word.ends_with(U"ovych") || word.ends_with(U"evych") || word.ends_with(U"ivna")) return true;
    // Russian's patronymic of a name in -ай is -аевич (Николаевич), Ukrainian's -айович.
    if (word.ends_with(U"айович")) return true;
    word.clear();
  }
  return false;
}

// A Russian patronymic as Ukrainian writes it: -евна and -овна as -івна (Игоревна
// Ігорівна), -евич as -ович (Игоревич Ігорович); true when `word` is one.
constexpr std::size_t kMinPatronymic = 7;
bool patronymic_as_ukrainian(std::u32string& word) {
  if (word.size() < kMinPatronymic || !is_cyrillic(word[0])) return false;
  const std::size_t end = word.size();
  if (word.ends_with(U"евна") || word.ends_with(U"овна")) {
    word.replace(end - 4, 2, U"і");
  } else if (word.ends_with(U"евич")) {
    word[end - 4] = U'о';
  } else if (!word.ends_with(U"ович")) {
    return false;
  }
  return true;
}

// Belarusian writes an unstressed е before the stress as я (яканне: Бяспалы Беспалый,
// Сянявін Сенявин), which names have most often in their first syllable; the stress
// itself is not written, so only the first syllable's я after a consonant is read е.
std::u32string yakanne_as_russian(std::u32string word) {
  if (word.size() >= 4 && is_cyrillic(word[0]) && is_consonant(word[0]) && word[1] == U'я') word[1] = U'е';
  return word;
}

// A Belarusian text: і but none of и, ї, є, ґ, щ (Belarusian lacks them; Ukrainian has
// и), or ў, or a word ending in a consonant and ы, Belarusian's adjective ending where
// Russian writes -ый.
bool belarusian(const std::u32string& text) {
  bool i = false;
  std::size_t letters = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char32_t l = lower(text[k]);
    if (l == U'и' || l == U'ї' || l == U'є' || l == U'ґ' || l == U'щ') return false;
    if (l == U'ў') return true;
    i = i || l == U'і';
    letters = is_cyrillic(l) ? letters + 1 : 0;
    const bool word_end = k + 1 == text.size() || !is_cyrillic(lower(text[k + 1]));
    if (l == U'ы' && word_end && letters >= 4 && is_consonant(lower(text[k - 1]))) return true;
  }
  return i;
}

}  // namespace

std::string ukrainian_as_russian(std::string_view utf8) {
  // Most queries are ASCII with no Ukrainian patronymic, and pay no decoding.
  auto holds = [utf8](std::string_view lower_needle) {
    const auto same = [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 0x20 : a) == b; };
    return std::search(utf8.begin(), utf8.end(), lower_needle.begin(), lower_needle.end(), same) != utf8.end();
  };
  if (letters::is_ascii(utf8) && !holds("ych") && !holds("ivna")) return {};
  const std::u32string text = utf32_lenient(utf8);
  if (!ukrainian(text)) return {};
  return respell_words(text, as_russian);
}

std::string belarusian_vowels_as_russian(std::string_view utf8) {
  const std::u32string text = utf32_lenient(utf8);
  if (!belarusian(text)) return {};
  return respell_words(text, yakanne_as_russian);
}

std::string cyrillic_ge_as_h(std::string_view utf8) {
  // Cyrillic г is g in Russian but h in Ukrainian and Belarusian (Ukrainian national
  // romanisation, 2010: Головінський Holovinskyi, Ігорівна Ihorivna), and Russian writes
  // a foreign h with it (Гермиона Hermione); х reads kh, which the fold makes h.
  const std::u32string text = utf32_lenient(utf8);
  if (text.find(U'г') == std::u32string::npos && text.find(U'Г') == std::u32string::npos) return {};
  std::u32string as_h = text;
  std::replace(as_h.begin(), as_h.end(), U'г', U'х');
  std::replace(as_h.begin(), as_h.end(), U'Г', U'Х');
  // Read as Ukrainian, a Russian patronymic takes Ukrainian's ending too (Игоревна
  // Ihorivna); a Ukrainian text has its own.
  const std::string ukrainian_patronymic =
      ukrainian(text) ? std::string() : respell_words(as_h, [](std::u32string word) {
        patronymic_as_ukrainian(word);
        return word;
      });
  if (!ukrainian_patronymic.empty()) return ukrainian_patronymic;
  std::string out;
  out.reserve(utf8.size());
  for (char32_t c : as_h) append_utf8(c, out);
  return out;
}

}  // namespace interdict
