// PairMemo: the similarity of a query token and a list token, computed once per query.
//
// The candidates of one query share most of their tokens: they are reached through the
// same postings ("vladimir" reaches hundreds of names that each hold it). On the speed
// sample a query's candidates hold about 890 token occurrences but 290 distinct tokens,
// and a similarity (Jaro-Winkler with its variants, or a transcription alignment) costs
// far more than a table probe. A value is keyed by the query token's slot (one per query
// token object and way of comparing it) and the list token's id, and is exactly what the
// comparison returned, so scores do not change.
//
// Why two levels and not one hash table of (slot, token) pairs: a query asks some 4,700
// values, and one table big enough for the largest query spread them over hundreds of
// kilobytes, so that nearly every probe missed the cache (an eighth of the search time).
// Here each distinct list token is given a small local number once, in a table of 8-byte
// cells that stays in the first-level cache, and a slot's values are a dense column by
// local number.
//
// Thread-safety: not thread-safe; one per thread (the search keeps a thread_local one).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace interdict {

class PairMemo {
 public:
  // Forgets every slot and value: call once at the start of each query. Costs a pass
  // over the token table (kMinCells cells unless the last query needed more; a table
  // grown far past what the last query used shrinks back here).
  void clear();

  // The slot of `query_token` (the address of one query token, stable during the query)
  // compared in `way` (the caller's number for how it is compared: a token read whole or
  // as a joined word). Slots are small numbers given in first-asked order; past kMaxSlots
  // in one query, kNoSlot, for which get() computes every time.
  [[nodiscard]] std::uint32_t slot(const void* query_token, std::uint32_t way) {
    // The scorer asks a reading's tokens in order, form after form: the slot after the
    // last one given is nearly always the one asked.
    if (next_ < slots_.size() && slots_[next_].token == query_token && slots_[next_].way == way) return next_++;
    return find_slot(query_token, way);
  }
  static constexpr std::uint32_t kMaxSlots = 256;
  static constexpr std::uint32_t kNoSlot = kMaxSlots;

  // The value stored for (`slot`, `token`); computes it with `compute()` on first use.
  // `compute` must not use this memo. A NaN it returns is not kept (computed again).
  template <typename Compute>
  double get(std::uint32_t slot, std::uint32_t token, Compute&& compute) {
    if (slot >= slots_.size()) return compute();
    const std::uint32_t local = local_of(token);
    std::vector<double>& column = columns_[slot];
    // Grown by doubling: a query gives out locals one by one, and a resize per local cost
    // more than the lookups it serves.
    if (column.size() <= local) column.resize(std::max<std::size_t>(locals_, 2 * column.size()), kUnknown);
    const double known = column[local];
    if (known == known) return known;  // not NaN: computed before
    const double value = compute();
    column[local] = value;
    return value;
  }

  // The token table's size in cells: it grows with a query and shrinks at clear() after.
  [[nodiscard]] std::size_t capacity() const { return cells_.size(); }
  static constexpr std::size_t kMinCells = 2048;

 private:
  static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
  // INVARIANT: a cell with token_plus_one == 0 is free; locals are 0..locals_-1, each
  // given to one token of this query.
  struct Cell {
    std::uint32_t token_plus_one = 0;
    std::uint32_t local = 0;
  };
  struct Slot {
    const void* token;
    std::uint32_t way;
  };
  // The local number of `token`, given now if it has none.
  std::uint32_t local_of(std::uint32_t token) {
    const std::size_t mask = cells_.size() - 1;
    for (std::size_t i = home(token, mask);; i = (i + 1) & mask) {
      Cell& cell = cells_[i];
      if (cell.token_plus_one == token + 1) return cell.local;
      if (cell.token_plus_one != 0) continue;
      cell = Cell{token + 1, locals_};
      if (++locals_ * 2 > cells_.size()) grow();
      return locals_ - 1;
    }
  }
  static std::size_t home(std::uint32_t token, std::size_t mask) {
    // Multiplicative hash: token ids are small and close, the high bits spread them.
    return static_cast<std::size_t>((token * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
  }
  // Doubles the token table, keeping every token's local number.
  void grow();
  // slot() past its guess: looks the slot up, or gives a new one.
  std::uint32_t find_slot(const void* query_token, std::uint32_t way);

  std::vector<Cell> cells_ = std::vector<Cell>(kMinCells);  // a power of two
  std::uint32_t locals_ = 0;
  std::vector<Slot> slots_;
  std::uint32_t next_ = 0;                    // the slot after the one slot() gave last
  std::vector<std::vector<double>> columns_;  // by slot; kept across queries for their memory
};

}  // namespace interdict
