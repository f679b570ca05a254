// A query's words as other Latin-script languages would spell them, read as one reading
// more on the query side only (normalise.h, add_spelling_readings).
//
// Folding these on both sides would break the languages whose letters they reuse: Czech
// and German write Russian х as ch, which English, Spanish and French read otherwise;
// Czech drops -ová to name the man, where Russian -ova is a woman's -ov. So only a query
// gets them, as a reading that the list's own spelling may meet, and the index is
// unchanged.
//
// Thread-safety: a pure function.
#include "names/fold_readings.h"

#include <algorithm>
#include <string>

#include "names/letters.h"
#include "names/normalise.h"

namespace interdict {
namespace {

// The Czech feminine of a short surname is reached by no index key: a token is posted
// under its first four letters only when it is longer (keys.cc), and Sytch, Bebr are
// four. Longer stems are reached already, and scored as an inflection (score_variants.cc).
constexpr std::size_t kMaxShortStem = 4;

// Czech and Polish (and German) spelling of a Russian name: х is ch, ц is c. Only inside
// a word: a word's first ch is English's, and Spanish or Chinese (Khan is no Chan, Tsoi
// no Coi). A plural -ские, -цкие is the Polish -ski, -cki.
std::string czech_spelling(std::string_view raw, Spelling script) {
  std::string out;
  out.reserve(raw.size() + 2);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view rest = raw.substr(i);
    if (i == 0) {
      out += raw[i];
    } else if (rest.starts_with("kh") || rest.starts_with("ts")) {
      out += rest[0] == 'k' ? "ch" : "c";
      ++i;
    } else if (script == Spelling::kCyrillic && raw[i] == 'h' && raw[i - 1] != 'c' && raw[i - 1] != 's' &&
               raw[i - 1] != 'z' && raw[i - 1] != 'k') {
      // Cyrillic's only h is х (ICU reads it h); ch, sh, zh, kh are the reading's own.
      out += "ch";
    } else {
      out += raw[i];
    }
  }
  // A Slavic family is named in the plural (Конецпольские, Вишневецкие), the lists name its
  // men: Polish -ski, -cki.
  constexpr std::size_t kMinPlural = 7;
  if (script == Spelling::kCyrillic && out.size() >= kMinPlural && (out.ends_with("skie") || out.ends_with("ckie")))
    out.pop_back();
  return out;
}

using letters::is_vowel_or_y;

// Other Latin spellings of a Slavic name's sounds, each inside a word:
// - Polish writes a soft consonant before e as consonant-ie (Andriejewicz Andreevich,
//   Gieorgij Georgy, Sieniawin Seniavin); in a word Polish spells besides (cz, sz, rz, or
//   a w inside it), since German and French ie is i or i-e (Wieland, Pierre);
// - Swedish writes ч as tj, before a vowel as well as last (Vjatjeslav Viacheslav; the
//   final tj is folded on both sides already);
// - Romanian writes the Slavic -vich as -vici (Pavlovici).
std::string latin_spelling(std::string_view raw) {
  const bool polish = raw.find('w', 1) != std::string_view::npos || raw.find("cz") != std::string_view::npos ||
                      raw.find("sz") != std::string_view::npos || raw.find("rz") != std::string_view::npos;
  std::string out;
  out.reserve(raw.size() + 2);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view rest = raw.substr(i);
    if (polish && i > 0 && rest.starts_with("ie") && !is_vowel_or_y(raw[i - 1])) continue;  // the e stays
    if (i > 0 && rest.starts_with("tj") && rest.size() > 2 && is_vowel_or_y(rest[2])) {
      out += "ch";
      ++i;
      continue;
    }
    out += raw[i];
  }
  if (out.size() > 5 && out.ends_with("vici")) out.back() = 'h';
  // Polish, Czech and German write Russian -ый and Ukrainian -ий as -yj, which is Russian
  // -ой when stressed (Woronyj, Вороной Voronoi); -skyj and -ckyj are -ский.
  if (out.size() > 5 && out.ends_with("yj") && out[out.size() - 3] != 'k') out.replace(out.size() - 2, 2, "oj");
  return out;
}

