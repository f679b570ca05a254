// The rules of the transcription alignment for the letters of a list's European spelling
// (transcription_similarity, transcribe_align.cc): what the Chinese and Japanese tables write for
// a letter or a group of letters, and what leaving one out costs. Kept apart from the
// alignment that prices with them, and from the kana table. Where the facts come from:
// docs/names-rules.md.
//
// Thread-safety: pure functions; safe from any thread.
#include "names/transcribe_rules.h"

#include <string_view>

#include "names/letters.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

using letters::is_vowel;

// True when token[k] may be a Spanish j, which sounds [x] and which Chinese and Japanese
// write with their h (罗哈斯 Rojas, 希门尼斯 Jiménez, ホセ José): a j (kept before i by the
// fold), or the i the fold made of a j before a vowel, at the start or after a vowel
// (Rojas "roias", Julio "iulio"). An i between consonants is a vowel, never a j.
bool spanish_j(std::string_view token, std::size_t k) {
  if (token[k] == 'j') return true;
  if (token[k] != 'i' || k + 1 >= token.size() || !is_vowel(token[k + 1])) return false;
  return k == 0 || is_vowel(token[k - 1]);
}

// True when token[k] is a final z after a vowel: the -ez, -az, -iz of Spanish patronymic
// surnames, which sound s and which Chinese and Japanese write so (罗德里格斯 Rodríguez,
// 希门尼斯 and ヒメネス Jiménez). German final z is ts (茨, ツ) and keeps its cost.
bool spanish_final_z(std::string_view token, std::size_t k) {
  return k + 1 == token.size() && k > 0 && token[k] == 'z' && is_vowel(token[k - 1]);
}

// True when token[k] is a c that sounds k: before a consonant other than h, or last
// (Clarenza, Clerckx; the fold made every c before a, o, u a k already).
bool hard_c(std::string_view token, std::size_t k) {
  if (token[k] != 'c') return false;
  if (k + 1 == token.size()) return true;
  const char next = token[k + 1];
  return !is_vowel(next) && next != 'h' && next != 'y';
}

// True when token[k] is a c or g before e or i: c is s in Spanish, French, Portuguese and
// English (Ceciliato, 塞西利亚托; Arce, 阿尔塞), and Spanish g there is [x], which Chinese
// writes with its h, as the Spanish j (Cartagena, 卡塔赫纳).
bool soft(std::string_view token, std::size_t k, char letter) {
  return token[k] == letter && k + 1 < token.size() && (token[k + 1] == 'e' || token[k + 1] == 'i');
}

// True when token[k] is a d before i, which Japanese writes ジ as it writes ji (ウラジーミル
// Vladimir), as it writes ти チ: katakana had no di until ディ.
bool kana_di(std::string_view token, std::size_t k) {
  return token[k] == 'd' && k + 1 < token.size() && token[k + 1] == 'i';
}

// True when token[k] is a v before a consonant or last, which Japanese writes ウ (ウラジーミル
// Vladimir, ウラジオストク Vladivostok, セメノウ Semenov): a v with no vowel after it has no
// letter of its own.
bool kana_v(std::string_view token, std::size_t k) {
  return token[k] == 'v' && (k + 1 == token.size() || !is_vowel(token[k + 1]));
}

// True when token[k] is a u that English says as the vowel of "bud" and "bunker", which
// katakana writes a and Chinese a or o (バド, 巴德 Bud; 邦克 Bunker): the first vowel of the
// token, in a closed syllable. (Latin -us, as in Janus, is another u.)
bool english_short_u(std::string_view token, std::size_t k) {
  if (token[k] != 'u' || k + 1 >= token.size() || is_vowel(token[k + 1])) return false;
  for (std::size_t i = 0; i < k; ++i)
    if (is_vowel(token[i])) return false;
  return k + 2 >= token.size() || !is_vowel(token[k + 2]);
}

