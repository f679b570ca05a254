// The text steps of normalise.cc around transliteration, and the query's typo spellings and
// accented pairs. Internal to normalise.cc (split from it for its length).
//
// Thread-safety: simplifier() gives each thread its own transliterator (ICU's are not
// thread-safe and cost milliseconds to create); the rest are pure functions.
#pragma once

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <vector>

#include "names/normalise.h"

namespace interdict::words {

// NFKC; Traditional-Simplified, the step before the words are marked; the Latin reading
// after is latin_reading.cc's. Null when ICU lacks it.
[[nodiscard]] icu::Transliterator* simplifier();

// Chinese and Japanese legal forms (腾讯控股有限公司) replaced by their romanisation as whole
// weak words, before transliteration makes them ordinary-looking syllables.
void replace_cjk_forms(icu::UnicodeString& text);

// Polytonic Greek's rough breathing removed (ἑρμιόνη Ermioni, not Hermioni).
void drop_rough_breathing(icu::UnicodeString& text);

// Lowercase ASCII letters and digits as tokens; apostrophes vanish, the rest separates.
void tokenise_ascii(std::string_view text, NameTokens& out);

// The same for a transliterated text; `word_of`, when not null, gets the word (counted by
// mark_words' " | " marks) of each token.
void tokenise_unicode(const icu::UnicodeString& text, NameTokens& out, std::vector<std::size_t>* word_of = nullptr);

// Per word of `marked` (mark_words' output, before transliteration): true when it is two
// Latin letters, one with a diacritic (NormalisedName::not_weak).
[[nodiscard]] std::vector<bool> accented_pairs(const icu::UnicodeString& marked);

// `raw`'s spellings with one typo undone, folded, space separated (NormalisedName::typos).
[[nodiscard]] std::string typo_spellings(const std::string& raw, std::string_view folded);

}  // namespace interdict::words
