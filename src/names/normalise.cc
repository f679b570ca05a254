// Name normalisation: UTF-8 in, ASCII token readings out.
//
// Pipeline (why each step): NFKC so full-width and compatibility forms read as their
// plain letters; Traditional-Simplified so 騰訊 and 腾讯 give one pinyin; Chinese legal
// forms replaced by their English weak words before transliteration, since after it
// "you xian gong si" is four ordinary-looking syllables; Any-Latin then Latin-ASCII so
// Han, Cyrillic, Greek, Arabic, Hangul and kana read in Latin without accents or tones;
// case folding; anything neither letter nor digit separates tokens, apostrophes vanish
// ("O'Brien" -> "obrien"). ASCII input skips ICU entirely: most queries are ASCII and
// the transliterator is the costly step.
//
// Thread-safety: ICU transliterators are not thread-safe and cost milliseconds to
// create, so each thread builds its own once (thread_local) and keeps it.
//
// Most time of a query in Han went to Han-Latin; latin_reading.cc reads such a text from
// each ideograph's own reading, to the same text.
#include "names/normalise.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <string>
#include <vector>

#include "names/fold_readings.h"
#include "names/korean_reading.h"
#include "names/latin_reading.h"
#include "names/letters.h"
#include "names/normalise_text.h"
#include "names/normalise_words.h"
#include "names/phonetic.h"
#include "names/transcribe.h"
#include "names/transcribe_kanji.h"

