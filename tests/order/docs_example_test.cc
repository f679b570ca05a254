// The complete example in docs/orders.md loads without errors or warnings, so the
// documentation cannot drift from the language.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "order/load_helpers.h"

namespace interdict {
namespace {

std::string example_from_docs() {
  std::ifstream in(std::string(INTERDICT_SOURCE_DIR) + "/docs/orders.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  auto section = doc.find("## A complete example");
  if (section == std::string::npos) return "";
  auto start = doc.find("```toml\n", section);
  if (start == std::string::npos) return "";
  start += 8;
  auto end = doc.find("```", start);
  return doc.substr(start, end - start);
}

TEST(OrderDocs, CompleteExampleLoads) {
  std::string example = example_from_docs();
  ASSERT_FALSE(example.empty()) << "docs/orders.md has no ```toml block under \"A complete example\"";
  auto r = testing::load({{"docs/orders.md", example}});
  EXPECT_TRUE(r.ok()) << testing::all_errors(r);
  ASSERT_EQ(r.corpus.orders.size(), 1u);
  EXPECT_GE(r.corpus.orders[0].prohibitions.size(), 2u);
  EXPECT_GE(r.corpus.orders[0].events.size(), 4u);
}

}  // namespace
}  // namespace interdict
