// Other Latin-script languages' spellings of a query's words, as query readings more
// (fold_readings.cc; respelled_letters in fold_letters.cc; the kindred languages' readings
// in fold_kin.cc, foreign names as Cyrillic, Greek and Georgian write them in
// fold_foreign.cc). Internal to normalise.cc.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "names/names.h"
#include "names/phonetic.h"

namespace interdict {

// Adds to `readings` (whose first is `raw` folded, token for token) one reading with each
// word spelled as Czech and Polish write a Russian name (a kh or a Cyrillic х inside a
// word is ch, ts is c; Polish ie, Swedish tj, Romanian -vici as е, ч, -vich), a Greek
// word's final -its (Slavic -ич) as -ich and its inner mb, nd, ch as b, d, h, and, when
// the query (`utf8`) writes the accented -ová, a Czech feminine -ová on a short stem as
// the man's name; words in other scripts as they are; nothing when no word changes.
// `scripts` holds each raw token's script.
void add_spelling_readings(const NameTokens& raw, const std::vector<Spelling>& scripts, std::string_view utf8,
                           std::vector<NameTokens>& readings);

// `utf8` with letters whose ASCII fold loses a sound spelled out, or "" when it has none:
// Belarusian ў, and Łacinka's ŭ after a vowel, as v (the second half of a diphthong, where
// Russian and the lists write в, v: барысаўна, Barysaŭna / Barysawna; Korean's ŭ,
// McCune-Reischauer, follows a consonant); Czech and Slovak ň ď ť ľ before a vowel as nj,
// dj, tj, lj (a soft consonant, as Russian нья: Maňukov / Manjukov, Seňavin / Seniavin);
// Serbian љ њ as лј, нј; Russian ё after a consonant as о (Лёке / Løke) and ю after л as у
// (Любомира / Lubomira); ь and ъ before е as й, the glide ICU drops with them (Васильев /
// Vasilyev); a Czech word's final ý, a man's adjectival surname, as the woman's á
// (Milostný / Milostná); German ä ö ü as ae, oe, ue (Pflücker / Pfluecker); Greek β as
// b and η as ε, as Greek writes a foreign b and e (Γαβριηλία Gabriella, Άλβιν Albin);
// the half rings ʿ ʾ and the ʻokina dropped as apostrophes are (Rabīʿah Rabiah); in a
// Belarusian text, ці and дзі as Russian ти, ди and a word's у before a consonant as в
// (Уладзімір Пуцін, Vladimir Putin).
[[nodiscard]] std::string respelled_letters(std::string_view utf8);

// Adds to `readings` its first with an e before each word that starts with s and a
// consonant, as Spanish, Portuguese and Catalan write a foreign name (Spartacus Espártaco,
// Stephanus Esteban), when any does.
void add_prothesis_reading(std::vector<NameTokens>& readings);

// `utf8` with every Cyrillic г read as х, as Ukrainian and Belarusian say it and as
// Russian writes a foreign h, or "" when it has none; in a text not Ukrainian already, a
// Russian patronymic read as Ukrainian as well (-евна, -овна as -івна, -евич as -ович:
// Игоревна Ihorivna). In fold_kin.cc.
[[nodiscard]] std::string cyrillic_ge_as_h(std::string_view utf8);

// `utf8` read as Russian writes the same name when it is Ukrainian (Cyrillic with і ї є ґ,
// or Latin with a patronymic as Ukraine romanises it: -ovych, -ivna), or "" when it is not or
// nothing changes: a word's first syllable with the East Slavic full vowels (оло, оро, ере)
// as Church Slavonic's (ла, ра, ре: Володимир Владимир), a word's first мик as ник
// (Микола Николай), and the patronymics -ійович, -айович, -іївна, -івна as -еевич, -аевич,
// -еевна, -овна; -айович alone makes a Cyrillic text Ukrainian. In fold_kin.cc.
[[nodiscard]] std::string ukrainian_as_russian(std::string_view utf8);

// `utf8` read as Russian writes the same name when it is Belarusian (і without и ї є ґ щ,
// or ў, or a word ending in a consonant and ы): a word's first я after a consonant, an
// unstressed е written as Belarusian says it, as е (Бяспалы Беспалы). "" when it is not or
// nothing changes. In fold_kin.cc.
[[nodiscard]] std::string belarusian_vowels_as_russian(std::string_view utf8);

// `utf8` with the Russian transcription of two foreign endings read as the lists write
// them: -оу, English -ow, as -ов (Драноу Dranow), and -эн, -ен, French -in, as -ин (Альбен
// Albin); Spanish ll, ль before я, е, ю, ё after a vowel, as л and а, э, у, о (Куэльяр
// Cuéllar); a family's plural -ские, -цкие as its men's -ский, -цкий (Конецпольские
// Koniecpolski); English [oʊ], Russian оу and Greek όου before two consonants, as o and
// a mute e after the first (Коулман, Κόουλμαν Coleman), and English -man, -мен in a long
// word, as -ман; German ö, ё before one of л м н р, as о and the long vowel's h German
// writes (Фрёлих Fröhlich); "" when no word changes. In fold_foreign.cc.
[[nodiscard]] std::string russian_transcription_as_latin(std::string_view utf8);

// `utf8` with a Cyrillic word's final -а after a vowel and a consonant as -ех, as Persian
// says and the lists write Arabic's feminine -a (Масума Ma'soumeh), or "" when there is
// none. In fold_foreign.cc.
[[nodiscard]] std::string arabic_feminine_as_persian(std::string_view utf8);

// `utf8` with each Hangul syllable that starts with ㄹ after a syllable with no final
// written r and the syllable without it (나가히로 as 나가히r오, which reads nagahiro), as
// Revised Romanization and the lists write ㄹ before a vowel; "" when there is none. In
// transcribe_hangul.cc.
[[nodiscard]] std::string hangul_liquid_as_r(std::string_view utf8);

// `utf8` with each Hangul syllable that starts with ㅍ as f and the syllable without it, as
// Korean writes a foreign f (필립 Philip, 팜 Phạm), or "" when there is none. In
// transcribe_hangul.cc.
[[nodiscard]] std::string hangul_pieup_as_f(std::string_view utf8);

// `utf8` with Hangul's ㅟ after ㅈ ㅉ ㅊ ㅅ ㅆ as ㅜ, as Korean writes pinyin's ju, qu, xu (쥔량
// Junliang), or "" when there is none. In transcribe_hangul.cc.
[[nodiscard]] std::string hangul_pinyin_u(std::string_view utf8);

// `utf8` with a Georgian word's nominative -ი after a consonant left out, as Georgian adds
// it to a foreign name (პუტინი Putin), and a father's name in the genitive with ძე, son, as
// the patronymic -ович (პავლეს ძე Pavlovich), or "" when there is neither. In fold_foreign.cc.
[[nodiscard]] std::string georgian_as_foreign(std::string_view utf8);

// Whether `utf8` holds a word ending in the Czech and Slovak feminine -ová, which Russian
// romanisations never accent.
[[nodiscard]] bool writes_czech_feminine(std::string_view utf8);

}  // namespace interdict
