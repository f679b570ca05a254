// Test helpers shared by the recall and precision tests.
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

// An index of persons, each listed under its name as its id.
inline NameIndex index_of(const std::vector<std::string>& names) {
  NameIndex index;
  for (const auto& name : names) index.add({name, EntityKind::kPerson, {}, {name}});
  index.freeze();
  return index;
}

// The score `query` gets against the entry listed as `name`, 0 when not a hit.
inline double score_of(const NameIndex& index, const std::string& query, const std::string& name) {
  for (const auto& hit : index.search(query, {}, 10))
    if (hit.id == name) return hit.score;
  return 0.0;
}

}  // namespace interdict