namespace interdict {
namespace {

using words::accented_pairs;
using words::drop_rough_breathing;
using words::mark_words;
using words::replace_cjk_forms;
using words::simplifier;
using words::sound_words;
using words::tokenise_ascii;
using words::tokenise_unicode;
using words::typo_spellings;

// The query respelled (fold_readings.h, korean_reading.h), read as a list name is, as one
// reading more, unless a token reading already says the same: each reading is scored
// against every candidate, and several respellings often agree (a Ukrainian name read as
// Russian and by its letters).
void add_respelled_reading(const std::string& respelled, NormalisedName& out) {
  auto& readings = out.readings;
  if (respelled.empty() || readings.empty()) return;
  auto read = normalise_name(respelled);
  if (read.empty()) return;
  for (std::size_t r = 0; r < readings.size(); ++r)
    if (r != out.joined_reading && readings[r] == read.front()) return;
  readings.push_back(std::move(read.front()));
}

// Query and list name are read alike, but for the readings only a query gets (`query`):
// the Japanese reading of kanji, and the other languages' spellings (fold_readings.h). The
// list side's index holds what it held before, and a query in kanji meets the list's
// romaji (綱木 / TSUNAKI), the case the lists hold.

NormalisedName normalise(std::string_view utf8, bool query) {
  NormalisedName out;
  NameTokens tokens;
  std::vector<std::string> patterns;         // per word, "" when none
  std::vector<PatternSource> sources;        // per word: the script that wrote its pattern
  std::vector<std::string> native_patterns;  // per word: abjad_native_pattern, "" when none
  std::vector<std::size_t> word_of;          // per token
  std::vector<Spelling> script_of;           // per token
  std::vector<NameTokens> japanese_of;       // per word: its Japanese reading, or none
  std::vector<JapaneseWord> japanese;        // the query's words as the dictionary reads them
  bool syllabic = false;                     // a word in Han, kana or Hangul
  std::vector<bool> accented_words;          // per word: accented_pairs
  const bool ascii = letters::is_ascii(utf8);
  if (ascii) {
    tokenise_ascii(utf8, tokens);
  } else {
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::Transliterator* const simplify = simplifier();
    std::vector<Spelling> spellings;
    std::vector<bool> han_words;
    if (simplify && latin_available()) {
      simplify->transliterate(text);
      drop_rough_breathing(text);
      replace_cjk_forms(text);
      text = mark_words(text, spellings, patterns, sources, native_patterns, han_words);
      if (query) accented_words = accented_pairs(text);
      to_latin(text);
    }
    if (query && std::find(han_words.begin(), han_words.end(), true) != han_words.end()) {
      // Words are matched in order; a legal form cut out of a word (有限公司) can change
      // the count, and then no word is read as Japanese rather than a wrong one.
      japanese = japanese_words(utf8);
      std::vector<const JapaneseWord*> kanji;
      for (const auto& word : japanese)
        if (word.kanji) kanji.push_back(&word);
      if (static_cast<std::size_t>(std::count(han_words.begin(), han_words.end(), true)) == kanji.size()) {
        std::size_t k = 0;
        japanese_of.resize(han_words.size());
        for (std::size_t w = 0; w < han_words.size(); ++w)
          if (han_words[w]) japanese_of[w] = kanji[k++]->first;
      }
    }
    tokenise_unicode(text, tokens, &word_of);
    for (std::size_t i = 0; i < tokens.size() && i < word_of.size(); ++i)
      if (word_of[i] < accented_words.size() && accented_words[word_of[i]] && is_weak_token(tokens[i]))
        out.not_weak.push_back(tokens[i]);
    for (const std::size_t w : word_of) script_of.push_back(w < spellings.size() ? spellings[w] : Spelling::kLatin);
    if (std::any_of(spellings.begin(), spellings.end(), [](Spelling s) { return s != Spelling::kLatin; }))
      out.sounds = sound_words(text, spellings);
    out.by_sound = std::any_of(spellings.begin(), spellings.end(), [](Spelling s) { return s != Spelling::kLatin; });
    syllabic = std::any_of(spellings.begin(), spellings.end(), [](Spelling s) {
      return s == Spelling::kPinyin || s == Spelling::kKana || s == Spelling::kHangul;
    });
  }
  auto& readings = out.readings;
  if (tokens.empty()) return out;
  // The joined reading: strong tokens as one, weak ones kept, folded as one word, so a list
  // name written as one word ("Heyermann") meets its syllables ("hei er man"). Bounded so a
  // long name does not make one huge token that resembles nothing.
  NameTokens raw;
  if (query) raw = tokens;
  std::string joined;
  NameTokens weak;
  std::size_t strong = 0;
  std::uint64_t han_mask = 0;
  bool joined_han = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto& token = tokens[i];
    const bool han = i < script_of.size() && script_of[i] == Spelling::kPinyin;
    if (han && i < 64) han_mask |= std::uint64_t{1} << i;
    // Initials stay apart as well: "Christopher H. Smith" joined would read "...herhsmith".
    // In Han, kana and Hangul a lone letter is a syllable (阿 "a"), not an initial.
    // A syllable read from an ideograph is no legal form or particle (明德 Mingde, 敖 Ao).
    if ((!han && out.weak(token)) || (token.size() == 1 && !syllabic)) {
      weak.push_back(token);
      continue;
    }
    joined += token;
    joined_han = joined_han && han;
    ++strong;
    if (letters::is_ascii(token)) token = fold_spelling(token);
  }
  if (letters::is_ascii(joined)) joined = fold_spelling(joined);
  // One pattern per transcribed word (a Han word is several syllable tokens), the other
  // words' tokens as in the first reading; with `native`, native abjad words by theirs too.
  auto transcribed = [&](bool native) {
    std::vector<NormalisedName::Transcribed> out_tokens;
    std::size_t last_word = word_of.size() + patterns.size();
    for (std::size_t i = 0; i < tokens.size() && i < word_of.size(); ++i) {
      const std::size_t w = word_of[i];
      const std::string* pattern = w < patterns.size() && !patterns[w].empty() ? &patterns[w] : nullptr;
      PatternSource source = pattern != nullptr && w < sources.size() ? sources[w] : PatternSource::kOther;
      if (native && w < native_patterns.size() && !native_patterns[w].empty()) {
        pattern = &native_patterns[w];
        source = PatternSource::kOther;
      }
      if (pattern != nullptr) {
        if (w != last_word) out_tokens.push_back({*pattern, true, source});
        last_word = w;
      } else {
        out_tokens.push_back({tokens[i], false});
      }
    }
    return out_tokens;
  };
  auto any_pattern = [](const std::vector<std::string>& p) {
    return std::any_of(p.begin(), p.end(), [](const std::string& one) { return !one.empty(); });
  };
  if (any_pattern(patterns)) out.transcribed = transcribed(false);
  if (any_pattern(native_patterns)) out.transcribed_review = transcribed(true);
  // The Japanese reading: each word in kanji that the dictionary reads, by its readings,
  // the other words as in the first reading.
  NameTokens japanese_reading;
  if (std::any_of(japanese_of.begin(), japanese_of.end(), [](const NameTokens& j) { return !j.empty(); })) {
    std::size_t last_word = word_of.size() + japanese_of.size();
    for (std::size_t i = 0; i < tokens.size() && i < word_of.size(); ++i) {
      const std::size_t w = word_of[i];
      if (w < japanese_of.size() && !japanese_of[w].empty()) {
        if (w != last_word)
          for (const auto& token : japanese_of[w]) japanese_reading.push_back(fold_spelling(token));
        last_word = w;
      } else {
        japanese_reading.push_back(tokens[i]);
      }
    }
  }
  // A Chinese name (a query of Han words only, one of them a single character: a surname
  // or a given name) is written by the lists word by word, its given name's syllables
  // joined (XIE Mingde for 謝 明德), never its surname joined to its given name: joined
  // across its words, 军 翟 "iundi" met Al Jundi. It gets its words' syllables joined
  // instead, as a token reading.
  NameTokens word_joined;
  bool chinese_name = false;
  if (query && strong >= 2 && joined_han && !word_of.empty()) {
    std::vector<std::size_t> per_word(word_of.back() + 1, 0);
    for (std::size_t i = 0; i < tokens.size() && i < word_of.size(); ++i) ++per_word[word_of[i]];
    chinese_name = std::count_if(per_word.begin(), per_word.end(), [](std::size_t n) { return n > 0; }) >= 2 &&
                   std::find(per_word.begin(), per_word.end(), 1) != per_word.end();
    if (chinese_name && std::any_of(per_word.begin(), per_word.end(), [](std::size_t n) { return n > 1; }))
      for (std::size_t i = 0; i < tokens.size() && i < word_of.size(); ++i) {
        if (i > 0 && word_of[i] == word_of[i - 1])
          word_joined.back() += tokens[i];
        else
          word_joined.push_back(tokens[i]);
      }
  }
  if (query)
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const bool latin = i >= script_of.size() || script_of[i] == Spelling::kLatin;
      out.typos.push_back(latin && !out.weak(raw[i]) ? typo_spellings(raw[i], tokens[i]) : "");
    }
  readings.push_back(std::move(tokens));
  out.han_syllables.push_back(han_mask);
  if (!word_joined.empty()) {
    readings.push_back(std::move(word_joined));
    out.han_syllables.push_back(~std::uint64_t{0});
  }
  if (strong >= 2 && strong <= 5 && !chinese_name) {
    NameTokens second{std::move(joined)};
    second.insert(second.end(), weak.begin(), weak.end());
    out.joined_reading = readings.size();
    out.joined_words = strong;
    readings.push_back(std::move(second));
    out.han_syllables.push_back(joined_han ? 1 : 0);
  }
  // A Japanese name has more readings than the dictionary's first (transcribe_kanji.h). A
  // Chinese name's characters are mostly in the dictionary too (桂花 李 read keika ri,
  // katsura hana sumomo...): it gets the first reading only, as before those readings.
  if (!japanese_reading.empty() && !chinese_name)
    for (const auto& other : japanese_other_readings(japanese)) {
      NameTokens folded;
      for (const auto& token : other) folded.push_back(fold_spelling(token));
      if (std::find(readings.begin(), readings.end(), folded) == readings.end()) readings.push_back(std::move(folded));
    }
  if (!japanese_reading.empty() && japanese_reading != readings.front())
    readings.push_back(std::move(japanese_reading));
  if (query && !ascii) add_respelled_reading(cyrillic_ge_as_h(utf8), out);
  if (query) add_spelling_readings(raw, script_of, utf8, readings);
  if (query) add_respelled_reading(respelled_letters(utf8), out);
  if (query && !ascii) add_respelled_reading(georgian_as_foreign(utf8), out);
  if (query) add_respelled_reading(ukrainian_as_russian(utf8), out);
  if (query && !ascii) add_respelled_reading(belarusian_vowels_as_russian(utf8), out);
  if (query && !ascii) add_respelled_reading(russian_transcription_as_latin(utf8), out);
  if (query && !ascii) add_respelled_reading(arabic_feminine_as_persian(utf8), out);
  if (query && !ascii) add_respelled_reading(hangul_liquid_as_r(utf8), out);
  if (query && !ascii) add_respelled_reading(hangul_pieup_as_f(utf8), out);
  if (query && !ascii) add_respelled_reading(hangul_pinyin_u(utf8), out);
  if (query) add_prothesis_reading(readings);
  if (query && syllabic) {
    const std::size_t before = readings.size();
    add_respelled_reading(korean_as_lists_write(utf8, KoreanSpelling::kNorth), out);
    add_respelled_reading(korean_as_lists_write(utf8, KoreanSpelling::kMcCune), out);
    out.review_only.resize(readings.size(), false);
    for (std::size_t r = before; r < readings.size(); ++r) out.review_only[r] = true;
  }
  out.han_syllables.resize(readings.size(), 0);
  out.review_only.resize(readings.size(), false);
  return out;
}

}  // namespace

NormalisedName normalise_query(std::string_view utf8) { return normalise(utf8, true); }

std::vector<NameTokens> normalise_name(std::string_view utf8) { return normalise(utf8, false).readings; }

}  // namespace interdict
