// NameIndex: search. A query is read and weighed in weighed_query.cc, its candidates are
// picked in candidates.cc, and each is scored in score.cc; building is in index_build.cc.
#include <algorithm>
#include <vector>

#include "names/candidates.h"
#include "names/pair_memo.h"
#include "names/score.h"
#include "names/weighed_query.h"

namespace interdict {

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
  if (weighed.readings.empty()) return hits;

  // The baseline scores every name as it is, without the memo.
  thread_local PairMemo memo;
  memo.clear();
  PairMemo* const pairs = all ? nullptr : &memo;
  const std::vector<QueryReading> plan = reading_plan(weighed);
  std::vector<std::uint32_t> candidates;
  if (all) {
    candidates.resize(d.forms.size());
    for (std::uint32_t f = 0; f < d.forms.size(); ++f) candidates[f] = f;
  } else {
    // Every reading that is scored picks candidates, the transcribed one by its patterns'
    // own keys.
    std::vector<const std::vector<QueryToken>*> token_readings;
    for (const auto& r : plan)
      if (r.tokens != nullptr) token_readings.push_back(r.tokens);
    candidates = pick_candidates(d, token_readings, weighed.sounds, &memo);
  }

  struct Best {
    double score;
    double uncapped;
    std::uint32_t form;
    std::size_t reading;  // in `plan`
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
    ReadingScore top;
    std::size_t top_reading = 0;
    for (std::size_t r = 0; r < plan.size(); ++r) {
      const ReadingScore s = score_reading(weighed, plan[r], d, f, top.score, nullptr, pairs);
      // Of readings the review-only cap ties, the one that scored more before it.
      if (s.score > top.score || (s.score == top.score && s.uncapped > top.uncapped)) {
        top = s;
        top_reading = r;
      }
    }
    double top_score = top.score;
    if (top_score <= 0) continue;
    const EntryRec& e = d.entries[d.names[form.name].entry];
    const double factors = kind_factor(hints.kind, e.kind) * country_factor(d, e, hints.country);
    top_score *= factors;
    if (top_score < d.thresholds.review) continue;
    best.push_back(Best{top_score, top.uncapped * factors, f, top_reading});
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
    (void)score_reading(weighed, plan[b.reading], d, b.form, 0.0, &hit.why, nullptr);
    hit.why.kind_factor = kind_factor(hints.kind, e.kind);
    hit.why.country_factor = country_factor(d, e, hints.country);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace interdict
