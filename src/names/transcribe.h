// Transcription readings: how Chinese characters and Japanese kana spell a foreign name,
// read back as a Latin pattern with the vowels the script had to add marked optional.
//
// Chinese writes a European surname with a fixed set of characters, one per syllable of
// the Xinhua transcription table, several of which stand for a bare consonant (斯 s, 特 t,
// 克 k, 尔 r): 罗德里格斯 is ro-d-ri-g-s, Rodriguez. Japanese katakana gives every
// consonant a vowel, u after most (ス su for s, ク ku for k), o after t and d (ト, ド), i
// after ch and j (チ, ジ): ロハス is ro-ha-s(u), Rojas. Pinyin and romaji read these back
// letter by letter ("luo de li ge si", "rohasu"); the pattern reads them as the table
// meant them ("rodrigs" with optional vowels), so that a comparison can forgive the added
// vowels and nothing else. Where the facts come from: docs/names-rules.md.
//
// Patterns are ASCII: a lowercase letter is a sound the script wrote; an uppercase vowel
// is one it may have added (present in the name or not, at no cost), an uppercase H the h
// of katakana シ and of 谢, which write a foreign si and se as well as shi and she, and an
// uppercase R the r a lengthened a (アー) may stand for.
//
// Thread-safety: pure functions over constant tables; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interdict {

// True for a kana letter this module reads (hiragana or katakana, small letters, ッ, ー).
[[nodiscard]] bool is_kana(char32_t c);

// The pattern of a word in kana, e.g. ロハス -> "rohasU", ニコラエヴィチ -> "nikoraevichI".
// REQUIRES: every letter of `word` is_kana. The gemination mark ッ and the long-vowel
// mark ー add nothing (lists spell doubled letters once after folding).
[[nodiscard]] std::string kana_pattern(std::u32string_view word);

// The pattern of a word in Chinese characters when every character is one the
// transcription table uses for foreign names (科萨托 -> "kosato", 斯 -> "s"); empty when
// any is not (a Chinese name such as 王秀英 is read by its pinyin only). `word` is in
// simplified characters.
[[nodiscard]] std::string han_pattern(std::u32string_view word);

// Which script a pattern was read from, where the alignment prices letters by it. Chinese
// writes no voicing: its b, d and g syllables (巴, 达, 加) are unaspirated stops, which
// foreign t, p and k are in Romance, Slavic and Indian names (杰罗达 Jalota), and its t
// column writes a d as often (唐特兹 Dontez, 都铎 Tudor). Katakana writes voicing (ダ da,
// タ ta), so the alignment prices a voicing pair cheaper for a Chinese pattern only
// (kUnvoicedCost); han_pattern's words are kChinese, every other pattern kOther.
enum class PatternSource : std::uint8_t { kOther, kChinese };
// True for a Devanagari or Bengali pattern: its inherent vowel is an optional A. A Chinese
// pattern is never one, whatever optional A it holds (盖's gAEI, a glide's IA). The
// alignment and the keys both ask this, so they cannot disagree.
[[nodiscard]] inline bool is_indic_pattern(std::string_view pattern, PatternSource source) {
  return source != PatternSource::kChinese && pattern.find('A') != std::string_view::npos;
}

// True for a Devanagari or Bengali letter or sign this module reads, or a zero-width
// joiner (which shapes conjuncts and says nothing of sound).
[[nodiscard]] bool is_indic(char32_t c);

// The pattern of a word in Devanagari or Bengali, each consonant's inherent vowel optional
// (transcribe_indic.cc): पुतिन -> "putinA", बारकिन -> "barAkinA"; empty when no consonant
// keeps its inherent vowel (माला, read as ICU reads it). REQUIRES: every letter of `word`
// is_indic.
[[nodiscard]] std::string indic_pattern(std::u32string_view word);

// True for a precomposed Hangul syllable (가 to 힣).
[[nodiscard]] bool is_hangul_syllable(char32_t c);

// The pattern of a word in Hangul, Korean's vowel for none (ㅡ after a consonant, in an
// open syllable or before l) optional (transcribe_hangul.cc): 바르킨 ->
// "barUkin"; empty when the word has no such vowel (a Korean name: 김민준).
// REQUIRES: every letter of `word` is_hangul_syllable.
[[nodiscard]] std::string hangul_pattern(std::u32string_view word);

// True for an Arabic, Persian or Hebrew letter this module reads, a mark (harakat,
// niqqud) or tatweel inside such a word, or an apostrophe (Hebrew's geresh).
[[nodiscard]] bool is_abjad(char32_t c);

