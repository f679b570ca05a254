// Name matcher: quality on labelled name pairs, false positives on non-sanctioned names,
// and speed of the index against scoring every name (the brute-force baseline), in one run.
//
//   bench_names [shared-data-dir] [quick | dump | scores | negatives [FLOOR] | speed [ROUNDS [index]] | misses |
//                                  scripts [ROUNDS [SCRIPT]] | answers | explain NAME...]
//
// quick: every tenth negative, no speed run, the missed labelled names listed.
// negatives [FLOOR]: every negative scoring FLOOR (default 0.9) or more, with the name it met
//   and their token pairs.
// scores: the same for every labelled query, without scoring every name (to compare runs).
// dump: every labelled query below the match threshold as a tab-separated row (source,
//   script, listed name, query, its reading, the expected entry's score by the index and by
//   scoring every name, the best other name and its score, the right entry's token pairs), to
//   count misses by kind.
// speed: only the speed run (speed.h), ROUNDS times (default 3), index and brute force
//   alternately; with "index", the index alone (to profile it).
// scripts: the index's time on the speed sample by the query's script, and the slowest
//   queries (speed.h), best of ROUNDS passes; with SCRIPT (Hani, kana, latin...) that
//   script's queries alone.
// misses: the speed sample's queries whose right entry the index scores lower than brute
//   force does.
// answers: every labelled query's and every 100th negative's hits by the index, to diff two
//   builds that should answer alike.
// The evaluation set is described in eval_set.h.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "eval_set.h"
#include "speed.h"

using interdict::NameIndex;
using names_bench::EvalSet;
using names_bench::Query;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
using names_bench::cpu_ms;

struct Outcome {
  double expected = 0;  // best score of a right entry, 0 when not found
  double other = 0;     // best score of any other entry
  std::string other_name;
  std::string why;  // the right entry's token pairs, as explain prints them
};

// A hit's token pairs: [query|name similarity weight].
std::string pairs_of(const interdict::NameHit& hit) {
  std::string out;
  char sim[32];
  for (const auto& p : hit.why.pairs) {
    std::snprintf(sim, sizeof sim, " %.3f %.2f]", p.similarity, p.weight);
    out += (out.empty() ? "[" : " [") + p.query_token + "|" + p.name_token + sim;
  }
  return out;
}

Outcome outcome(const EvalSet& set, const std::vector<interdict::NameHit>& hits, const std::string& expected) {
  Outcome o;
  for (const auto& h : hits) {
    if (set.right(expected, h.id)) {
      if (h.score > o.expected) o.why = pairs_of(h);
      o.expected = std::max(o.expected, h.score);
    } else {
      if (h.score > o.other) o.other_name = std::string(h.name);
      o.other = std::max(o.other, h.score);
    }
  }
  return o;
}

std::string reading_of(const std::string& text) {
  std::string read;
  const auto readings = interdict::normalise_name(text);
  if (!readings.empty())
    for (const auto& token : readings.front()) read += (read.empty() ? "" : " ") + token;
  return read;
}

constexpr const char* kUsage = R"(usage: bench_names [DATA [MODE [ARGS]]]

Measures the name matcher (issue 6) on the shared data's labelled names (yente's UN names,
rigour's person-name groups, Putin's names) and yente's 100,000 negatives. DATA is the
shared data folder (default: the one this build was configured with).

MODE (none: the full run, 5-7 minutes: recall, precision and FPR per threshold, found by
source and by script, then speed against brute force):
  quick                 the full run on every tenth negative, and the misses
  scores                every labelled query: its reading, score, best other entry, why (4 s)
  dump                  the same for the misses, with brute force's score beside the index's
  negatives [FLOOR]     every negative scoring FLOOR (0.9) or more, with its token pairs
  explain NAME...       the top hits of each NAME with their token pairs
  misses                queries brute force finds at review and the index does not
  speed [ROUNDS [index]]  index against brute force on a sample, ROUNDS times (3)
  scripts [ROUNDS [SCRIPT]]  the sample's query time by script, and the slowest queries
  answers               every sample query's hits, to diff two builds' answers
)";

}  // namespace

