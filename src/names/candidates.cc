// Candidate selection: the postings keys of list tokens and query words, and the forms
// a query reaches.
//
// Every token is posted under itself, its first four letters
// (typos late in a word) and its consonant key (first letter, then consonants with
// repeats and vowels dropped: "mohammed" and "muhammad" both "mhmd", typos in vowels).
// A typo in both the first four letters and a consonant escapes all three; Jaro-Winkler
// scores such pairs low anyway (its prefix bonus), so little recall is lost (measured in
// docs/names.md against scoring every name). Strong tokens are also posted under their
// sound key and its one-class deletions (phonetic.h). A query adds each token's weight to the
// forms it reaches; only forms reached by a quarter of the query's weight are scored.
// A query in a non-Latin script also looks up its words' sound keys (phonetic.h) and
// their one-class neighbours, so 罗哈斯-阿尔瓦拉多 reaches Rojas-Alvarado.
//
// Thread-safety: per-thread scratch (thread_local); the index is only read.
#include "names/candidates.h"

#include <algorithm>

#include "names/phonetic.h"

namespace interdict {
namespace {

std::uint64_t hash_key(char tag, std::string_view s) {
  // FNV-1a, 64 bit: collisions only add candidates, the scorer decides.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  mix(static_cast<unsigned char>(tag));
  for (char c : s) mix(static_cast<unsigned char>(c));
  return h;
}

constexpr std::size_t kMaxCandidates = 400;

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

std::uint64_t exact_key(std::string_view token) { return hash_key('t', token); }

void token_keys(std::string_view token, std::vector<std::uint64_t>& out) {
  out.push_back(exact_key(token));
  if (token.size() > 4) out.push_back(hash_key('p', token.substr(0, 4)));
  if (token.size() >= 4) {
    // Consonant key: letters that sound alike merged (c k q, s z, f v w), h and vowels
    // dropped (so ch/sh/kh and "cuvakov"/"chuvakov" meet), repeats collapsed.
    std::string key;
    for (std::size_t i = 0; i < token.size(); ++i) {
      char c = token[i];
      if (c == 'c' || c == 'q') c = 'k';
      if (c == 'z') c = 's';
      if (c == 'v' || c == 'w') c = 'f';
      if ((i > 0 && is_vowel(c)) || c == 'h') continue;
      if (key.empty() || key.back() != c) key.push_back(c);
    }
    out.push_back(hash_key('s', key));
  }
}

void sound_keys(std::string_view key, std::vector<std::uint64_t>& out) {
  thread_local std::vector<std::string> variants;
  variants.clear();
  sound_postings(key, variants);
  for (std::size_t i = 0; i < variants.size(); ++i) out.push_back(hash_key(i == 0 ? 'F' : 'f', variants[i]));
}

void sound_query_keys(std::string_view key, std::vector<std::uint64_t>& exact, std::vector<std::uint64_t>& near) {
  thread_local std::vector<std::string> variants;
  variants.clear();
  sound_postings(key, variants);
  for (std::size_t i = 0; i < variants.size(); ++i) {
    if (i == 0) {
      exact.push_back(hash_key('F', variants[i]));
      near.push_back(hash_key('f', variants[i]));  // the list key has one class more
    } else {
      near.push_back(hash_key('F', variants[i]));  // one class fewer
      near.push_back(hash_key('f', variants[i]));  // one class different
    }
  }
}

std::pair<const std::uint32_t*, const std::uint32_t*> postings_of(const NameIndex::Data& d, std::uint64_t key) {
  const auto it = std::lower_bound(d.keys.begin(), d.keys.end(), key);
  if (it == d.keys.end() || *it != key) return {nullptr, nullptr};
  const auto k = static_cast<std::size_t>(it - d.keys.begin());
  return {d.postings.data() + d.key_offsets[k], d.postings.data() + d.key_offsets[k + 1]};
}

std::uint64_t sound_exact_key(std::string_view key) { return hash_key('F', key); }

// Forms worth scoring. By spelling: a query adds each token's weight to the forms it
// reaches, and forms reached by a quarter of the query's weight are kept. By sound (a
// query in a script that spells names by sound): each word adds one to the forms its
// sound keys reach, and forms reached by half the words are kept. Each way keeps at most
// kMaxCandidates, the most reached: a query of common words ("mohammed ali") reaches
// thousands, and the scorer is the costly part.
std::vector<std::uint32_t> pick_candidates(const NameIndex::Data& d,
                                           const std::vector<std::vector<QueryToken>>& readings,
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
  auto keep = [&](float floor, float total, auto size) {
    // Never NaN, so that the order stays strict and weak even for weights a damaged index
    // file holds: nth_element may read out of range under a comparator that is not.
    auto cover = [&](std::uint32_t f) {
      const float share = reached[f] / (total + size(f));
      return share >= 0.0F ? share : 0.0F;
    };
    const std::size_t before = candidates.size();
    for (auto f : touched)
      if (reached[f] >= floor) candidates.push_back(f);
    if (candidates.size() - before > kMaxCandidates) {
      std::nth_element(candidates.begin() + static_cast<std::ptrdiff_t>(before),
                       candidates.begin() + static_cast<std::ptrdiff_t>(before + kMaxCandidates), candidates.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return cover(a) > cover(b); });
      candidates.resize(before + kMaxCandidates);
    }
    for (auto f : touched) reached[f] = 0.0F;
    touched.clear();
  };
  float best_total = 0;
  for (const auto& reading : readings) {
    float total = 0;
    for (const auto& q : reading) {
      total += q.weight;
      keys.clear();
      token_keys(q.text, keys);
      reach(q.weight);
    }
    best_total = std::max(best_total, total);
  }
  keep(0.25F * best_total, best_total, [&d](std::uint32_t f) { return d.forms[f].weight_sum; });
  if (!sounds.empty()) {
    // A form whose key equals the word's ranks above one that is a class apart.
    thread_local std::vector<std::uint64_t> near;
    for (const auto& s : sounds) {
      keys.clear();
      near.clear();
      sound_query_keys(s.key, keys, near);
      reach(1.0F);
      keys.swap(near);
      reach(0.5F);
    }
    const auto words = static_cast<float>(sounds.size());
    keep(0.5F * words, words, [&d](std::uint32_t f) { return static_cast<float>(d.forms[f].token_count); });
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }
  return candidates;
}

}  // namespace interdict
