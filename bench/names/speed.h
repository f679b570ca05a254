// The speed part of bench_names: the index against scoring every name (brute force), on
// the same sample of queries, in the same run, with the same scorer.
//
// The sample is every fifth labelled query and every 500th negative (686 queries). Both
// ways are timed in CPU time, alternately `rounds` times, so that a load that comes and
// goes on the shared machine falls on both; each round's ratio is printed. Recall is
// counted at the review and at the match threshold for both ways, since the index must
// find what scoring every name finds.
//
// Thread-safety: single-threaded bench code.
#pragma once

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "eval_set.h"

namespace names_bench {

// CPU time of this process: the machine is shared, so wall time overstates the cost.
inline double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The best score of a right entry among `hits`, 0 when none.
inline double right_score(const EvalSet& set, const std::vector<interdict::NameHit>& hits,
                          const std::string& expected) {
  double best = 0;
  for (const auto& h : hits)
    if (set.right(expected, h.id)) best = std::max(best, h.score);
  return best;
}

inline std::vector<Query> speed_sample(const EvalSet& set) {
  std::vector<Query> sample;
  for (std::size_t i = 0; i < set.positives.size(); i += 5) sample.push_back(set.positives[i]);
  for (std::size_t i = 0; i < set.negatives.size(); i += 500) sample.push_back(set.negatives[i]);
  return sample;
}

struct WayResult {
  double ms = 0;  // CPU time, all queries
  double labelled_ms = 0;
  std::size_t at_review = 0;
  std::size_t at_match = 0;
  std::vector<double> right;  // per query: the right entry's score
};

// One pass of `sample` searched by the index (all = false) or by scoring every name.
inline WayResult run_way(const EvalSet& set, const interdict::NameIndex& index, const std::vector<Query>& sample,
                         bool all) {
  WayResult r;
  const auto t = index.thresholds();
  for (const auto& q : sample) {
    const double start = cpu_ms();
    const auto hits = all ? index.search_all(q.text, {}, 10) : index.search(q.text, {}, 10);
    const double spent = cpu_ms() - start;
    r.ms += spent;
    if (q.expected.empty()) {
      r.right.push_back(0);
      continue;
    }
    r.labelled_ms += spent;
    const double s = right_score(set, hits, q.expected);
    r.right.push_back(s);
    if (s >= t.review) ++r.at_review;
    if (s >= t.match) ++r.at_match;
  }
  return r;
}

// "speed [rounds [index]]": prints each round's times and ratio and both ways' recall;
// with `index_only`, the index alone (for a profiler).
inline void run_speed(const EvalSet& set, const interdict::NameIndex& index, int rounds, bool index_only) {
  const auto sample = speed_sample(set);
  std::size_t labelled = 0;
  for (const auto& q : sample) labelled += q.expected.empty() ? 0 : 1;
  const double n = static_cast<double>(sample.size());
  const double nl = static_cast<double>(labelled);
  const double nn = n - nl;
  WayResult last_index;
  WayResult last_all;
  for (int round = 0; round < rounds; ++round) {
    last_index = run_way(set, index, sample, false);
    if (index_only) {
      std::printf("index round %d: %.3f ms/query (labelled %.3f, negatives %.3f)\n", round + 1, last_index.ms / n,
                  last_index.labelled_ms / nl, (last_index.ms - last_index.labelled_ms) / nn);
      continue;
    }
    last_all = run_way(set, index, sample, true);
    std::printf(
        "speed round %d (CPU time) on %zu queries: index %.3f ms/query (labelled %.3f, negatives %.3f), brute force "
        "%.3f ms/query, speed-up %.0fx\n",
        round + 1, sample.size(), last_index.ms / n, last_index.labelled_ms / nl,
        (last_index.ms - last_index.labelled_ms) / nn, last_all.ms / n, last_all.ms / last_index.ms);
  }
  if (index_only) return;
  std::printf(
      "recall on the %zu labelled of them: at review index %.4f, brute force %.4f; at match index %.4f, brute "
      "force %.4f\n",
      labelled, static_cast<double>(last_index.at_review) / nl, static_cast<double>(last_all.at_review) / nl,
      static_cast<double>(last_index.at_match) / nl, static_cast<double>(last_all.at_match) / nl);
}

// "misses": every sample query whose right entry the index scores lower than brute force
// does (a candidate the index did not reach), with its reading.
inline void run_misses(const EvalSet& set, const interdict::NameIndex& index) {
  std::vector<Query> sample;
  for (const auto& q : speed_sample(set))
    if (!q.expected.empty()) sample.push_back(q);
  const auto by_index = run_way(set, index, sample, false);
  const auto by_all = run_way(set, index, sample, true);
  std::printf("source\tlisted\tquery\tindex\tbrute\n");
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (by_index.right[i] >= by_all.right[i]) continue;
    const auto& q = sample[i];
    const auto listed = set.listed.find(q.expected);
    std::printf("%s\t%s\t%s\t%.3f\t%.3f\n", q.source.c_str(), listed == set.listed.end() ? "" : listed->second.c_str(),
                q.text.c_str(), by_index.right[i], by_all.right[i]);
  }
}

// "scripts": the index's CPU time on the speed sample by the query's script (best of
// `rounds` passes per query), and the slowest queries, to see which readings cost most;
// with `only`, the queries of that script alone (for a profiler).
inline void run_by_script(const interdict::NameIndex& index, std::vector<Query> sample, int rounds,
                          const std::string& only) {
  if (!only.empty()) std::erase_if(sample, [&only](const Query& q) { return script_of(q.text) != only; });
  std::vector<double> best(sample.size(), 1e300);
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < sample.size(); ++i) {
      const double start = cpu_ms();
      (void)index.search(sample[i].text, {}, 10);
      best[i] = std::min(best[i], cpu_ms() - start);
    }
  }
  std::map<std::string, std::pair<std::size_t, double>> by_script;
  double total = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    auto& [count, ms] = by_script[script_of(sample[i].text)];
    ++count;
    ms += best[i];
    total += best[i];
  }
  std::printf("script\tqueries\tms/query\tshare of time\n");
  for (const auto& [script, c] : by_script)
    std::printf("%s\t%zu\t%.3f\t%.1f%%\n", script.c_str(), c.first, c.second / static_cast<double>(c.first),
                100.0 * c.second / total);
  std::vector<std::size_t> order(sample.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&best](std::size_t a, std::size_t b) { return best[a] > best[b]; });
  std::printf("slowest:\n");
  for (std::size_t k = 0; k < 20 && k < order.size(); ++k)
    std::printf("%.3f ms\t%s\n", best[order[k]], sample[order[k]].text.c_str());
}

// "answers": every sample query's hits by the index (id and score), to diff two builds.
inline void run_answers(const interdict::NameIndex& index, const std::vector<Query>& sample) {
  for (const auto& q : sample) {
    std::printf("%s", q.text.c_str());
    for (const auto& h : index.search(q.text, {}, 10)) std::printf("\t%s %.6f", std::string(h.id).c_str(), h.score);
    std::printf("\n");
  }
}

}  // namespace names_bench
