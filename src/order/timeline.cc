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

// Is the injunction `enjoined` still standing at `at`, given what is known?
bool injunction_stands(const Order& order, const Prohibition& p, const Event& enjoined, Instant at, Instant known_at) {
  for (std::uint32_t i : p.events) {
    const Event& e = order.events[i];
    if (e.kind != EventKind::kInjunctionLifted || e.recorded > known_at || e.at > at) continue;
    if (e.at < enjoined.at) continue;  // a lift before the injunction cannot end it
    if (e.lifts.empty() || e.lifts == enjoined.id) return false;
  }
  return true;
}

}  // namespace

StateAt state_at(const Order& order, std::size_t index, Instant at, Instant known_at) {
  const Prohibition& p = order.prohibitions[index];
  const Event* published = nullptr;
  const Event* effective = nullptr;
  const Event* revoked = nullptr;
  const Event* enjoined = nullptr;
  const Event* suspended = nullptr;
  for (std::uint32_t i : p.events) {
    const Event& e = order.events[i];
    if (e.recorded > known_at) continue;
    switch (e.kind) {
      case EventKind::kPublished:
        if (published == nullptr) published = &e;
        break;
      case EventKind::kEffective:
      case EventKind::kDelayed:
        // The latest word on the effective time wins, whatever its `at`.
        if (effective == nullptr || e.recorded >= effective->recorded) effective = &e;
        break;
      case EventKind::kRevoked:
        if (e.at <= at && (revoked == nullptr || e.at < revoked->at)) revoked = &e;
        break;
      case EventKind::kEnjoined:
        if (e.at <= at && injunction_stands(order, p, e, at, known_at)) enjoined = &e;
        break;
      case EventKind::kSuspended:
        if (e.at <= at && (!e.until || at < *e.until)) suspended = &e;
        break;
      case EventKind::kInjunctionLifted:
        break;
    }
  }
  StateAt out{State::kUnknown, nullptr, kEndOfTime};
  if (published == nullptr) return out;
  out.effective = effective != nullptr ? effective->at : kEndOfTime;
  // The cases, strongest first: docs/orders.md "States".
  if (revoked != nullptr) {
    out.state = State::kRevoked;  // revocation ends it whatever else happened
    out.cause = revoked;
  } else if (enjoined != nullptr) {
    out.state = State::kEnjoined;  // a court stopped it, even before it took effect
    out.cause = enjoined;
  } else if (effective == nullptr || at < effective->at) {
    out.state = State::kScheduled;  // known, not yet in effect
    out.cause = effective != nullptr ? effective : published;
  } else if (suspended != nullptr) {
    out.state = State::kSuspended;  // in effect, enforcement withheld
    out.cause = suspended;
  } else {
    out.state = State::kInForce;
    out.cause = effective;
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
