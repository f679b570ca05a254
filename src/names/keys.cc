// Postings keys: what a list token is posted under and what a query token looks up.
//
// Every token is posted under itself, its first four letters (typos late in a word) and
// its consonant key (first letter, then consonants with repeats and vowels dropped:
// "mohammed" and "muhammad" both "mhmd", typos in vowels). A typo in both the first four
// letters and a consonant escapes all three; Jaro-Winkler scores such pairs low anyway
// (its prefix bonus), so little recall is lost (measured in docs/names.md against scoring
// every name). Strong tokens are also posted under their sound key and its one-class
// deletions (phonetic.h). The transcription keys, for patterns, are transcription_keys.cc's.
//
// Thread-safety: pure functions but for per-thread scratch (thread_local).
#include <algorithm>
#include <string>

#include "names/candidates.h"
#include "names/key_hash.h"
#include "names/letters.h"
#include "names/phonetic.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

using letters::is_vowel_or_y;

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
      if ((i > 0 && is_vowel_or_y(c)) || c == 'h') continue;
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

namespace {

std::pair<const std::uint32_t*, const std::uint32_t*> find_postings(std::span<const std::uint64_t> keys,
                                                                    std::span<const std::uint32_t> offsets,
                                                                    std::span<const std::uint32_t> postings,
                                                                    std::uint64_t key) {
  // Keys are 64-bit hashes spread evenly, so a key's share of 2^64 guesses its place within
  // a few entries: gallop from the guess to a range that holds it, then search that range.
  // A binary search over the whole array took some twenty dependent cache misses.
  const std::size_t n = keys.size();
  if (n == 0) return {nullptr, nullptr};
  const auto guess = static_cast<std::size_t>((static_cast<unsigned __int128>(key) * n) >> 64);
  std::size_t lo = guess;
  std::size_t hi = guess + 1;  // INVARIANT: the key, if present, is at lo or after, before hi
  for (std::size_t step = 1; lo > 0 && keys[lo] > key; step *= 2) lo = lo > step ? lo - step : 0;
  for (std::size_t step = 1; hi < n && keys[hi - 1] < key; step *= 2) hi = std::min(n, hi + step);
  const auto first = keys.begin() + static_cast<std::ptrdiff_t>(lo);
  const auto it = std::lower_bound(first, keys.begin() + static_cast<std::ptrdiff_t>(hi), key);
  if (it == keys.end() || *it != key) return {nullptr, nullptr};
  const auto k = static_cast<std::size_t>(it - keys.begin());
  return {postings.data() + offsets[k], postings.data() + offsets[k + 1]};
}

}  // namespace

std::pair<const std::uint32_t*, const std::uint32_t*> postings_of(const NameIndex::Data& d, std::uint64_t key) {
  return find_postings(d.keys, d.key_offsets, d.postings, key);
}

std::pair<const std::uint32_t*, const std::uint32_t*> tokens_of(const NameIndex::Data& d, std::uint64_t key) {
  return find_postings(d.token_keys, d.token_key_offsets, d.token_postings, key);
}

std::uint64_t sound_exact_key(std::string_view key) { return hash_key('F', key); }

}  // namespace interdict
