// A query read as a kindred language writes the same name (fold_readings.h): Ukrainian and
// Belarusian as Russian (and their г as h), Russian's (and Greek's) transcription of a few
// foreign sounds and a family's plural as the lists spell them, and Georgian without the
// nominative ending it gives a foreign name. Each text respelled here is read as a list
// name is, as one query reading more; the index is unchanged.
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

namespace interdict {
namespace {

char32_t lower(char32_t c) {
  if (c >= U'А' && c <= U'Я') return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c == U'Ґ') return U'ґ';
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= U'Α' && c <= U'Ω' && c != 0x3A2) return c + 0x20;
  if (c == U'Ό') return U'ό';
  return c;
}

bool is_cyrillic(char32_t c) { return (c >= 0x400 && c <= 0x4FF); }
bool is_greek(char32_t c) { return c >= 0x386 && c <= 0x3CE; }
bool is_latin(char32_t c) { return c >= U'a' && c <= U'z'; }
bool is_georgian(char32_t c) { return c >= 0x10D0 && c <= 0x10FF; }

bool is_vowel(char32_t c) {
  constexpr std::u32string_view kVowels = U"аеёиоуыэюяіїєaeiouy";
  return kVowels.find(c) != std::u32string_view::npos;
}
bool is_consonant(char32_t c) {
  constexpr std::u32string_view kGreekVowels = U"αεηιουωάέήίόύώϊϋΐΰ";
  if (is_greek(c)) return kGreekVowels.find(c) == std::u32string_view::npos;
  return (is_cyrillic(c) || is_latin(c)) && !is_vowel(c) && c != U'ь' && c != U'ъ' && c != U'й' && c != U'j';
}

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

// Russian writes a foreign name by its sound, and a few endings so that the lists'
// spelling is lost: English -ow [oʊ] as -оу (Драноу Dranow, Барроу Barrow; the lists'
// w folds to v), and French -in [ɛ̃] as -эн or -ен (Альбэн, Альбен Albin; Мартен Martin).
// Spanish ll [ʎ], and Italian gli, it writes ль with the glide of я, е, ю after it (Куэльяр
// Cuéllar, Падилья Padilla, Гальярдо Gallardo), which ICU reads lia: after a vowel that is
// the lists' l and the vowel. And a family is named in the plural, -ские, -цкие for the
// -ский, -цкий of its men (Конецпольские Koniecpolski), as the lists write the surname.
// English -man [mən] Russian writes -мен, -мэн (Коулмен Coleman, Хоффмен Hoffman); a shorter
// word is as often Russian's own (Семен) or Spanish (Кармен Carmen).
constexpr std::size_t kMinEnglishMan = 7;

std::u32string foreign_ending_as_latin(std::u32string word) {
  if (word.size() < 4 || !(is_cyrillic(word[0]) || is_greek(word[0]))) return word;
  const std::size_t end = word.size() - 2;
  if (word.ends_with(U"оу") && is_consonant(word[end - 1])) {
    word[end + 1] = U'в';
  } else if (word.size() >= kMinEnglishMan && (word.ends_with(U"мен") || word.ends_with(U"мэн"))) {
    word[end] = U'а';
  } else if ((word.ends_with(U"эн") || (word.size() >= 5 && word.ends_with(U"ен"))) && is_consonant(word[end - 1])) {
    word[end] = U'и';
  } else if (constexpr std::size_t kMinPlural = 7;
             word.size() >= kMinPlural && word.ends_with(U"кие") && (word[end - 2] == U'с' || word[end - 2] == U'ц')) {
    word[end + 1] = U'й';
  }
  // English writes the [oʊ] Russian and Greek write оу, όου, before two consonants, as o
  // and a mute e after the first (Коулман, Κόουλμαν Coleman; Стоунмен Stoneman).
  for (std::size_t i = 1; i + 3 < word.size(); ++i) {
    const bool cyrillic = word[i] == U'о' && word[i + 1] == U'у';
    const bool greek =
        (word[i] == U'ό' || word[i] == U'ο') && word[i + 1] == U'ο' && i + 4 < word.size() && word[i + 2] == U'υ';
    if (!cyrillic && !greek) continue;
    const std::size_t after = i + (greek ? 3 : 2);
    if (!is_consonant(word[i - 1]) || !is_consonant(word[after]) || !is_consonant(word[after + 1])) continue;
    word.insert(after + 1, 1, greek ? U'ε' : U'е');
    word.erase(i + 1, after - i - 1);
    break;
  }
  // Russian writes German ö with ё, and leaves out the h German writes after a long vowel
  // before l, m, n, r (Фрёлих Fröhlich, Бём Böhm, Кёлер Köhler): before one of those and a
  // vowel or the word's end, as a doubled one is a short vowel's (Мёллер Möller).
  constexpr std::u32string_view kLengthened = U"лмнр";
  for (std::size_t i = 1; i + 1 < word.size(); ++i) {
    if (word[i] != U'ё' || !is_consonant(word[i - 1])) continue;
    if (kLengthened.find(word[i + 1]) == std::u32string_view::npos) continue;
    if (i + 2 < word.size() && !is_vowel(word[i + 2])) continue;
    word[i] = U'о';
    word.insert(i + 1, 1, U'х');
    break;
  }
  for (std::size_t i = 1; i + 2 < word.size(); ++i) {
    if (word[i] != U'л' || word[i + 1] != U'ь' || !is_vowel(word[i - 1])) continue;
    constexpr std::u32string_view kIotated = U"яеюё";
    constexpr std::u32string_view kPlain = U"аэуо";
    const std::size_t v = kIotated.find(word[i + 2]);
    if (v == std::u32string_view::npos) continue;
    word.erase(i + 1, 1);
    word[i + 1] = kPlain[v];
  }
  return word;
}

