// NameIndex: building (add, freeze) and what an index knows of itself.
//
// Each name is read into its readings (normalise_name); every token of every reading is
// posted under its keys (keys.cc). Weights are IDF, ln(1 + forms / df), a tenth of it for
// weak tokens.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <string>

#include "base/ascii.h"
#include "names/candidates.h"
#include "names/normalise.h"
#include "names/phonetic.h"
#include "names/sound_spelling.h"

namespace interdict {
namespace {

// Postings lists by key, in key order, as the file holds them: the keys, and for key k its
// postings at offsets[k]..offsets[k + 1].
void flatten(const std::map<std::uint64_t, std::vector<std::uint32_t>>& lists, std::vector<std::uint64_t>& keys,
             std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& postings) {
  keys.clear();
  offsets.assign(1, 0);
  postings.clear();
  for (const auto& [key, list] : lists) {
    keys.push_back(key);
    postings.insert(postings.end(), list.begin(), list.end());
    offsets.push_back(static_cast<std::uint32_t>(postings.size()));
  }
}

// The transcription postings (index_data.h): patterns are scored against the strong
// tokens of token readings only, so only those are posted, once per token.
void post_transcriptions(NameIndex::Data& d) {
  NameIndex::Data::Building& b = d.building;
  std::vector<std::vector<std::uint32_t>> forms_of(d.tokens.size());
  for (std::uint32_t f = 0; f < d.forms.size(); ++f) {
    const FormRec& form = d.forms[f];
    if (form.joined != 0) continue;
    for (std::uint32_t i = 0; i < form.token_count; ++i) {
      const std::uint32_t t = d.form_tokens[form.first_token + i];
      if (d.tokens[t].weak != 0) continue;
      auto& list = forms_of[t];
      if (list.empty() || list.back() != f) list.push_back(f);
    }
  }
  std::map<std::uint64_t, std::vector<std::uint32_t>> lists;
  std::vector<std::uint64_t> keys;
  b.token_form_offsets.assign(1, 0);
  b.token_forms.clear();
  for (std::uint32_t t = 0; t < d.tokens.size(); ++t) {
    b.token_forms.insert(b.token_forms.end(), forms_of[t].begin(), forms_of[t].end());
    b.token_form_offsets.push_back(static_cast<std::uint32_t>(b.token_forms.size()));
    if (forms_of[t].empty()) continue;
    keys.clear();
    transcription_keys(d.str(d.tokens[t].text), keys);
    // A token's sound spelling (sound_spelling.h) is reached by its own keys: 史密斯's
    // SMS is a class apart from Smith's SMT.
    if (d.tokens[t].sounded.length != 0) transcription_keys(d.str(d.tokens[t].sounded), keys);
    for (auto k : keys) {
      auto& list = lists[k];
      if (list.empty() || list.back() != t) list.push_back(t);
    }
  }
  flatten(lists, b.token_keys, b.token_key_offsets, b.token_postings);
}

// Particles of Romance, Dutch and German surnames, which the same family writes apart or
// joined (Del Barrio, Delbarrio; De la Crestaz, Delacrestaz), and which Chinese and
// Japanese transcribe into the surname's word (德尔巴里奥, ディプリマ). Articles (la, le,
// lo, los, las) count only after another particle or first: alone inside a name they may
// be a syllable (a Chinese given name "La").
bool is_particle(std::string_view t) {
  static constexpr std::string_view kParticles[] = {"d",     "da",    "das",   "de",  "dei", "degli", "del", "dela",
                                                    "della", "delle", "dello", "den", "der", "des",   "di",  "do",
                                                    "dos",   "du",    "ten",   "ter", "van", "vom",   "von"};
  return std::find(std::begin(kParticles), std::end(kParticles), t) != std::end(kParticles);
}
bool is_article(std::string_view t) { return t == "la" || t == "le" || t == "lo" || t == "los" || t == "las"; }

// The token reading with each run of particles joined to the word after it and folded as
// one word ("del barrio" -> "delbario"), or empty when the name has no particle before a
// word. A token reading of its own, so that a list name meets a query that writes the
// surname as one word in any script.
NameTokens with_particles_joined(const NameTokens& tokens) {
  NameTokens out;
  std::string run;
  bool joined = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    const bool last = i + 1 == tokens.size();
    if (!last && (is_particle(t) || (is_article(t) && (i == 0 || !run.empty())))) {
      run += t;
      continue;
    }
    if (run.empty()) {
      out.push_back(t);
      continue;
    }
    out.push_back(fold_spelling(run + t));
    run.clear();
    joined = true;
  }
  if (!joined) out.clear();
  return out;
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
    countries += ascii_lowered(c);
  }
  e.countries = d.intern(countries);
  e.kind = static_cast<std::uint32_t>(entry.kind);
  e.first_name = static_cast<std::uint32_t>(b.names.size());
  const auto entry_index = static_cast<std::uint32_t>(b.entries.size());
  for (const auto& name : entry.names) {
    auto readings = normalise_name(name);
    if (readings.empty()) continue;
    // Readings after the first are joined readings (FormRec::joined) but this one, last.
    auto particles = with_particles_joined(readings.front());
    const std::size_t joined_end = readings.size();
    // The token readings respelled by sound (sound_spelling.h), token for token, or none.
    NameTokens sound = sound_reading(name);
    if (sound.size() != readings.front().size()) sound.clear();
    NameTokens sound_particles = sound.empty() ? NameTokens{} : with_particles_joined(sound);
    if (sound_particles.size() != particles.size()) sound_particles.clear();
    if (!particles.empty()) readings.push_back(std::move(particles));
    const auto name_index = static_cast<std::uint32_t>(b.names.size());
    b.names.push_back(NameRec{d.intern(name), entry_index});
    for (std::size_t r = 0; r < readings.size(); ++r) {
      const auto& reading = readings[r];
      FormRec f{name_index, static_cast<std::uint32_t>(b.form_tokens.size()), 0, 0, r > 0 && r < joined_end ? 1U : 0U};
      const NameTokens* sounds = r == 0 ? &sound : r == joined_end ? &sound_particles : nullptr;
      for (std::size_t k = 0; k < reading.size(); ++k) {
        const std::string& token = reading[k];
        const bool weak = is_weak_token(token);
        const std::string sounded =
            sounds == nullptr || sounds->empty() || weak ? std::string() : sounded_token((*sounds)[k], token);
        // A token with a sound spelling is a record apart from its spelling's other
        // sources (Smit, Smith): the key holds both.
        const std::string id_key = sounded.empty() ? token : token + '\0' + sounded;
        auto [it, fresh] = b.token_ids.try_emplace(id_key, static_cast<std::uint32_t>(b.tokens.size()));
        if (fresh) {
          const StrRef text = d.intern(token);
          b.tokens.push_back(TokenRec{text, 0, weak ? 1U : 0U, d.intern(weak ? "" : sound_key(token, Spelling::kLatin)),
                                      d.intern(sounded)});
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
  flatten(lists, b.keys, b.key_offsets, b.postings);
  post_transcriptions(d);
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

}  // namespace interdict
