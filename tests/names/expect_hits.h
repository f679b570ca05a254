// Test helper shared by the recall tests: each query's top hit is the expected entry, at
// the match threshold.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "names/names.h"

namespace interdict {

// `cases`: (query, id of the entry it must meet first, as a match).
inline void expect_top_matches(const NameIndex& index, const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [query, id] : cases) {
    const auto hits = index.search(query, {}, 3);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].id, id) << query;
    EXPECT_EQ(hits[0].verdict, NameVerdict::kMatch) << query << " " << hits[0].score;
  }
}

}  // namespace interdict
