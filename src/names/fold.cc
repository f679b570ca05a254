// Spelling folds: one name's renderings across Latin-script languages made one token.
//
// Thread-safety: a pure function.
#include <algorithm>
#include <string>
#include <string_view>

#include "names/letters.h"
#include "names/normalise.h"

namespace interdict {
namespace {
// Spelling variants of one sound across romanisations, folded the same way on both sides,
// so that renderings of one name in different languages become one token:
//   ch: German/Dutch "tsch"/"tsj", French "tch", Polish "cz", Hungarian "cs", Swedish final
//       "tj" ("Vladimirovitj"), Catalan final "tx" ("Vladimirovitx"); Czech and Croatian
//       "č" becomes "ch" before this (see kLatinRules);
//   sh: German "sch", Polish "sz";
//   k:  "ck", "c" before a, o or u ("Nicodim" / "Nikodim") and before l or r, where every
//       language reads it k ("Clavaguera" / "Клавагуэра"; before another consonant a typo
//       such as "Innocnet" would lose its c), "qu" before e or
//       i ("Barquin" / "Barkin");  ks: "x" ("Alexandr" / "Aleksandr");
//   f:  "ph";  t: "th";  h: "kh";  v: German "w";
//   u:  French "ou", Dutch "oe", and English "oo", which writes Persian and Arabic u
//       ("Manoochehr" / "Manouchehr" / "Manuchehr", "Mahmood" / "Mahmud");
//   i:  English "y", and Slavic and German "j" but before i ("Jurukov" / "Iouroukov",
//       "Kajusov" / "Kayusov"), which write the glide before a vowel and the vowel after
//       one; "ji" stays, since in pinyin ("Jinping") j is a consonant, not a glide;
//   di: Hungarian "gyi" inside a word, as Hungarian writes Russian ди ("Vlagyimir" /
//       "Vladimir"); a word's first gy is Hungarian's own (Gyula) or Burmese (Gyi);
//   ov, ev: a final "of"/"ef" ("Baidakoff" / "Baidakov");
//   g:  French, Spanish and Portuguese "gu" before e, and before i and a vowel
//       ("Gueorguievitch" / "Georgievich", "Miguel" / "Мигель"), and French gui before
//       consonants and a final e ("Boumaguine" / "Bumagin"), where the u only keeps the
//       g hard; pinyin has no gue, and its gui before a consonant stays (桂 Gui, "Guilin",
//       and in a joined reading "Cheng Guifeng", which must not meet "Cheng Feng");
//   doubled letters once ("Owssej" / "Ovsei").
//   a glide i between vowels (after the above) is dropped in tokens of kMinGlideLength
//       letters or more.
// Only pure ASCII tokens change.
constexpr std::size_t kMinGlideLength = 6;

using letters::is_vowel_or_y;

// Whether t[i..] is a "gu" whose u is silent (see above).
bool hard_gu(std::string_view t, std::size_t i) {
  if (t.substr(i, 2) != "gu" || i + 2 >= t.size()) return false;
  const char after = t[i + 2];
  if (after == 'e') return true;
  if (after != 'i' || i + 3 >= t.size()) return false;
  if (is_vowel_or_y(t[i + 3])) return true;
  // French gui before consonants and a final silent e (Boumaguine, Guise): pinyin ends no
  // word in a consonant and e, so this is no gui of 桂. English McGuire, whose u is heard,
  // is folded alike on both sides and still meets its own spellings.
  const std::string_view tail = t.substr(i + 3);
  return tail.size() >= 2 && tail.back() == 'e' &&
         std::none_of(tail.begin(), tail.end() - 1, [](char c) { return is_vowel_or_y(c); });
}
}  // namespace

std::string fold_spelling(std::string_view t) {
  std::string out;
  out.reserve(t.size() + 2);
  auto push = [&out](char c) {
    if (out.empty() || out.back() != c || (c >= '0' && c <= '9')) out += c;
  };
  for (std::size_t i = 0; i < t.size();) {
    const std::string_view rest = t.substr(i);
    const char next = rest.size() > 1 ? rest[1] : '\0';
    std::string_view to;
    std::size_t used = 1;
    if (rest.starts_with("tsch")) {
      to = "ch", used = 4;
    } else if (rest.starts_with("tsj") || rest.starts_with("tch") || rest.starts_with("sch")) {
      to = rest[0] == 's' ? "sh" : "ch", used = 3;
    } else if (rest.starts_with("cz") || rest.starts_with("cs") ||
               (rest.size() == 2 && (rest == "tj" || rest == "tx"))) {
      to = "ch", used = 2;
    } else if (i > 0 && rest.starts_with("gyi")) {
      to = "di", used = 3;
    } else if (rest.starts_with("sz")) {
      to = "sh", used = 2;
    } else if (rest.starts_with("ph")) {
      to = "f", used = 2;
    } else if (rest.starts_with("th")) {
      to = "t", used = 2;
    } else if (rest.starts_with("ck")) {
      to = "k", used = 2;
    } else if (rest.starts_with("kh")) {
      to = "h", used = 2;
    } else if (rest.starts_with("qu") && rest.size() > 2 && (rest[2] == 'e' || rest[2] == 'i')) {
      to = "k", used = 2;
    } else if (hard_gu(t, i)) {
      to = "g", used = 2;
    } else if (rest.starts_with("ou") || rest.starts_with("oe") || rest.starts_with("oo")) {
      to = "u", used = 2;
    } else if (rest[0] == 'x') {
      to = "ks";
    } else if (rest[0] == 'c' && (next == 'a' || next == 'o' || next == 'u' || next == 'l' || next == 'r')) {
      to = "k";
    } else if (rest[0] == 'w') {
      to = "v";
    } else if (rest[0] == 'y' || (rest[0] == 'j' && next != 'i')) {
      to = "i";
    }
    if (to.empty()) {
      push(rest[0]);
    } else {
      for (char c : to) push(c);
    }
    i += used;
  }
  if (out.size() > 4 && out.back() == 'f' && (out[out.size() - 2] == 'o' || out[out.size() - 2] == 'e'))
    out.back() = 'v';
  // A glide between vowels is written i, j, y or not at all ("Galateja" / "Galatea",
  // "Nikolajevich" / "Nikolaevich"); in short tokens it is too much of the name to drop.
  if (out.size() >= kMinGlideLength) {
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'o' || c == 'u'; };
    std::string kept;
    kept.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] == 'i' && i > 0 && i + 1 < out.size() && vowel(out[i - 1]) && vowel(out[i + 1])) continue;
      if (kept.empty() || kept.back() != out[i] || (out[i] >= '0' && out[i] <= '9')) kept += out[i];
    }
    out.swap(kept);
  }
  return out;
}

}  // namespace interdict