constexpr std::size_t kMinGreekStem = 4;

// Greek has no ch and writes the Slavic -ич with τσ: Πάβλοβιτς Pavlovich.
// Inside a foreign name μπ and ντ are b and d, as at a word's start (Άλμπιν Albin,
// Βλαντίμιρ Vladimir: the first reading keeps Greek's own mb, nd), and χ, which ELOT
// writes ch, is the lists' h or kh (Ασαντουλάχ Asadullah).
std::string greek_spelling(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 1);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view rest = raw.substr(i);
    if (i > 0 && (rest.starts_with("mb") || rest.starts_with("nd") || rest.starts_with("ch"))) {
      out += rest[0] == 'c' ? 'h' : rest[1];
      ++i;
    } else {
      out += raw[i];
    }
  }
  if (out.size() > 4 && out.ends_with("its")) {
    out.resize(out.size() - 2);
    out += "ch";
  }
  // Greek gives a foreign man's name the nominative -ος that other languages leave out
  // (Πάμφιλος Pamfil); a short word's -os is too much of it (Νίκος).
  if (out.size() >= kMinGreekStem + 2 && out.ends_with("os") && !is_vowel_or_y(out[out.size() - 3]))
    out.resize(out.size() - 2);
  return out;
}

// A shorter word is more often an abbreviation or a syllable (St, Sri, Sze) than a name.
constexpr std::size_t kMinProthesisWord = 5;

// Whether `word` ends as a Russian, Ukrainian or Polish surname or patronymic does.
bool slavic_ending(std::string_view word) {
  for (const std::string_view ending : {"ov", "ova", "ev", "eva", "in", "ina", "ski", "ska", "sky", "skii", "skaia",
                                        "enko", "vich", "vna", "uk", "iuk", "chuk"})
    if (word.size() > ending.size() + 2 && word.ends_with(ending)) return true;
  return false;
}

// Arabic's u inside a word is written o only in a short word ending in a vowel, as Arabic
// names end (Subra Sobra, Lubna Lobna, Huda Hoda): English Dunn is no Don, and a longer
// word's o reading (Abdollah, reached by its consonants already) crowded names out.
constexpr std::size_t kMaxVowelWord = 6;
constexpr std::size_t kMinLatinOsStem = 6;
constexpr std::size_t kMinFrenchEStem = 5;
constexpr std::size_t kMinYakanneWord = 6;

// Whether `rest`, what follows a word's first u, starts as an Arabic name's syllable may:
// a consonant, but a liquid or nasal only before a vowel, where European names hold them
// after u as often (Urban, Ulrich, Ursula, Umberto are no Orban, Olrich).
bool arabic_onset(std::string_view rest) {
  if (rest.empty() || is_vowel_or_y(rest[0])) return false;
  if (std::string_view("rlmn").find(rest[0]) == std::string_view::npos) return true;
  return rest.size() > 1 && is_vowel_or_y(rest[1]);
}

// Whether raw[i..] is an Arabic u inside a short word ending in a vowel, written u, ou or
// oo between consonants (not the u of qu or gu, which only keeps the consonant hard).
bool arabic_inner_u(std::string_view raw, std::size_t i) {
  if (i == 0 || raw.size() <= 3 || raw.size() > kMaxVowelWord || !is_vowel_or_y(raw.back())) return false;
  const std::string_view rest = raw.substr(i);
  const bool u = rest[0] == 'u';
  if (!u && !rest.starts_with("ou") && !rest.starts_with("oo")) return false;
  const char before = raw[i - 1];
  if (before == 'q' || before == 'g' || is_vowel_or_y(before)) return false;
  const std::size_t after = u ? 1 : 2;  // the letter after the vowel
  return rest.size() > after + 1 && !is_vowel_or_y(rest[after]);
}

