// What the hosting scan keeps per designated subject and customer hostname, and how the
// aggregates of two threads merge. Internal to scan_hosting*.cc.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"

namespace interdict::cli {

// Activities as bits, for the activities of one aggregate to stop or review.
inline constexpr std::uint8_t kHostingBit = 1;
inline constexpr std::uint8_t kCdnBit = 2;

// A line that proves a finding.
struct HostSample {
  std::uint32_t input = 0;  // index of the input, in the order given
  std::uint64_t line = 0;
  std::string text;  // the raw line, cut at kMaxSampleBytes
};
inline constexpr std::size_t kMaxSamples = 3;
inline constexpr std::size_t kMaxSampleBytes = 2000;
inline constexpr std::size_t kMaxCountries = 16;

// One (subject, host, target, answer) seen in the evidence. Requests at times when the
// answer differs (before and after an order took effect, say) are separate aggregates.
struct HostAggregate {
  std::string subject;  // the designated subject's id (or an entity's)
  std::string host;     // the customer hostname, normalised
  std::string via;      // the CNAME target that matched, when it was the target
  std::string rule;     // the order's identifier that matched, e.g. "tiktok.com"
  Verdict verdict = Verdict::kPermitted;
  State status = State::kUnknown;
  const Order* order = nullptr;  // the governing clause's order, null when none governs
  std::uint32_t prohibition = 0;
  Instant since = kEndOfTime;  // the governing clause's effective time, kEndOfTime if none
  std::uint8_t stop = 0;       // activity bits answered prohibited
  std::uint8_t review = 0;     // activity bits answered review
  Instant first_seen = kEndOfTime;
  Instant last_seen = kBeginningOfTime;
  std::uint64_t requests = 0;
  std::uint64_t untimed = 0;  // records without a time of their own (decided at --as-of)
  std::array<std::array<char, 2>, kMaxCountries> countries{};
  std::uint8_t country_count = 0;
  bool more_countries = false;
  std::vector<std::string> scope;    // the governing clause's scope, for in_scope / outside
  std::vector<HostSample> samples;   // the first lines, by (input, line)
  std::vector<std::string> reasons;  // explain() of the first sample's decision

  void add_country(std::string_view code) {
    for (std::uint8_t i = 0; i < country_count; ++i) {
      if (countries[i][0] == code[0] && countries[i][1] == code[1]) return;
    }
    if (country_count == kMaxCountries) {
      more_countries = true;
      return;
    }
    countries[country_count++] = {code[0], code[1]};
  }

  // True when a sample at (input, line) would be kept.
  [[nodiscard]] bool wants_sample(std::uint32_t input, std::uint64_t line) const {
    if (samples.size() < kMaxSamples) return true;
    const HostSample& last = samples.back();
    return input < last.input || (input == last.input && line < last.line);
  }

  void add_sample(HostSample sample) {
    auto before = [](const HostSample& a, const HostSample& b) {
      return a.input < b.input || (a.input == b.input && a.line < b.line);
    };
    auto at = samples.begin();
    while (at != samples.end() && before(*at, sample)) ++at;
    samples.insert(at, std::move(sample));
    if (samples.size() > kMaxSamples) samples.pop_back();
  }

  // Takes in another thread's aggregate of the same key.
  void merge(HostAggregate&& other) {
    const bool other_first =
        !other.samples.empty() &&
        (samples.empty() || other.samples.front().input < samples.front().input ||
         (other.samples.front().input == samples.front().input && other.samples.front().line < samples.front().line));
    if (other_first) reasons = std::move(other.reasons);
    for (HostSample& s : other.samples) add_sample(std::move(s));
    first_seen = std::min(first_seen, other.first_seen);
    last_seen = std::max(last_seen, other.last_seen);
    requests += other.requests;
    untimed += other.untimed;
    for (std::uint8_t i = 0; i < other.country_count; ++i) {
      add_country(std::string_view(other.countries[i].data(), 2));
    }
    more_countries |= other.more_countries;
  }
};

}  // namespace interdict::cli
