// decide() per call, in process, on the bundled orders.
//
// Measures: the time of one OrderSet::decide for a transaction naming its subject by each
// identifier kind, hit and miss, with and without known_at; and explain() on top, which
// `check` pays per line. Published peers for context (not run here): Cedar 4-11 µs per
// authorization, OPA ~36 µs, SAPL embedded 179-374 ns.
#include <benchmark/benchmark.h>

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
void BM_DecideNameExact(benchmark::State& state) {
  run(state, make(Activity::kPayment, ProbeKind::kName, "Tencent Holdings Limited", "2020-09-22T00:00:00Z"));
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

BENCHMARK(BM_DecideAppHit);
BENCHMARK(BM_DecideAppHitKnownAt);
BENCHMARK(BM_DecideDomainHit);
BENCHMARK(BM_DecideDomainMiss);
BENCHMARK(BM_DecideAsnHit);
BENCHMARK(BM_DecidePackageHit);
BENCHMARK(BM_DecideClassHit);
BENCHMARK(BM_DecideNameExact);
BENCHMARK(BM_DecideAndExplain);

}  // namespace
}  // namespace interdict

BENCHMARK_MAIN();
