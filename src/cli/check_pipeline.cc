#include "cli/check_pipeline.h"

#include <thread>

namespace interdict::cli {

OrderedChunks::OrderedChunks(ChunkSource& source, int threads)
    // Four a thread: on a shared machine a thread may lose its core for several chunks' time,
    // and the others answer ahead of it meanwhile instead of waiting for its slot.
    : source_(source), threads_(threads), slots_(static_cast<std::size_t>(threads) * 4) {}

bool OrderedChunks::run(const Answer& answer, const Emit& emit) {
  std::vector<std::thread> helpers;
  for (int w = 1; w < threads_; ++w) helpers.emplace_back([this, w, &answer, &emit] { work(w, answer, emit); });
  work(0, answer, emit);
  for (std::thread& t : helpers) t.join();
  return !stopped_;
}

void OrderedChunks::work(int worker, const Answer& answer, const Emit& emit) {
  for (;;) {
    std::size_t index = 0;
    {
      std::unique_lock input(input_mutex_);
      {
        std::unique_lock state(state_mutex_);
        // The next chunk's slot is free once the chunk it held before has been written.
        slot_freed_.wait(state, [&] { return stopped_ || read_ - written_ < slots_.size(); });
        if (stopped_) return;
        index = static_cast<std::size_t>(read_ % slots_.size());
      }
      if (input_done_) return;
      if (!source_.next(slots_[index].chunk)) {
        input_done_ = true;
        return;
      }
      std::lock_guard state(state_mutex_);
      ++read_;
    }
    answer(index, slots_[index].chunk, worker);
    std::unique_lock state(state_mutex_);
    slots_[index].answered = true;
    // INVARIANT: when no thread is writing, the slot whose turn it is is not answered yet:
    // whoever answers it writes it, or the thread writing sees it before it stops.
    if (!writing_) write_in_turn(state, emit);
  }
}

void OrderedChunks::write_in_turn(std::unique_lock<std::mutex>& lock, const Emit& emit) {
  writing_ = true;
  while (!stopped_ && written_ < read_) {
    const auto index = static_cast<std::size_t>(written_ % slots_.size());
    if (!slots_[index].answered) break;
    // Others answer, read and mark slots meanwhile; none touches this one until it is freed.
    lock.unlock();
    const bool go_on = emit(index);
    lock.lock();
    slots_[index].answered = false;
    ++written_;
    if (!go_on) stopped_ = true;
    slot_freed_.notify_all();
  }
  writing_ = false;
}

}  // namespace interdict::cli