// The pattern of a word in Arabic, Persian or Hebrew letters (transcribe_abjad.cc): each
// unwritten vowel an optional X, waw W (u, o, v), yeh Y (i, e, j), a final he or ta
// marbuta E (a, e, h or none): كولمان -> "kWlXman", פילמון -> "wYlXmWn" (w is פ, p or
// f); the Arabic article ال left out. Empty for a word with a letter of Arabic's or
// Hebrew's own sounds (محمد), of fewer than three written letters, or with no vowel
// letter nor unwritten vowel.
// REQUIRES: every letter of `word` is_abjad.
[[nodiscard]] std::string abjad_pattern(std::u32string_view word);

// The pattern of a word that abjad_pattern gives none for its letter of Arabic's or
// Hebrew's own sounds (محمد -> "mXhXmXd"), "" for any other word. The script leaves a
// native name's short vowels unwritten (محمد is Muhammad or Mahmud, علي Ali or Eli), so
// what such a pattern meets is a name to review, never a match (normalise.h).
// REQUIRES: every letter of `word` is_abjad.
[[nodiscard]] std::string abjad_native_pattern(std::u32string_view word);

// True for a pattern abjad_pattern made, which transcription_similarity aligns by
// abjad_similarity.
[[nodiscard]] bool is_abjad_pattern(std::string_view pattern);

// Similarity in [0,1] of an abjad pattern and a folded list token, as
// transcription_similarity's (below): 1 minus the cheapest alignment's cost over the
// token's length, what the script cannot tell apart at no cost; 0 for a pair below
// kTranscriptionFloor (score.h), which no caller counts, so that its bound may give up early.
[[nodiscard]] double abjad_similarity(std::string_view pattern, std::string_view token);

// `pattern` with a letter written twice in a row written once, as the lists' tokens are
// folded (fold_spelling): 门尼 "menni" -> "meni" (Jiménez), アンナ "anna" -> "ana".
// Optional letters are kept as they are.
[[nodiscard]] std::string single_letters(std::string pattern);

// `pattern` with an i between vowels optional, in patterns of kGlideLetters or more, as
// the lists' fold drops a glide there (Pelaia `pela`: ペライア "peraIA"), and the vowel
// after it optional too where it is the one before it (Kumaraiah `kumarah`: 库马拉亚
// "kumalaIA"), which the fold then writes once. `written_i`: a lowercase i is a vowel the
// script wrote (kana イ), not a j folded to i (the Han table's 贾 "ia", 朱 "iu": 曼纳朱罗
// Mannajuolo is no Manaure), and may be a glide too; else only an optional I is.
[[nodiscard]] std::string optional_glides(std::string pattern, bool written_i);

// The pattern lowered: every optional vowel kept, as the plain reading of a kana word.
[[nodiscard]] std::string pattern_letters(std::string_view pattern);

// The class a transcription alignment (below) hears in a letter, or 0 for a letter
// it forgives cheaply: vowels (added, dropped or swapped by every transcription), h (left
// unwritten). l and r are one letter. j is a velar: the alignment takes j for g. Each class
// holds every letter the alignment's own consonant classes put together (and more: w with
// b, j with g), so letters of two classes here never cost less than 1 to substitute
// (transcribe_bound.h relies on it).
// The index's transcription keys are spelt in these classes (transcription_keys.cc), and the alignment
// derives its own from them (transcribe_align.cc), so the two cannot drift apart.
[[nodiscard]] char transcription_class(char c);

// Similarity in [0,1] of a pattern and a folded list token (lowercase ASCII): 1 minus the
// cheapest alignment's cost over the token's length. Optional vowels cost nothing; a
// vowel for another, or one added or missing, costs kVowelCost; a consonant for one of its
// class (b p f v, t d, k g, s z, m n), or an r or h the script left out, kNearCost; any
// other consonant change 1. l and r are one letter (Chinese and Japanese have one liquid).
// Tokens of fewer than three letters compare equal or not at all.
// `source` says which script wrote the pattern (PatternSource). With a `floor`, a pair that
// cannot reach it is 0, found as soon as the alignment shows it (the scorer counts no pair
// under kTranscriptionFloor, and most pairs it aligns are such).
[[nodiscard]] double transcription_similarity(std::string_view pattern, std::string_view token,
                                              PatternSource source = PatternSource::kOther, double floor = 0.0);
