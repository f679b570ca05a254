// Transcription postings keys: what the strong tokens of a list's token readings are
// posted under, and what a transcription pattern (transcribe.h) looks up, so that a pattern
// reaches the names its alignment would score: 科萨托 "kosato" (KST) reaches CORSATO (KRST),
// バド "badO" (BT) reaches BUD (BT). Split from keys.cc for its length.
//
// Thread-safety: pure functions.
#include <algorithm>
#include <string>

#include "names/candidates.h"
#include "names/key_hash.h"
#include "names/letters.h"
#include "names/transcribe.h"

namespace interdict {

using letters::is_vowel_or_y;

namespace {

// Variants of a key one class shorter, for keys of kMinDeletedKey classes or more: a key
// of one or two classes minus one is shared by too many tokens to pick anything.
constexpr std::size_t kMinDeletedKey = 3;
// A loose key of one class (every name whose only consonants are t, d and liquids) is
// shared by too many tokens as well.
constexpr std::size_t kMinLooseKey = 2;

void deletions(std::string_view key, char tag, std::vector<std::uint64_t>& out) {
  if (key.size() < kMinDeletedKey) return;
  std::string shorter;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i > 0 && key[i] == key[i - 1]) continue;  // the same variant as deleting key[i - 1]
    shorter.assign(key.substr(0, i));
    // A class between two of one class leaves them side by side, which a key writes once
    // (Tondowski TNTBSK without its nasal is TBSK, 托多夫斯基's key).
    const bool joined = i > 0 && i + 1 < key.size() && key[i - 1] == key[i + 1];
    shorter.append(key.substr(i + (joined ? 2 : 1)));
    out.push_back(hash_key(tag, shorter));
  }
}

}  // namespace

namespace {

// True when letters[i], a g after n, is the g of ng closing a syllable (last, or before a
// consonant: Frimpong, Sechting), one sound, which Chinese writes with its n-final
// syllables (弗里蓬, 谢希廷) and which no key should count apart from the n. Long tokens
// only, as the alignment forgives it: keyed without it, the list's short pinyin
// syllables (Zhang, Wang) reached patterns that never pair with them. An optional
// vowel after it (katakana ング "ngU") is the script's, not the name's.
bool velar_nasal(std::string_view letters, std::size_t i) {
  for (std::size_t j = i + 1; j < letters.size(); ++j) {
    const char c = letters[j];
    if (c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U') continue;
    return !letters::is_vowel_or_y(c);
  }
  return true;
}

// The class of letters[i] in a transcription key: a c before a consonant other than h, or
// last, is k (Clarenza, Clerckx), as the alignment reads it; elsewhere the fold left c
// only where it sounds s or ch.
char key_class(std::string_view letters, std::size_t i) {
  if (letters[i] == 'g' && i > 0 && letters[i - 1] == 'n' && letters.size() >= kNasalLetters && velar_nasal(letters, i))
    return 0;
  if (french_silent_x(letters, i)) return 0;
  if (letters[i] == 'c') {
    const char next = i + 1 < letters.size() ? letters[i + 1] : '\0';
    if (next == '\0' || (transcription_class(next) != 0 && next != 'h')) return transcription_class('k');
  }
  return transcription_class(letters[i]);
}

}  // namespace

std::string transcription_key(std::string_view letters) {
  std::string key;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char k = key_class(letters, i);
    if (k != 0 && (key.empty() || key.back() != k)) key.push_back(k);
  }
  return key;
}

std::string loose_transcription_key(std::string_view letters) {
  auto is_vowel_letter = [](char c) { return transcription_class(c) == 0 && c != 'h'; };
  std::string key;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    const char next = i + 1 < letters.size() ? letters[i + 1] : '\0';
    const char after = i + 2 < letters.size() ? letters[i + 2] : '\0';
    // Italian gl and gn are one sound, and gi before a vowel is j, which transcriptions
    // write as a glide: the g is not heard.
    if (c == 'g' && (next == 'l' || next == 'n' || (next == 'i' && after != '\0' && is_vowel_letter(after)))) continue;
    const char k = key_class(letters, i);
    if (k != 0 && k != 'R' && (key.empty() || key.back() != k)) key.push_back(k);
  }
  return key;
}

