// Order files, loaded, compiled and asked: bytes -> load_orders -> OrderSet::compile ->
// decide() -> explain(), and the timeline of every clause.
//
// The first byte picks the path. Bit 0 clear: the rest, the TOML text, is loaded as one
// file on its own. Bit 0 set: it is loaded beside bundled order files, so that cross-file
// validation (duplicate ids, subjects and owners defined in other files) runs too; bits 1
// to 7 pick which (bundled file i when bit 1 + i % 7 is set; 0xff takes them all). A
// subset also tries orders without the files that define their subjects, and costs less
// than parsing all 100 KB of bundled TOML on every input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "order/order.h"

namespace {

using namespace interdict;

constexpr const char* kFuzzFile = "fuzz.toml";
constexpr int kMaxAsks = 64;  // bounds the work per input

ProbeKind probe_for(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::kApp: return ProbeKind::kApp;
    case IdentifierKind::kDomain: return ProbeKind::kDomain;
    case IdentifierKind::kDomainExact: return ProbeKind::kDomain;
    case IdentifierKind::kAsn: return ProbeKind::kAsn;
    case IdentifierKind::kPrefix: return ProbeKind::kIp;
    case IdentifierKind::kPackage: return ProbeKind::kPackage;
    case IdentifierKind::kClass: return ProbeKind::kClass;
    case IdentifierKind::kUrl: return ProbeKind::kUrl;
    case IdentifierKind::kName: return ProbeKind::kName;
    case IdentifierKind::kScheme: return ProbeKind::kScheme;
    case IdentifierKind::kSymbol: return ProbeKind::kSymbol;
  }
  return ProbeKind::kId;
}

void ask(const OrderSet& set, const Observation& obs, Instant known_at) {
  Finding finding = set.decide(obs, known_at);
  std::vector<std::string> reasons = set.explain(finding, obs);
  if (finding.governing_match() != nullptr && finding.governing >= finding.match_count) std::abort();
}

// A transaction with several kinds of identifier, decided against whatever loaded.
void ask_fixed(const OrderSet& set) {
  Observation obs;
  obs.activity = Activity::kHosting;
  obs.add_probe(ProbeKind::kDomain, "www.tiktok.com");
  obs.add_probe(ProbeKind::kApp, "com.acme.app");
  obs.add_probe(ProbeKind::kIp, "203.0.113.7");
  obs.add_probe(ProbeKind::kAsn, "AS64500");
  obs.add_probe(ProbeKind::kId, "acme-app");
  obs.add_country("US");
  obs.at = 1600732800;  // 2020-09-22T00:00:00Z
  ask(set, obs, kEndOfTime);
  ask(set, obs, 1600430400);  // 2020-09-18T12:00:00Z
}

// Transactions built from the fuzzed file itself, so that its rules are matched and its
// events folded: each subject by id and by its identifiers, at each event's time.
void ask_own(const OrderSet& set) {
  const Corpus& corpus = set.corpus();
  int asks = 0;
  for (const Order& order : corpus.orders) {
    if (order.file != kFuzzFile) continue;
    for (std::size_t i = 0; i < order.prohibitions.size(); ++i) {
      const Prohibition& p = order.prohibitions[i];
      for (const StateInterval& iv : timeline(order, i, kEndOfTime)) (void)iv;
      for (const Event& e : order.events) (void)state_at(order, i, e.at, e.recorded);
      for (const std::string& subject_id : p.subjects) {
        const Subject* subject = corpus.find_subject(subject_id);
        if (subject == nullptr) continue;
        Observation obs;
        for (int a = 0; a < kActivityCount; ++a) {
          if (p.activities & (ActivitySet{1} << a)) {
            obs.activity = static_cast<Activity>(a);
            break;
          }
        }
        obs.add_probe(ProbeKind::kId, subject->id);
        for (const Identifier& id : subject->identifiers) {
          // A name probe builds the OrderSet's transliterator, a tenth of a second per input:
          // fuzz_check_reader screens names against the bundled orders instead.
          if (id.kind == IdentifierKind::kName) continue;
          std::string_view value = id.value;
          if (id.kind == IdentifierKind::kPrefix) value = value.substr(0, value.find('/'));  // its first address
          if (!obs.add_probe(probe_for(id.kind), value)) break;
        }
        if (!p.scope.empty()) obs.add_country(p.scope.front());
        if (!order.jurisdiction.empty()) obs.add_country(order.jurisdiction.front());
        for (const Event& e : order.events) {
          if (++asks > kMaxAsks) return;
          obs.at = e.at;
          ask(set, obs, kEndOfTime);
          ask(set, obs, e.recorded);
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned selector = data[0];
  std::vector<OrderSource> sources;
  if ((selector & 1) != 0) {
    auto bundled = bundled_orders();
    for (std::size_t i = 0; i < bundled.size(); ++i) {
      if ((selector >> (1 + i % 7)) & 1) sources.push_back(bundled[i]);
    }
  }
  sources.push_back({kFuzzFile, std::string(reinterpret_cast<const char*>(data + 1), size - 1)});
  LoadReport report = load_orders(sources);
  for (const Diagnostic& d : report.errors) (void)d.to_string();
  for (const Diagnostic& d : report.warnings) (void)d.to_string();
  if (!report.ok()) return 0;
  auto set = OrderSet::compile(std::move(report.corpus));
  if (!set) return 0;
  ask_fixed(**set);
  ask_own(**set);
  return 0;
}
