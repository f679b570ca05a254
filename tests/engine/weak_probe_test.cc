// A probe that only resembles (Strength::kResemblance): a caller unsure of what a value names gets `review` at best,
// for every probe kind, while the same probe made firmly still prohibits.
#include <gtest/gtest.h>

#include "engine/engine_fixture.h"

namespace interdict::testing {
namespace {

std::unique_ptr<Answer> decide_weak(const Ask& ask) {
  auto answer = std::make_unique<Answer>();
  answer->value = ask.value;
  answer->obs.activity = ask.activity;
  answer->obs.add_probe(ask.kind, answer->value, Strength::kResemblance);
  for (const char* c : ask.countries) answer->obs.add_country(c);
  answer->obs.at = *parse_rfc3339(ask.at);
  answer->finding = bundled().decide(answer->obs);
  return answer;
}

TEST(DecideWeakProbe, AWeakIdIsReviewWhereAFirmOneProhibits) {
  const Ask ask{Activity::kSoftwareSupply, ProbeKind::kId, "kaspersky-security", {"US"}, "2024-08-01T00:00:00Z"};
  EXPECT_EQ(decide(ask)->verdict(), "prohibited");
  auto weak = decide_weak(ask);
  EXPECT_EQ(weak->verdict(), "review") << weak->reasons();
  EXPECT_EQ(weak->clause(), "us-2024-kaspersky/new-agreements");
  EXPECT_NE(weak->reasons().find("uncertain"), std::string::npos) << weak->reasons();
}

TEST(DecideWeakProbe, AWeakExactNameIsReview) {
  auto a = decide_weak({Activity::kStoreDistribute, ProbeKind::kName, "TikTok", {"US"}, "2025-07-01T00:00:00Z"});
  EXPECT_EQ(a->verdict(), "review") << a->reasons();
}

TEST(DecideWeakProbe, AWeakEntityIdIsAnUncertainDesignation) {
  auto a = decide_weak({Activity::kPayment, ProbeKind::kId, "tencent-holdings", {"US"}, "2020-09-22T00:00:00Z"});
  ASSERT_EQ(a->finding.designation_count, 1) << a->reasons();
  EXPECT_FALSE(a->finding.designations[0].how.certain);
  EXPECT_EQ(a->verdict(), "permitted");
}

}  // namespace
}  // namespace interdict::testing
