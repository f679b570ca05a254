// The text steps of normalise.cc before and after transliteration: the simplifier, the
// CJK legal forms, Greek's rough breathing, and the two tokenisers (normalise_text.h).
//
// Thread-safety: the simplifier is one per thread; the rest are pure functions.
#include "names/normalise_text.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <memory>
#include <utility>

#include "names/letters.h"
#include "names/normalise_words.h"

namespace interdict::words {
namespace {

// Chinese and Japanese legal forms, longest first, and their romanisation as whole weak
// words: "腾讯控股有限公司" must meet both "Tencent Holdings Limited" (weak words cost little
// when unmatched) and "Tengxun Konggu Youxian Gongsi" (the same words in pinyin).
constexpr std::array<std::pair<std::u16string_view, std::u16string_view>, 9> kCjkForms{{
    {u"股份有限公司", u" gufen youxian gongsi "},
    {u"有限责任公司", u" youxian zeren gongsi "},
    {u"有限公司", u" youxian gongsi "},
    {u"株式会社", u" kabushiki kaisha "},
    {u"集团", u" jituan "},
    {u"控股", u" konggu "},
    {u"公司", u" gongsi "},
    {u"（", u" "},
    {u"）", u" "},
}};

}  // namespace

// NFKC; Traditional-Simplified, the step before the words are marked; the Latin reading
// after is latin_reading.cc's.
icu::Transliterator* simplifier() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("NFKC; Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return t.get();
}

void tokenise_ascii(std::string_view text, NameTokens& out) {
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      current.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\'' || c == '`' ||
               (c == '?' && !current.empty() && i + 1 < text.size() && is_ascii_letter(text[i + 1]))) {
      continue;
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
}

// `word_of`, when not null, gets the word (counted by the " | " marks) of each token.
void tokenise_unicode(const icu::UnicodeString& text, NameTokens& out, std::vector<std::size_t>* word_of) {
  std::string current;
  icu::UnicodeString piece;
  std::size_t word = 0;
  auto flush = [&] {
    current.clear();
    piece.toUTF8String(current);
    out.push_back(current);
    if (word_of) word_of->push_back(word);
    piece.remove();
  };
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      piece.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    } else if (is_apostrophe(c) || is_mark(c) ||
               (is_lost_letter(c) && !piece.isEmpty() && i < text.length() && u_isalpha(text.char32At(i)))) {
      continue;
    } else {
      if (!piece.isEmpty()) flush();
      if (c == '|') ++word;
    }
  }
  if (!piece.isEmpty()) flush();
}

// Polytonic Greek marks a word's first vowel with a breathing; ICU reads the rough one
// (dasia) as h, as classical Greek said it (ἑρμιόνη "hermioni"). Modern Greek says
// neither, and its romanisation (ELOT 743) and the lists write none (Ermioni, Ermioni's
// monotonic ερμιόνη): the letters of Greek Extended lose it.
void drop_rough_breathing(icu::UnicodeString& text) {
  constexpr UChar32 kFirst = 0x1F00;
  constexpr UChar32 kLast = 0x1FFF;
  constexpr UChar32 kDasia = 0x0314;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || nfd == nullptr) return;
  icu::UnicodeString out;
  bool changed = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    icu::UnicodeString parts;
    if (c < kFirst || c > kLast || !nfd->getDecomposition(c, parts) || parts.indexOf(kDasia) < 0) {
      out.append(c);
      continue;
    }
    parts.findAndReplace(icu::UnicodeString(kDasia), icu::UnicodeString());
    out.append(parts);
    changed = true;
  }
  if (changed) text = out;
}

void replace_cjk_forms(icu::UnicodeString& text) {
  for (const auto& [from, to] : kCjkForms) {
    const icu::UnicodeString f(false, reinterpret_cast<const UChar*>(from.data()), static_cast<int32_t>(from.size()));
    const icu::UnicodeString t(false, reinterpret_cast<const UChar*>(to.data()), static_cast<int32_t>(to.size()));
    text.findAndReplace(f, t);
  }
}

// Per word of `marked` (mark_words' output, before transliteration): true when it is two
// Latin letters, one with a diacritic. The weak words' abbreviations are written without
// (SA, AG, NV); such a word is a name: Sá is a Portuguese surname, not S.A.
std::vector<bool> accented_pairs(const icu::UnicodeString& marked) {
  std::vector<bool> out;
  int32_t letters_in_word = 0;
  bool accented = false;
  for (int32_t i = 0; i < marked.length();) {
    const UChar32 c = marked.char32At(i);
    i += U16_LENGTH(c);
    if (c == u'|') {
      out.push_back(letters_in_word == 2 && accented);
      letters_in_word = 0;
      accented = false;
    } else if (u_isalpha(c)) {
      ++letters_in_word;
      UErrorCode status = U_ZERO_ERROR;
      if (c > 0x7F && uscript_getScript(c, &status) == USCRIPT_LATIN) accented = true;
    }
  }
  return out;
}

// `raw`'s spellings with one typo undone, folded, space separated, but those that fold to
// `folded` itself: two neighbouring letters swapped, and a vowel doubled or a doubled one
// written once (the fold writes most doubled letters once, but oo is u: ROODI, RODI).
// Words of two letters are left out: swapped, they are another word as often as a typo.
std::string typo_spellings(const std::string& raw, std::string_view folded) {
  std::string out;
  if (raw.size() < kMinTypoLength || !letters::is_ascii(raw)) return out;
  auto add = [&](const std::string& spelling) {
    std::string one = fold_spelling(spelling);
    if (one == folded) return;
    out += one;
    out += ' ';
  };
  std::string edited = raw;
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    // A swap that puts a letter beside its like is a letter dropped once the fold writes
    // doubled letters once (zahidi, "zahiid", zahid): a name's other form, not a typo.
    if (raw[i] == raw[i + 1] || (i > 0 && raw[i - 1] == raw[i + 1]) || (i + 2 < raw.size() && raw[i] == raw[i + 2]))
      continue;
    std::swap(edited[i], edited[i + 1]);
    add(edited);
    std::swap(edited[i], edited[i + 1]);
  }
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (!letters::is_vowel(raw[i])) continue;
    edited = raw;
    if (i + 1 < raw.size() && raw[i + 1] == raw[i])
      edited.erase(i, 1);
    else
      edited.insert(i, 1, raw[i]);
    add(edited);
  }
  return out;
}

}  // namespace interdict::words