namespace {

void spelling_keys(std::string_view token, std::vector<std::uint64_t>& out) {
  const std::string key = transcription_key(token);
  if (key.empty()) return;
  out.push_back(hash_key('X', key));
  deletions(key, 'x', out);
  const std::string loose = loose_transcription_key(token);
  if (loose.size() >= kMinLooseKey) out.push_back(hash_key('Y', loose));
}

// The token with its ch read as Italian and German read it, where the fold left a ch that
// English and Spanish say as in "church": before e or i Italian ch is k (Cenacchi,
// Bigliocchi: 塞纳基, ビリオッキ), and German ch before a consonant or last is a fricative,
// which the tables write with their h (Nimrichter, 尼姆里希特). The alignment pairs both
// (transcribe_rules.cc); the keys, which read c as s, set such tokens a class apart from their
// transcriptions, among hundreds of tokens with short keys. English reads that German ch k
// (帕克勒 Pachler, フローリック Fröhlich): `fricative` is the letter it is read as, h or k.
// Empty when no ch is read so.
std::string european_ch(std::string_view token, char fricative) {
  std::string out;
  for (std::size_t i = 0; i + 1 < token.size(); ++i) {
    if (token[i] != 'c' || token[i + 1] != 'h') continue;
    if (out.empty()) out.assign(token);
    const char after = i + 2 < token.size() ? token[i + 2] : '\0';
    if (after == 'e' || after == 'i') {
      out[i] = 'k';
    } else if (after == '\0' || !is_vowel_or_y(after)) {
      out[i] = fricative;
      if (fricative == 'k') out[i + 1] = 'k';  // one k, as the key writes a class once
    }
  }
  return out == token ? std::string() : out;
}

}  // namespace

void transcription_keys(std::string_view token, std::vector<std::uint64_t>& out) {
  spelling_keys(token, out);
  const std::string read = european_ch(token, 'h');
  if (!read.empty()) spelling_keys(read, out);
  const std::string english = european_ch(token, 'k');
  if (!english.empty() && english != read) spelling_keys(english, out);
}

namespace {

// The keys of `pattern` with an r after one of its vowels, before a consonant or last,
// where the tables leave a European r unwritten (都铎 "dudo" Tudor, 扎奇 "zachI" Zarchi,
// 哈特 "hatE" Hart), looked up as loosely alike: the alignment forgives that r cheaply. Only
// for a key of one class, whose pattern reaches no token with a class more (a token key's
// one-class deletions are posted from three classes up, kMinDeletedKey).
void unwritten_r_keys(std::string_view pattern, std::vector<std::uint64_t>& out) {
  auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'A' || c == 'E' || c == 'I' || c == 'O' ||
           c == 'U';
  };
  std::string with_r;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (!is_vowel(pattern[i])) continue;
    const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
    if (next != '\0' && (is_vowel(next) || next == 'r' || next == 'l' || transcription_class(next) == 0)) continue;
    with_r.assign(pattern.substr(0, i + 1));
    with_r += 'r';
    with_r.append(pattern.substr(i + 1));
    out.push_back(hash_key('X', transcription_key(with_r)));
  }
}

void pattern_keys(std::string_view pattern, TranscriptionKeys& out) {
  const std::string key = transcription_key(pattern);
  if (key.empty()) return;
  out.same.push_back(hash_key('X', key));
  if (key.size() == 1) unwritten_r_keys(pattern, out.loose);
  const std::string loosened = loose_transcription_key(pattern);
  if (loosened.size() >= kMinLooseKey) out.loose.push_back(hash_key('Y', loosened));
  if (key.size() + 1 >= kMinDeletedKey) out.near.push_back(hash_key('x', key));  // the token has one class more
  deletions(key, 'X', out.near);                                                 // the pattern has one class more
  deletions(key, 'x', out.near);                                                 // one class differs
}

