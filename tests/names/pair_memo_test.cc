// The per-query memo of token pair similarities (pair_memo.h): it must return exactly what
// the comparison returned, compute each pair once, forget at clear(), and keep its token
// table small after one large query.
#include "names/pair_memo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace interdict {
namespace {

TEST(NamesPairMemo, ComputesEachPairOnce) {
  PairMemo memo;
  memo.clear();
  const int a = 0;
  const int b = 0;
  const auto slot_a = memo.slot(&a, 0);
  EXPECT_EQ(memo.slot(&a, 0), slot_a);
  EXPECT_NE(memo.slot(&a, 1), slot_a);  // the same token compared another way
  EXPECT_NE(memo.slot(&b, 0), slot_a);
  int calls = 0;
  auto compute = [&calls] {
    ++calls;
    return 0.5;
  };
  EXPECT_DOUBLE_EQ(memo.get(slot_a, 7, compute), 0.5);
  EXPECT_DOUBLE_EQ(memo.get(slot_a, 7, compute), 0.5);
  EXPECT_EQ(calls, 1);
  (void)memo.get(slot_a, 8, compute);
  EXPECT_EQ(calls, 2);
}

// slot() guesses the slot after the last it gave; asked in another order, or a token
// twice, or after clear(), each token and way keeps its own slot.
TEST(NamesPairMemo, GivesTheSameSlotInAnyOrder) {
  PairMemo memo;
  memo.clear();
  const int tokens[4] = {};
  std::uint32_t first[4];
  for (int i = 0; i < 4; ++i) first[i] = memo.slot(&tokens[i], 0);
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 4; ++i) EXPECT_EQ(memo.slot(&tokens[i], 0), first[i]);
  for (int i : {3, 1, 1, 0, 2, 3, 2}) EXPECT_EQ(memo.slot(&tokens[i], 0), first[i]);
  const std::uint32_t other_way = memo.slot(&tokens[1], 1);
  for (int i = 0; i < 4; ++i) EXPECT_NE(other_way, first[i]);
  EXPECT_EQ(memo.slot(&tokens[2], 0), first[2]);
  EXPECT_EQ(memo.slot(&tokens[1], 1), other_way);
  memo.clear();
  EXPECT_EQ(memo.slot(&tokens[3], 0), 0U);
  EXPECT_EQ(memo.slot(&tokens[0], 0), 1U);
}

TEST(NamesPairMemo, KeepsSlotsApartForOneToken) {
  PairMemo memo;
  memo.clear();
  const int a = 0;
  const int b = 0;
  const auto slot_a = memo.slot(&a, 0);
  const auto slot_b = memo.slot(&b, 0);
  EXPECT_DOUBLE_EQ(memo.get(slot_a, 42, [] { return 0.25; }), 0.25);
  EXPECT_DOUBLE_EQ(memo.get(slot_b, 42, [] { return 0.75; }), 0.75);
  EXPECT_DOUBLE_EQ(memo.get(slot_a, 42, [] { return -1.0; }), 0.25);
  // A slot asked after its tokens were numbered still starts empty.
  const int c = 0;
  EXPECT_DOUBLE_EQ(memo.get(memo.slot(&c, 0), 42, [] { return 0.5; }), 0.5);
}

TEST(NamesPairMemo, ForgetsAtClearAndKeepsValuesWhenItGrows) {
  PairMemo memo;
  memo.clear();
  const auto slot = memo.slot(&memo, 0);
  // Far more tokens than the table's first size: it grows and keeps each one.
  for (std::uint32_t t = 0; t < 20000; ++t) (void)memo.get(slot, t * 7, [t] { return t * 0.5; });
  EXPECT_GT(memo.capacity(), PairMemo::kMinCells);
  int calls = 0;
  for (std::uint32_t t = 0; t < 20000; ++t) {
    EXPECT_DOUBLE_EQ(memo.get(slot, t * 7,
                              [&calls] {
                                ++calls;
                                return -1.0;
                              }),
                     t * 0.5);
  }
  EXPECT_EQ(calls, 0);
  memo.clear();
  EXPECT_DOUBLE_EQ(memo.get(memo.slot(&memo, 0), 7, [] { return 2.0; }), 2.0);
}

TEST(NamesPairMemo, ShrinksAfterALargeQuery) {
  PairMemo memo;
  memo.clear();
  const auto slot = memo.slot(&memo, 0);
  for (std::uint32_t t = 0; t < 50000; ++t) (void)memo.get(slot, t, [] { return 1.0; });
  const std::size_t grown = memo.capacity();
  memo.clear();  // wipes what the large query left
  EXPECT_EQ(memo.capacity(), grown);
  (void)memo.get(memo.slot(&memo, 0), 3, [] { return 1.0; });
  memo.clear();  // the last query used one token: back to the first size
  EXPECT_EQ(memo.capacity(), PairMemo::kMinCells);
  EXPECT_DOUBLE_EQ(memo.get(memo.slot(&memo, 0), 3, [] { return 2.0; }), 2.0);
}

TEST(NamesPairMemo, ComputesEveryTimePastItsSlots) {
  PairMemo memo;
  memo.clear();
  static int tokens[PairMemo::kMaxSlots + 1];
  for (std::uint32_t i = 0; i < PairMemo::kMaxSlots; ++i) EXPECT_EQ(memo.slot(&tokens[i], 0), i);
  const auto past = memo.slot(&tokens[PairMemo::kMaxSlots], 0);
  EXPECT_EQ(past, PairMemo::kNoSlot);
  int calls = 0;
  auto compute = [&calls] {
    ++calls;
    return 0.5;
  };
  (void)memo.get(past, 1, compute);
  (void)memo.get(past, 1, compute);
  EXPECT_EQ(calls, 2);
}

TEST(NamesPairMemo, KeepsNoNaN) {
  PairMemo memo;
  memo.clear();
  const auto slot = memo.slot(&memo, 0);
  EXPECT_TRUE(std::isnan(memo.get(slot, 1, [] { return std::numeric_limits<double>::quiet_NaN(); })));
  EXPECT_DOUBLE_EQ(memo.get(slot, 1, [] { return 0.5; }), 0.5);
}

}  // namespace
}  // namespace interdict