// Whether a Cyrillic word writes French u as Russian does, ю after a consonant (Жюль
// Jules, Дюпон Dupont, Сантюль Centule), read iu or ju; not after л, which Russian names
// hold (Людмила, and the glide rule of score_variants.cc meets their Latin spellings).
bool french_u(std::string_view raw) {
  for (std::size_t i = 1; i + 1 < raw.size(); ++i)
    if ((raw[i] == 'i' || raw[i] == 'j') && raw[i + 1] == 'u' && !is_vowel_or_y(raw[i - 1]) && raw[i - 1] != 'l' &&
        letters::is_lower(raw[i - 1]))
      return true;
  return false;
}

// A Cyrillic word with French u read back into French spelling, by the Russian
// transcription's rules undone: ю after a consonant is u, ан before a consonant is the
// nasal French writes en as often as an (Centule Сантюль, Laurent Лоран), and a first с
// before e or i is c (Cécile Сесиль). The lists spell such a name as French does; a
// French final mute e is the scorer's to weigh (Centul / Centule).
std::string french_spelling(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view rest = raw.substr(i);
    if (i > 0 && (rest.starts_with("iu") || rest.starts_with("ju")) && !is_vowel_or_y(raw[i - 1])) continue;
    if (i > 0 && rest.starts_with("an") && rest.size() > 2 && !is_vowel_or_y(rest[2]) && rest[2] != 'n') {
      out += 'e';
      continue;
    }
    out += raw[i];
  }
  if (out.size() > 1 && out[0] == 's' && (out[1] == 'e' || out[1] == 'i')) out[0] = 'c';
  return out;
}

// Sounds that another language's transcription spells apart from the first reading:
// - French writes a Slavic name's ш as ch and ж as j (Chevtsova Shevtsova, Joukov Zhukov);
//   only in a word with a Slavic surname's ending, as English sh is French ch elsewhere;
// - Arabic's u at a word's start (damma) is written o as often as u (Osama Usama, Omar
//   Umar, Othman Uthman, Усама, উসамা); before a consonant only, as ou is
//   the fold's u, and a liquid or nasal only before a vowel (arabic_onset);
//   and inside a short word ending in a vowel (kMaxVowelWord), as Arabic has no o, its
//   u, ou or oo before a consonant (Subra, Soubra Sobra);
// - Belarusian writes the unstressed е of a word's first syllable я (Bjaspaly, Бяспалы
//   Bespaly), which its Latin alphabets write ja after a consonant;
// - and a word's ending as another language puts it (below).
std::string transcribed_sounds(std::string_view raw, Spelling script) {
  std::string out;
  out.reserve(raw.size() + 1);
  // Greek has no sh and writes French ch with σ (Σιράκ Chirac, Σοπέν Chopin, Σιρβανί
  // Chirvani); the lists keep French ch, which the fold leaves as it is.
  if (script == Spelling::kGreek && raw.size() > 3 && raw[0] == 's' && is_vowel_or_y(raw[1]))
    return "ch" + std::string(raw.substr(1));
  if (script != Spelling::kLatin && script != Spelling::kCyrillic && script != Spelling::kAbjad)
    return std::string(raw);
  const bool slavic = slavic_ending(raw);
  if (script == Spelling::kCyrillic && !slavic && french_u(raw)) return french_spelling(raw);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view rest = raw.substr(i);
    if (slavic && (rest.starts_with("sh") || rest.starts_with("zh"))) {
      out += rest[0] == 's' ? "ch" : "j";
      ++i;
    } else if (i == 0 && raw[0] == 'u' && raw.size() > 3 && arabic_onset(raw.substr(1))) {
      out += 'o';
    } else if (i == 1 && rest.starts_with("ja") && raw.size() >= kMinYakanneWord && !is_vowel_or_y(raw[0])) {
      out += 'e';
      ++i;
    } else if (!slavic && arabic_inner_u(raw, i)) {
      out += 'o';
      if (rest[0] == 'o') ++i;
    } else {
      out += raw[i];
    }
  }
  // A Greek man's name romanised keeps the nominative -os that other languages leave out
  // (Pamphilos Pamfil); on a long stem only, as Spanish -os is a plural (Carlos, Santos).
  if (script == Spelling::kLatin && out.size() >= kMinLatinOsStem + 2 && out.ends_with("os") &&
      !is_vowel_or_y(out[out.size() - 3]))
    out.resize(out.size() - 2);
  // French writes the Latin -us and the Italian and Spanish -o of a man's name as -e
  // (Augustus Augusto Auguste, Alfonso Alphonse, Centullus Centulo Centule).
  const std::size_t ending = out.ends_with("us") ? 2 : out.ends_with("o") ? 1 : 0;
  if (script == Spelling::kLatin && ending > 0 && out.size() >= kMinFrenchEStem + ending &&
      !is_vowel_or_y(out[out.size() - ending - 1])) {
    out.resize(out.size() - ending);
    out += 'e';
  }
  return out;
}

}  // namespace

