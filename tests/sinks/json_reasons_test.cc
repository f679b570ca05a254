// Sinks: `check`'s fast answer (JsonReasons, the orders' parts of reasons cached) against the
// answer rendered from explain() string by string, byte for byte, over every identifier of
// the bundled orders, every activity, with and without countries, at every kind of time.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sinks/sinks.h"

namespace interdict {
namespace {

const OrderSet& bundled() {
  static std::shared_ptr<const OrderSet> set = [] {
    auto compiled = OrderSet::compile_bundled();
    EXPECT_TRUE(compiled.has_value());
    return *compiled;
  }();
  return *set;
}

std::optional<ProbeKind> probe_for(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::kApp: return ProbeKind::kApp;
    case IdentifierKind::kDomain:
    case IdentifierKind::kDomainExact: return ProbeKind::kDomain;
    case IdentifierKind::kAsn: return ProbeKind::kAsn;
    case IdentifierKind::kPrefix: return std::nullopt;  // a prefix is not an address
    case IdentifierKind::kPackage: return ProbeKind::kPackage;
    case IdentifierKind::kClass: return ProbeKind::kClass;
    case IdentifierKind::kUrl: return ProbeKind::kUrl;
    case IdentifierKind::kName: return ProbeKind::kName;
    case IdentifierKind::kScheme: return ProbeKind::kScheme;
    case IdentifierKind::kSymbol: return ProbeKind::kSymbol;
  }
  return std::nullopt;
}

struct Probe2 {
  ProbeKind kind;
  std::string value;
};

// Every identifier, id, name and alias of the bundled orders, and a few that match nothing.
std::vector<Probe2> every_probe() {
  std::vector<Probe2> out;
  for (const Subject& s : bundled().corpus().subjects) {
    out.push_back({ProbeKind::kId, s.id});
    for (const Identifier& id : s.identifiers) {
      if (auto kind = probe_for(id.kind)) out.push_back({*kind, id.value});
    }
    out.push_back({ProbeKind::kTitle, s.name});
  }
  for (const Entity& e : bundled().corpus().entities) {
    out.push_back({ProbeKind::kId, e.id});
    out.push_back({ProbeKind::kName, e.name});
    for (const std::string& a : e.aliases) out.push_back({ProbeKind::kName, a});
  }
  out.push_back({ProbeKind::kDomain, "www.example.com"});
  out.push_back({ProbeKind::kName, "Example \"Quoted\" \\ Holdings"});
  out.push_back({ProbeKind::kIp, "203.0.113.7"});
  return out;
}

TEST(JsonReasons, AnswersEqualTheExplainedOnesOnEveryBundledIdentifier) {
  const std::vector<Probe2> probes = every_probe();
  const char* times[] = {"2020-09-01T00:00:00Z", "2020-09-25T12:00:00Z", "2020-09-28T12:00:00Z",
                         "2020-11-13T00:00:00Z", "2021-07-01T00:00:00Z", "2024-10-01T00:00:00Z",
                         "2025-02-01T00:00:00Z", "2026-06-01T00:00:00Z"};
  const std::vector<std::vector<std::string_view>> countries = {{}, {"US"}, {"CN"}, {"PR"}, {"US", "CN"}};
  const std::optional<Instant> known_ats[] = {std::nullopt, *parse_rfc3339("2020-09-26T00:00:00Z")};
  JsonReasons fast(bundled());  // one for the whole stream: later answers copy cached parts
  Reasons scratch;
  std::string slow_out;
  std::string fast_out;
  std::size_t compared = 0;
  std::size_t verdicts[3] = {};
  for (const Probe2& p : probes) {
    // Names in other scripts go through ICU (hundreds of µs each): one activity and a few
    // times cover every part of their reasons, which name clauses and designations alike.
    const bool slow = p.kind == ProbeKind::kName || p.kind == ProbeKind::kTitle;
    for (int a = 0; a < kActivityCount; ++a) {
      if (slow && static_cast<Activity>(a) != Activity::kPayment && static_cast<Activity>(a) != Activity::kHosting) {
        continue;
      }
      for (const auto& where : countries) {
        for (const char* at : times) {
          if (slow && at != times[2] && at != times[6]) continue;
          for (const auto& known_at : known_ats) {
            Observation obs;
            obs.activity = static_cast<Activity>(a);
            ASSERT_TRUE(obs.add_probe(p.kind, p.value));
            for (std::string_view c : where) ASSERT_TRUE(obs.add_country(c));
            obs.at = *parse_rfc3339(at);
            const Finding f = bundled().decide(obs, known_at.value_or(kEndOfTime));
            slow_out.clear();
            fast_out.clear();
            append_check_answer(slow_out, bundled(), f, obs, known_at, compared + 1, "r", scratch);
            append_check_answer(fast_out, f, obs, known_at, compared + 1, "r", fast);
            ASSERT_EQ(fast_out, slow_out) << probe_kind_name(p.kind) << " " << p.value << " at " << at;
            ++compared;
            ++verdicts[static_cast<int>(f.verdict)];
          }
        }
      }
    }
  }
  // The sweep reaches every verdict, so every part of the reasons is compared.
  EXPECT_GT(verdicts[static_cast<int>(Verdict::kProhibited)], 0u);
  EXPECT_GT(verdicts[static_cast<int>(Verdict::kReview)], 0u);
  EXPECT_GT(verdicts[static_cast<int>(Verdict::kPermitted)], 0u);
  EXPECT_GT(compared, 10000u);
}

TEST(JsonReasons, EscapesTheTransactionsOwnIdentifiers) {
  Observation obs;
  obs.activity = Activity::kHosting;
  ASSERT_TRUE(obs.add_probe(ProbeKind::kDomain, "a\"b\\c\n.example"));
  obs.at = *parse_rfc3339("2025-01-01T00:00:00Z");
  const Finding f = bundled().decide(obs);
  JsonReasons reasons(bundled());
  std::string out;
  reasons.append(out, f, obs);
  EXPECT_EQ(out, R"(["no designated subject matches domain `a\"b\\c\n.example`"])");
}

TEST(JsonReasons, AFreshCacheAndAWarmOneWriteTheSameBytes) {
  Observation obs;
  obs.activity = Activity::kHosting;
  ASSERT_TRUE(obs.add_probe(ProbeKind::kDomain, "long.weixin.qq.com"));
  ASSERT_TRUE(obs.add_country("US"));
  obs.at = *parse_rfc3339("2020-09-22T00:00:00Z");
  const Finding f = bundled().decide(obs);
  JsonReasons warm(bundled());
  std::string first;
  warm.append(first, f, obs);
  std::string second;
  warm.append(second, f, obs);
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.rfind(R"(["clause: `us-2020-wechat` prohibition 3 ()", 0), 0u) << first;
}

}  // namespace
}  // namespace interdict
