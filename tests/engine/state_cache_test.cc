// The engine looks a clause's state up in a timeline computed once when known_at counts
// every event; it must give exactly what folding the events (state_at) gives, at every
// time where a state can change and between them, and fold again for an earlier known_at.
#include <gtest/gtest.h>

#include <vector>

#include "engine_fixture.h"

namespace interdict::testing {
namespace {

// Every instant where some bundled clause's state may change, one second either side, and
// the midpoints between them.
std::vector<Instant> probe_times() {
  std::vector<Instant> cuts;
  for (const Order& order : bundled().corpus().orders) {
    for (const Event& e : order.events) {
      cuts.push_back(e.at);
      cuts.push_back(e.recorded);
      if (e.until) cuts.push_back(*e.until);
    }
  }
  std::vector<Instant> times;
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    for (Instant d : {Instant{-1}, Instant{0}, Instant{1}}) times.push_back(cuts[i] + d);
    if (i > 0) times.push_back(cuts[i - 1] / 2 + cuts[i] / 2);
  }
  return times;
}

void expect_same(const Match& m, Instant at, Instant known_at) {
  const StateAt folded = state_at(*m.order, m.prohibition, at, known_at);
  EXPECT_EQ(m.state.state, folded.state) << m.order->id << "/" << m.clause().id << " at " << at;
  EXPECT_EQ(m.state.cause, folded.cause) << m.order->id << "/" << m.clause().id << " at " << at;
  EXPECT_EQ(m.state.effective, folded.effective) << m.order->id << "/" << m.clause().id << " at " << at;
}

// Asks every bundled subject by id, for every activity, at `at`; returns how many covered
// matches were compared.
int compare_all(Instant at, Instant known_at) {
  int compared = 0;
  for (const Subject& subject : bundled().corpus().subjects) {
    for (int a = 0; a < kActivityCount; ++a) {
      Observation obs;
      obs.activity = static_cast<Activity>(a);
      obs.add_probe(ProbeKind::kId, subject.id);
      obs.add_country("US");
      obs.at = at;
      const Finding f = bundled().decide(obs, known_at);
      for (int i = 0; i < f.match_count; ++i) {
        const Match& m = f.matches[static_cast<std::size_t>(i)];
        if (!m.activity_covered) continue;
        expect_same(m, at, known_at);
        ++compared;
      }
    }
  }
  return compared;
}

TEST(StateCache, EqualsTheFoldEverywhereAStateCanChange) {
  int compared = 0;
  for (Instant at : probe_times()) compared += compare_all(at, kEndOfTime);
  EXPECT_GT(compared, 1000);
}

TEST(StateCache, AnEarlierKnownAtStillFoldsOnlyWhatWasRecorded) {
  int compared = 0;
  for (Instant known_at : probe_times()) {
    // Two times per known_at keep the run short: before and after PAFACA took effect.
    for (const char* at : {"2020-09-28T12:00:00Z", "2025-02-01T00:00:00Z"}) {
      compared += compare_all(*parse_rfc3339(at), known_at);
    }
  }
  EXPECT_GT(compared, 1000);
}

}  // namespace
}  // namespace interdict::testing
