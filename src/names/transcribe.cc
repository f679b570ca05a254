// Kana patterns and the comparison of a pattern with a list token.
//
// Katakana, as the Japanese writing system defines it: every letter is a consonant and a
// vowel (or a vowel, or the nasal ン); small ァ ィ ゥ ェ ォ replace the vowel of the letter
// before (フ fu + ァ = fa, テ + ィ = ti), small ャ ュ ョ add a glide to an i-column letter
// (キャ kya, シャ sha); ッ doubles the next consonant and ー lengthens the vowel before.
// Foreign consonants with no vowel are written with the column's epenthetic vowel: u after
// most (ク ス ズ ツ ヌ フ ブ プ ム ル グ ヴ), o after t and d (ト ド), i after ch, sh and j
// (チ シ ジ). Those vowels are the pattern's optional ones. Hiragana has the same letters
// 0x60 code points lower.
//
// Thread-safety: pure functions over constant tables.
#include "names/transcribe.h"

#include <algorithm>
#include <array>
#include <string>

#include "names/letters.h"

namespace interdict {
namespace {

constexpr char32_t kKatakanaFirst = 0x30A1;  // ァ
constexpr char32_t kKatakanaLast = 0x30FA;   // ヺ
constexpr char32_t kHiraganaShift = 0x60;
constexpr char32_t kLongVowel = 0x30FC;   // ー
constexpr char32_t kGemination = 0x30C3;  // ッ

// Katakana from ァ (U+30A1) to ヺ (U+30FA) in code point order. "~" marks a small letter
// that combines with the letter before; "" is ッ.
constexpr std::array<std::string_view, kKatakanaLast - kKatakanaFirst + 1> kKatakana{
    "~a",  "a",  "~i",  "i",  "~u",  "u",   "~e", "e",  "~o", "o",                                 // ァ..オ
    "ka",  "ga", "ki",  "gi", "kU",  "gU",  "ke", "ge", "ko", "go",                                // カ..ゴ
    "sa",  "za", "shI", "jI", "sU",  "zU",  "se", "ze", "so", "zo",                                // サ..ゾ
    "ta",  "da", "chI", "jI", "",    "tsU", "zU", "te", "de", "tO", "dO",                          // タ..ド
    "na",  "ni", "nU",  "ne", "no",                                                                // ナ..ノ
    "ha",  "ba", "pa",  "hi", "bi",  "pi",  "fU", "bU", "pU", "he", "be", "pe", "ho", "bo", "po",  // ハ..ポ
    "ma",  "mi", "mU",  "me", "mo",                                                                // マ..モ
    "~ia", "ia", "~iu", "iu", "~io", "io",                                                         // ャ..ヨ
    "ra",  "ri", "rU",  "re", "ro",                                                                // ラ..ロ
    "~va", "va", "vi",  "ve", "o",   "n",   "vU", "ka", "ke", "va", "vi", "ve", "vo",              // ヮ..ヺ
};

using letters::is_vowel;
// An optional letter: a vowel the script added, the h of シ, or the r of a long a (below).
bool is_upper_vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'H' || c == 'R'; }

char32_t as_katakana(char32_t c) {
  if (c >= kKatakanaFirst - kHiraganaShift && c <= 0x3096) return c + kHiraganaShift;
  return c;
}

// The pattern's trailing vowel (optional or not) removed: the consonant a small letter
// builds on. ウ is the w of ウィ wi, ウェ we (folded to v).
std::string onset_of(std::string_view letter) {
  if (letter == "u") return "v";
  std::string out(letter);
  if (!out.empty() && (is_vowel(out.back()) || is_upper_vowel(out.back()))) out.pop_back();
  return out;
}

}  // namespace

bool is_kana(char32_t c) {
  const char32_t k = as_katakana(c);
  return (k >= kKatakanaFirst && k <= kKatakanaLast) || c == kLongVowel;
}

