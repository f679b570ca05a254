// DomainMatcher lookups and memory, on the bundled orders and on two million generated
// names, against a named in-run peer: std::unordered_set<std::string> walked right to left
// one label at a time (the obvious implementation). Published for context, not run here:
// a peer holding 2 million rules in 16.7 MB.
//
// Measures, per benchmark:
//   Bundled/{Hit,Miss,Unicode}   one match() on the matcher built from the bundled orders'
//                                domain and domain_exact identifiers
//   TwoMillion/{Hit,Miss}        one match() on 2,000,000 generated rules (a quarter exact),
//                                probes cycling through 65,536 names so caches stay cold
//   Peer/{Hit,Miss}              the same probes against the unordered_set
// Counters: rules, the matcher's memory_bytes(), bytes per rule, and heap bytes measured by
// glibc's mallinfo2 around the build (for the peer too). Before timing, every hit probe is
// checked to match and every miss probe not to.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_set>
#include <vector>

#include "match/match.h"
#include "order/order.h"

namespace interdict {
namespace {

constexpr std::size_t kRules = 2'000'000;
constexpr std::size_t kProbes = 1 << 16;

std::uint64_t splitmix(std::uint64_t& s) {
  std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string label(std::uint64_t& s, std::size_t min, std::size_t max) {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
  const std::size_t n = min + splitmix(s) % (max - min + 1);
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += kChars[splitmix(s) % (i == 0 || i + 1 == n ? 36 : 37)];
  return out;
}

// Shaped like the names of real block lists (blocklistproject's basic list averages 19
// bytes): a host label, a domain label and a common top-level domain.
std::string generated_name(std::uint64_t& s) {
  static constexpr const char* kTlds[] = {"com", "net", "org", "io", "cn", "ru", "de", "co.uk", "xyz", "info"};
  return label(s, 3, 10) + "." + label(s, 4, 12) + "." + kTlds[splitmix(s) % 10];
}

// Large blocks come from mmap, which glibc counts apart from the heap proper.
std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

struct Big {
  DomainMatcher matcher;
  std::unordered_set<std::string> peer;
  std::size_t matcher_heap = 0, peer_heap = 0, name_bytes = 0;
  std::vector<std::string> hits, misses;
};

const Big& big() {
  static const Big* b = [] {
    auto* big = new Big;
    std::uint64_t s = 42;
    std::vector<std::string> names;
    names.reserve(kRules);
    for (std::size_t i = 0; i < kRules; ++i) names.push_back(generated_name(s));
    std::size_t before = heap_in_use();
    for (std::size_t i = 0; i < kRules; ++i) {
      big->matcher.add(names[i], i % 4 == 0, static_cast<std::uint32_t>(i));
      big->name_bytes += names[i].size();
    }
    // The first read builds the buckets; the build is add() and that.
    if (big->matcher.size() != kRules) std::abort();
    big->matcher_heap = heap_in_use() - before;
    before = heap_in_use();
    for (const std::string& n : names) big->peer.insert(n);
    big->peer_heap = heap_in_use() - before;
    for (std::size_t i = 0; i < kProbes; ++i) {
      const std::size_t r = (splitmix(s) % (kRules / 4)) * 4 + 1;  // a suffix rule
      big->hits.push_back("www." + names[r]);
      big->misses.push_back("cdn-" + std::to_string(i) + "." + generated_name(s));
      if (!big->matcher.match(big->hits.back()) || big->matcher.match(big->misses.back())) std::abort();
    }
    return big;
  }();
  return *b;
}

const DomainMatcher& bundled() {
  static const DomainMatcher* m = [] {
    auto* matcher = new DomainMatcher;
    LoadReport report = load_orders(bundled_orders());
    if (!report.ok()) std::abort();
    std::uint32_t target = 0;
    for (const Subject& subject : report.corpus.subjects) {
      for (const Identifier& id : subject.identifiers) {
        if (id.kind == IdentifierKind::kDomain || id.kind == IdentifierKind::kDomainExact)
          matcher->add(id.value, id.kind == IdentifierKind::kDomainExact, target++);
      }
    }
    return matcher;
  }();
  return *m;
}

void lookups(benchmark::State& state, const DomainMatcher& m, const std::vector<std::string>& probes, bool hit) {
  for (const std::string& p : probes) {
    if (m.match(p).has_value() != hit) state.SkipWithError("a probe answered wrong");
  }
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(m.match(probes[i]));
    i = (i + 1) & (probes.size() - 1);
  }
  state.counters["rules"] = static_cast<double>(m.size());
  state.counters["memory_bytes"] = static_cast<double>(m.memory_bytes());
  state.counters["bytes_per_rule"] = static_cast<double>(m.memory_bytes()) / static_cast<double>(m.size());
}

void BM_Bundled_Hit(benchmark::State& state) {
  lookups(state, bundled(),
          {"api16-core-c-alisg.tiktokv.com", "v16m.tiktokcdn.com", "WWW.TIKTOK.COM.", "pay.weixin.qq.com"}, true);
}
void BM_Bundled_Miss(benchmark::State& state) {
  lookups(state, bundled(), {"images.cdn.example.com", "xtiktok.com", "tiktok.com.example.net", "a.b.c.example.org"},
          false);
}
void BM_Bundled_Unicode(benchmark::State& state) {
  lookups(state, bundled(),
          {"例子.tiktok.com", "ｗｗｗ．ｔｉｋｔｏｋ．ｃｏｍ", "Ünïcode.tiktokv.com", "視頻.tiktok.com"}, true);
}

void BM_TwoMillion_Hit(benchmark::State& state) {
  lookups(state, big().matcher, big().hits, true);
  state.counters["heap_bytes"] = static_cast<double>(big().matcher_heap);
  state.counters["name_bytes"] = static_cast<double>(big().name_bytes);
}
void BM_TwoMillion_Miss(benchmark::State& state) { lookups(state, big().matcher, big().misses, false); }

// The peer: every suffix on a label boundary, longest first, looked up in a hash set of
// std::string (a temporary string per probe, as the obvious code does).
void peer(benchmark::State& state, const std::vector<std::string>& probes) {
  const auto& set = big().peer;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string& p = probes[i];
    bool found = false;
    for (std::size_t at = 0; at != std::string::npos && !found;
         at = p.find('.', at), at = at == std::string::npos ? at : at + 1)
      found = set.count(p.substr(at)) != 0;
    benchmark::DoNotOptimize(found);
    i = (i + 1) & (probes.size() - 1);
  }
  state.counters["heap_bytes"] = static_cast<double>(big().peer_heap);
}
void BM_Peer_Hit(benchmark::State& state) { peer(state, big().hits); }
void BM_Peer_Miss(benchmark::State& state) { peer(state, big().misses); }

BENCHMARK(BM_Bundled_Hit);
BENCHMARK(BM_Bundled_Miss);
BENCHMARK(BM_Bundled_Unicode);
BENCHMARK(BM_TwoMillion_Hit);
BENCHMARK(BM_TwoMillion_Miss);
BENCHMARK(BM_Peer_Hit);
BENCHMARK(BM_Peer_Miss);

}  // namespace
}  // namespace interdict

BENCHMARK_MAIN();
