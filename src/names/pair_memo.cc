// PairMemo: a token table with open addressing and linear probing, and a column of values
// per slot.
#include "names/pair_memo.h"

#include <algorithm>
#include <bit>

namespace interdict {

void PairMemo::clear() {
  // A query of many tokens and candidates can grow the table; kept at that size, every
  // later query would pay to wipe it and spread its few tokens over more cache lines.
  const std::size_t fit = std::max(kMinCells, std::bit_ceil(static_cast<std::size_t>(locals_) * 4));
  if (cells_.size() > 4 * fit) {
    cells_.assign(fit, Cell{});
  } else if (locals_ > 0) {
    std::fill(cells_.begin(), cells_.end(), Cell{});
  }
  locals_ = 0;
  for (std::size_t s = 0; s < slots_.size(); ++s) columns_[s].clear();
  slots_.clear();
  next_ = 0;
}

std::uint32_t PairMemo::find_slot(const void* query_token, std::uint32_t way) {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].token == query_token && slots_[i].way == way) {
      next_ = static_cast<std::uint32_t>(i + 1);
      return static_cast<std::uint32_t>(i);
    }
  }
  if (slots_.size() >= kMaxSlots) return kNoSlot;
  slots_.push_back(Slot{query_token, way});
  if (columns_.size() < slots_.size()) columns_.resize(slots_.size());
  next_ = static_cast<std::uint32_t>(slots_.size());
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void PairMemo::grow() {
  std::vector<Cell> old(cells_.size() * 2);
  old.swap(cells_);
  const std::size_t mask = cells_.size() - 1;
  for (const Cell& cell : old) {
    if (cell.token_plus_one == 0) continue;
    std::size_t i = home(cell.token_plus_one - 1, mask);
    while (cells_[i].token_plus_one != 0) i = (i + 1) & mask;
    cells_[i] = cell;
  }
}

}  // namespace interdict