// The pattern as Russian wrote the letters katakana had none for: チ ti, ジ di, and ウ
// before a consonant v (ウラジーミル・プーチン Vladimir Putin). The alignment pairs these at
// little or no cost, but their keys are a class apart from the pattern's own.
std::string kana_russian(std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
    const char after = i + 2 < pattern.size() ? pattern[i + 2] : '\0';
    if (pattern[i] == 'j' && (next == 'i' || next == 'I')) {
      out += 'd';
    } else if (pattern[i] == 'c' && next == 'h' && (after == 'i' || after == 'I')) {
      out += 't';
      ++i;
    } else if (i == 0 && pattern[i] == 'u' && transcription_class(next) != 0) {
      out += 'v';
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

void transcription_query_keys(std::string_view pattern, PatternSource source, TranscriptionKeys& out) {
  pattern_keys(pattern, out);
  const std::string russian = kana_russian(pattern);
  if (russian != pattern) pattern_keys(russian, out);
  // ジ between vowels is also the voiced s and z of Italian and German (ミニョージ Mignosi),
  // which the alignment pairs with it and the keys count as a sibilant, not a velar.
  std::string voiced(pattern);
  for (std::size_t i = 1; i + 1 < voiced.size(); ++i)
    if (voiced[i] == 'j' && letters::is_vowel(static_cast<char>(voiced[i - 1] | 0x20)) &&
        (voiced[i + 1] == 'i' || voiced[i + 1] == 'I'))
      voiced[i] = 'z';
  if (voiced != pattern) pattern_keys(voiced, out);
  // An abjad j (ج, Hebrew ג') is the dj of French spellings (Hadjar), which the lists' fold
  // writes di before a vowel: the alignment pairs them at no cost, the keys a class apart.
  if (is_abjad_pattern(pattern) && pattern.find('j') != std::string_view::npos) {
    std::string dj(pattern);
    std::replace(dj.begin(), dj.end(), 'j', 'd');
    pattern_keys(dj, out);
  }
  // Arabic تش, the pattern's ch, is also the lists' tsh (Natshah), whose key counts a t and
  // an s.
  if (const auto ch = pattern.find("cH"); ch != std::string_view::npos && is_abjad_pattern(pattern)) {
    std::string tsh(pattern);
    tsh.replace(ch, 2, "tsh");
    pattern_keys(tsh, out);
  }
  // An abjad word's first j is also the glide i the fold makes of a list's j (Jannat "ianat").
  if (pattern.size() > 2 && pattern[0] == 'j' && is_abjad_pattern(pattern)) {
    std::string glide(pattern);
    glide[0] = 'i';
    pattern_keys(glide, out);
  }
  // A Devanagari or Bengali pattern (its inherent vowel an optional A) writes English soft
  // g with its j, folded to the glide i before a vowel (জর্জ "iAriA" George): the
  // alignment pairs them, the keys count g a class of its own.
  if (is_indic_pattern(pattern, source)) {
    std::string soft(pattern);
    for (std::size_t i = 0; i + 1 < soft.size(); ++i)
      if (soft[i] == 'i' && std::string_view("aeouAEOU").find(soft[i + 1]) != std::string_view::npos) soft[i] = 'g';
    if (soft != pattern) pattern_keys(soft, out);
  }
  // A word's first j, folded to the glide i before a vowel (ジュ, ジョ, 贾, 朱), is also the
  // soft g of French and Italian (ジュヌヴィエーヴ Geneviève, ジョヴァンニ Giovanni), which
  // the alignment pairs with it and the keys count as a class of its own.
  if (pattern.size() > 2 && pattern[0] == 'i' && letters::is_vowel(pattern[1])) {
    std::string soft_g(pattern);
    soft_g[0] = 'g';
    pattern_keys(soft_g, out);
  }
}

}  // namespace interdict