// `text` with each word of Cyrillic or Latin letters, lowered, as `read` gives it, or ""
// when none changes.
template <typename Read>
std::string respell_words(const std::u32string& text, Read read, bool greek = false) {
  std::string out;
  out.reserve(text.size() * 2);
  std::u32string word;
  bool changed = false;
  auto flush = [&] {
    const std::u32string respelled = read(word);
    changed = changed || respelled != word;
    for (char32_t c : respelled) append_utf8(c, out);
    word.clear();
  };
  for (char32_t c : text) {
    const char32_t l = lower(c);
    if (is_cyrillic(l) || is_latin(l) || (greek && is_greek(l))) {
      word += l;
      continue;
    }
    flush();
    append_utf8(c, out);
  }
  flush();
  return changed ? out : std::string();
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

std::string russian_transcription_as_latin(std::string_view utf8) {
  return respell_words(utf32_lenient(utf8), foreign_ending_as_latin, true);
}

std::string arabic_feminine_as_persian(std::string_view utf8) {
  // Persian says Arabic's feminine -a (ة) as -e, which the lists write -eh (Масума
  // Ma'soumeh, Фатима Fatemeh); Russian writes the Arabic -а. On a word of five letters or
  // more ending in a vowel, a consonant and а, as the Arabic names do.
  constexpr std::size_t kMinWord = 5;
  std::u32string text = utf32_lenient(utf8);
  if (text.find(U'а') == std::u32string::npos) return {};
  const std::string out = respell_words(text, [](std::u32string word) {
    const std::size_t n = word.size();
    if (n >= kMinWord && word[n - 1] == U'а' && is_cyrillic(word[0]) && is_consonant(word[n - 2]) &&
        is_vowel(word[n - 3])) {
      word[n - 1] = U'е';
      word += U'х';
    }
    return word;
  });
  return out;
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

std::string georgian_as_foreign(std::string_view utf8) {
  // Georgian ends a foreign name that ends in a consonant with the nominative -ი (პუტინი
  // Putin; ობამა Obama as it is). Its own names keep theirs in the first reading (გიორგი
  // Giorgi, -შვილი -shvili): a stem without it is no other name the lists spell.
  constexpr char32_t kI = 0x10D8;                                                     // ი
  constexpr std::u32string_view kGeorgianVowels = U"\u10D0\u10D4\u10D8\u10DD\u10E3";  // ა ე ი ო უ
  constexpr std::size_t kMinWord = 4;
  std::u32string text = utf32_lenient(utf8);
  std::string out;
  out.reserve(utf8.size());
  bool changed = false;
  // Georgian names a father in the genitive with ძე, son (პავლეს ძე, Pavle's son), where
  // Russian and the lists write the patronymic -ович (Pavlovich): the name without its
  // genitive -ს and a final vowel, and ოვიჩ.
  constexpr std::u32string_view kSon = U"\u10E1 \u10EB\u10D4";         // ს ძე
  constexpr std::u32string_view kOvich = U"\u10DD\u10D5\u10D8\u10E9";  // ოვიჩ
  constexpr std::size_t kMinFather = 3;
  for (std::size_t at = text.find(kSon); at != std::u32string::npos; at = text.find(kSon, at + 1)) {
    const std::size_t end = at + kSon.size();
    if (end < text.size() && is_georgian(text[end])) continue;
    std::size_t start = at;
    while (start > 0 && is_georgian(text[start - 1])) --start;
    std::size_t stem = at;
    if (stem > start && kGeorgianVowels.find(text[stem - 1]) != std::u32string_view::npos) --stem;
    if (stem - start < kMinFather) continue;
    text.replace(stem, end - stem, kOvich);
    changed = true;
  }
  std::size_t run = 0;  // Georgian letters before i
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    const bool word_end = i + 1 == text.size() || !is_georgian(text[i + 1]);
    if (c == kI && word_end && run + 1 >= kMinWord && kGeorgianVowels.find(text[i - 1]) == std::u32string_view::npos) {
      changed = true;
      run = 0;
      continue;
    }
    run = is_georgian(c) ? run + 1 : 0;
    append_utf8(c, out);
  }
  return changed ? out : std::string();
}

}  // namespace interdict
