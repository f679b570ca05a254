// Test helpers: load order text from strings.
#pragma once

#include <string>
#include <vector>

#include "order/order.h"

namespace interdict::testing {

inline LoadReport load(std::vector<std::pair<std::string, std::string>> files) {
  std::vector<OrderSource> sources;
  for (auto& [name, text] : files) sources.push_back({name, text});
  return load_orders(sources);
}

inline LoadReport load_one(const std::string& text) { return load({{"t.toml", text}}); }

// True if some error's text contains `needle`.
inline bool has_error(const LoadReport& r, const std::string& needle) {
  for (const auto& d : r.errors) {
    if (d.to_string().find(needle) != std::string::npos) return true;
  }
  return false;
}

inline std::string all_errors(const LoadReport& r) {
  std::string out;
  for (const auto& d : r.errors) out += d.to_string() + "\n";
  return out;
}

// A small valid order the tests mutate.
inline const char* kMinimalOrder = R"(
[order]
id = "test-order"
title = "Test order"
authority = "Test authority"
citation = "1 TR 1"
jurisdiction = ["US", "PR"]
source = "https://example.org/order"
confidence = "confirmed"

[[entity]]
id = "acme"
name = "Acme Ltd."
aliases = ["阿克米"]
source = "https://example.org/acme"
confidence = "confirmed"

[[subject]]
id = "acme-app"
name = "Acme App"
owner = "acme"
app = ["com.acme.app"]
domain = ["acme.example"]
domain_exact = ["acme.cdn.example.net"]
asn = [64500]
source = "https://example.org/acme"
confidence = "confirmed"

[[prohibition]]
id = "1"
title = "Hosting"
activities = ["hosting", "cdn"]
subjects = ["acme-app"]
text = "Any provision of hosting."
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "published"
kind = "published"
at = 2020-09-18T00:00:00Z
recorded = 2020-09-18T00:00:00Z
title = "Published"
source = "https://example.org/order"
confidence = "confirmed"

[[event]]
id = "effective"
kind = "effective"
at = "2020-09-20T23:59 America/New_York"
recorded = 2020-09-18T00:00:00Z
title = "Effective"
source = "https://example.org/order"
confidence = "confirmed"
)";

}  // namespace interdict::testing
