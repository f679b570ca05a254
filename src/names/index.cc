// NameIndex: building, candidate selection and search.
//
// Candidates: every token is posted under three keys: itself, its first four letters
// (typos late in a word) and its consonant key (first letter, then consonants with
// repeats and vowels dropped: "mohammed" and "muhammad" both "mhmd", typos in vowels).
// A typo in both the first four letters and a consonant escapes all three; Jaro-Winkler
// scores such pairs low anyway (its prefix bonus), so little recall is lost (measured in
// docs/names.md against scoring every name). A query adds each token's weight to the
// forms it reaches; only forms reached by a quarter of the query's weight are scored.
#include <algorithm>
#include <cmath>
#include <map>

#include "names/phonetic.h"
#include "names/score.h"

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

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct WeighedQuery {
  std::vector<std::vector<QueryToken>> readings;
  std::vector<QuerySound> sounds;
  bool by_sound = false;
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
    const auto [first, last] = postings_of(d, hash_key('F', sound.key));
    const double shared = std::max<double>(static_cast<double>(last - first), 1.0);
    sound.certainty = std::max(kMinCertainty, 1.0 - kAmbiguityCost * std::log2(shared));
  }
  out.by_sound = normalised.by_sound;
  for (auto& reading : normalised.readings) {
    std::vector<QueryToken> tokens;
    for (auto& text : reading) {
      const auto [first, last] = postings_of(d, exact_key(text));
      const double df = std::max<double>(static_cast<double>(last - first), 1.0);
      QueryToken q{std::move(text), static_cast<float>(std::log1p(forms / df)), false};
      q.weak = is_weak_token(q.text);
      if (q.weak) q.weight *= kWeakFactor;
      tokens.push_back(std::move(q));
    }
    out.readings.push_back(std::move(tokens));
  }
  return out;
}

double kind_factor(EntityKind hint, std::uint32_t kind) {
  const auto k = static_cast<EntityKind>(kind);
  if (hint == EntityKind::kUnknown || k == EntityKind::kUnknown || hint == k) return 1.0;
  return 0.85;
}

double country_factor(const NameIndex::Data& d, const EntryRec& e, std::string_view hint) {
  if (hint.empty() || e.countries.length == 0) return 1.0;
  const std::string want = lower_ascii(hint);
  std::string_view list = d.str(e.countries);
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (list.substr(0, comma) == want) return 1.0;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return 0.95;
}

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
  auto keep = [&](float floor) {
    const std::size_t before = candidates.size();
    for (auto f : touched)
      if (reached[f] >= floor) candidates.push_back(f);
    if (candidates.size() - before > kMaxCandidates) {
      std::nth_element(candidates.begin() + static_cast<std::ptrdiff_t>(before),
                       candidates.begin() + static_cast<std::ptrdiff_t>(before + kMaxCandidates), candidates.end(),
                       [](std::uint32_t a, std::uint32_t b) { return reached[a] > reached[b]; });
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
  keep(0.25F * best_total);
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
    keep(0.5F * static_cast<float>(sounds.size()));
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }
  return candidates;
}
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

NameIndex::NameIndex() : data_(std::make_unique<Data>()) {}
NameIndex::~NameIndex() = default;
NameIndex::NameIndex(NameIndex&&) noexcept = default;
NameIndex& NameIndex::operator=(NameIndex&&) noexcept = default;

bool NameIndex::frozen() const { return data_->frozen; }
void NameIndex::set_thresholds(Thresholds t) { data_->thresholds = t; }
Thresholds NameIndex::thresholds() const { return data_->thresholds; }
std::size_t NameIndex::entry_count() const {
  return data_->frozen ? data_->entries.size() : data_->building.entries.size();
}
std::size_t NameIndex::name_count() const { return data_->frozen ? data_->names.size() : data_->building.names.size(); }
std::string_view NameIndex::entry_id(std::uint32_t entry) const {
  if (!data_->frozen || entry >= data_->entries.size()) return {};
  return data_->str(data_->entries[entry].id);
}