// True when token[k] is a voiced s: German s before a vowel at the start of a word (Solf,
// Seeckt), or an s between vowels (Portuguese Souza, German Rose), which Chinese and
// Japanese write z (佐尔夫, ゾルフ Solf). voiced_z: a z between vowels, written s. Between
// vowels katakana writes either with ジ, its zi (ミニョージ Mignosi), which the pattern
// spells j.
bool voiced_s(std::string_view token, std::size_t k) {
  return token[k] == 's' && k + 1 < token.size() && is_vowel(token[k + 1]) && (k == 0 || is_vowel(token[k - 1]));
}
bool voiced_z(std::string_view token, std::size_t k) {
  return token[k] == 'z' && k > 0 && k + 1 < token.size() && is_vowel(token[k + 1]) && is_vowel(token[k - 1]);
}

// True when token[k] is the h of an Italian sch before e or i, which is sk (Bernardeschi,
// Bruschelli: 贝尔纳代斯基, ブルスケッリ) and which the fold made sh as in German.
bool italian_sch(std::string_view token, std::size_t k) {
  return token[k] == 'h' && k > 0 && token[k - 1] == 's' && k + 1 < token.size() &&
         (token[k + 1] == 'e' || token[k + 1] == 'i');
}

// True when token[k] is an m before b or p, which Chinese writes with an n-final syllable
// (it has no final m): 尚巴尔德 Chambard, 洪布洛特 Humblot.
bool labial_m(std::string_view token, std::size_t k) {
  return token[k] == 'm' && k + 1 < token.size() && (token[k + 1] == 'b' || token[k + 1] == 'p');
}

// Katakana's a before ー (kana_pattern's optional R) pairs with a list vowel before r: アー
// is English and German -er, -ar, -ur (ウェクスラー Weksler, バンカー Bunker,
// シュテーガーヴァルト Stegerwald). True when token[k] is such a vowel.
bool vowel_before_r(std::string_view token, std::size_t k) {
  return is_vowel(token[k]) && k + 1 < token.size() && token[k + 1] == 'r';
}

// True when token[k] is the q of qu, which Italian, Spanish and French say k (亚奎内
// Iaquone) and the tables write with their k. A q before any other letter (Qerman) is
// Arabic's or Albanian's own sound, a near consonant still.
bool romance_qu(std::string_view token, std::size_t k) {
  return token[k] == 'q' && k + 1 < token.size() && token[k + 1] == 'u';
}

// True when token[k] is the z of dz: Polish dzi and dź (folded dz), Shona dz, one
// affricate, which katakana writes ジ (ヤゴジンスカ Jagodzińska, ムトゥクジ Mtukudzi) and the
// pattern j, or i before a vowel; token_gap leaves its d out at kSameSoundCost.
bool affricate_z(std::string_view token, std::size_t k) { return token[k] == 'z' && k > 0 && token[k - 1] == 'd'; }

// True when token[k] is the a of a word's first wa before r or l (folded va), which
// English says as the o of "war" and the tables write with their wo (沃德 Ward, 沃尔特
// Walter, ウォード Ward). Inside a word -ward is their hua (爱德华 Edward), and a Slavic
// va (瓦连京 Valentin) keeps its a: the pattern's vo meets it at a same-sound cost.
bool english_wa(std::string_view ts, std::size_t k) {
  return k == 1 && ts[0] == 'v' && ts[1] == 'a' && ts.size() > 2 && ts[2] == 'r';
}

// True when token[k] is an h before u or o, not part of a digraph (ch, sh, th...): the
// sound katakana writes with フ, the h column's u (フッド Hood, フーバー Hoover).
bool aspirate_u(std::string_view token, std::size_t k) {
  if (token[k] != 'h' || k + 1 >= token.size() || (token[k + 1] != 'u' && token[k + 1] != 'o')) return false;
  return k == 0 || is_vowel(token[k - 1]) || token[k - 1] == 'l' || token[k - 1] == 'r' || token[k - 1] == 'n' ||
         token[k - 1] == 'm';
}

// True when token[k] is the g or the h of a gh after a vowel and before a consonant or
// last: English leaves it unsaid (Leigh, Boughton, Wright). Before a vowel it is said
// (Italian Ghirardi, Arabic Maghreb's gh, English Vaughan aside).
bool english_silent_gh(std::string_view token, std::size_t k) {
  const std::size_t g = token[k] == 'h' ? k - 1 : k;
  if (k == 0 || g == 0 || token[g] != 'g' || g + 1 >= token.size() || token[g + 1] != 'h') return false;
  return is_vowel(token[g - 1]) && (g + 2 == token.size() || !is_vowel(token[g + 2]));
}

}  // namespace

