// NameIndex: search. A query is read and weighed here, its candidates are picked in
// candidates.cc, and each is scored in score.cc; building is in index_build.cc.
#include <algorithm>
#include <cmath>

#include "base/ascii.h"
#include "names/candidates.h"
#include "names/pair_memo.h"
#include "names/phonetic.h"
#include "names/score.h"

namespace interdict {
namespace {

struct WeighedQuery {
  std::vector<std::vector<QueryToken>> readings;
  std::vector<QueryToken> transcribed;         // empty unless the query has a transcription reading
  std::vector<QueryToken> transcribed_review;  // NormalisedName::transcribed_review, weighed
  std::vector<QuerySound> sounds;
  bool by_sound = false;
  std::size_t joined_reading = NormalisedName::kNoReading;
  std::vector<bool> review_only;  // per reading: NormalisedName::review_only
  std::size_t joined_words = 0;
  // The first and last words the joined reading joins.
  std::string first_word;
  std::string last_word;
};

// Query readings with their token weights: the document frequency of an unknown token is
// taken as 1 (as rare as can be).
WeighedQuery weigh_query(const NameIndex::Data& d, std::string_view query) {
  WeighedQuery out;
  const double forms = static_cast<double>(std::max<std::size_t>(d.forms.size(), 1));
  auto normalised = normalise_query(query);
  out.sounds = std::move(normalised.sounds);
  for (auto& sound : out.sounds) {
    // A key that many list names share identifies none of them well.
    if (sound.key.size() < kMinSoundKey) continue;
    const auto [first, last] = postings_of(d, sound_exact_key(sound.key));
    const double shared = std::max<double>(static_cast<double>(last - first), 1.0);
    sound.certainty = std::max(kMinCertainty, 1.0 - kAmbiguityCost * std::log2(shared));
  }
  out.by_sound = normalised.by_sound;
  out.joined_reading = normalised.joined_reading;
  out.joined_words = normalised.joined_words;
  out.review_only = std::move(normalised.review_only);
  out.first_word = std::move(normalised.joined_first);
  out.last_word = std::move(normalised.joined_last);
  for (std::size_t r = 0; r < normalised.readings.size(); ++r) {
    std::vector<QueryToken> tokens;
    const std::uint64_t han = r < normalised.han_syllables.size() ? normalised.han_syllables[r] : 0;
    for (auto& text : normalised.readings[r]) {
      const auto [first, last] = postings_of(d, exact_key(text));
      const double df = std::max<double>(static_cast<double>(last - first), 1.0);
      QueryToken q{std::move(text), static_cast<float>(std::log1p(forms / df)), false};
      q.han = tokens.size() < 64 && ((han >> tokens.size()) & 1) != 0;
      // A syllable read from an ideograph is no legal form or particle: 德 is de, 敖 ao.
      q.weak = !q.han && is_weak_token(q.text);
      if (q.weak) q.weight *= kWeakFactor;
      tokens.push_back(std::move(q));
    }
    out.readings.push_back(std::move(tokens));
  }
  auto weigh_transcribed = [&](std::vector<NormalisedName::Transcribed>& from, std::vector<QueryToken>& to) {
    for (auto& t : from) {
      const auto [first, last] = postings_of(d, exact_key(t.text));
      const double df = std::max<double>(static_cast<double>(last - first), 1.0);
      QueryToken q{std::move(t.text), static_cast<float>(std::log1p(forms / df)), false, t.pattern};
      q.weak = !q.pattern && is_weak_token(q.text);
      if (q.weak) q.weight *= kWeakFactor;
      to.push_back(std::move(q));
    }
  };
  weigh_transcribed(normalised.transcribed, out.transcribed);
  weigh_transcribed(normalised.transcribed_review, out.transcribed_review);
  return out;
}

// The most a reading that cannot confirm a name (NormalisedName::review_only) scores:
// under the default match threshold, at or over the review one.
constexpr double kReviewOnlyCeiling = 0.88;
// The least NormalisedName::transcribed_review scores to count (then capped): a native
// name's consonants meet a name only where they would confirm it were its vowels
// written. Counted from the review threshold up, its near pairs (Bill Posey for אביאל
// עבאסי, CLAN USUGA) brought 96 of yente's negatives to review, from here 22, nearly all
// namesakes (AHMAD, Hasan for אחמד חסן), and found the same labelled queries.
constexpr double kNativeFloor = 0.92;

// How many words a joined form joins: its name's strong tokens, as normalise_name counts
// them (an initial stays apart). The forms of a name lie together, its token form first.
std::size_t joined_words(const NameIndex::Data& d, std::uint32_t f) {
  while (f > 0 && d.forms[f - 1].name == d.forms[f].name) --f;
  const FormRec& first = d.forms[f];
  std::size_t words = 0;
  for (std::uint32_t j = 0; j < first.token_count; ++j) {
    const TokenRec& t = d.tokens[d.form_tokens[first.first_token + j]];
    if (t.weak == 0 && t.text.length > 1) ++words;
  }
  return words;
}

// True when `a` becomes `b` by at most one edit: a letter added, dropped or changed, or
// two neighbours swapped.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);
}

// True when the query's joined reading (`reading`) is not to meet joined form `f`: two names
// whose words line up one to one, as many on each side, are compared word by word, and
// their joined readings only forgive one typo across them (KIM SKO CHOL, KIM SOK CHOL).
// Else a long word both share hides another that differs: Richard Houston joined met
// Richard Hudson at 0.91, and Brandon Willis Brandon Williams at 0.92.
// A word of one letter, a syllable such as Korean 이 (Lee), is no typo either: 수빈 이
// joined, "subini", met Su Bin at 0.903.
bool joined_adds_nothing(const NameIndex::Data& d, std::uint32_t f, const WeighedQuery& query, std::size_t reading) {
  const FormRec& form = d.forms[f];
  if (reading != query.joined_reading || form.joined == 0 || joined_words(d, f) != query.joined_words) return false;
  const std::string_view joined = query.readings[reading][0].text;
  const std::string_view listed = d.str(d.tokens[d.form_tokens[form.first_token]].text);
  if (!within_one_edit(joined, listed)) return true;
  if (joined.size() != listed.size() + 1) return false;
  return (query.last_word.size() == 1 && joined.starts_with(listed)) ||
         (query.first_word.size() == 1 && joined.ends_with(listed));
}

// How reading `reading` of the query meets `form`: token by token when neither is a
// joined reading (the Japanese, h and respelled readings are token readings too), joined
// words when both are, and only spelled alike when just one is (FormMode::kJoinedOneSide).
FormMode mode_of(std::size_t reading, const FormRec& form, std::size_t joined_reading) {
  if ((reading == joined_reading) != (form.joined != 0)) return FormMode::kJoinedOneSide;
  return form.joined != 0 ? FormMode::kJoined : FormMode::kTokens;
}

double kind_factor(EntityKind hint, std::uint32_t kind) {
  const auto k = static_cast<EntityKind>(kind);
  if (hint == EntityKind::kUnknown || k == EntityKind::kUnknown || hint == k) return 1.0;
  return 0.85;
}

double country_factor(const NameIndex::Data& d, const EntryRec& e, std::string_view hint) {
  if (hint.empty() || e.countries.length == 0) return 1.0;
  const std::string want = ascii_lowered(hint);
  std::string_view list = d.str(e.countries);
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (list.substr(0, comma) == want) return 1.0;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return 0.95;
}

}  // namespace