std::string kana_pattern(std::u32string_view word) {
  std::string out;
  std::string last;  // the previous letter's pattern, for a small letter to combine with
  std::size_t last_at = 0;
  for (char32_t raw : word) {
    const char32_t c = as_katakana(raw);
    // アー writes the English and German -er, -ar, -ur, whose r is not said (バンカー Bunker,
    // ウェクスラー Weksler, ダーラム Durham): the lengthened a carries an optional r.
    if (c == kLongVowel && !out.empty() && out.back() == 'a') {
      out += 'R';
      last.clear();
      continue;
    }
    if (c == kLongVowel || c == kGemination || c < kKatakanaFirst || c > kKatakanaLast) continue;
    const std::string_view letter = kKatakana[c - kKatakanaFirst];
    if (!letter.starts_with('~')) {
      last_at = out.size();
      out += letter;
      last = letter;
      continue;
    }
    const std::string_view vowel = letter.substr(1);  // "a", or "ia" for a small glide
    if (last.empty()) {
      out += vowel.back();
      continue;
    }
    std::string onset = onset_of(last);
    std::string made;
    if (vowel.size() == 2 && (last.back() == 'i' || last.back() == 'I')) {
      // キャ kya, but シャ sha, チャ cha, ジャ ja: the glide is in the consonant already.
      made = onset + (onset.ends_with("sh") || onset.ends_with("ch") || onset.ends_with("j") ? "" : "i") + vowel.back();
    } else if (last == "i") {
      made = "i" + std::string(1, vowel.back());  // イェ ye
    } else {
      made = onset + std::string(vowel);
    }
    out.resize(last_at);
    out += made;
    last.clear();
  }
  // j before a vowel other than i is a glide in the folded lists (fold_spelling).
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == 'j' && out[i + 1] != 'i' && out[i + 1] != 'I') out[i] = 'i';
  // Katakana has no si: シ writes a foreign si as well as shi (トッシ Tossi), so its h is
  // optional. A final オフ is the Russian -ov (イワノフ Ivanov, レトフ Letov), as Japanese
  // writes it.
  for (std::size_t i = 0; i + 2 < out.size(); ++i)
    if (out[i] == 's' && out[i + 1] == 'h' && out[i + 2] == 'I') out[i + 1] = 'H';
  if (out.ends_with("ofU") || out.ends_with("OfU")) out.replace(out.size() - 3, 3, "ov");
  // シュ before a consonant or last is a bare sh, its u as epenthetic as ス's (シュタイン
  // Stein, ブッシュ Bush): the small ュ wrote the sh, not a vowel.
  for (std::size_t i = 0; i + 2 < out.size(); ++i)
    if (out[i] == 's' && out[i + 1] == 'h' && out[i + 2] == 'u' &&
        (i + 3 == out.size() || (!is_vowel(out[i + 3]) && !is_upper_vowel(out[i + 3]))))
      out[i + 2] = 'U';
  return single_letters(std::move(out));
}

std::string single_letters(std::string pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (char c : pattern)
    if (out.empty() || c != out.back() || c < 'a' || c > 'z') out += c;
  return out;
}

