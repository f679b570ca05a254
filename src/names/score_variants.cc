// Token pairs that one language's spelling or grammar makes different and the scorer counts
// as nearly the same (score.h): a hushing h a list stripped, c for ts, and the endings
// Slavic, Baltic and Czech grammar puts on one surname. Each is narrow on purpose: a rule
// that also paired two names of different people would cost the negatives (docs/names-rules.md).
// One pair goes the other way: a man's and a woman's given name, which Jaro-Winkler finds
// nearly the same.
//
// Thread-safety: pure functions; safe from any thread.
#include <string_view>
#include <utility>

#include "names/letters.h"
#include "names/score.h"

namespace interdict {

bool equal_but_hushing_h(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t kept = 0;
  auto hushing_h = [](std::string_view s, std::size_t k) {
    return s[k] == 'h' && k > 0 && (s[k - 1] == 'c' || s[k - 1] == 's' || s[k - 1] == 'z');
  };
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && hushing_h(a, i)) {
      ++i;
    } else if (j < b.size() && hushing_h(b, j)) {
      ++j;
    } else if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j, ++kept;
    } else {
      return false;
    }
  }
  return kept >= kMinHushingLength;
}

bool equal_but_affricate(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t kept = 0;
  bool changed = false;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j, ++kept;
    } else if (i < a.size() && a[i] == 'c' && b.substr(j, 2) == "ts") {
      ++i, j += 2, changed = true;
    } else if (j < b.size() && b[j] == 'c' && a.substr(i, 2) == "ts") {
      ++j, i += 2, changed = true;
    } else {
      return false;
    }
  }
  return changed && kept >= kMinAffricateLength;
}

bool equal_but_german_sibilant(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t kept = 0;
  bool changed = false;
  bool voiced = true;  // every s against z stands between vowels, where German s is z
  // The length of the affricate at s[k]: 2 for ts, 1 for c or z, 0 for none.
  auto affricate = [](std::string_view s, std::size_t k) -> std::size_t {
    if (k >= s.size()) return 0;
    if (s.substr(k, 2) == "ts") return 2;
    return s[k] == 'c' || s[k] == 'z' ? 1 : 0;
  };
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j, ++kept;
      continue;
    }
    if (i < a.size() && j < b.size() && ((a[i] == 's' && b[j] == 'z') || (a[i] == 'z' && b[j] == 's'))) {
      voiced = voiced && i > 0 && i + 1 < a.size() && letters::is_vowel(a[i - 1]) && letters::is_vowel(a[i + 1]);
      ++i, ++j, changed = true;
      continue;
    }
    // ts, c and German z are one affricate (ц): Pustyncev / Pustynzew. c against ts is
    // equal_but_affricate's; here one side is a z.
    const std::size_t x = affricate(a, i);
    const std::size_t y = affricate(b, j);
    if (x == 0 || y == 0 || (a[i] != 'z' && b[j] != 'z')) return false;
    i += x, j += y, changed = true, voiced = false;
  }
  return changed && kept >= (voiced ? kMinVoicedSibilantLength : kMinAffricateLength);
}

bool equal_but_final_h(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() < kMinFinalHBase || b.size() != a.size() + 1 || b.back() != 'h') return false;
  const char last = a.back();
  const bool vowel = last == 'a' || last == 'e' || last == 'i' || last == 'o' || last == 'u';
  return vowel && b.starts_with(a);
}

namespace {

// Whether `a` is `b` with one letter more, `extra`, at some position where `fits(a, k)`
// holds for it (a[k] == extra); the rest of both of kMinUnwrittenBase letters or more.
template <typename Fits>
bool one_letter_more(std::string_view a, std::string_view b, char extra, Fits fits) {
  if (a.size() != b.size() + 1 || b.size() < kMinUnwrittenBase) return false;
  std::size_t k = 0;
  while (k < b.size() && a[k] == b[k]) ++k;
  // a[k] is the letter b lacks (the last of a run of it, which the folds leave none of).
  return a[k] == extra && a.substr(k + 1) == b.substr(k) && fits(a, k);
}

bool consonant(char c) { return letters::is_lower(c) && !letters::is_vowel_or_y(c); }

}  // namespace

bool equal_but_silent_h(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return one_letter_more(a, b, 'h', [](std::string_view s, std::size_t k) {
    return k > 0 && k + 1 < s.size() && letters::is_vowel(s[k - 1]) && consonant(s[k + 1]) && s[k + 1] != 'h';
  });
}

bool equal_but_glide_before_u(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return one_letter_more(a, b, 'i', [](std::string_view s, std::size_t k) {
    return k > 0 && k + 1 < s.size() && s[k - 1] == 'l' && s[k + 1] == 'u';
  });
}

