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
// Thread-safety: not thread-safe; one per thread (the search keeps a thread_local one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace interdict {

class PairMemo {
 public:
  // Forgets every slot and value: call once at the start of each query. O(1) but once in
  // 65,535 queries, when the generation number wraps and the table is wiped.
  void clear();

  // The slot of `query_token` (the address of one query token, stable during the query)
  // compared in `way` (the caller's number for how it is compared: a token read whole or
  // as a joined word). Slots are small numbers given in first-asked order; past kMaxSlots
  // in one query, kNoSlot, for which get() computes every time.
  [[nodiscard]] std::uint32_t slot(const void* query_token, std::uint32_t way);
  static constexpr std::uint32_t kMaxSlots = 0xFFFF;
  static constexpr std::uint32_t kNoSlot = kMaxSlots;

  // The value stored for (`slot`, `token`); computes it with `compute()` on first use.
  template <typename Compute>
  double get(std::uint32_t slot, std::uint32_t token, Compute&& compute) {
    if (slot >= kMaxSlots) return compute();
    const std::uint64_t key =
        static_cast<std::uint64_t>(generation_) << 48 | static_cast<std::uint64_t>(slot) << 32 | token;
    Cell& cell = find(key);
    if (cell.key == key) return cell.value;
    // compute() never touches this memo, so `cell` is still the free cell for `key`.
    const double value = compute();
    cell = Cell{key, value};
    if (++used_ * 2 > cells_.size()) grow();
    return value;
  }

 private:
  // INVARIANT: a cell holds a value of this query when its key's top 16 bits are
  // generation_, which is never 0; other cells are free.
  struct Cell {
    std::uint64_t key = 0;  // generation << 48 | slot << 32 | token
    double value = 0;
  };
  struct Slot {
    const void* token;
    std::uint32_t way;
  };
  // The cell holding `key`, or the free cell where it would go.
  Cell& find(std::uint64_t key);
  // Doubles the table, keeping the values of this query.
  void grow();
  [[nodiscard]] bool current(const Cell& cell) const { return cell.key >> 48 == generation_; }

  std::vector<Cell> cells_ = std::vector<Cell>(4096);  // a power of two
  std::size_t used_ = 0;
  std::uint64_t generation_ = 1;  // 1 to 0xFFFF
  std::vector<Slot> slots_;
};

}  // namespace interdict