namespace transcription_rules {

// The cost of leaving out token[k], a letter of the list's spelling the transcription did
// not write. `token` is as the list folded it (l and r apart), `ts` with l read as r.
double token_gap(std::string_view token, std::string_view ts, std::size_t k, bool european) {
  const char c = token[k];
  const char next = k + 1 < token.size() ? token[k + 1] : '\0';
  // Italian gl and gn are one sound, written l and n (or ni) by the transcriptions.
  if (c == 'g' && k + 1 < ts.size() && (ts[k + 1] == 'r' || ts[k + 1] == 'n')) return kVowelCost;
  // An r after a vowel, before a consonant or last, is the one the tables most often leave
  // out: English does not say it, and Chinese writes an r only as a syllable of its own
  // (波蒂奥利 Portioli, 拉马丁 Lamartine; katakana lengthens the vowel: フォーマリー Formery).
  if (c == 'r' && k > 0 && is_vowel(token[k - 1]) && !is_vowel(next)) return kUnwrittenR;
  // Chinese syllables end in n or ng, so a nasal closing a syllable before another
  // consonant is often dropped with the syllable's vowel kept (塞贝内利 Sembenelli, 泽巴蒂
  // Zembaty, 迪库奥佐 Dicuonzo); in longer tokens only, as for i and e. (ng and nh are one
  // sound, which the tables write.)
  if (droppable_nasal(token, k)) return kNearCost;
  // Polish dz (and dź, dż once folded) is one affricate, which Chinese writes z (津) and
  // Japanese ジ or ヅ: 亚戈津斯卡 Jagodzińska.
  if (c == 'd' && next == 'z') return kSameSoundCost;
  // The g of ng closing a syllable is no sound of its own, and Chinese writes the syllable
  // with its n finals (弗里蓬 Frimpong, 谢希廷 Sechting); long tokens only, as for a nasal:
  // in pinyin's own short syllables (Wang, Jing) the g tells two names apart. Not for an
  // Indic pattern, whose script writes the velar nasal (नारायण is no Malang).
  if (european && c == 'g' && k > 0 && token[k - 1] == 'n' && !is_vowel(next) && token.size() >= kNasalLetters)
    return kSameSoundCost;
  if (european) {
    // French leaves a final t unsaid (Devoret, Goddet: デヴォレ, 戈德), and French and
    // English a final e after a consonant (Lamartine 拉马丁, Nurse 纳斯), which the tables,
    // writing what is heard, leave out.
    if (silent_final_t(token, k) || silent_stl_t(token, k)) return kNearCost;
    if (french_silent_x(token, k)) return kSameSoundCost;
    // Neither table has a wu or vu apart from u: katakana writes ウ, Chinese 乌 or 武, its
    // w a glide (マウリ Mawuli, 武契奇 Vučić), so the list's v (or folded w) before u is
    // left unwritten at a near consonant's cost.
    if (labial_before_u(token, k)) return kNearCost;
    // German marks a long vowel with an h before a consonant (Fröhlich, Pahl, Kohler),
    // which is not said.
    if (c == 'h' && k > 0 && is_vowel(token[k - 1]) && next != '\0' && !is_vowel(next)) return kSameSoundCost;
    if (c == 'e' && next == '\0' && k > 0 && !is_vowel(token[k - 1]) && token.size() >= kSilentFinalLetters)
      return kSameSoundCost;
    // Portuguese lh and nh are the one sound of Spanish ll and ñ, Italian gl and gn, which
    // the tables write l and n with a glide (卡瓦略 Carvalho, 菲尔略 Filho): the h is no
    // letter of its own.
    if (c == 'h' && k > 0 && (token[k - 1] == 'l' || token[k - 1] == 'n') && is_vowel(next)) return kSameSoundCost;
    // English gh after a vowel, before a consonant or last, is unsaid (Leigh, Boughton,
    // Haigh, Wright), and the tables write what is heard (雷 Leigh, 布顿 Boughton).
    if (english_silent_gh(token, k)) return kSameSoundCost;
  }
  return gap(ts[k]);
}

// True when the vowel letters a, b of a European spelling are one vowel sound, which a
// transcription writes with its single vowel v: French ai and English ay as e (埃拉勒迪
// Airaldi, メニエル Mayniel), au as o (扎罗扎 Zarauza), eu as o or e (博格拉斯 Beugras),
// ea as e or i (Freeleagus), ei as e, or a as German says it (宾坦 Bintein), Spanish and
// Italian ie and ue as e or o (卡涅罗 Carniello, 蓬特 Puente), oa as o or a. Pinyin has ai,
// ei and ie too: tokens of kDigraphLetters or more only. The vowels (vowel_bit) the digraph
// a, b may be written with; 0 for none.
unsigned char digraph_vowels(char a, char b) {
  const auto either = [](char x, char y) { return static_cast<unsigned char>(vowel_bit(x) | vowel_bit(y)); };
  switch (a) {
    case 'a': return b == 'i' ? vowel_bit('e') : b == 'u' ? vowel_bit('o') : 0;
    case 'e': return b == 'i' ? either('e', 'a') : b == 'u' ? either('o', 'e') : b == 'a' ? either('e', 'i') : 0;
    case 'i': return b == 'e' ? either('e', 'i') : 0;
    case 'u': return b == 'e' ? either('e', 'o') : 0;
    case 'o': return b == 'a' ? either('o', 'a') : 0;
    default: return 0;
  }
}

unsigned places(std::string_view token, std::string_view ts, std::size_t k) {
  unsigned out = 0;
  if (spanish_j(ts, k)) out |= kSpanishJ;
  if (spanish_final_z(ts, k)) out |= kSpanishFinalZ;
  if (hard_c(ts, k)) out |= kHardC;
  if (soft(ts, k, 'c')) out |= kSoftC;
  if (soft(ts, k, 'g')) out |= kSoftG;
  if (kana_di(ts, k)) out |= kKanaDi;
  if (kana_v(ts, k)) out |= kKanaV;
  if (vowel_before_r(token, k)) out |= kVowelBeforeR;
  if (english_short_u(token, k)) out |= kShortU;
  if (labial_m(token, k)) out |= kLabialM;
  if (voiced_s(token, k)) out |= kVoicedS;
  if (voiced_z(token, k)) out |= kVoicedZ;
  if (italian_sch(token, k)) out |= kItalianSch;
  if (romance_qu(token, k)) out |= kQu;
  if (affricate_z(token, k)) out |= kAffricateZ;
  if (english_wa(ts, k)) out |= kEnglishWa;
  if (aspirate_u(token, k)) out |= kAspirateU;
  return out;
}

}  // namespace transcription_rules

