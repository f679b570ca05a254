// NameIndex: building, candidate selection and search.
//
// Candidates are picked in candidates.cc; forms are scored in score.cc.
#include <algorithm>
#include <cmath>
#include <map>

#include "names/candidates.h"
#include "names/phonetic.h"
#include "names/score.h"
#include "names/transcribe.h"

namespace interdict {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct WeighedQuery {
  std::vector<std::vector<QueryToken>> readings;
  std::vector<QueryToken> transcribed;  // empty unless the query has a transcription reading
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
    const auto [first, last] = postings_of(d, sound_exact_key(sound.key));
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
  for (auto& t : normalised.transcribed) {
    const auto [first, last] = postings_of(d, exact_key(t.text));
    const double df = std::max<double>(static_cast<double>(last - first), 1.0);
    QueryToken q{std::move(t.text), static_cast<float>(std::log1p(forms / df)), false, t.pattern};
    q.weak = !q.pattern && is_weak_token(q.text);
    if (q.weak) q.weight *= kWeakFactor;
    out.transcribed.push_back(std::move(q));
  }
  return out;
}

// A query's second reading, or any reading against a form that is a joined reading,
// compares joined words.
FormMode mode_of(std::size_t reading, const FormRec& form) {
  return reading > 0 || form.joined != 0 ? FormMode::kJoined : FormMode::kTokens;
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

}  // namespace

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
    if (weighed.transcribed.empty()) {
      candidates = pick_candidates(d, readings, sounds);
    } else {
      // A pattern reaches the forms its plainest spellings would (pattern_spellings), one
      // reading each.
      auto with = readings;
      std::vector<std::vector<std::string>> spellings;
      std::size_t most = 0;
      for (const auto& q : weighed.transcribed) {
        spellings.emplace_back();
        if (q.pattern) pattern_spellings(q.text, spellings.back());
        most = std::max(most, spellings.back().size());
      }
      for (std::size_t k = 0; k < most; ++k) {
        std::vector<QueryToken> reading = weighed.transcribed;
        for (std::size_t i = 0; i < reading.size(); ++i)
          if (reading[i].pattern) reading[i].text = spellings[i][std::min(k, spellings[i].size() - 1)];
        with.push_back(std::move(reading));
      }
      candidates = pick_candidates(d, with, sounds);
    }
  }

  struct Best {
    double score;
    std::uint32_t form;
    std::size_t reading;  // readings.size(): by sound; readings.size() + 1: transcribed
  };
  std::vector<Best> best;
  // The baseline scores every name as it is, without the memo.
  thread_local PairMemo memo;
  memo.clear();
  PairMemo* const pairs = all ? nullptr : &memo;
  for (auto f : candidates) {
    const FormRec& form = d.forms[f];
    const std::uint32_t entry = d.names[form.name].entry;
    double top = 0;
    std::size_t top_reading = 0;
    for (std::size_t r = 0; r < readings.size(); ++r) {
      const double s = score_form(readings[r], d, form, mode_of(r, form), nullptr, pairs);
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
    if (!weighed.transcribed.empty() && form.joined == 0) {
      const double s = score_form(weighed.transcribed, d, form, FormMode::kTranscribed, nullptr, pairs);
      if (s > top) {
        top = s;
        top_reading = readings.size() + 1;
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
    } else if (b.reading == readings.size() + 1) {
      (void)score_form(weighed.transcribed, d, form, FormMode::kTranscribed, &hit.why);
    } else {
      (void)score_form(readings[b.reading], d, form, mode_of(b.reading, form), &hit.why);
    }
    hit.why.kind_factor = kind_factor(hints.kind, e.kind);
    hit.why.country_factor = country_factor(d, e, hints.country);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace interdict
