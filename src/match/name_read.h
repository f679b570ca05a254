// NameReader: a name as the name matcher compares it, a run of lowercase ASCII tokens.
// Internal to src/match (name.cc).
//
// Reading, in order:
//   1. NFKC, so full-width and compatibility forms ("ＴｉｋＴｏｋ") become plain letters;
//   2. ICU "Any-Latin; Latin-ASCII; Lower": Han to toneless pinyin syllables (simplified and
//      traditional alike: 騰訊 and 腾讯 are both "teng xun"), Cyrillic, Arabic and accents to
//      ASCII, then lowercase;
//   3. every character that is not a letter or digit separates tokens;
//   4. legal-form words are dropped (name_legal.cc), unless nothing else is left.
// Plain ASCII skips ICU (name_tokens.h), and so do a name of Han ideographs read an
// ideograph at a time (name_han.cc) and a Latin name with accents read a character at a
// time (name_latin.cc); all give the tokens ICU would.
//
// Thread-safety: tokens() may be called from any thread; ICU's transliterator, which ICU
// does not promise to be safe on several threads at once, runs behind a mutex.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/translit.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "match/name_tokens.h"

namespace interdict::name_detail {

class NameReader {
 public:
  // Creates ICU's NFKC instance and transliterator: about a tenth of a second. Without ICU's
  // data, names keep their own script, lowercased.
  NameReader();
  NameReader(const NameReader&) = delete;
  NameReader& operator=(const NameReader&) = delete;

  // The tokens of `name` into `out`.
  void tokens(std::string_view name, Tokens& out) const;

 private:
  // The tokens ICU reads in `name` (NFKC, transliteration, split), legal forms kept.
  void unicode_tokens(std::string_view name, Tokens& out) const;
  // ReadIdeograph for append_han_tokens, `context` this reader.
  static bool read_ideograph(const void* context, char32_t c, std::string& reading);
  // ReadCharacter for append_latin_tokens, `context` this reader.
  static bool read_character(const void* context, char32_t c, std::string& reading);
  // ICU's reading of `text` (NFKC, then the transliterator), as UTF-8.
  [[nodiscard]] std::string icu_reading(std::string_view text) const;

  const icu::Normalizer2* nfkc_ = nullptr;               // owned by ICU; null if its data is missing
  std::unique_ptr<icu::Transliterator> transliterator_;  // null if ICU lacks the rules
  mutable std::mutex transliterator_mu_;
};

}  // namespace interdict::name_detail