int main(int argc, char** argv) {
  const std::string data = argc > 1 ? argv[1] : INTERDICT_SHARED_DATA;
  const std::string mode = argc > 2 ? argv[2] : "";
  if (data == "-h" || data == "--help" || !std::filesystem::exists(data + "/PROVENANCE.md")) {
    std::fputs(kUsage, data == "-h" || data == "--help" ? stdout : stderr);
    if (data != "-h" && data != "--help") std::fprintf(stderr, "\nnot the shared data folder: %s\n", data.c_str());
    return data == "-h" || data == "--help" ? 0 : 2;
  }
  const bool quick = mode == "quick";
  const bool negatives_only = mode == "negatives";
  const bool dump = mode == "dump" || mode == "scores";
  EvalSet set;
  auto start = Clock::now();
  names_bench::load_eval_set(data, quick || dump ? 10 : 1, set);
  auto& index = set.index;
  index.freeze();
  const double build_ms = ms_since(start);
  std::printf("index: %zu entries, %zu names, built in %.0f ms\n", index.entry_count(), index.name_count(), build_ms);
  std::printf("labelled: %zu queries; %zu other entries are listed under a label's own spelling\n",
              set.positives.size(), set.also_count);

  // "explain NAME...": the hits of each name with their token pairs, to study a miss.
  if (mode == "explain") {
    for (int a = 3; a < argc; ++a) {
      std::printf("%s [%s]\n", argv[a], reading_of(argv[a]).c_str());
      for (const auto& hit : index.search(argv[a], {}, 5)) {
        std::printf("  %.3f %s %s:", hit.score, std::string(hit.id).c_str(), std::string(hit.name).c_str());
        for (const auto& p : hit.why.pairs)
          std::printf(" [%s|%s %.2f]", p.query_token.c_str(), p.name_token.c_str(), p.similarity);
        std::printf("\n");
      }
    }
    return 0;
  }
  // File round trip.
  // Named for this process: two benches at once must not load each other's file.
  const std::string path = "/tmp/bench_names." + std::to_string(getpid()) + ".idx";
  start = Clock::now();
  if (!index.save(path).has_value()) return 1;
  const double save_ms = ms_since(start);
  start = Clock::now();
  auto loaded = NameIndex::load(path);
  const double load_ms = ms_since(start);
  std::ifstream sized(path, std::ios::binary | std::ios::ate);
  const auto file_size = static_cast<long long>(sized.tellg());
  std::remove(path.c_str());  // a mapping stays valid
  if (!loaded) return 1;
  std::printf("file: %lld bytes, save %.1f ms, load %.1f ms\n", file_size, save_ms, load_ms);

  // Transliterator cost: the first non-ASCII name on a fresh thread builds its own.
  std::thread([] {
    auto t = Clock::now();
    (void)interdict::normalise_name("腾讯");
    const double first = ms_since(t);
    t = Clock::now();
    for (int i = 0; i < 1000; ++i) (void)interdict::normalise_name("腾讯");
    std::printf("transliterator: first use on a thread %.1f ms, then %.1f us per Han name\n", first, ms_since(t));
  }).join();

  const auto& positives = set.positives;
  const auto& negatives = set.negatives;
  const auto defaults = interdict::Thresholds{};
  // Scores at a low review threshold, so one pass serves every threshold below.
  loaded->set_thresholds({0.6, 0.6});
  if (mode == "speed" || mode == "misses" || mode == "answers" || mode == "scripts") {
    loaded->set_thresholds(defaults);
    if (mode == "speed")
      names_bench::run_speed(set, *loaded, argc > 3 ? std::atoi(argv[3]) : 3,
                             argc > 4 && std::string(argv[4]) == "index");
    if (mode == "misses") names_bench::run_misses(set, *loaded);
    if (mode == "scripts")
      names_bench::run_by_script(*loaded, names_bench::speed_sample(set), argc > 3 ? std::atoi(argv[3]) : 3,
                                 argc > 4 ? argv[4] : "");
    if (mode == "answers") {
      std::vector<Query> all = positives;
      for (std::size_t i = 0; i < negatives.size(); i += 100) all.push_back(negatives[i]);
      names_bench::run_answers(*loaded, all);
    }
    return 0;
  }
  std::vector<Outcome> pos;
  double cpu = cpu_ms();
  if (negatives_only) {
    const double floor = argc > 3 ? std::atof(argv[3]) : 0.9;
    for (const auto& q : negatives) {
      const auto hits = loaded->search(q.text, {}, 1);
      if (!hits.empty() && hits[0].score >= floor)
        std::printf("negative hit\t%.4f\t%s\t%s\t%s\n", hits[0].score, q.text.c_str(),
                    std::string(hits[0].name).c_str(), pairs_of(hits[0]).c_str());
    }
    return 0;
  }
  for (const auto& q : positives) pos.push_back(outcome(set, loaded->search(q.text, {}, 10), q.expected));
  const double pos_ms = cpu_ms() - cpu;
  if (dump) {
    std::printf("source\tscript\tlisted\tquery\treading\tindex\tbrute\tother\tother_score\twhy\n");
    for (std::size_t i = 0; i < pos.size(); ++i) {
      if (mode == "dump" && pos[i].expected >= defaults.match && pos[i].expected >= pos[i].other) continue;
      const auto& q = positives[i];
      const auto brute = mode == "dump" ? outcome(set, loaded->search_all(q.text, {}, 10), q.expected) : Outcome{};
      std::printf("%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%s\t%.4f\t%s\n", q.source.c_str(),
                  names_bench::script_of(q.text).c_str(), set.listed[q.expected].c_str(), q.text.c_str(),
                  reading_of(q.text).c_str(), pos[i].expected, brute.expected, pos[i].other_name.c_str(), pos[i].other,
                  pos[i].why.c_str());
    }
    return 0;
  }
  std::vector<double> neg;
  cpu = cpu_ms();
  for (const auto& q : negatives) {
    const auto hits = loaded->search(q.text, {}, 1);
    neg.push_back(hits.empty() ? 0.0 : hits[0].score);
    if (quick && !hits.empty() && hits[0].score >= 0.9)
      std::printf("negative hit: %s -> %s (%.3f)\n", q.text.c_str(), std::string(hits[0].name).c_str(), hits[0].score);
  }
  const double neg_ms = cpu_ms() - cpu;
  std::printf("queries (CPU time): %zu labelled (%.3f ms each), %zu negatives (%.3f ms each)\n", positives.size(),
              pos_ms / static_cast<double>(positives.size()), negatives.size(),
              neg_ms / static_cast<double>(negatives.size()));

  // Precision counts a query right when a right entry is its top hit.
  std::printf("\nthreshold  recall  precision  negatives-FPR\n");
  for (double t = 0.80; t <= 0.981; t += 0.01) {
    std::size_t found = 0, answered = 0, right = 0, fp = 0;
    for (const auto& o : pos) {
      if (o.expected >= t) ++found;
      if (std::max(o.expected, o.other) >= t) {
        ++answered;
        if (o.expected >= o.other) ++right;
      }
    }
    for (double s : neg)
      if (s >= t) ++fp;
    std::printf("%.2f       %.4f  %.4f     %.4f%%\n", t, static_cast<double>(found) / static_cast<double>(pos.size()),
                answered ? static_cast<double>(right) / static_cast<double>(answered) : 1.0,
                100.0 * static_cast<double>(fp) / static_cast<double>(neg.size()));
  }
  // answered: the query's best hit, right or wrong, is at match; right: it is the right entry.
  struct Counts {
    std::size_t total = 0, review = 0, match = 0, answered = 0, right = 0;
  };
  std::map<std::string, Counts> by_source;
  std::map<std::string, Counts> by_script;  // rigour's spellings by the query's script
  for (std::size_t i = 0; i < pos.size(); ++i) {
    const auto& q = positives[i];
    auto& counts = by_source[q.source];
    ++counts.total;
    auto& script = by_script[q.source.starts_with("rigour") ? names_bench::script_of(q.text) : q.source];
    ++script.total;
    if (pos[i].expected >= defaults.match) ++script.match;
    if (pos[i].expected >= defaults.review) ++script.review;
    if (std::max(pos[i].expected, pos[i].other) >= defaults.match) {
      ++script.answered;
      if (pos[i].expected >= pos[i].other) ++script.right;
    }
    if (quick && pos[i].other > pos[i].expected && pos[i].other >= defaults.match)
      std::printf("wrong %s %s: %s (%.3f, other %s %.3f)\n", q.source.c_str(), set.listed[q.expected].c_str(),
                  q.text.c_str(), pos[i].expected, pos[i].other_name.c_str(), pos[i].other);
    if (pos[i].expected >= defaults.match) ++counts.match;
    if (pos[i].expected >= defaults.review) {
      ++counts.review;
    } else if (quick) {
      std::printf("missed %s %s: %s [%s] (%.3f, other %.3f)\n", q.source.c_str(), set.listed[q.expected].c_str(),
                  q.text.c_str(), reading_of(q.text).c_str(), pos[i].expected, pos[i].other);
    }
  }
  for (const auto& [source, c] : by_source)
    std::printf("found for %s: %zu at match, %zu at review, of %zu\n", source.c_str(), c.match, c.review, c.total);
  for (const auto& [script, c] : by_script)
    std::printf("found by script, %s: %zu at match, %zu at review, of %zu; precision at match %.3f\n", script.c_str(),
                c.match, c.review, c.total,
                c.answered ? static_cast<double>(c.right) / static_cast<double>(c.answered) : 1.0);
  std::printf("defaults: match %.2f review %.2f\n", defaults.match, defaults.review);

  if (quick) return 0;
  // Speed: the index against every name scored, the same queries, the same scorer.
  loaded->set_thresholds(defaults);
  names_bench::run_speed(set, *loaded, 1, false);
  return 0;
}
