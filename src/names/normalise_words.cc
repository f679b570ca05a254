// Words of a name before transliteration (normalise_words.h).
#include "names/normalise_words.h"

#include <unicode/uscript.h>

#include <algorithm>

#include "names/transcribe.h"

namespace interdict::words {
namespace {

Spelling spelling_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN: return Spelling::kPinyin;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return Spelling::kKana;
    case USCRIPT_HANGUL: return Spelling::kHangul;
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_SYRIAC: return Spelling::kAbjad;
    case USCRIPT_CYRILLIC: return Spelling::kCyrillic;
    case USCRIPT_GREEK: return Spelling::kGreek;
    case USCRIPT_LATIN:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: return Spelling::kLatin;
    default:
      // Other scripts (Devanagari, Thai, Georgian...) transliterate letter by letter,
      // so their words are heard like an abjad's: vowels and glides uncertain.
      return Spelling::kAbjad;
  }
}

constexpr std::size_t kMinHanTranscription = 2;
bool is_hiragana(char32_t c) { return c >= 0x3041 && c <= 0x3096; }

bool is_han(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

bool is_name_parting(UChar32 c) {
  return c == 0x00B7 || c == 0x2027 || c == 0x30FB || c == u'-' || c == 0x2010 || c == 0x2011 || c == 0xFF0D;
}

bool word_has_han(const std::u32string& word) {
  return std::any_of(word.begin(), word.end(), [](char32_t c) { return is_han(static_cast<UChar32>(c)); });
}

}  // namespace

icu::UnicodeString mark_words(const icu::UnicodeString& text, std::vector<Spelling>& spellings,
                              std::vector<std::string>& patterns, std::vector<PatternSource>& pattern_sources,
                              std::vector<std::string>& native_patterns, std::vector<bool>& han_words) {
  icu::UnicodeString marked;
  std::u32string word;
  bool chinese_name = false;  // a word of one ideograph: see below
  // An interpunct or hyphen parts the name: 加西亚·德·拉·赫尔塔.
  bool parted = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    parted = parted || is_name_parting(c);
  }
  auto flush = [&] {
    const auto alpha =
        std::find_if(word.begin(), word.end(), [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)); });
    if (alpha == word.end()) {
      for (char32_t c : word) marked.append(static_cast<UChar32>(c));
      marked.append(u' ');
    } else {
      const Spelling spelling = spelling_of(static_cast<UChar32>(*alpha));
      spellings.push_back(spelling);
      han_words.push_back(word_has_han(word));
      std::string pattern;
      PatternSource source = PatternSource::kOther;
      std::string native;
      if (spelling == Spelling::kKana && std::all_of(word.begin(), word.end(), is_kana)) {
        pattern = kana_pattern(word);
        marked.append(icu::UnicodeString::fromUTF8(pattern_letters(pattern)));
        // Hiragana writes Japanese words; foreign names are written in katakana.
        if (std::any_of(word.begin(), word.end(), is_hiragana)) pattern.clear();
      } else {
        // One character is a Chinese surname or given name far more often than a whole
        // foreign name (文 Wen, not Ven); but a name an interpunct or hyphen parts is a
        // transcribed one, and its one-character parts are the table's too: a particle
        // (弗洛尔·代·玛丽亚 Flor de María) or a word (沃德-布顿-雷 Ward-Boughton-Leigh).
        if (spelling == Spelling::kPinyin && (word.size() >= kMinHanTranscription || parted)) {
          pattern = han_pattern(word);
          source = PatternSource::kChinese;
        }
        if (spelling == Spelling::kPinyin && word.size() == 1) chinese_name = true;
        if (std::all_of(word.begin(), word.end(), is_indic)) {
          pattern = indic_pattern(word);
          source = PatternSource::kOther;
        }
        if (std::all_of(word.begin(), word.end(), is_hangul_syllable)) {
          pattern = hangul_pattern(word);
          source = PatternSource::kOther;
        }
        if (std::all_of(word.begin(), word.end(), is_abjad)) {
          source = PatternSource::kOther;
          pattern = abjad_pattern(word);
          native = abjad_native_pattern(word);
        }
        for (char32_t c : word) marked.append(static_cast<UChar32>(c));
      }
      pattern_sources.push_back(pattern.empty() ? PatternSource::kOther : source);
      patterns.push_back(std::move(pattern));
      native_patterns.push_back(std::move(native));
      marked.append(u" | ");
    }
    word.clear();
  };
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    // ー lengthens the kana before it, which the kana pattern reads (アー writes English
    // -er: バンカー Bunker); anywhere else it says nothing.
    if (c == 0x30FC && (word.empty() || !is_kana(word.back()))) continue;
    if (u_isalnum(c) || is_apostrophe(c) || is_mark(c) ||
        (is_lost_letter(c) && !word.empty() && i < text.length() && u_isalpha(text.char32At(i)))) {
      word.push_back(static_cast<char32_t>(c));
    } else if (!word.empty()) {
      flush();
    } else {
      marked.append(u' ');
    }
  }
  if (!word.empty()) flush();
  // A foreign name is transcribed with its parts parted by an interpunct or a hyphen
  // (约翰·史密斯; particles and parts of one character: 德·拉·赫尔塔 de la Huerta, 沃德-布顿-雷
  // Ward-Boughton-Leigh); a Chinese name in characters holds neither. A
  // word of one ideograph in a name without it is a Chinese surname or given name (楊 碧雲),
  // and the name is Chinese: its other words are Chinese given names, not transcriptions,
  // read as pinyin alone (碧雲 is Biyun, not the pattern that met "Bin").
  if (chinese_name && !parted)
    for (std::size_t w = 0; w < patterns.size() && w < spellings.size(); ++w)
      if (spellings[w] == Spelling::kPinyin) patterns[w].clear();
  return marked;
}

std::vector<QuerySound> sound_words(const icu::UnicodeString& marked, const std::vector<Spelling>& spellings) {
  std::vector<QuerySound> out;
  std::string utf8;
  marked.toUTF8String(utf8);
  std::size_t word = 0;
  std::string letters;
  for (char raw : utf8) {
    const auto c = static_cast<unsigned char>(raw);
    if (c == '|') {
      // A word with a short key or none still counts, unmatched, against every name.
      if (word < spellings.size() && !letters.empty() && !is_weak_token(letters))
        out.push_back({letters, sound_key(letters, spellings[word]),
                       spellings[word] == Spelling::kPinyin || spellings[word] == Spelling::kKana ||
                           spellings[word] == Spelling::kHangul});
      letters.clear();
      ++word;
    } else if (c >= 'a' && c <= 'z') {
      letters.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      letters.push_back(static_cast<char>(c - 'A' + 'a'));
    }
  }
  return out;
}

}  // namespace interdict::words
