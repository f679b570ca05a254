// Normalisation of a query with what the scorer needs beyond normalise_name's readings:
// the sound keys of its words when it was written in a script that spells names by
// sound (see phonetic.h).
//
// Thread-safety: as normalise_name (ICU transliterators are per thread).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "names/names.h"
#include "names/transcribe.h"

namespace interdict {

// One word of the query as transliterated ("luohasi" for 罗哈斯), and its sound key.
struct QuerySound {
  std::string word;
  std::string key;
  // The word's script has one liquid (Han, kana, Hangul): its l or r may be the list
  // name's other one, so spellings are compared with l read as r.
  bool one_liquid = false;
  // Lowers the word's sound pairs when many list names share its key: 1 - kAmbiguityCost
  // * log2(names sharing it), at least kMinCertainty. Set by the index.
  double certainty = 1;
};
inline constexpr double kAmbiguityCost = 0.015;
inline constexpr double kMinCertainty = 0.85;

struct NormalisedName {
  // What normalise_name returns, and for a query with a word in kanji that the Japanese
  // dictionary reads (transcribe_kanji.h) one reading more: those words by their Japanese
  // reading (綱木 "tsunaki"), the others as in the first. A list name has no such reading,
  // so the index holds what it did. After it, a query's words as other languages spell
  // them, one reading each (fold_readings.h): г read as h (Ukrainian Головінський
  // Holovinskyi), Czech and Polish spellings, Ukrainian and Belarusian as Russian...
  std::vector<NameTokens> readings;
  // Per reading, bit i set when its token i is made of syllables read from Han ideographs
  // (pinyin), the joined reading's token when all its strong tokens are. Such a syllable is
  // a whole character: a near spelling of it (cheng / chen, jian / jin) is another character,
  // not a typo, so the scorer pairs it only when equal. Tokens past 64 are not marked.
  std::vector<std::uint64_t> han_syllables;
  // Which of `readings` is the joined one (all strong tokens as one), kNoReading for none.
  static constexpr std::size_t kNoReading = static_cast<std::size_t>(-1);
  std::size_t joined_reading = kNoReading;
  // Per reading, true when it is a romanisation that loses what the script tells apart
  // (Korean's ㅓ and ㅗ are both o, its 정 and 영 both "iong" once folded): a name it meets
  // is one to review, never a match (kReviewOnlyCeiling, weighed_query.h).
  std::vector<bool> review_only;
  // How many words the joined reading joins.
  std::size_t joined_words = 0;
  // Every strong word with its sound key, when any word is in a script other than Latin:
  // their sound keys pick candidates. Empty for Latin-only names.
  std::vector<QuerySound> sounds;
  // True when a word is in a script other than Latin: Han, kana, Hangul and the abjads spell
  // names by sound, where transliteration cannot give the list's spelling back, and
  // Cyrillic and Greek spell foreign names by sound too (рэдеску Rădescu, дисента Dicenta):
  // the words are then scored by sound as well. (Without it for Cyrillic and Greek, session
  // 10 measured 8 labelled queries fewer at 0.92 and no negative fewer at 0.93.)
  bool by_sound = false;
  // The query read as a transcription (transcribe.h), when a word is in kana or in Han
  // characters that all belong to the transcription table: one token per such word, its
  // pattern; the other words' tokens as in the first reading. Empty otherwise.
  struct Transcribed {
    std::string text;
    bool pattern = false;                          // `text` is a pattern, compared by transcription_similarity
    PatternSource source = PatternSource::kOther;  // the script that wrote the pattern
  };
  std::vector<Transcribed> transcribed;
  // As `transcribed`, with the words of Arabic, Persian or Hebrew that hold a letter of
  // those languages' own sounds (محمد, علي) by their patterns too (abjad_native_pattern),
  // when the query has one; empty otherwise. The lists hold these names' Latin namesakes
  // by the hundred, and the script leaves their short vowels unwritten: what this reading
  // meets is to review (kReviewOnlyCeiling, weighed_query.h), unless every native word
  // writes a long vowel and the pair is all but exact (WeighedQuery::native_may_confirm).
  std::vector<Transcribed> transcribed_review;
  // Per token of the first reading, a query's only: the token's Latin spellings with one
  // common typo undone (two neighbouring letters swapped, a vowel doubled or written once),
  // each folded, space separated ("" for none). The folds hide such typos: KAHDEM and KHADEM
  // fold to "kahdem" and "hadem", GZAIEV and GAZIEV to "gzaev" and "gaziev", RODI and ROODI to
  // "rodi" and "rudi" (kTypoSimilarity in score.h).
  std::vector<std::string> typos;
  // Tokens is_weak_token takes for a legal form or title that the query writes as no
  // abbreviation is written: two letters, one with a diacritic (Sá is a surname, SA a legal
  // form). A query's only.
  std::vector<std::string> not_weak;
  [[nodiscard]] bool weak(std::string_view token) const {
    return is_weak_token(token) && std::find(not_weak.begin(), not_weak.end(), token) == not_weak.end();
  }
};
inline constexpr std::size_t kMinTypoLength = 3;

[[nodiscard]] NormalisedName normalise_query(std::string_view utf8);

// `token` (ASCII) with the spellings of one sound across Latin-script languages folded
// alike on both sides (cz, cs, tch -> ch; sz, sch -> sh; hard c, ck, qu -> k; x -> ks;
// ph -> f; th -> t; kh -> h; ou, oe -> u; w -> v; y, j -> i; final -of -> -ov; doubled
// letters once; a glide between vowels dropped in long tokens). In fold.cc.
[[nodiscard]] std::string fold_spelling(std::string_view token);

}  // namespace interdict
