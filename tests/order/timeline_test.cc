// The time fold: every event kind, with known_at before and after each event.
#include <gtest/gtest.h>

#include "order/load_helpers.h"

namespace interdict {
namespace {

Instant T(const char* text) { return *parse_rfc3339(text); }

// An order whose prohibition passes through every state:
//   published 01-01 (recorded 01-01), effective 02-01 (recorded 01-01),
//   delayed to 03-01 (recorded 01-15), suspended 04-01..05-01 (recorded 04-02),
//   enjoined 06-01 (recorded 06-01), injunction lifted 07-01 (recorded 07-03),
//   revoked 09-01 (recorded 08-15).
const char* kLifeOrder = R"(
[order]
id = "life"
title = "Life"
authority = "A"
citation = "C"
jurisdiction = ["US"]
source = "s"
confidence = "confirmed"

[[subject]]
id = "app"
name = "App"
source = "s"
confidence = "confirmed"

[[prohibition]]
id = "1"
title = "t"
activities = ["hosting"]
subjects = ["app"]
text = "t"
source = "s"
confidence = "confirmed"

[[event]]
id = "pub"
kind = "published"
at = 2030-01-01T00:00:00Z
recorded = 2030-01-01T00:00:00Z
title = "t"
source = "s"
confidence = "confirmed"

[[event]]
id = "eff"
kind = "effective"
at = 2030-02-01T00:00:00Z
recorded = 2030-01-01T00:00:00Z
title = "t"
source = "s"
confidence = "confirmed"

[[event]]
id = "delay"
kind = "delayed"
at = 2030-03-01T00:00:00Z
recorded = 2030-01-15T00:00:00Z
title = "t"
source = "s"
confidence = "confirmed"

[[event]]
id = "susp"
kind = "suspended"
at = 2030-04-01T00:00:00Z
until = 2030-05-01T00:00:00Z
recorded = 2030-04-02T00:00:00Z
title = "t"
source = "s"
confidence = "confirmed"

[[event]]
id = "pi"
kind = "enjoined"
at = 2030-06-01T00:00:00Z
recorded = 2030-06-01T00:00:00Z
title = "t"
source = "s"
confidence = "confirmed"

[[event]]
id = "lift"
kind = "injunction_lifted"
lifts = "pi"
at = 2030-07-01T00:00:00Z
recorded = 2030-07-03T00:00:00Z
title = "t"
source = "s"
confidence = "confirmed"

[[event]]
id = "rev"
kind = "revoked"
at = 2030-09-01T00:00:00Z
recorded = 2030-08-15T00:00:00Z
title = "t"
source = "s"
confidence = "confirmed"
)";

class Timeline : public ::testing::Test {
 protected:
  void SetUp() override {
    report_ = testing::load_one(kLifeOrder);
    ASSERT_TRUE(report_.ok()) << testing::all_errors(report_);
  }
  StateAt at(const char* when, Instant known_at = kEndOfTime) {
    return state_at(report_.corpus.orders[0], 0, T(when), known_at);
  }
  std::string state(const char* when, Instant known_at = kEndOfTime) {
    return std::string(state_name(at(when, known_at).state));
  }
  LoadReport report_;
};

TEST_F(Timeline, UnknownBeforePublicationIsRecorded) {
  EXPECT_EQ(state("2030-02-15T00:00:00Z", T("2029-12-31T23:59:59Z")), "unknown");
  EXPECT_EQ(state("2030-02-15T00:00:00Z", T("2030-01-01T00:00:00Z")), "in_force");
}

TEST_F(Timeline, ScheduledBeforeEffective) {
  EXPECT_EQ(state("2030-01-20T00:00:00Z"), "scheduled");
  EXPECT_EQ(at("2030-01-20T00:00:00Z").cause->id, "delay");
}

TEST_F(Timeline, DelayCountsOnlyOnceRecorded) {
  // Before the delay was recorded, Feb 15 looked in force; afterwards, scheduled.
  EXPECT_EQ(state("2030-02-15T00:00:00Z", T("2030-01-14T00:00:00Z")), "in_force");
  EXPECT_EQ(at("2030-02-15T00:00:00Z", T("2030-01-14T00:00:00Z")).cause->id, "eff");
  EXPECT_EQ(state("2030-02-15T00:00:00Z", T("2030-01-15T00:00:00Z")), "scheduled");
  EXPECT_EQ(state("2030-03-01T00:00:00Z"), "in_force");
  EXPECT_EQ(state("2030-02-28T23:59:59Z"), "scheduled");
}

TEST_F(Timeline, SuspensionCoversItsPeriodOnceKnown) {
  EXPECT_EQ(state("2030-04-01T12:00:00Z", T("2030-04-01T23:00:00Z")), "in_force");
  EXPECT_EQ(state("2030-04-01T12:00:00Z", T("2030-04-02T00:00:00Z")), "suspended");
  EXPECT_EQ(state("2030-04-30T23:59:59Z"), "suspended");
  EXPECT_EQ(state("2030-05-01T00:00:00Z"), "in_force");
  EXPECT_EQ(at("2030-04-15T00:00:00Z").cause->id, "susp");
}

TEST_F(Timeline, InjunctionAndItsLifting) {
  EXPECT_EQ(state("2030-05-31T23:59:59Z"), "in_force");
  EXPECT_EQ(state("2030-06-01T00:00:00Z"), "enjoined");
  EXPECT_EQ(at("2030-06-15T00:00:00Z").cause->id, "pi");
  // The lift takes effect on 07-01 but was recorded on 07-03.
  EXPECT_EQ(state("2030-07-02T00:00:00Z", T("2030-07-02T00:00:00Z")), "enjoined");
  EXPECT_EQ(state("2030-07-02T00:00:00Z", T("2030-07-03T00:00:00Z")), "in_force");
  EXPECT_EQ(state("2030-06-30T00:00:00Z"), "enjoined");
}

TEST_F(Timeline, RevocationIsFinal) {
  EXPECT_EQ(state("2030-08-31T23:59:59Z"), "in_force");
  EXPECT_EQ(state("2030-09-01T00:00:00Z"), "revoked");
  EXPECT_EQ(state("2031-01-01T00:00:00Z"), "revoked");
  EXPECT_EQ(state("2031-01-01T00:00:00Z", T("2030-08-14T00:00:00Z")), "in_force");
}

TEST_F(Timeline, IntervalsCoverEveryState) {
  auto intervals = timeline(report_.corpus.orders[0], 0, kEndOfTime);
  std::vector<std::string> states;
  for (const auto& iv : intervals) states.emplace_back(state_name(iv.state.state));
  std::vector<std::string> expected = {"scheduled", "in_force", "suspended", "in_force",
                                       "enjoined",  "in_force", "revoked"};
  EXPECT_EQ(states, expected);
  EXPECT_EQ(intervals.front().from, kBeginningOfTime);
  EXPECT_EQ(intervals.back().to, kEndOfTime);
  EXPECT_EQ(format_rfc3339(intervals[1].from), "2030-03-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(intervals[2].to), "2030-05-01T00:00:00Z");
}

TEST_F(Timeline, IntervalsAsKnownEarly) {
  // Known on 01-10: only publication and the first effective date.
  auto intervals = timeline(report_.corpus.orders[0], 0, T("2030-01-10T00:00:00Z"));
  ASSERT_EQ(intervals.size(), 2u);
  EXPECT_EQ(intervals[0].state.state, State::kScheduled);
  EXPECT_EQ(intervals[1].state.state, State::kInForce);
  EXPECT_EQ(format_rfc3339(intervals[1].from), "2030-02-01T00:00:00Z");
}

}  // namespace
}  // namespace interdict
