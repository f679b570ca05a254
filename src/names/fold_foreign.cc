// A query's foreign name read as the lists spell it where Russian, Greek and Georgian write it
// by its sound (fold_readings.h): the endings and vowels Russian's and Greek's
// transcription gives a foreign name and a family's plural, Persian's -eh for Arabic's
// feminine -a, and Georgian without the nominative ending it gives a foreign name and with
// a father's name as a patronymic. Each text respelled here is read as a list name is, as
// one query reading more; the index is unchanged.
//
// Thread-safety: pure functions.
#include <cstddef>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "names/fold_readings.h"
#include "names/respelling.h"

namespace interdict {
namespace {

using respelling::is_consonant;
using respelling::is_cyrillic;
using respelling::is_georgian;
using respelling::is_greek;
using respelling::is_vowel;
using respelling::lower;
using respelling::respell_words;

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

}  // namespace

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