std::vector<NameHit> NameIndex::search(std::string_view query, const SearchHints& hints, std::size_t limit) const {
  return run(query, hints, limit, false);
}
std::vector<NameHit> NameIndex::search_all(std::string_view query, const SearchHints& hints, std::size_t limit) const {
  return run(query, hints, limit, true);
}

std::vector<NameHit> NameIndex::run(std::string_view query, const SearchHints& hints, std::size_t limit,
                                    bool all) const {
  const Data& d = *data_;
  std::vector<NameHit> hits;
  if (!d.frozen || limit == 0) return hits;
  const auto weighed = weigh_query(d, query);
  const auto& readings = weighed.readings;
  const auto& sounds = weighed.sounds;
  if (readings.empty()) return hits;

  // The baseline scores every name as it is, without the memo.
  thread_local PairMemo memo;
  memo.clear();
  PairMemo* const pairs = all ? nullptr : &memo;
  std::vector<std::uint32_t> candidates;
  if (all) {
    candidates.resize(d.forms.size());
    for (std::uint32_t f = 0; f < d.forms.size(); ++f) candidates[f] = f;
  } else {
    // Every reading that is scored picks candidates, the transcribed one by its patterns'
    // own keys.
    std::vector<const std::vector<QueryToken>*> all_readings;
    for (const auto& r : readings) all_readings.push_back(&r);
    if (!weighed.transcribed.empty()) all_readings.push_back(&weighed.transcribed);
    if (!weighed.transcribed_review.empty()) all_readings.push_back(&weighed.transcribed_review);
    candidates = pick_candidates(d, all_readings, sounds, &memo);
  }

  struct Best {
    double score;
    double uncapped;
    std::uint32_t form;
    // readings.size(): by sound; + 1: transcribed; + 2: transcribed_review
    std::size_t reading;
  };
  std::vector<Best> best;
  // Candidates are scattered over the index, and a form's record, its token ids, their
  // records and letters are each a cache miss the scorer would wait for in turn: they are
  // asked for some candidates before they are scored, and in index order, where the forms
  // of one name lie together.
  std::sort(candidates.begin(), candidates.end());
  constexpr std::size_t kAhead = 8;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (k + kAhead < candidates.size()) __builtin_prefetch(&d.forms[candidates[k + kAhead]]);
    if (k + kAhead / 2 < candidates.size())
      __builtin_prefetch(d.form_tokens.data() + d.forms[candidates[k + kAhead / 2]].first_token);
    if (k + 2 < candidates.size()) {
      const FormRec& next = d.forms[candidates[k + 2]];
      for (std::uint32_t j = 0; j < next.token_count && j < 4; ++j)
        __builtin_prefetch(d.tokens.data() + d.form_tokens[next.first_token + j]);
    }
    if (k + 1 < candidates.size()) {
      const FormRec& next = d.forms[candidates[k + 1]];
      for (std::uint32_t j = 0; j < next.token_count && j < 4; ++j)
        __builtin_prefetch(d.blob.data() + d.tokens[d.form_tokens[next.first_token + j]].text.offset);
    }
    const std::uint32_t f = candidates[k];
    const FormRec& form = d.forms[f];
    double top = 0;
    // The reading's score before a review-only cap: it ranks the hits the cap ties.
    double uncapped = 0;
    std::size_t top_reading = 0;
    for (std::size_t r = 0; r < readings.size(); ++r) {
      if (joined_adds_nothing(d, f, weighed, r)) continue;
      const double raw = score_form(readings[r], d, form, mode_of(r, form, weighed.joined_reading), nullptr, pairs);
      const double s =
          r < weighed.review_only.size() && weighed.review_only[r] ? std::min(raw, kReviewOnlyCeiling) : raw;
      if (s > top || (s == top && raw > uncapped)) {
        top = s;
        uncapped = raw;
        top_reading = r;
      }
    }
    if (weighed.by_sound && form.joined == 0) {
      const double s = score_sounds(sounds, d, form, nullptr, pairs);
      if (s > top) {
        top = uncapped = s;
        top_reading = readings.size();
      }
    }
    if (!weighed.transcribed.empty() && form.joined == 0) {
      const double s = score_form(weighed.transcribed, d, form, FormMode::kTranscribed, nullptr, pairs);
      if (s > top) {
        top = uncapped = s;
        top_reading = readings.size() + 1;
      }
    }
    if (!weighed.transcribed_review.empty() && form.joined == 0 && top < kReviewOnlyCeiling) {
      const double raw = score_form(weighed.transcribed_review, d, form, FormMode::kTranscribed, nullptr, pairs);
      const double s = raw < kNativeFloor ? 0.0 : std::min(kReviewOnlyCeiling, raw);
      if (s > top || (s == top && raw > uncapped)) {
        top = s;
        uncapped = raw;
        top_reading = readings.size() + 2;
      }
    }
    if (top <= 0) continue;
    const EntryRec& e = d.entries[d.names[form.name].entry];
    const double factors = kind_factor(hints.kind, e.kind) * country_factor(d, e, hints.country);
    top *= factors;
    if (top < d.thresholds.review) continue;
    best.push_back(Best{top, uncapped * factors, f, top_reading});
  }
  std::sort(best.begin(), best.end(), [](const Best& a, const Best& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.uncapped != b.uncapped ? a.uncapped > b.uncapped : a.form < b.form;
  });
  std::vector<std::uint32_t> seen;
  for (const auto& b : best) {
    if (hits.size() >= limit) break;
    const FormRec& form = d.forms[b.form];
    const std::uint32_t entry = d.names[form.name].entry;
    if (std::find(seen.begin(), seen.end(), entry) != seen.end()) continue;
    seen.push_back(entry);
    const EntryRec& e = d.entries[entry];
    NameHit hit;
    hit.entry = entry;
    hit.id = d.str(e.id);
    hit.name = d.str(d.names[form.name].text);
    hit.score = b.score;
    hit.verdict = b.score >= d.thresholds.match ? NameVerdict::kMatch : NameVerdict::kReview;
    if (b.reading == readings.size()) {
      (void)score_sounds(sounds, d, form, &hit.why);
    } else if (b.reading == readings.size() + 1) {
      (void)score_form(weighed.transcribed, d, form, FormMode::kTranscribed, &hit.why);
    } else if (b.reading == readings.size() + 2) {
      (void)score_form(weighed.transcribed_review, d, form, FormMode::kTranscribed, &hit.why);
    } else {
      (void)score_form(readings[b.reading], d, form, mode_of(b.reading, form, weighed.joined_reading), &hit.why);
    }
    hit.why.review_only =
        (b.reading < weighed.review_only.size() && weighed.review_only[b.reading]) || b.reading == readings.size() + 2;
    hit.why.kind_factor = kind_factor(hints.kind, e.kind);
    hit.why.country_factor = country_factor(d, e, hints.country);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace interdict
