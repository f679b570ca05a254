#include <algorithm>

#include "order/order.h"

namespace interdict {

std::string_view state_name(State s) {
  switch (s) {
    case State::kUnknown: return "unknown";
    case State::kScheduled: return "scheduled";
    case State::kInForce: return "in_force";
    case State::kEnjoined: return "enjoined";
    case State::kSuspended: return "suspended";
    case State::kRevoked: return "revoked";
  }
  return "unknown";
}

namespace {

using Step = Prohibition::Step;

// Is the injunction steps[k] still standing at `at`, given what is known?
bool injunction_stands(const std::vector<Step>& steps, std::uint32_t k, Instant at, Instant known_at) {
  const Step& enjoined = steps[k];
  for (const Step& s : steps) {
    if (s.kind != EventKind::kInjunctionLifted || s.recorded > known_at || s.at > at) continue;
    if (s.at < enjoined.at) continue;  // a lift before the injunction cannot end it
    if (s.lifts == Prohibition::kLiftsAll || s.lifts == k) return false;
  }
  return true;
}

}  // namespace

StateAt state_at(const Order& order, std::size_t index, Instant at, Instant known_at) {
  const std::vector<Step>& steps = order.prohibitions[index].steps;
  const Step* published = nullptr;
  const Step* effective = nullptr;
  const Step* revoked = nullptr;
  const Step* enjoined = nullptr;
  const Step* suspended = nullptr;
  for (std::uint32_t k = 0; k < steps.size(); ++k) {
    const Step& s = steps[k];
    if (s.recorded > known_at) continue;
    switch (s.kind) {
      case EventKind::kPublished:
        if (published == nullptr) published = &s;
        break;
      case EventKind::kEffective:
      case EventKind::kDelayed:
        // The latest word on the effective time wins, whatever its `at`.
        if (effective == nullptr || s.recorded >= effective->recorded) effective = &s;
        break;
      case EventKind::kRevoked:
        if (s.at <= at && (revoked == nullptr || s.at < revoked->at)) revoked = &s;
        break;
      case EventKind::kEnjoined:
        if (s.at <= at && injunction_stands(steps, k, at, known_at)) enjoined = &s;
        break;
      case EventKind::kSuspended:
        if (s.at <= at && at < s.until) suspended = &s;
        break;
      case EventKind::kInjunctionLifted: break;
    }
  }
  StateAt out{State::kUnknown, nullptr, kEndOfTime};
  if (published == nullptr) return out;
  out.effective = effective != nullptr ? effective->at : kEndOfTime;
  // The cases, strongest first: docs/orders.md "States".
  if (revoked != nullptr) {
    out.state = State::kRevoked;  // revocation ends it whatever else happened
    out.cause = revoked->event;
  } else if (enjoined != nullptr) {
    out.state = State::kEnjoined;  // a court stopped it, even before it took effect
    out.cause = enjoined->event;
  } else if (effective == nullptr || at < effective->at) {
    out.state = State::kScheduled;  // known, not yet in effect
    out.cause = effective != nullptr ? effective->event : published->event;
  } else if (suspended != nullptr) {
    out.state = State::kSuspended;  // in effect, enforcement withheld
    out.cause = suspended->event;
  } else {
    out.state = State::kInForce;
    out.cause = effective->event;
  }
  return out;
}

std::vector<StateInterval> timeline(const Order& order, std::size_t index, Instant known_at) {
  const Prohibition& p = order.prohibitions[index];
  // The state can change only at an event's `at` or `until`.
  std::vector<Instant> cuts;
  for (std::uint32_t i : p.events) {
    const Event& e = order.events[i];
    if (e.recorded > known_at) continue;
    cuts.push_back(e.at);
    if (e.until) cuts.push_back(*e.until);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::vector<StateInterval> out;
  auto push = [&](Instant from, StateAt s) {
    if (!out.empty() && out.back().state.state == s.state && out.back().state.cause == s.cause) return;
    if (!out.empty()) out.back().to = from;
    out.push_back(StateInterval{from, kEndOfTime, s});
  };
  Instant before = cuts.empty() ? 0 : cuts.front() - 1;
  push(kBeginningOfTime, state_at(order, index, before, known_at));
  for (Instant cut : cuts) push(cut, state_at(order, index, cut, known_at));
  return out;
}

}  // namespace interdict