std::string pattern_letters(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (char c : pattern) {
    if (c == 'R') continue;  // the r a long a may stand for is not a letter the script wrote
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

char transcription_class(char c) {
  switch (c) {
    case 'b':
    case 'p':
    case 'f':
    case 'v':
    case 'w': return 'B';
    case 't':
    case 'd': return 'T';
    case 'k':
    case 'g':
    case 'q':
    case 'j': return 'K';
    case 's':
    case 'z':
    case 'c':
    case 'x': return 'S';
    case 'm':
    case 'n': return 'N';
    case 'l':
    case 'r': return 'R';
    default: return 0;  // vowels, optional (uppercase) vowels, h, y, digits
  }
}

namespace {

// The alignment's consonant classes: the index's (transcription_class) less three of its
// loosenings, which the alignment prices apart: w is no b, j no k (it meets g and i by
// rules of their own below), and l and r stay themselves (liquid() joins them first).
char sound_class(char c) {
  if (c == 'w' || c == 'j' || c == 'l' || c == 'r') return c;
  const char k = transcription_class(c);
  return k != 0 ? k : c;
}

char liquid(char c) { return c == 'l' ? 'r' : c; }

// i and e: Chinese writes an unstressed e with the table's i column (维尼齐亚 Venezia,
// 阿维拉迪 Averardi), so the pair costs less, but only in tokens of kFrontVowelLetters or
// more: in a short one it is the whole difference between two names (丽丽 "riri" and Lei).
double substitution(char p, char t, double front_vowels) {
  if (p == t) return 0.0;
  const bool pv = is_vowel(p);
  const bool tv = is_vowel(t);
  if (pv && tv) return (p == 'i' && t == 'e') || (p == 'e' && t == 'i') ? front_vowels : kVowelCost;
  if (pv != tv) return (p == 'i' && t == 'j') || (p == 'j' && t == 'i') ? kVowelCost : 2.0;
  if (sound_class(p) == sound_class(t) || (p == 'j' && t == 'g') || (p == 'g' && t == 'j')) return kNearCost;
  return 1.0;
}

// The cost of a letter one side has and the other does not: a vowel is the script's or
// the language's; an r (non-rhotic English, 科萨托 for Corsato) and an h are often left
// unwritten; any other consonant is a different name.
double gap(char c) {
  if (is_vowel(c)) return kVowelCost + 0.1;
  if (c == 'r' || c == 'h') return kNearCost;
  return 1.0;
}

// The cost of leaving out token[k], a letter of the list's spelling the transcription did
// not write. `token` is as the list folded it (l and r apart), `ts` with l read as r.
double token_gap(std::string_view token, std::string_view ts, std::size_t k) {
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
  // in pinyin's own short syllables (Wang, Jing) the g tells two names apart.
  if (c == 'g' && k > 0 && token[k - 1] == 'n' && !is_vowel(next) && token.size() >= kNasalLetters)
    return kSameSoundCost;
  return gap(ts[k]);
}

}  // namespace

namespace {

// Letters of a European spelling that make one sound the pattern writes otherwise
// (Italian, whose names fill most of the transcription misses, and German): ch before i
// or e is k (Pinocchio), ci and gi before a vowel are ch and j (Ciampi, Giulio), sc before
// i or e is sh, z is ts. The cost of pattern[pi, pi + pn) against token[tj, tj + tn), or a
// negative number when these are not such a pair. Every unit's list letters begin with c,
// g, s, z or t: transcription_similarity asks only there.
double spelling_unit(std::string_view p, std::size_t pi, std::size_t pn, std::string_view t, std::size_t tj,
                     std::size_t tn) {
  const std::string_view pu = p.substr(pi, pn);
  const std::string_view tu = t.substr(tj, tn);
  const char after = tj + tn < t.size() ? t[tj + tn] : '\0';
  const bool front = after == 'i' || after == 'e';
  if (tu == "ch" && front && pu == "k") return 0.0;
  // 乔 and 焦 write cho as well as jo (乔叟 Chaucer, 乔治 George); the table reads them jo,
  // folded to the glide i: ch and Italian ci before a vowel are that j unvoiced (卡马乔
  // Camacho, 特里皮乔内 Tripiccione). Long tokens only: a glide i is in every other name.
  if ((tu == "ch" || tu == "ci") && is_vowel(after) && pu == "i" && t.size() >= kAffricateLetters) return kNearCost;
  // German ch not before a vowel (Richter, Fröhlich, Bach) is a fricative, which Chinese
  // writes with its h (希, 赫) and Japanese with ヒ, ハ.
  if (tu == "ch" && !is_vowel(after) && pu == "h") return kSameSoundCost;
  // Chinese x, which 希 (read hi) begins with, is the nearest it has to sh (拉希迪安
  // Rashidian, 马尔希茨 Marschitz).
  if (tu == "sh" && pu == "h") return kNearCost;
  // German s before t or p is sh (Stegerwald, Wintersteiner: シュテーガーヴァルト,
  // ヴィンテルシュタイナー; Stuyvesant 施托伊弗桑特).
  if (tn == 1 && tu == "s" && (after == 't' || after == 'p') && pu == "sh") return 0.0;
  if ((tu == "gi" && is_vowel(after)) && (pu == "i" || pu == "j")) return 0.0;
  // Italian ge and gi are je and ji: ジェルモニ Germoni (the pattern's j folded to i).
  if (tn == 2 && pn == 2 && tu[0] == 'g' && (tu[1] == 'e' || tu[1] == 'i') && (pu[0] == 'i' || pu[0] == 'j') &&
      pu[1] == tu[1])
    return 0.0;
  if ((tu == "ci" && is_vowel(after)) && pu == "ch") return 0.0;
  if (tu == "sc" && front && pu == "sh") return 0.0;
  if (tu == "c" && front && pu == "ch") return 0.0;
  if (tu == "z" && pu == "ts") return 0.0;
  // German and English ck, and Italian cc before a, o, u as the fold leaves it (Seccaroni
  // "seckaroni"), are one k (セッカローニ, 桑布科 Sambucco).
  if (tu == "ck" && pu == "k") return 0.0;
  // German tz is ts (Etzelstorfer, 埃策尔斯托弗), Italian gh before i and e is g (Carsughi,
  // 卡苏吉).
  if (tu == "tz" && pu == "ts") return 0.0;
  if (tu == "gh" && front && pu == "g") return 0.0;
  // Japanese writes Russian ти as チ (プーチン Putin): katakana had no ti until ティ.
  if (tu == "t" && after == 'i' && pu == "ch") return 0.0;
  // ž, ж and the lists' zh are ジ to Japanese (ジャ, folded like a list's j to "ia":
  // プラジャーコヴァー Pražáková).
  if (tu == "zh" && pn == 1 && (pu == "i" || pu == "j")) return 0.0;
  return -1.0;
}

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

// True when token[k] is a v before a consonant, which Japanese writes ウ (ウラジーミル
// Vladimir, ウラジオストク Vladivostok): a v with no vowel after it has no letter of its own.
bool kana_v(std::string_view token, std::size_t k) {
  return token[k] == 'v' && k + 1 < token.size() && !is_vowel(token[k + 1]);
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
// Japanese write z (佐尔夫, ゾルフ Solf). voiced_z: a z between vowels, written s.
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

// True when the vowel letters a, b of a European spelling are one vowel sound, which a
// transcription writes with its single vowel v: French ai and English ay as e (埃拉勒迪
// Airaldi, メニエル Mayniel), au as o (扎罗扎 Zarauza), eu as o or e (博格拉斯 Beugras),
// ea as e or i (Freeleagus), ei as e, or a as German says it (宾坦 Bintein), Spanish and
// Italian ie and ue as e or o (卡涅罗 Carniello, 蓬特 Puente), oa as o or a. Pinyin has ai,
// ei and ie too: tokens of kDigraphLetters or more only.
unsigned char vowel_bit(char v) {
  switch (v) {
    case 'a': return 1;
    case 'e': return 2;
    case 'i': return 4;
    case 'o': return 8;
    case 'u': return 16;
    default: return 0;
  }
}

// The vowels (vowel_bit) the digraph a, b may be written with; 0 for none.
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

// What the rules above say of token[k]'s place: which of them it may be read by.
enum Place : unsigned {
  kSpanishJ = 1U << 0,
  kSpanishFinalZ = 1U << 1,
  kHardC = 1U << 2,
  kSoftC = 1U << 3,
  kSoftG = 1U << 4,
  kKanaDi = 1U << 5,
  kKanaV = 1U << 6,
  kVowelBeforeR = 1U << 7,
  kShortU = 1U << 8,
  kLabialM = 1U << 9,
  kVoicedS = 1U << 10,
  kVoicedZ = 1U << 11,
  kItalianSch = 1U << 12,
};

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
  return out;
}

}  // namespace

bool droppable_nasal(std::string_view token, std::size_t k) {
  const char c = token[k];
  const char next = k + 1 < token.size() ? token[k + 1] : '\0';
  return (c == 'm' || c == 'n') && token.size() >= kNasalLetters && next != '\0' && !is_vowel(next) && next != 'h' &&
         next != 'g';
}

namespace {

// pattern_letters(pattern) == token, without the copy: this is asked once a pair.
bool letters_equal(std::string_view pattern, std::string_view token) {
  std::size_t k = 0;
  for (char c : pattern) {
    if (c == 'R') continue;  // as pattern_letters: no letter the script wrote
    const char lowered = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (k == token.size() || token[k++] != lowered) return false;
  }
  return k == token.size();
}

}  // namespace

double transcription_similarity(std::string_view pattern, std::string_view token) {
  if (is_abjad_pattern(pattern)) return abjad_similarity(pattern, token);
  constexpr std::size_t kMax = 32;
  if (pattern.size() > kMax) pattern = pattern.substr(0, kMax);
  if (token.size() > kMax) token = token.substr(0, kMax);
  if (token.size() < 3) return !token.empty() && letters_equal(pattern, token) ? 1.0 : 0.0;
  // The pattern with its optional vowels lowered and l as r, and which letters are optional.
  std::array<char, kMax> p{};
  std::array<bool, kMax> optional{};
  std::array<char, kMax> t{};
  std::size_t required = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    optional[i] = is_upper_vowel(pattern[i]);
    p[i] = liquid(optional[i] ? static_cast<char>(pattern[i] - 'A' + 'a') : pattern[i]);
    if (!optional[i]) ++required;
  }
  for (std::size_t j = 0; j < token.size(); ++j) t[j] = liquid(token[j]);
  const std::string_view ps(p.data(), pattern.size());
  const std::string_view ts(t.data(), token.size());
  const double front = token.size() >= kFrontVowelLetters ? kFrontVowelCost : kVowelCost;
  const bool digraphs = token.size() >= kDigraphLetters;
  // What the rules ask of each list letter's place, and of each pattern a's, worked out
  // once here rather than in every cell of its column.
  std::array<double, kMax> token_gaps{};
  std::array<unsigned, kMax> at{};
  std::array<unsigned char, kMax> digraph{};  // the vowels a digraph ending here may be
  std::array<bool, kMax> long_a{};
  for (std::size_t j = 0; j < ts.size(); ++j) {
    token_gaps[j] = token_gap(token, ts, j);
    at[j] = places(token, ts, j);
    if (digraphs && j > 0 && is_vowel(ts[j - 1]) && is_vowel(ts[j])) digraph[j] = digraph_vowels(ts[j - 1], ts[j]);
  }
  for (std::size_t i = 0; i + 1 < pattern.size(); ++i) long_a[i] = pattern[i + 1] == 'R';
  // cost[i][j]: pattern[0, i) aligned with token[0, j).
  // Left uninitialised: each cell is written before it is read, and zeroing all 33 x 33
  // of them for every pair was a sixth of a query's instructions (callgrind).
  std::array<std::array<double, kMax + 1>, kMax + 1> cost;
  cost[0][0] = 0.0;
  for (std::size_t i = 0; i <= ps.size(); ++i) {
    for (std::size_t j = 0; j <= ts.size(); ++j) {
      if (i == 0 && j == 0) continue;
      double best = 1e9;
      if (i > 0) best = std::min(best, cost[i - 1][j] + (optional[i - 1] ? 0.0 : gap(ps[i - 1])));
      if (j > 0) {
        best = std::min(best, cost[i][j - 1] + token_gaps[j - 1]);
      }
      if (i > 0 && j > 0) {
        const char pc = ps[i - 1];
        const unsigned place = at[j - 1];
        const double sub = pc == 'h' && (place & kSpanishJ) != 0                ? kNearCost
                           : pc == 's' && (place & kSpanishFinalZ) != 0         ? 0.0
                           : pc == 'k' && (place & (kHardC | kItalianSch)) != 0 ? 0.0
                           : pc == 's' && (place & (kSoftC | kVoicedZ)) != 0
                               ? ((place & kSoftC) != 0 ? 0.0 : kSameSoundCost)
                           : pc == 'h' && (place & kSoftG) != 0                         ? kNearCost
                           : pc == 'j' && (place & kKanaDi) != 0                        ? 0.0
                           : pc == 'u' && (place & kKanaV) != 0                         ? kNearCost
                           : pc == 'a' && long_a[i - 1] && (place & kVowelBeforeR) != 0 ? 0.0
                           : (pc == 'a' || pc == 'o') && (place & kShortU) != 0         ? kSameSoundCost
                           : pc == 'n' && (place & kLabialM) != 0                       ? 0.0
                           : pc == 'z' && (place & kVoicedS) != 0                       ? kSameSoundCost
                                                                  : substitution(pc, ts[j - 1], front);
        best = std::min(best, cost[i - 1][j - 1] + sub);
      }
      if (i > 0 && j > 1 && (digraph[j - 1] & vowel_bit(ps[i - 1])) != 0)
        best = std::min(best, cost[i - 1][j - 2] + kSameSoundCost);
      for (std::size_t pn = 1; pn <= 2 && pn <= i; ++pn) {
        for (std::size_t tn = 1; tn <= 2 && tn <= j; ++tn) {
          if (pn == 1 && tn == 1) continue;
          // Every unit of the list's spelling begins with one of these (spelling_unit);
          // most cells begin with none, and are spared the comparisons.
          const char first = ts[j - tn];
          if (first != 'c' && first != 'g' && first != 's' && first != 'z' && first != 't') continue;
          const double unit = spelling_unit(ps, i - pn, pn, ts, j - tn, tn);
          if (unit >= 0) best = std::min(best, cost[i - pn][j - tn] + unit);
        }
      }
      cost[i][j] = best;
    }
  }
  const double length = static_cast<double>(std::max(token.size(), required));
  return std::max(0.0, 1.0 - cost[ps.size()][ts.size()] / length);
}

}  // namespace interdict
