// Candidate selection: the forms a query reaches through the postings (keys.cc), and which
// of them are scored.
//
// A query adds each token's weight to the forms it reaches; only forms reached by a
// quarter of the query's weight are scored. A query with transcription patterns also
// looks up their transcription keys, and a query in a non-Latin script its words' sound
// keys (phonetic.h) and their one-class neighbours, so 罗哈斯-阿尔瓦拉多 reaches
// Rojas-Alvarado.
//
// Thread-safety: per-thread scratch (thread_local); the index is only read.
#include "names/candidates.h"

#include <algorithm>
#include <functional>
#include <string>

#include "names/jaro_bits.h"
#include "names/transcribe.h"
#include "names/transcribe_bound.h"

namespace interdict {
namespace {

constexpr std::size_t kMaxCandidates = 400;
// Of the list tokens a pattern's transcription keys reach (a thousand or more when its key
// is short), this many, the nearest in spelling, are aligned with it: an alignment costs
// about thirty times a Jaro-Winkler.
constexpr std::size_t kMaxAligned = 128;
constexpr double kClosenessShare = 0.1;
// How far ahead a loop over scattered records asks for the one it will read (a prefetch).
constexpr std::size_t kAhead = 8;

// The letters a pattern is ranked by against the tokens its keys reach: its own, lowercased;
// an abjad pattern's vowel symbols as the lists' fold spells them most often (waw u, yeh
// and its glide i, an unwritten vowel a), so ינאי ranks Yanai by "inai", not "ynay", and
// is aligned with it before the cut.
std::string ranking_letters(std::string_view pattern) {
  if (!is_abjad_pattern(pattern)) return pattern_letters(pattern);
  std::string out;
  out.reserve(pattern.size());
  for (char c : pattern) {
    switch (c) {
      case 'X': out += 'a'; break;
      case 'W': out += 'u'; break;
      case 'Y':
      case 'J': out += 'i'; break;
      default: out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

// The list tokens that pair with `pattern` (transcription_similarity at kTranscriptionFloor
// or more) among those its keys reach, with their similarity, appended to `out`. Tokens
// nearest in spelling (Jaro-Winkler with the pattern's letters) are aligned first, and a
// token whose own key is the pattern's counts kClosenessShare more than one whose loose key
// is, which counts that more than one a class apart: the spelling decides, since a short
// key is the own key of hundreds of tokens (BN: bin, ben, vanni...) and the one that pairs
// (bogioni for "boioni") may be only loosely keyed alike.
//
// A strong token's similarity goes through `memo` (at `slot`), as score_form asks it: the
// candidates this picks hold the same tokens, and the scorer would align them again.
void pair_pattern(const NameIndex::Data& d, std::string_view pattern, PatternSource source, PairMemo* memo,
                  std::uint32_t slot, std::vector<std::pair<double, std::uint32_t>>& out) {
  thread_local std::vector<std::uint8_t> closeness;  // per token: 3 same key, 2 loose, 1 near
  thread_local std::vector<std::uint32_t> reached;
  thread_local TranscriptionKeys keys;
  thread_local std::vector<std::pair<double, std::uint32_t>> ranked;
  if (closeness.size() < d.tokens.size()) closeness.resize(d.tokens.size(), 0);
  keys.clear();
  transcription_query_keys(pattern, source, keys);
  reached.clear();
  auto reach = [&](const std::vector<std::uint64_t>& group, std::uint8_t close) {
    for (auto k : group) {
      const auto [first, last] = tokens_of(d, k);
      for (auto p = first; p != last; ++p) {
        if (closeness[*p] == 0) reached.push_back(*p);
        closeness[*p] = std::max(closeness[*p], close);
      }
    }
  };
  reach(keys.same, 3);
  reach(keys.loose, 2);
  reach(keys.near, 1);
  const std::string letters = ranking_letters(pattern);
  ranked.clear();
  // Ties go to the lower token id, so the same query always aligns the same tokens.
  auto nearer = [](const std::pair<double, std::uint32_t>& a, const std::pair<double, std::uint32_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  auto nearness = [&](const TokenRec& token) {
    double near = liquid_jaro_winkler(letters, d.str(token.text));
    if (token.sounded.length != 0) near = std::max(near, liquid_jaro_winkler(letters, d.str(token.sounded)));
    return near;
  };
  const std::uint64_t in_letters = liquid_letters(letters);
  auto nearness_bound = [&](const TokenRec& token) {
    double near = liquid_jaro_winkler_bound(letters, in_letters, d.str(token.text));
    if (token.sounded.length != 0)
      near = std::max(near, liquid_jaro_winkler_bound(letters, in_letters, d.str(token.sounded)));
    return near;
  };
  // The nearest kMaxAligned, by a heap whose top is the cut's least (the last by `nearer`).
  // Once the cut is full, a token's Jaro-Winkler is computed only when its bound could
  // still enter it.
  // Each reached token's record and its letters are two cache misses: asked for ahead.
  for (std::size_t i = 0; i < reached.size() && i < 2 * kAhead; ++i) __builtin_prefetch(&d.tokens[reached[i]]);
  for (std::size_t i = 0; i < reached.size(); ++i) {
    const std::uint32_t t = reached[i];
    if (i + 2 * kAhead < reached.size()) __builtin_prefetch(&d.tokens[reached[i + 2 * kAhead]]);
    if (i + kAhead < reached.size()) __builtin_prefetch(d.blob.data() + d.tokens[reached[i + kAhead]].text.offset);
    const TokenRec& token = d.tokens[t];
    const double close = kClosenessShare * closeness[t];
    if (ranked.size() == kMaxAligned && close + nearness_bound(token) < ranked.front().first) continue;
    const std::pair<double, std::uint32_t> exact{close + nearness(token), t};
    if (ranked.size() < kMaxAligned) {
      ranked.push_back(exact);
      std::push_heap(ranked.begin(), ranked.end(), nearer);
    } else if (nearer(exact, ranked.front())) {
      std::pop_heap(ranked.begin(), ranked.end(), nearer);
      ranked.back() = exact;
      std::push_heap(ranked.begin(), ranked.end(), nearer);
    }
  }
  for (const std::uint32_t t : reached) closeness[t] = 0;
  for (const auto& ranked_token : ranked) {
    const std::uint32_t t = ranked_token.second;  // a lambda may not capture a structured binding (clang)
    // The value score_form keeps: 0 below the floor, else the similarity itself.
    auto paired = [&] { return pattern_similarity(pattern, source, d, d.tokens[t]); };
    // score_form gives a weak token 0 without aligning it, so its value is not the memo's.
    const double sim = memo && d.tokens[t].weak == 0 ? memo->get(slot, t, paired) : paired();
    if (sim >= kTranscriptionFloor) out.emplace_back(sim, t);
  }
}

}  // namespace

// Forms worth scoring. By spelling: a query adds each token's weight to the forms it
// reaches, and forms reached by a quarter of the query's weight are kept. By transcription
// (a query with transcription patterns): each pattern adds one to the forms holding a
// token it pairs with (pair_pattern). By sound (a query in a script that spells names by
// sound): each word adds one to the forms its sound keys reach (a half when the key is a
// class apart). Forms reached by half the patterns or words are kept.
// Each way keeps at most kMaxCandidates, the most reached: a query of common words
// ("mohammed ali") reaches thousands, and the scorer is the costly part. The ways keep
// apart because their weights mean different things: a pattern is never a list token, so
// its rarity is unknown, and a short transcription key reaches thousands of names that
// would crowd the spelling way's cut.
std::vector<std::uint32_t> pick_candidates(const NameIndex::Data& d,
                                           std::span<const std::vector<QueryToken>* const> readings,
                                           const std::vector<QuerySound>& sounds, PairMemo* memo) {
  // Per-thread scratch, sized to the largest index this thread searched.
  thread_local std::vector<float> reached;
  thread_local std::vector<std::uint32_t> touched;
  thread_local std::vector<std::uint64_t> keys;
  if (reached.size() < d.forms.size()) reached.resize(d.forms.size(), 0.0F);
  thread_local std::vector<std::pair<float, std::uint32_t>> covered;
  std::vector<std::uint32_t> candidates;
  // Adds `weight` to every form `keys` reach, once per form however many keys reach it.
  auto reach = [&](float weight) {
    for (auto k : keys) {
      const auto [first, last] = postings_of(d, k);
      for (auto p = first; p != last; ++p) {
        // A form's count is a cache miss of its own (the forms are spread over the index).
        if (static_cast<std::size_t>(last - p) > kAhead) __builtin_prefetch(&reached[p[kAhead]]);
        if (reached[*p] == 0.0F) touched.push_back(*p);
        if (reached[*p] >= 0.0F) reached[*p] = -(reached[*p] + weight);  // negative: reached by this token already
      }
    }
    for (auto f : touched)
      if (reached[f] < 0.0F) reached[f] = -reached[f];
  };
  // Keeps the forms reached by `floor`, at most kMaxCandidates, and clears the scratch.
  // Past the cap, the forms whose reach covers most of both the query (`total`) and the
  // form (`size` of it) go first: a common word ("irina") reaches hundreds of names, and
  // the one named just so must not be cut.
  auto keep = [&](float floor, float total, auto size, std::size_t cap) {
    // Never NaN, so that the order stays strict and weak even for weights a damaged index
    // file holds: nth_element may read out of range under a comparator that is not.
    auto cover = [&](std::uint32_t f) {
      const float share = reached[f] / (total + size(f));
      return share >= 0.0F ? share : 0.0F;
    };
    const std::size_t before = candidates.size();
    for (auto f : touched)
      if (reached[f] >= floor) candidates.push_back(f);
    if (candidates.size() - before > cap) {
      // Each form's cover once, beside it: computed in the comparator it read two form
      // records per comparison, scattered over the index. The same comparisons on the same
      // order, so the same forms are kept.
      covered.clear();
      for (std::size_t i = before; i < candidates.size(); ++i) {
        if (i + kAhead < candidates.size()) __builtin_prefetch(&d.forms[candidates[i + kAhead]]);
        covered.emplace_back(cover(candidates[i]), candidates[i]);
      }
      std::nth_element(covered.begin(), covered.begin() + static_cast<std::ptrdiff_t>(cap), covered.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      candidates.resize(before + cap);
      for (std::size_t i = 0; i < cap; ++i) candidates[before + i] = covered[i].second;
    }
    for (auto f : touched) reached[f] = 0.0F;
    touched.clear();
  };
  float best_total = 0;
  std::size_t patterns = 0;
  for (const auto* reading : readings) {
    float total = 0;
    for (const auto& q : *reading) {
      if (q.pattern) {
        ++patterns;
        continue;
      }
      total += q.weight;
      keys.clear();
      token_keys(q.text, keys);
      // A typo undone (QueryToken::typos) reaches the name as it is spelled.
      for (std::string_view rest = q.typos; !rest.empty();) {
        const auto space = rest.find(' ');
        keys.push_back(exact_key(rest.substr(0, space)));
        rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
      }
      reach(q.weight);
    }
    best_total = std::max(best_total, total);
  }
  keep(
      0.25F * best_total, best_total, [&d](std::uint32_t f) { return d.forms[f].weight_sum; }, kMaxCandidates);
  // A form whose key equals the word's ranks above one that is a class apart.
  thread_local std::vector<std::uint64_t> near;
  auto count_tokens = [&d](std::uint32_t f) { return static_cast<float>(d.forms[f].token_count); };
  if (patterns > 0) {
    thread_local std::vector<std::pair<double, std::uint32_t>> paired;
    for (const auto* reading : readings) {
      for (const auto& q : *reading) {
        if (!q.pattern) continue;
        paired.clear();
        pair_pattern(d, q.text, q.source, memo, memo ? memo->slot(&q, kWholeWay) : 0, paired);
        // Best pair first: a form reached by a pattern counts its best token only.
        std::sort(paired.begin(), paired.end(), std::greater<>());
        for (const auto& [sim, t] : paired) {
          for (auto i = d.token_form_offsets[t]; i < d.token_form_offsets[t + 1]; ++i) {
            const std::uint32_t f = d.token_forms[i];
            if (reached[f] == 0.0F) touched.push_back(f);
            if (reached[f] >= 0.0F) reached[f] = -(reached[f] + static_cast<float>(sim));
          }
        }
        for (auto f : touched)
          if (reached[f] < 0.0F) reached[f] = -reached[f];
      }
    }
    // Forms paired with by half the patterns; past the cap, the best paired go first.
    const auto n = static_cast<float>(patterns);
    keep(0.5F * n * static_cast<float>(kTranscriptionFloor), n, count_tokens, kMaxCandidates);
  }
  if (!sounds.empty()) {
    for (const auto& s : sounds) {
      keys.clear();
      near.clear();
      sound_query_keys(s.key, keys, near);
      reach(1.0F);
      keys.swap(near);
      reach(0.5F);
    }
    const auto words = static_cast<float>(sounds.size());
    keep(0.5F * words, words, count_tokens, kMaxCandidates);
  }
  if (patterns > 0 || !sounds.empty()) {
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }
  return candidates;
}

}  // namespace interdict
