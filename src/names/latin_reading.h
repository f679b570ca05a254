// The Latin reading of a name's marked words (normalise_words.h): ICU's Any-Latin then
// Latin-ASCII, with the rules of latin_reading.cc, and a way round ICU that gives the same
// text for the texts most queries in Han and kana come to.
//
// Why a way round: Han-Latin tries each of its ~1,400 rules, most of them sets of hundreds
// of ideographs, at every ideograph (some 25 us each), while it reads nearly every
// ideograph alone, one syllable each, space between. A text of ideographs, spaces and
// word marks is read here from each ideograph's own reading, asked of ICU once per thread
// and kept; ASCII (kana words come out of mark_words as their romaji, legal forms as
// their weak words) is already its reading. Anything else goes to ICU: other scripts,
// ideographs beside ASCII letters or digits (ICU spaces them by their order and kind), and
// the few ideographs that Han-Latin reads by their neighbours (重 in 重庆), found in its
// rules.
//
// Thread-safety: ICU transliterators are not thread-safe and cost milliseconds to create,
// so each thread builds its own once (thread_local) and keeps it, with its readings.
#pragma once

#include <unicode/unistr.h>

namespace interdict {

// True when this thread's transliterator could be built (ICU's data is there).
[[nodiscard]] bool latin_available();

// Reads `text` in Latin as ICU does (to_latin_icu), by the way round when it applies.
void to_latin(icu::UnicodeString& text);

// `text` read by the transliterator alone; unchanged when ICU cannot build it.
void to_latin_icu(icu::UnicodeString& text);

// True, with `text`'s reading in `out`, when `text` holds only ASCII and ideographs that
// ICU reads alone, no ideograph beside ASCII other than a space or '|' (the mark between
// words); false, `out` unspecified, otherwise. Where true, `out` equals what to_latin_icu
// makes of `text`.
[[nodiscard]] bool to_latin_fast(const icu::UnicodeString& text, icu::UnicodeString& out);

}  // namespace interdict
