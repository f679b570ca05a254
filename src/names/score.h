// The scorer: a query reading against one indexed reading, token by token.
//
// Thread-safety: pure functions over immutable data; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "names/index_data.h"
#include "names/normalise.h"
#include "names/pair_memo.h"

namespace interdict {

struct QueryToken {
  std::string text;
  float weight = 0;
  bool weak = false;
  bool pattern = false;                          // a transcription pattern (transcribe.h), not a token
  PatternSource source = PatternSource::kOther;  // the script that wrote the pattern
  // Read from Han ideographs (NormalisedName::han_syllables): pairs only when equal, or
  // with an initial.
  bool han = false;
  // NormalisedName::typos: its spellings with one typo undone, folded.
  std::string typos;
};

// How a query reading meets a form: token by token; as a joined reading (either side
// holds several words joined: kJoinedFloor holds, no inflections), kJoinedOneSide when
// only one side is joined and the other's words are whole (then only equal spellings pair:
// the words of one side make one word of the other, Byte Dance and ByteDance, and a near
// spelling is most often a short word absorbed, Crystal Lee and CRYSTAL); or as a
// transcription, where patterns are compared by transcription_similarity.
enum class FormMode : std::uint8_t { kTokens, kJoined, kTranscribed, kJoinedOneSide };

// Similarity of two normalised tokens in [0,1]: 1 when equal; an initial against a word
// it starts ("j" / "john") kInitialSimilarity; otherwise Jaro-Winkler cubed when
// Jaro-Winkler is at least kTokenFloor, else 0. Tokens of one or two characters only
// match exactly or as initials.
[[nodiscard]] double token_similarity(std::string_view a, std::string_view b);
// The same without the variants below (hushing h, inflection): what a joined reading,
// which holds several words, is compared by.
[[nodiscard]] double spelling_similarity(std::string_view a, std::string_view b);

// True when `a` and `b` differ only in an h after c, s or z and keep kMinHushingLength
// letters besides: lists strip the háček ("KARADZIC") where a Czech or Cyrillic spelling
// reads "karadzhich" (ž, ж -> zh, č, ч -> ch). Short
// tokens are left out, since pinyin's zh/z, ch/c and sh/s are different surnames (Zhou,
// Zou). Such a pair scores kHushingSimilarity.
[[nodiscard]] bool equal_but_hushing_h(std::string_view a, std::string_view b);
inline constexpr std::size_t kMinHushingLength = 5;
inline constexpr double kHushingSimilarity = 0.97;

// True when the longer of `a` and `b` is the other (of kMinInflectedBase letters or more)
// with the ending another language's grammar puts on a foreign surname: Czech and Slovak
// feminine "-ova" (Musil / Musilova), Lithuanian "-as" (Putin / Putinas), Latvian "-s"
// after -ov, -ev, -in (Putins); and, on a stem ending -ov or -ev, the Russian
// feminine -a (Semenov / Semenova), the Czech feminine on it (Semenova / Semenovova) and a
// son's and a daughter's patronymic (Pavlovich / Pavlovna); the Czech feminine of a
// surname ending -a (Badinka / Badinkova); and Slavic adjectival surnames' masculine and
// feminine, -ki and -ka once folded (Pumpyansky / Pumpyanskaya, Owicki / Owicka). Shorter
// bases are other names (Jon / Jonas). Such a pair scores kInflectionSimilarity.
[[nodiscard]] bool equal_but_inflection(std::string_view a, std::string_view b);
inline constexpr std::size_t kMinInflectedBase = 4;

// True when `a` and `b` differ only where one writes c and the other ts (Czech, Polish,
// Croatian and Latvian c is ts: Urvancev / Urvantsev, Golicin / Golitsyn), keeping
// kMinAffricateLength letters besides. Such a pair scores kAffricateSimilarity.
[[nodiscard]] bool equal_but_affricate(std::string_view a, std::string_view b);
inline constexpr std::size_t kMinAffricateLength = 5;
inline constexpr double kAffricateSimilarity = 0.95;

// True when `a` and `b` differ only where German spells a Slavic name's sibilants: s for
// the voiced z (з: Sadoroschnyj / Zadorozhny, Osolin / Ozolin, Musil / Muzil), and z for
// the affricate ts or c (ц: Pustynzew / Pustyncev), keeping kMinAffricateLength letters
// besides, or kMinVoicedSibilantLength when every s against z stands between vowels,
// where German says s as z (Musil / Muzil / Музиль). Such a pair scores
// kAffricateSimilarity. In score_variants.cc.
[[nodiscard]] bool equal_but_german_sibilant(std::string_view a, std::string_view b);
inline constexpr std::size_t kMinVoicedSibilantLength = 4;
inline constexpr double kInflectionSimilarity = 0.95;

// True when the longer of `a` and `b` is the other, of kMinFinalHBase letters or more and
// ending in a vowel, with an h after it: Arabic and Persian names end in a silent h (ة, ه)
// some spellings write and some leave out (Asadollah / Asadolla, Suraqah / Suraqa,
// Masumeh / Masume). Such a pair scores kFinalHSimilarity. In score_variants.cc.
[[nodiscard]] bool equal_but_final_h(std::string_view a, std::string_view b);
inline constexpr std::size_t kMinFinalHBase = 5;
inline constexpr double kFinalHSimilarity = 0.95;

// True when `a` and `b` differ only in a letter one romanisation writes and another leaves
// out or changes, the rest of both of kMinUnwrittenBase letters or more: an h after a vowel
// and before a consonant, which Maghrebi and English spellings of Arabic write for ح and ه
// and others drop, as German writes its long vowel's (Dahmouni / Damouni, Fröhlich /
// Frolich); an i between l and u, French iou and English yu for the soft lu that other
// spellings write plain (Lioubomyra / Lubomyra, Ljudmila / Ludmila); and e for a before
// an h and a consonant, as Hindi and Urdu say and their romanisations write the short a
// there (Gehlot / Gahlot, Rehman / Rahman, Mehmood / Mahmood). Such a pair scores
// kUnwrittenSimilarity. In score_variants.cc.
[[nodiscard]] bool equal_but_silent_h(std::string_view a, std::string_view b);
[[nodiscard]] bool equal_but_glide_before_u(std::string_view a, std::string_view b);
[[nodiscard]] bool equal_but_open_e_before_h(std::string_view a, std::string_view b);
inline constexpr std::size_t kMinUnwrittenBase = 5;
inline constexpr double kUnwrittenSimilarity = 0.95;

// True when `a` and `b` are one given name's masculine and feminine: the feminine -a on a
// stem of kMinGenderedStem letters or more ending in a consonant (Luis / Luisa, Daniel /
// Daniela), or -o for -a (Antonio / Antonia). They name two people, and Jaro-Winkler puts
// them near a typo (0.885 for Luisa López and LOPEZ, Luis): such a pair scores
// kOtherGenderSimilarity, a name to review. Surnames' gendered endings, one family's, are
// equal_but_inflection's, asked first. In score_variants.cc.
[[nodiscard]] bool other_gender(std::string_view a, std::string_view b);
inline constexpr std::size_t kMinGenderedStem = 4;
inline constexpr double kOtherGenderSimilarity = 0.75;

// The similarity of a query token that, one typo undone, folds to the list token
// (NormalisedName::typos): KAHDEM for KHADEM, LAKAHL for LAKHAL, RODI for ROODI. Near
// Jaro-Winkler's for a swap the folds do not hide (0.96 cubed).
inline constexpr double kTypoSimilarity = 0.93;
inline constexpr double kTokenFloor = 0.84;
// The share of its weight a list-name token the query lacks costs (an initial: all).
inline constexpr double kUnmatchedNameShare = 0.5;
// The same for a given name or surname when the query pairs two words or more (a full
// name): score.cc.
inline constexpr double kFullNameUnmatchedShare = 0.65;
// True when a folded token is a patronymic: Russian -ovich, -evna, -ichna, Azerbaijani
// -oglu, -qizi.
[[nodiscard]] bool is_patronymic(std::string_view token);
inline constexpr double kInitialSimilarity = 0.6;
// An initial's when two or more of a name's pair with words: score.cc.
inline constexpr double kInitialsSimilarity = 0.9;
// A joined reading ("zijietiaodong") is one long token whose Jaro-Winkler stays high when
// a whole word is added or missing: it counts only when nearly the same.
inline constexpr double kJoinedFloor = 0.86;        // Jaro-Winkler 0.95, cubed
inline constexpr double kOneSideJoinedFloor = 1.0;  // FormMode::kJoinedOneSide: equal only

// Score of `query` against form `f`, in [0,1]. Pairs tokens greedily, best similarity
// first (each token at most once); a pair adds similarity * (both weights), unmatched
// query tokens their full weight and unmatched name tokens half of theirs to the
// denominator (lists carry middle names and patronymics a payment often omits). 0 when no
// two strong tokens pair. Fills `why` (pairs, unmatched tokens) when not null. `memo`, when
// not null, keeps each token pair's similarity for the rest of the query (pair_memo.h).
[[nodiscard]] double score_form(const std::vector<QueryToken>& query, const NameIndex::Data& d, const FormRec& f,
                                FormMode mode, Explanation* why, PairMemo* memo = nullptr);
// The memo ways (pair_memo.h) score_form keeps a query token's similarities under: read
// whole (a token, or a pattern against its transcriptions), or as a joined word.
inline constexpr std::uint32_t kWholeWay = 0;
inline constexpr std::uint32_t kJoinedWay = 1;
// The memo way score_sounds keeps a query word's pairs under.
inline constexpr std::uint32_t kSoundWay = 2;
// A pattern and a token pair only this alike (transcription_similarity): below, one
// consonant in five is another.
inline constexpr double kTranscriptionFloor = 0.8;
// A pattern against a strong list token: transcription_similarity with its spelling, or
// with its sound spelling (TokenRec::sounded, sound_spelling.h) when it has one, the
// better; 0 below kTranscriptionFloor. What score_form and the candidates' memo keep.
[[nodiscard]] double pattern_similarity(std::string_view pattern, PatternSource source, const NameIndex::Data& d,
                                        const TokenRec& t);

// Score of a query's words by sound (see phonetic.h) against form `f`, in [0,1], for a
// query written in a script that spells names by sound. Words pair with the form's strong
// tokens greedily when their sound keys are at least kSoundFloor alike; a pair's
// similarity is the keys' similarity, lowered by up to kSpellingShare when the spellings
// differ (so of two names that sound alike, the one spelled closer ranks first), and
// not counted below kSoundSpellingFloor. Weights
// are the list token's; an unmatched query word weighs the form's mean strong token.
// Fills `why` when not null. `memo`, when not null, keeps each word and token's pair for
// the rest of the query (pair_memo.h), under kSoundWay.
[[nodiscard]] double score_sounds(const std::vector<QuerySound>& query, const NameIndex::Data& d, const FormRec& f,
                                  Explanation* why, PairMemo* memo = nullptr);
inline constexpr double kSoundFloor = 0.6;
// Keys of fewer than kMinSoundKey classes fit too many names to count alone (phonetic.h),
// but beside a word whose full key pairs, an equal short key corroborates: 雷耶斯-桑多瓦尔
// is "leiyesi" (RS) and "sangduowaer" (SNTBR), Reyes-Sandoval. Such a pair's similarity
// before certainty and spelling.
inline constexpr double kCorroboratingSimilarity = 0.9;
inline constexpr double kSpellingShare = 0.1;
// Sound alike but spelled nothing alike ("mtin" / "antonio", Jaro-Winkler 0.43): in
// rigour's spellings of one surname across scripts the transliterations stay above it.
inline constexpr double kSoundSpellingFloor = 0.6;

}  // namespace interdict
