// A query read and weighed against an index (weighed_query.h).
#include "names/weighed_query.h"

#include <algorithm>
#include <cmath>

#include "base/ascii.h"
#include "names/candidates.h"
#include "names/phonetic.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

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

// True when `a` is `b`, or `b` with two neighbouring letters swapped: a typo.
bool equal_or_swapped(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

// True when a native word's pattern writes a long vowel after its first letter: an alef
// inside the word (a), a waw or yeh (W, Y) or the glide J. A first X or Y is a letter any
// vowel follows; E (a final he or ta marbuta) may write nothing.
bool writes_long_vowel(std::string_view pattern) {
  return pattern.size() > 1 && pattern.find_first_of("aWYJ", 1) != std::string_view::npos;
}

// True when every native word of the query writes a long vowel: its patterns in
// `review` that the transcribed reading (`plain`) does not hold, word for word.
bool native_confirms(const std::vector<QueryToken>& plain, const std::vector<QueryToken>& review) {
  if (review.empty()) return false;
  std::size_t p = 0;  // both readings list the words in order; the native ones are extra
  for (const QueryToken& t : review) {
    if (!t.pattern) continue;
    while (p < plain.size() && !plain[p].pattern) ++p;
    if (p < plain.size() && plain[p].text == t.text) {
      ++p;
      continue;
    }
    if (!writes_long_vowel(t.text)) return false;
  }
  return true;
}

}  // namespace

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
  for (std::size_t r = 0; r < normalised.readings.size(); ++r) {
    std::vector<QueryToken> tokens;
    const std::uint64_t han = r < normalised.han_syllables.size() ? normalised.han_syllables[r] : 0;
    for (auto& text : normalised.readings[r]) {
      const auto [first, last] = postings_of(d, exact_key(text));
      const double df = std::max<double>(static_cast<double>(last - first), 1.0);
      QueryToken q{std::move(text), static_cast<float>(std::log1p(forms / df)), false};
      q.han = tokens.size() < 64 && ((han >> tokens.size()) & 1) != 0;
      // A syllable read from an ideograph is no legal form or particle: 德 is de, 敖 ao.
      q.weak = !q.han && normalised.weak(q.text);
      if (q.weak) q.weight *= kWeakFactor;
      if (r == 0 && tokens.size() < normalised.typos.size()) q.typos = std::move(normalised.typos[tokens.size()]);
      tokens.push_back(std::move(q));
    }
    out.readings.push_back(std::move(tokens));
  }
  auto weigh_transcribed = [&](std::vector<NormalisedName::Transcribed>& from, std::vector<QueryToken>& to) {
    for (auto& t : from) {
      const auto [first, last] = postings_of(d, exact_key(t.text));
      const double df = std::max<double>(static_cast<double>(last - first), 1.0);
      QueryToken q{std::move(t.text), static_cast<float>(std::log1p(forms / df)), false, t.pattern};
      q.source = t.source;
      // A transcribed particle (デ, 德 between interpuncts: de) is the list's weak word, and
      // meets it as a token: a pattern pairs with strong tokens only.
      if (q.pattern && is_weak_token(pattern_letters(q.text))) {
        q.text = pattern_letters(q.text);
        q.pattern = false;
      }
      q.weak = !q.pattern && normalised.weak(q.text);
      if (q.weak) q.weight *= kWeakFactor;
      to.push_back(std::move(q));
    }
  };
  weigh_transcribed(normalised.transcribed, out.transcribed);
  weigh_transcribed(normalised.transcribed_review, out.transcribed_review);
  out.native_may_confirm = native_confirms(out.transcribed, out.transcribed_review);
  return out;
}

// True when the query's joined reading (`reading`) is not to meet joined form `f`: two names
// whose words line up one to one, as many on each side, are compared word by word, and
// their joined readings only forgive a swap across them (KIM SKO CHOL, KIM SOK CHOL).
// Else a long word both share hides another that differs: Richard Houston joined met
// Richard Hudson at 0.91, Brandon Willis Brandon Williams at 0.92, and, a letter changed,
// Charles Carter Charles Carper at 0.911; a word of one letter, a syllable such as Korean
// 이 (Lee), is no typo either: 수빈 이 joined, "subini", met Su Bin at 0.903.
bool joined_adds_nothing(const NameIndex::Data& d, std::uint32_t f, const WeighedQuery& query, std::size_t reading) {
  const FormRec& form = d.forms[f];
  if (reading != query.joined_reading || form.joined == 0 || joined_words(d, f) != query.joined_words) return false;
  const std::string_view joined = query.readings[reading][0].text;
  const std::string_view listed = d.str(d.tokens[d.form_tokens[form.first_token]].text);
  return !equal_or_swapped(joined, listed);
}

std::vector<QueryReading> reading_plan(const WeighedQuery& query) {
  using Kind = QueryReading::Kind;
  std::vector<QueryReading> plan;
  for (std::size_t r = 0; r < query.readings.size(); ++r)
    plan.push_back({Kind::kTokens, r, &query.readings[r], r < query.review_only.size() && query.review_only[r]});
  if (query.by_sound) plan.push_back({Kind::kSounds, 0, nullptr, false});
  if (!query.transcribed.empty()) plan.push_back({Kind::kTranscribed, 0, &query.transcribed, false});
  if (!query.transcribed_review.empty()) plan.push_back({Kind::kTranscribedReview, 0, &query.transcribed_review, true});
  return plan;
}

ReadingScore score_reading(const WeighedQuery& query, const QueryReading& reading, const NameIndex::Data& d,
                           std::uint32_t f, double best_so_far, Explanation* why, PairMemo* memo) {
  using Kind = QueryReading::Kind;
  const FormRec& form = d.forms[f];
  // Sounds and transcriptions are of words, which a joined form is not.
  if (reading.kind != Kind::kTokens && form.joined != 0) return {};
  double raw = 0;
  switch (reading.kind) {
    case Kind::kTokens:
      if (joined_adds_nothing(d, f, query, reading.index)) return {};
      raw = score_form(*reading.tokens, d, form, mode_of(reading.index, form, query.joined_reading), why, memo);
      break;
    case Kind::kSounds: raw = score_sounds(query.sounds, d, form, why, memo); break;
    case Kind::kTranscribed: raw = score_form(*reading.tokens, d, form, FormMode::kTranscribed, why, memo); break;
    case Kind::kTranscribedReview:
      if (best_so_far >= (query.native_may_confirm ? 1.0 : kReviewOnlyCeiling)) return {};
      raw = score_form(*reading.tokens, d, form, FormMode::kTranscribed, why, memo);
      if (raw < kNativeFloor) return {};
      if (query.native_may_confirm && raw >= kNativeConfirm) {
        if (why != nullptr) why->review_only = false;
        return {raw, raw};
      }
      break;
  }
  if (why != nullptr) why->review_only = reading.review_only;
  return {reading.review_only ? std::min(raw, kReviewOnlyCeiling) : raw, raw};
}

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

}  // namespace interdict
