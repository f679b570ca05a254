// A query read and weighed against an index: its readings with their tokens' weights, and
// how each reading meets a form. Internal to index.cc (split from it for its length).
//
// Thread-safety: pure functions over an immutable index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "names/index_data.h"
#include "names/normalise.h"
#include "names/score.h"

namespace interdict {

struct WeighedQuery {
  std::vector<std::vector<QueryToken>> readings;
  std::vector<QueryToken> transcribed;         // empty unless the query has a transcription reading
  std::vector<QueryToken> transcribed_review;  // NormalisedName::transcribed_review, weighed
  std::vector<QuerySound> sounds;
  bool by_sound = false;
  std::size_t joined_reading = NormalisedName::kNoReading;
  std::vector<bool> review_only;  // per reading: NormalisedName::review_only
  std::size_t joined_words = 0;
  // True when every native word of transcribed_review writes a long vowel (native_confirms
  // in weighed_query.cc): what that reading meets at kNativeConfirm is a match.
  bool native_may_confirm = false;
};

// One way a query meets a form, in the order a search tries them: each token reading, the
// words' sounds, the transcribed reading and the transcribed_review one (those present).
struct QueryReading {
  enum class Kind : std::uint8_t { kTokens, kSounds, kTranscribed, kTranscribedReview };
  Kind kind = Kind::kTokens;
  std::size_t index = 0;                            // kTokens: which of WeighedQuery::readings
  const std::vector<QueryToken>* tokens = nullptr;  // null for kSounds
  bool review_only = false;                         // what it meets is to review at most
};

// The ways `query` meets forms (it must outlive them).
[[nodiscard]] std::vector<QueryReading> reading_plan(const WeighedQuery& query);

// A reading's score against a form, and before the review-only cap (which ranks the hits
// the cap ties).
struct ReadingScore {
  double score = 0;
  double uncapped = 0;
};
// The score of `reading` against form `f`; 0 when the reading does not meet such a form,
// or, for transcribed_review, when `best_so_far` is already at the cap. Fills `why` when not
// null, and keeps pairs in `memo` when not null (score_form).
[[nodiscard]] ReadingScore score_reading(const WeighedQuery& query, const QueryReading& reading,
                                         const NameIndex::Data& d, std::uint32_t f, double best_so_far,
                                         Explanation* why, PairMemo* memo);

// The most a reading that cannot confirm a name (NormalisedName::review_only) scores:
// under the default match threshold, at or over the review one.
constexpr double kReviewOnlyCeiling = 0.88;
// The least NormalisedName::transcribed_review scores to count (then capped): a native
// name's consonants meet a name only where they would confirm it were its vowels
// written. Counted from the review threshold up, its near pairs (Bill Posey for אביאל
// עבאסי, CLAN USUGA) brought 96 of yente's negatives to review, from here 22, nearly all
// namesakes (AHMAD, Hasan for אחמד חסן), and found the same labelled queries.
constexpr double kNativeFloor = 0.92;
// From here transcribed_review confirms a name, uncapped, when the query's native words
// each write a long vowel (WeighedQuery::native_may_confirm): every letter written then
// stands on the list's spelling, an alef, waw or yeh on its vowel. محمد writes none, and
// at 1.0 is Muhammad and Mahmud alike (ASHTARI, Mahmud for محمد اشتری); قاسم writes its a
// and is Kacem, براق Burak. Lifting the cap for every pair the floor lets through found
// the same 12 labelled queries and brought 33 more of yente's negatives to 0.92 (Bill
// Posey for אביאל עבאסי at 0.963, NUR-AL-DIN, Jawad for نور الدّين آل عواض at 0.979).
constexpr double kNativeConfirm = 0.99;

// Query readings with their token weights: the document frequency of an unknown token is
// taken as 1 (as rare as can be).
[[nodiscard]] WeighedQuery weigh_query(const NameIndex::Data& d, std::string_view query);

// True when the query's joined reading (`reading`) is not to meet joined form `f`
// (weighed_query.cc says why).
[[nodiscard]] bool joined_adds_nothing(const NameIndex::Data& d, std::uint32_t f, const WeighedQuery& query,
                                       std::size_t reading);

// How reading `reading` of the query meets `form`: token by token when neither is a
// joined reading (the Japanese, h and respelled readings are token readings too), joined
// words when both are, and only spelled alike when just one is (FormMode::kJoinedOneSide).
[[nodiscard]] FormMode mode_of(std::size_t reading, const FormRec& form, std::size_t joined_reading);

// What a kind hint and a country hint make of an entry's score: x0.85 for another kind,
// x0.95 for a country not among the entry's; 1 without a hint.
[[nodiscard]] double kind_factor(EntityKind hint, std::uint32_t kind);
[[nodiscard]] double country_factor(const NameIndex::Data& d, const EntryRec& e, std::string_view hint);

}  // namespace interdict