bool equal_but_open_e_before_h(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.size() < kMinUnwrittenBase) return false;
  std::size_t k = 0;
  while (k < a.size() && a[k] == b[k]) ++k;
  if (k == 0 || k + 2 >= a.size() || a.substr(k + 1) != b.substr(k + 1)) return false;
  const bool e_for_a = (a[k] == 'e' && b[k] == 'a') || (a[k] == 'a' && b[k] == 'e');
  return e_for_a && a[k + 1] == 'h' && consonant(a[k + 2]);
}

namespace {

// Russian surname and patronymic stems. Not -in: Martin / Martina and Justin / Justina
// are a man's and a woman's given names.
bool slavic_stem(std::string_view s) { return s.ends_with("ov") || s.ends_with("ev"); }

// `a` and `b` as one stem with two endings: {ending_a, ending_b} in either order, the stem
// of kMinInflectedBase letters or more and ending in -ov or -ev.
bool stem_with(std::string_view a, std::string_view b, std::string_view x, std::string_view y) {
  for (int turn = 0; turn < 2; ++turn, std::swap(a, b)) {
    if (!a.ends_with(x) || !b.ends_with(y)) continue;
    const std::string_view stem = a.substr(0, a.size() - x.size());
    if (stem.size() >= kMinInflectedBase && slavic_stem(stem) && b.substr(0, b.size() - y.size()) == stem) return true;
  }
  return false;
}

}  // namespace

bool equal_but_inflection(std::string_view a, std::string_view b) {
  // Every pair below shares its first kMinInflectedBase letters; most pairs the scorer
  // asks about do not, and leave here.
  if (a.size() < kMinInflectedBase || b.size() < kMinInflectedBase ||
      a.substr(0, kMinInflectedBase) != b.substr(0, kMinInflectedBase))
    return false;
  // Russian patronymics of one father, a son's and a daughter's: Pavlovich / Pavlovna.
  if (stem_with(a, b, "ich", "na")) return true;
  // Russian feminine -a, and the Czech feminine built on it: Semenov / Semenova /
  // Semenovova.
  if (stem_with(a, b, "", "a") || stem_with(a, b, "a", "ova")) return true;
  // Slavic adjectival surnames, a man's and a woman's: Polish -ski / -ska and -cki / -cka,
  // Russian -skiy / -skaya, Czech -ský / -ská, all -ki / -ka once folded (Pumpyansky /
  // Pumpyanskaya, Owicki / Owicka).
  if (a.size() == b.size() && a.size() > kMinInflectedBase && a.substr(0, a.size() - 1) == b.substr(0, b.size() - 1) &&
      a[a.size() - 2] == 'k' && ((a.back() == 'i' && b.back() == 'a') || (a.back() == 'a' && b.back() == 'i')))
    return true;
  if (a.size() > b.size()) std::swap(a, b);
  // Czech feminine of a surname ending -a: Badinka / Badinková, Kafka / Kafková.
  if (a.size() > kMinInflectedBase && a.back() == 'a' && b.size() == a.size() + 2 &&
      b.substr(0, a.size() - 1) == a.substr(0, a.size() - 1) && b.ends_with("ova"))
    return true;
  if (a.size() < kMinInflectedBase || !b.starts_with(a)) return false;
  const std::string_view ending = b.substr(a.size());
  auto ends = [&a](std::string_view s) { return a.ends_with(s); };
  if (ending == "ova") return true;  // Czech and Slovak feminine: Musil / Musilova
  if (ending == "as") return true;   // Lithuanian: Putin / Putinas, Vladimir / Vladimiras
  // Latvian -s, only on the Slavic endings it inflects (Putins, Urusovs): after most
  // other letters an -s makes another English name (William / Williams).
  return ending == "s" && (ends("ov") || ends("ev") || ends("in"));
}

bool other_gender(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  // Luis / Luisa, Daniel / Daniela, Joaquin / Joaquina: the feminine -a on a consonant.
  // A shorter stem is too short to say (Tah / Taha), and one ending in a vowel is a
  // spelling's (Ermioni / Ermionia).
  if (b.size() == a.size() + 1 && b.back() == 'a' && b.starts_with(a))
    return a.size() >= kMinGenderedStem && !letters::is_vowel_or_y(a.back());
  // Antonio / Antonia, Mario / Maria, Francisco / Francisca.
  return a.size() == b.size() && a.size() > kMinGenderedStem &&
         a.substr(0, a.size() - 1) == b.substr(0, b.size() - 1) &&
         ((a.back() == 'o' && b.back() == 'a') || (a.back() == 'a' && b.back() == 'o'));
}

}  // namespace interdict