bool silent_final_t(std::string_view token, std::size_t k) {
  return token[k] == 't' && k + 1 == token.size() && k > 0 && is_vowel(token[k - 1]) &&
         token.size() >= kSilentFinalLetters;
}

bool silent_stl_t(std::string_view token, std::size_t k) {
  return token[k] == 't' && k > 0 && token[k - 1] == 's' && k + 1 < token.size() && token[k + 1] == 'l';
}

bool english_ward_d(std::string_view token, std::size_t k) {
  if (token[k] != 'd' || k < 3 || token.substr(k - 3, 3) != "var") return false;
  return k + 1 == token.size() || (k + 2 == token.size() && token[k + 1] == 's');
}

bool silent_final_z(std::string_view token, std::size_t k) {
  return token[k] == 'z' && k + 1 == token.size() && k > 0 && token[k - 1] == 'e' &&
         token.size() >= kSilentFinalLetters;
}

bool french_silent_x(std::string_view token, std::size_t k) {
  return k + 2 >= token.size() && (token.ends_with("auks") || token.ends_with("euks") || token.ends_with("oiks"));
}

bool labial_before_u(std::string_view token, std::size_t k) {
  return token[k] == 'v' && k + 1 < token.size() && token[k + 1] == 'u';
}

bool droppable_nasal(std::string_view token, std::size_t k) {
  const char c = token[k];
  const char next = k + 1 < token.size() ? token[k + 1] : '\0';
  return (c == 'm' || c == 'n') && token.size() >= kNasalLetters && next != '\0' && !is_vowel(next) && next != 'h' &&
         next != 'g';
}

}  // namespace interdict