// A Devanagari or Bengali pattern (its inherent vowel an optional A) pairs only from
// kIndicFloor (transcribe_align.cc says why).
inline constexpr double kIndicFloor = 0.9;
inline constexpr double kVowelCost = 0.25;
inline constexpr double kNearCost = 0.35;
// A stop for its voiced or voiceless partner (b p, d t, g k) in a Chinese pattern
// (PatternSource).
inline constexpr double kUnvoicedCost = 0.2;
// An r after a vowel, before a consonant or last, left unwritten (transcribe_rules.cc says why).
inline constexpr double kUnwrittenR = 0.2;
// Two spellings of one sound where the list's letters do not say which language's reading
// is meant: a vowel digraph for one vowel (French au as o), German ch for h, a voiced s
// for z, dz for z, English short u for a (transcribe_rules.cc says each).
inline constexpr double kSameSoundCost = 0.1;
// Vowel digraphs read as one vowel (kDigraphLetters), and a nasal left out before a
// consonant (kNasalLetters), in tokens of this many letters or more: in shorter ones they
// are too much of the name (pinyin has ai, ei, ie, and n before a consonant, in every
// other given name).
inline constexpr std::size_t kDigraphLetters = 6;
inline constexpr std::size_t kNasalLetters = 6;
// Whether token[k] is a nasal the tables may leave out at kNearCost: m or n before a
// consonant other than h and g (ng and nh are one sound), in tokens of kNasalLetters or
// more. The alignment's rule, and its bound's.
[[nodiscard]] bool droppable_nasal(std::string_view token, std::size_t k);
// Whether token[k] is a final t after a vowel, which French leaves unsaid (Devoret
// デヴォレ) and the tables unwritten at kNearCost, in tokens of kSilentFinalLetters or
// more (a final e after a consonant as well, at kSameSoundCost). The alignment's rule,
// and its bound's.
inline constexpr std::size_t kSilentFinalLetters = 5;
[[nodiscard]] bool silent_final_t(std::string_view token, std::size_t k);
// Whether token[k] is the t of stl, which English leaves unsaid (Castle, Whistler; 卡斯尔
// Kästle) and the tables unwritten at kNearCost. The alignment's rule, and its bound's.
[[nodiscard]] bool silent_stl_t(std::string_view token, std::size_t k);
// Whether token[k] is the d of a final English -ward or -wards (folded vard), which Chinese
// has written 华 hua since before the table (爱德华 Edward, 爱德华兹 Edwards): a Chinese
// pattern leaves it out at kNearCost. The alignment's rule; its bound's for any pattern.
[[nodiscard]] bool english_ward_d(std::string_view token, std::size_t k);
// Whether token[k] is the z of a final -ez, which French leaves unsaid (Douchez ドゥシェ)
// and Spanish says s, which the tables write: left out at kNearCost with its e paired
// with the pattern's, in tokens of kSilentFinalLetters or more. The alignment's rule, and
// its bound's.
[[nodiscard]] bool silent_final_z(std::string_view token, std::size_t k);
// A pattern's diphthong ai or ei for the list's i or a, English long vowels, in tokens of
// this many letters or more (transcribe_align.cc says why).
inline constexpr std::size_t kLongVowelLetters = 5;
// Whether token[k] is the k or the s of a final ks after au or eu: the x of French -aux,
// -eaux and -eux as the fold spells it, which French does not say (Subercaseaux 苏伯卡索,
// Bordeaux). The alignment leaves each out at kSameSoundCost, its bound counts them so,
// and the transcription keys hold neither.
[[nodiscard]] bool french_silent_x(std::string_view token, std::size_t k);
// Whether token[k] is a v before u, which neither table writes apart from the u (マウリ
// Mawuli): left out at kNearCost by the alignment and counted so by its bound.
[[nodiscard]] bool labial_before_u(std::string_view token, std::size_t k);
// A pattern's i between vowels is optional in patterns of this many letters or more, where
// the lists' fold drops a glide (fold.cc's length): optional_glides.
inline constexpr std::size_t kGlideLetters = 6;
// ch or ci before a vowel for 乔's j, in tokens of this many letters or more.
inline constexpr std::size_t kAffricateLetters = 6;
// i for e or e for i, in a token of kFrontVowelLetters or more (transcribe_align.cc says why).
inline constexpr double kFrontVowelCost = 0.15;
inline constexpr std::size_t kFrontVowelLetters = 5;

}  // namespace interdict
