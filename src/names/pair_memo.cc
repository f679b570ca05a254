// PairMemo: open addressing with linear probing; a generation number per cell forgets a
// query's values without touching the table.
#include "names/pair_memo.h"

#include <algorithm>

namespace interdict {
namespace {

std::size_t mix(std::uint64_t key) {
  // A multiplicative hash: slots and token ids are small, and the high bits spread them.
  return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> 32);
}

}  // namespace

void PairMemo::clear() {
  used_ = 0;
  slots_.clear();
  if (++generation_ > 0xFFFF) {
    // The generation lives in a key's top 16 bits: before it comes round again, old
    // cells could look current, so they go.
    std::fill(cells_.begin(), cells_.end(), Cell{});
    generation_ = 1;
  }
}

std::uint32_t PairMemo::slot(const void* query_token, std::uint32_t way) {
  for (std::size_t i = 0; i < slots_.size(); ++i)
    if (slots_[i].token == query_token && slots_[i].way == way) return static_cast<std::uint32_t>(i);
  if (slots_.size() >= kMaxSlots) return kNoSlot;
  slots_.push_back(Slot{query_token, way});
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

PairMemo::Cell& PairMemo::find(std::uint64_t key) {
  const std::size_t mask = cells_.size() - 1;
  for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
    Cell& cell = cells_[i];
    if (cell.key == key || !current(cell)) return cell;
  }
}

void PairMemo::grow() {
  std::vector<Cell> old(cells_.size() * 2);
  old.swap(cells_);
  for (const Cell& cell : old)
    if (current(cell)) find(cell.key) = cell;
}

}  // namespace interdict
