// OrderedChunks: the chunks of one input answered on several threads and written in input
// order, for `interdict check`.
//
// Each thread in turn takes the next chunk from the source, answers it into a slot of its
// own, and then writes every answered slot whose turn has come, its own or another's. There
// is no writing thread and no step where all threads wait for the slowest: on two cores
// the copy of the answers into the page cache is shared by the threads that answer, and
// overlaps the answering of the next chunks. At most slot_count() chunks are read but not
// yet written, so memory is bounded whatever the input size.
//
// One per input and run, driven by run(); run() itself is not thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "readers/common/line_source.h"

namespace interdict::cli {

class OrderedChunks {
 public:
  // Answers slot `slot`'s chunk, read from the input, on worker `worker` (0 to threads - 1;
  // a worker answers one chunk at a time). Called on any of the threads.
  using Answer = std::function<void(std::size_t slot, const LineChunk& chunk, int worker)>;
  // Writes slot `slot`'s answers. Called once per chunk, in input order, one call at a
  // time, on any of the threads. Returns false to stop the run: no later chunk is written.
  using Emit = std::function<bool(std::size_t slot)>;

  // REQUIRES: threads >= 1; `source` outlives the run.
  OrderedChunks(ChunkSource& source, int threads);
  OrderedChunks(const OrderedChunks&) = delete;
  OrderedChunks& operator=(const OrderedChunks&) = delete;

  // The number of slots: the caller keeps one result per slot.
  [[nodiscard]] std::size_t slot_count() const { return slots_.size(); }

  // Reads, answers and writes every chunk of the input, on `threads` threads of which the
  // caller's is one. Returns false when an emit() stopped the run; true when the input
  // ended (ChunkSource::error() then says whether a read failed).
  [[nodiscard]] bool run(const Answer& answer, const Emit& emit);

 private:
  struct Slot {
    LineChunk chunk;
    bool answered = false;  // guarded by state_mutex_
  };
  void work(int worker, const Answer& answer, const Emit& emit);
  // Writes the answered slots whose turn has come. REQUIRES: `lock` holds state_mutex_.
  void write_in_turn(std::unique_lock<std::mutex>& lock, const Emit& emit);

  ChunkSource& source_;
  const int threads_;
  std::vector<Slot> slots_;

  std::mutex input_mutex_;  // held while a chunk is read: the source is not thread-safe
  bool input_done_ = false;

  std::mutex state_mutex_;
  std::condition_variable slot_freed_;
  std::uint64_t read_ = 0;     // chunks taken from the source
  std::uint64_t written_ = 0;  // chunks written; chunk k sits in slot k % slots_.size()
  bool writing_ = false;       // a thread is in write_in_turn()
  bool stopped_ = false;
};

}  // namespace interdict::cli