void NameIndex::add(const NameEntry& entry) {
  Data& d = *data_;
  if (d.frozen) return;
  Data::Building& b = d.building;
  EntryRec e;
  e.id = d.intern(entry.id);
  std::string countries;
  for (const auto& c : entry.countries) {
    if (!countries.empty()) countries.push_back(',');
    countries += lower_ascii(c);
  }
  e.countries = d.intern(countries);
  e.kind = static_cast<std::uint32_t>(entry.kind);
  e.first_name = static_cast<std::uint32_t>(b.names.size());
  const auto entry_index = static_cast<std::uint32_t>(b.entries.size());
  for (const auto& name : entry.names) {
    auto readings = normalise_name(name);
    if (readings.empty()) continue;
    const auto name_index = static_cast<std::uint32_t>(b.names.size());
    b.names.push_back(NameRec{d.intern(name), entry_index});
    for (std::size_t r = 0; r < readings.size(); ++r) {
      const auto& reading = readings[r];
      FormRec f{name_index, static_cast<std::uint32_t>(b.form_tokens.size()), 0, 0, r > 0 ? 1U : 0U};
      for (const auto& token : reading) {
        auto [it, fresh] = b.token_ids.try_emplace(token, static_cast<std::uint32_t>(b.tokens.size()));
        if (fresh) {
          const bool weak = is_weak_token(token);
          const StrRef text = d.intern(token);
          b.tokens.push_back(
              TokenRec{text, 0, weak ? 1U : 0U, d.intern(weak ? "" : sound_key(token, Spelling::kLatin))});
        }
        b.form_tokens.push_back(it->second);
        ++f.token_count;
      }
      b.forms.push_back(f);
    }
  }
  e.name_count = static_cast<std::uint32_t>(b.names.size()) - e.first_name;
  b.entries.push_back(e);
}

void NameIndex::freeze() {
  Data& d = *data_;
  if (d.frozen) return;
  Data::Building& b = d.building;
  d.view_building();
  std::map<std::uint64_t, std::vector<std::uint32_t>> lists;
  std::vector<std::uint64_t> keys;
  for (std::uint32_t f = 0; f < d.forms.size(); ++f) {
    const FormRec& form = d.forms[f];
    for (std::uint32_t i = 0; i < form.token_count; ++i) {
      keys.clear();
      const TokenRec& t = d.tokens[d.form_tokens[form.first_token + i]];
      token_keys(d.str(t.text), keys);
      sound_keys(d.str(t.sound), keys);
      for (auto k : keys) {
        auto& list = lists[k];
        if (list.empty() || list.back() != f) list.push_back(f);
      }
    }
  }
  b.keys.clear();
  b.key_offsets.assign(1, 0);
  b.postings.clear();
  for (auto& [key, list] : lists) {
    b.keys.push_back(key);
    b.postings.insert(b.postings.end(), list.begin(), list.end());
    b.key_offsets.push_back(static_cast<std::uint32_t>(b.postings.size()));
  }
  d.view_building();
  const double forms = static_cast<double>(std::max<std::size_t>(d.forms.size(), 1));
  for (auto& t : b.tokens) {
    const auto [first, last] = postings_of(d, exact_key(d.str(t.text)));
    const double df = std::max<double>(static_cast<double>(last - first), 1.0);
    t.weight = static_cast<float>(std::log1p(forms / df)) * (t.weak ? kWeakFactor : 1.0F);
  }
  for (auto& f : b.forms) {
    f.weight_sum = 0;
    for (std::uint32_t i = 0; i < f.token_count; ++i) f.weight_sum += d.tokens[d.form_tokens[f.first_token + i]].weight;
  }
  b.token_ids.clear();
  d.frozen = true;
}

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

  std::vector<std::uint32_t> candidates;
  if (all) {
    candidates.resize(d.forms.size());
    for (std::uint32_t f = 0; f < d.forms.size(); ++f) candidates[f] = f;
  } else {
    candidates = pick_candidates(d, readings, sounds);
  }

  struct Best {
    double score;
    std::uint32_t form;
    std::size_t reading;  // readings.size(): by sound
  };
  std::vector<Best> best;
  for (auto f : candidates) {
    const FormRec& form = d.forms[f];
    const std::uint32_t entry = d.names[form.name].entry;
    double top = 0;
    std::size_t top_reading = 0;
    for (std::size_t r = 0; r < readings.size(); ++r) {
      const double s = score_form(readings[r], d, form, r > 0 || form.joined != 0, nullptr);
      if (s > top) {
        top = s;
        top_reading = r;
      }
    }
    if (weighed.by_sound && form.joined == 0) {
      const double s = score_sounds(sounds, d, form, nullptr);
      if (s > top) {
        top = s;
        top_reading = readings.size();
      }
    }
    if (top <= 0) continue;
    const EntryRec& e = d.entries[entry];
    top *= kind_factor(hints.kind, e.kind) * country_factor(d, e, hints.country);
    if (top < d.thresholds.review) continue;
    best.push_back(Best{top, f, top_reading});
  }
  std::sort(best.begin(), best.end(),
            [](const Best& a, const Best& b) { return a.score != b.score ? a.score > b.score : a.form < b.form; });
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
    } else {
      (void)score_form(readings[b.reading], d, form, b.reading > 0 || form.joined != 0, &hit.why);
    }
    hit.why.kind_factor = kind_factor(hints.kind, e.kind);
    hit.why.country_factor = country_factor(d, e, hints.country);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace interdict
