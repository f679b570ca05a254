// decide() per call, in process, on the bundled orders.
//
// Measures: the time of one OrderSet::decide for a transaction naming its subject by each
// identifier kind, hit and miss, with and without known_at; and explain() on top, which
// `check` pays per line. Published peers for context (not run here): Cedar 4-11 µs per
// authorization, OPA ~36 µs, SAPL embedded 179-374 ns.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace interdict {
namespace {

const OrderSet& orders() {
  static std::shared_ptr<const OrderSet> set = [] {
    auto compiled = OrderSet::compile_bundled();
    if (!compiled) std::abort();
    return *compiled;
  }();
  return *set;
}

Observation make(Activity activity, ProbeKind kind, std::string_view value, const char* at) {
  Observation obs;
  obs.activity = activity;
  obs.add_probe(kind, value);
  obs.add_country("US");
  obs.at = *parse_rfc3339(at);
  return obs;
}

void run(benchmark::State& state, const Observation& obs, Instant known_at = kEndOfTime) {
  const OrderSet& set = orders();
  benchmark::DoNotOptimize(set.decide(obs, known_at).verdict);  // builds lazy indexes (names) outside the timing
  for (auto _ : state) {
    Finding f = set.decide(obs, known_at);
    benchmark::DoNotOptimize(f.verdict);
    benchmark::DoNotOptimize(f.governing);
  }
}

void BM_DecideAppHit(benchmark::State& state) {
  run(state, make(Activity::kStoreDistribute, ProbeKind::kApp, "com.zhiliaoapp.musically", "2025-02-01T00:00:00Z"));
}
void BM_DecideAppHitKnownAt(benchmark::State& state) {
  run(state, make(Activity::kStoreDistribute, ProbeKind::kApp, "com.zhiliaoapp.musically", "2020-09-28T12:00:00Z"),
      *parse_rfc3339("2020-09-26T00:00:00Z"));
}
void BM_DecideDomainHit(benchmark::State& state) {
  run(state, make(Activity::kHosting, ProbeKind::kDomain, "api16-core-c-alisg.tiktokv.com", "2025-07-01T00:00:00Z"));
}
void BM_DecideDomainMiss(benchmark::State& state) {
  run(state, make(Activity::kHosting, ProbeKind::kDomain, "images.cdn.example.com", "2025-07-01T00:00:00Z"));
}
void BM_DecideAsnHit(benchmark::State& state) {
  run(state, make(Activity::kPeering, ProbeKind::kAsn, "AS396986", "2020-11-13T00:00:00Z"));
}
void BM_DecidePackageHit(benchmark::State& state) {
  run(state, make(Activity::kCode, ProbeKind::kPackage, "pkg:maven/com.tencent.mm.opensdk/wechat-sdk-android@6.8.0",
                  "2020-09-22T00:00:00Z"));
}
void BM_DecideClassHit(benchmark::State& state) {
  run(state, make(Activity::kCode, ProbeKind::kClass, "com.tiktok.open.sdk.auth.AuthApi", "2020-11-13T00:00:00Z"));
}
// Each observation in turn, so no two calls in a row ask the same thing: one name asked
// again and again would time what a call leaves in the caches, not a new payment's party.
// `start`, when given, is where to begin, and is left where this run ended: a later run
// (Google Benchmark runs a case several times) goes on from there instead of again from
// the first observation.
void run_each(benchmark::State& state, const std::vector<Observation>& observations, std::size_t* start = nullptr) {
  const OrderSet& set = orders();
  benchmark::DoNotOptimize(set.decide(observations[0]).verdict);  // builds the lazy name indexes
  std::size_t i = start != nullptr ? *start : 0;
  for (auto _ : state) {
    Finding f = set.decide(observations[i]);
    benchmark::DoNotOptimize(f.verdict);
    benchmark::DoNotOptimize(f.designation_count);
    i = i + 1 == observations.size() ? 0 : i + 1;
  }
  if (start != nullptr) *start = i;
}

void run_two(benchmark::State& state, const char* first, const char* second) {
  run_each(state, {make(Activity::kPayment, ProbeKind::kName, first, "2020-09-22T00:00:00Z"),
                   make(Activity::kPayment, ProbeKind::kName, second, "2020-09-22T00:00:00Z")});
}

void BM_DecideNameExact(benchmark::State& state) {
  run_two(state, "Tencent Holdings Limited", "Beijing ByteDance Technology Co., Ltd.");
}
// Every ASCII name and alias of the bundled entities and subjects, in turn: no two calls in
// a row see the same name, so nothing a call leaves behind favours the next.
void BM_DecideNameAsciiAll(benchmark::State& state) {
  const OrderSet& set = orders();
  std::vector<std::string> names;
  auto ascii = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  for (const Entity& e : set.corpus().entities) {
    if (ascii(e.name)) names.push_back(e.name);
    for (const std::string& a : e.aliases) {
      if (ascii(a)) names.push_back(a);
    }
  }
  for (const Subject& s : set.corpus().subjects) {
    if (ascii(s.name)) names.push_back(s.name);
    for (const std::string& a : s.aliases) {
      if (ascii(a)) names.push_back(a);
    }
  }
  std::vector<Observation> observations;
  for (const std::string& n : names) {
    observations.push_back(make(Activity::kPayment, ProbeKind::kName, n, "2020-09-22T00:00:00Z"));
  }
  run_each(state, observations);
  state.counters["names"] = static_cast<double>(observations.size());
}
// The usual party of a payment: a name no order designates. Some share a word with an
// entity ("Shenzhen", "Technology"), so the partial search has candidates to weigh.
void BM_DecideNameMiss(benchmark::State& state) {
  std::vector<Observation> observations;
  for (const char* n : {"Shenzhen Huaqiang Electronics Co., Ltd.", "Acme Global Trading LLC", "Maria Garcia Lopez",
                        "Pacific Coast Logistics Inc.", "Beijing Digital Technology Co., Ltd.", "John A. Smith"}) {
    observations.push_back(make(Activity::kPayment, ProbeKind::kName, n, "2020-09-22T00:00:00Z"));
  }
  run_each(state, observations);
}
void BM_DecideNameMixedCase(benchmark::State& state) { run_two(state, "TENCENT holdings, LTD.", "bytedance LTD"); }
// Two Han names in turn: a payment file's counterparties again, whose tokens each thread
// keeps once ICU has read them.
void BM_DecideNameHan(benchmark::State& state) { run_two(state, "騰訊控股有限公司", "字节跳动有限公司"); }
// Han names never seen before: ICU reads each (NFKC, then its Han-Latin rules). More
// distinct names than a thread keeps, asked in turn, so every call misses the memo.
void BM_DecideNameHanCold(benchmark::State& state) {
  const std::u32string han =
      U"腾讯控股字节跳动北京科技网投中文国互联投资基金市化发展集团资产管理央视频融媒体抖音厦门星辰启点今日头条";
  std::vector<std::string> names;  // all made before any observation views one
  for (std::size_t i = 0; i < 6000; ++i) {
    std::string& name = names.emplace_back();  // the five base-N digits of i * 7919 < N^5: distinct
    for (std::size_t k = 0, x = i * 7919; k < 5; ++k, x /= han.size()) {
      const char32_t c = han[x % han.size()];
      name += static_cast<char>(0xe0 | (c >> 12));
      name += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
      name += static_cast<char>(0x80 | (c & 0x3f));
    }
  }
  std::vector<Observation> observations;
  for (const std::string& name : names) {
    observations.push_back(make(Activity::kPayment, ProbeKind::kName, name, "2020-09-22T00:00:00Z"));
  }
  // A name comes back only after 5,999 others, so past an emptying of the memo, in this run
  // or the next.
  static std::size_t next = 0;
  run_each(state, observations, &next);
}
// European parties never seen before, their names with accents: "Société Générale",
// "Müller Außenhandel GmbH". Made of three words of 24, 6,000 distinct, asked in turn.
void BM_DecideNameLatinCold(benchmark::State& state) {
  const char* words[] = {"Société", "Générale", "Müller", "Außenhandel", "Crédit", "Agricole", "Łódź", "Škoda",
                         "Dvořák", "Øresund", "Ångström", "Gonçalves", "Peña", "Çelik", "Ñandú", "Fjällräven",
                         "Bäckerei", "Hôtel", "Économique", "Zürich", "Kraków", "São", "Paulo", "Hønefoss"};
  constexpr std::size_t kWords = sizeof words / sizeof words[0];
  std::vector<std::string> names;
  for (std::size_t i = 0; i < 6000; ++i) {
    const std::size_t x = i * 7919 % (kWords * kWords * kWords);  // distinct: 7919 is prime to 24^3
    names.push_back(std::string(words[x % kWords]) + " " + words[x / kWords % kWords] + " " +
                    words[x / kWords / kWords]);
  }
  std::vector<Observation> observations;
  for (const std::string& name : names) {
    observations.push_back(make(Activity::kPayment, ProbeKind::kName, name, "2020-09-22T00:00:00Z"));
  }
  static std::size_t next = 0;
  run_each(state, observations, &next);
}
void BM_DecideAndExplain(benchmark::State& state) {
  const OrderSet& set = orders();
  Observation obs =
      make(Activity::kStoreDistribute, ProbeKind::kApp, "com.zhiliaoapp.musically", "2025-02-01T00:00:00Z");
  Reasons reasons;
  for (auto _ : state) {
    Finding f = set.decide(obs);
    set.explain(f, obs, reasons);
    benchmark::DoNotOptimize(reasons.size());
  }
}

// INTERDICT_DECIDE_CALLS=N runs each case for exactly N calls in one round, for counting
// instructions under valgrind: two counts' difference over the calls' difference is the
// cost of one call, set-up cancelled. Without it the library picks the rounds.
void fixed_calls(benchmark::internal::Benchmark* b) {
  if (const char* calls = std::getenv("INTERDICT_DECIDE_CALLS")) b->Iterations(std::atoll(calls));
}

BENCHMARK(BM_DecideAppHit)->Apply(fixed_calls);
BENCHMARK(BM_DecideAppHitKnownAt)->Apply(fixed_calls);
BENCHMARK(BM_DecideDomainHit)->Apply(fixed_calls);
BENCHMARK(BM_DecideDomainMiss)->Apply(fixed_calls);
BENCHMARK(BM_DecideAsnHit)->Apply(fixed_calls);
BENCHMARK(BM_DecidePackageHit)->Apply(fixed_calls);
BENCHMARK(BM_DecideClassHit)->Apply(fixed_calls);
// decide() and the reasons as `check` writes them: JSON, with the orders' parts cached.
void BM_DecideAndJsonReasons(benchmark::State& state) {
  const OrderSet& set = orders();
  Observation obs =
      make(Activity::kStoreDistribute, ProbeKind::kApp, "com.zhiliaoapp.musically", "2025-02-01T00:00:00Z");
  JsonReasons reasons(set);
  std::string out;
  for (auto _ : state) {
    Finding f = set.decide(obs);
    out.clear();
    reasons.append(out, f, obs);
    benchmark::DoNotOptimize(out.data());
  }
}

BENCHMARK(BM_DecideNameExact)->Apply(fixed_calls);
BENCHMARK(BM_DecideNameAsciiAll)->Apply(fixed_calls);
BENCHMARK(BM_DecideNameMiss)->Apply(fixed_calls);
BENCHMARK(BM_DecideNameMixedCase)->Apply(fixed_calls);
BENCHMARK(BM_DecideNameHan)->Apply(fixed_calls);
BENCHMARK(BM_DecideNameHanCold)->Apply(fixed_calls);
BENCHMARK(BM_DecideNameLatinCold)->Apply(fixed_calls);
BENCHMARK(BM_DecideAndExplain)->Apply(fixed_calls);
BENCHMARK(BM_DecideAndJsonReasons)->Apply(fixed_calls);

}  // namespace
}  // namespace interdict

BENCHMARK_MAIN();
