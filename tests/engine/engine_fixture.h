// The bundled orders, compiled once for all engine tests, and a terse way to ask them.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>

#include "engine/engine.h"

namespace interdict::testing {

inline const OrderSet& bundled() {
  static std::shared_ptr<const OrderSet> set = [] {
    auto compiled = OrderSet::compile_bundled();
    EXPECT_TRUE(compiled.has_value()) << compiled.error().to_string();
    return *compiled;
  }();
  return *set;
}

struct Ask {
  Activity activity;
  ProbeKind kind;
  std::string value;
  std::initializer_list<const char*> countries;
  const char* at;
  const char* known_at = nullptr;
  Strength strength = Strength::kUse;
};

struct Answer {
  Finding finding;
  Observation obs;
  std::string value;  // keeps the probe's text alive
  [[nodiscard]] std::string verdict() const { return std::string(verdict_name(finding.verdict)); }
  [[nodiscard]] std::string status() const {
    return finding.status == State::kUnknown ? "none" : std::string(state_name(finding.status));
  }
  // "order/prohibition" of the governing match, or "".
  [[nodiscard]] std::string clause() const {
    const Match* m = finding.governing_match();
    return m == nullptr ? "" : m->order->id + "/" + m->clause().id;
  }
  [[nodiscard]] std::string reasons() const {
    std::string out;
    for (const auto& r : bundled().explain(finding, obs)) out += r + "\n";
    return out;
  }
};

inline std::unique_ptr<Answer> decide(const Ask& ask) {
  auto answer = std::make_unique<Answer>();
  answer->value = ask.value;
  answer->obs.activity = ask.activity;
  answer->obs.add_probe(ask.kind, answer->value, ask.strength);
  for (const char* c : ask.countries) answer->obs.add_country(c);
  answer->obs.at = *parse_rfc3339(ask.at);
  Instant known_at = ask.known_at != nullptr ? *parse_rfc3339(ask.known_at) : kEndOfTime;
  answer->finding = bundled().decide(answer->obs, known_at);
  return answer;
}

}  // namespace interdict::testing
