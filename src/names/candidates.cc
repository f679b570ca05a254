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

namespace interdict {
namespace {

constexpr std::size_t kMaxCandidates = 400;

}  // namespace

// Forms worth scoring. By spelling: a query adds each token's weight to the forms it
// reaches, and forms reached by a quarter of the query's weight are kept. By transcription
// (a query with transcription patterns) and by sound (a query in a script that spells
// names by sound): each pattern or word adds one to the forms its keys reach (a half when
// the key is a class apart), and forms reached by half the patterns or words are kept.
// Each way keeps at most kMaxCandidates, the most reached: a query of common words
// ("mohammed ali") reaches thousands, and the scorer is the costly part. The ways keep
// apart because their weights mean different things: a pattern is never a list token, so
// its rarity is unknown, and a short transcription key reaches thousands of names that
// would crowd the spelling way's cut.
std::vector<std::uint32_t> pick_candidates(const NameIndex::Data& d,
                                           std::span<const std::vector<QueryToken>* const> readings,
                                           const std::vector<QuerySound>& sounds) {
  // Per-thread scratch, sized to the largest index this thread searched.
  thread_local std::vector<float> reached;
  thread_local std::vector<std::uint32_t> touched;
  thread_local std::vector<std::uint64_t> keys;
  if (reached.size() < d.forms.size()) reached.resize(d.forms.size(), 0.0F);
  std::vector<std::uint32_t> candidates;
  // Adds `weight` to every form `keys` reach, once per form however many keys reach it.
  auto reach = [&](float weight) {
    for (auto k : keys) {
      const auto [first, last] = postings_of(d, k);
      for (auto p = first; p != last; ++p) {
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
      std::nth_element(candidates.begin() + static_cast<std::ptrdiff_t>(before),
                       candidates.begin() + static_cast<std::ptrdiff_t>(before + cap), candidates.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return cover(a) > cover(b); });
      candidates.resize(before + cap);
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
      reach(q.weight);
    }
    best_total = std::max(best_total, total);
  }
  keep(
      0.25F * best_total, best_total, [&d](std::uint32_t f) { return d.forms[f].weight_sum; }, kMaxCandidates);
  // A form whose key equals the pattern's or word's ranks above one that is a class apart.
  thread_local std::vector<std::uint64_t> near;
  thread_local std::vector<std::uint64_t> loose;
  auto count_tokens = [&d](std::uint32_t f) { return static_cast<float>(d.forms[f].token_count); };
  if (patterns > 0) {
    for (const auto* reading : readings) {
      for (const auto& q : *reading) {
        if (!q.pattern) continue;
        keys.clear();
        loose.clear();
        near.clear();
        transcription_query_keys(q.text, keys, loose, near);
        reach(1.0F);
        keys.swap(loose);
        reach(0.75F);
        keys.swap(near);
        reach(0.5F);
      }
    }
    const auto n = static_cast<float>(patterns);
    keep(0.5F * n, n, count_tokens, kMaxCandidates);
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