bool writes_czech_feminine(std::string_view utf8) {
  for (std::string_view ending : {std::string_view("ov\xC3\xA1"), std::string_view("OV\xC3\x81")}) {
    for (std::size_t at = utf8.find(ending); at != std::string_view::npos; at = utf8.find(ending, at + 1)) {
      const std::size_t end = at + ending.size();
      const auto next = end < utf8.size() ? static_cast<unsigned char>(utf8[end]) : ' ';
      if (!letters::is_letter_byte(next)) return true;
    }
  }
  return false;
}

void add_spelling_readings(const NameTokens& raw, const std::vector<Spelling>& scripts, std::string_view utf8,
                           std::vector<NameTokens>& readings) {
  if (readings.empty() || raw.size() != readings.front().size()) return;
  const bool czech_feminine = writes_czech_feminine(utf8);
  NameTokens other;
  other.reserve(raw.size());
  bool changed = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view token = raw[i];
    const Spelling script = i < scripts.size() ? scripts[i] : Spelling::kLatin;
    if (!letters::is_ascii(token) || token.size() == 1 || is_weak_token(token)) {
      other.push_back(readings.front()[i]);
      continue;
    }
    std::string spelled;
    if (script == Spelling::kGreek) {
      spelled = greek_spelling(token);
    } else if (script == Spelling::kLatin) {
      spelled = czech_spelling(latin_spelling(token), script);
    } else if (script == Spelling::kCyrillic) {
      spelled = czech_spelling(token, script);
    } else {
      spelled = token;
    }
    std::string folded = fold_spelling(spelled);
    if (czech_feminine && script == Spelling::kLatin && folded.size() > 3 && folded.ends_with("ova")) {
      const std::string stem = fold_spelling(spelled.substr(0, spelled.size() - 3));
      if (stem.size() >= 3 && stem.size() <= kMaxShortStem) folded = stem;
    }
    changed = changed || folded != readings.front()[i];
    other.push_back(std::move(folded));
  }
  auto add = [&readings](NameTokens&& reading) {
    for (const auto& r : readings)
      if (r == reading) return;
    readings.push_back(std::move(reading));
  };
  if (changed) add(std::move(other));
  // The sounds other transcriptions spell apart, a reading of their own: French ch for a
  // Slavic ш would undo the first's Czech ch for х.
  NameTokens sounds;
  sounds.reserve(raw.size());
  changed = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string_view token = raw[i];
    if (!letters::is_ascii(token) || token.size() == 1 || is_weak_token(token)) {
      sounds.push_back(readings.front()[i]);
      continue;
    }
    std::string folded = fold_spelling(transcribed_sounds(token, i < scripts.size() ? scripts[i] : Spelling::kLatin));
    changed = changed || folded != readings.front()[i];
    sounds.push_back(std::move(folded));
  }
  if (changed) add(std::move(sounds));
}

void add_prothesis_reading(std::vector<NameTokens>& readings) {
  auto takes_e = [](const std::string& token) {
    return token.size() >= kMinProthesisWord && token[0] == 's' && token[1] != 'h' && !is_vowel_or_y(token[1]) &&
           letters::is_lower(token[1]) && !is_weak_token(token);
  };
  // Most queries have no such word, and copy nothing.
  if (readings.empty() || std::none_of(readings.front().begin(), readings.front().end(), takes_e)) return;
  NameTokens other = readings.front();
  for (auto& token : other)
    if (takes_e(token)) token.insert(token.begin(), 'e');
  readings.push_back(std::move(other));
}

}  // namespace interdict
