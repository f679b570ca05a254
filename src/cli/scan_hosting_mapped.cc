// The hosting scan's fast path for a plain (uncompressed) regular file: the file is mapped
// and cut into chunks at line ends, and the workers read the pages in place. Reading with
// read(2) would copy every byte out of the page cache first, which on a small VM costs as
// much as parsing it.
//
// A worker does not know how many lines precede its chunk, so it numbers lines as
// (chunk << 32 | line within the chunk): that orders lines as the file does, and once
// every chunk is read the numbers in samples and damage notes are made global.

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <thread>

#include "cli/mapped_file.h"
#include "cli/scan_hosting_impl.h"
#include "readers/common/byte_source.h"

namespace interdict::cli {
namespace {

constexpr std::size_t kMappedChunk = std::size_t{4} << 20;

// Where chunk `k` starts: just after the first line end at or after its nominal start.
std::size_t boundary(const char* data, std::size_t size, std::size_t k) {
  if (k == 0) return 0;
  const std::size_t from = std::min(size, k * kMappedChunk) - 1;
  const void* nl = std::memchr(data + from, '\n', size - from);
  return nl == nullptr ? size : static_cast<std::size_t>(static_cast<const char*>(nl) - data) + 1;
}

}  // namespace

HostingScan::Impl::Chunked HostingScan::Impl::scan_mapped(const std::string& path, std::uint32_t input,
                                                          const HostLineParser& base) {
  MappedFile map(path);
  if (map.data() == nullptr) return Chunked::kNotMapped;
  // Compressed bytes go through ChunkSource, which inflates them.
  if (sniff_compression(std::string_view(map.data(), std::min<std::size_t>(map.size(), 16))) != Compression::kNone) {
    return Chunked::kNotMapped;
  }
  const char* data = map.data();
  const std::size_t size = map.size();
  const std::size_t chunks = (size + kMappedChunk - 1) / kMappedChunk;
  while (workers.size() < static_cast<std::size_t>(threads)) workers.emplace_back(std::make_unique<HostWorker>(shared));
  for (auto& w : workers) w->begin_input(base.clone(), input, files[input]);
  const std::uint32_t base_changes = base.layout_changes();

  struct ChunkState {
    std::uint64_t lines = 0;
    std::vector<DamageNote> damage;
    bool done = false;
  };
  std::vector<ChunkState> state(chunks);
  std::mutex mutex;
  std::size_t contiguous = 0;                // chunks [0, contiguous) are done
  std::uint64_t notes_before = 0;            // damage notes in them
  std::atomic<std::size_t> horizon{chunks};  // chunks after it keep no notes: enough are kept
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> done_bytes{0};
  std::atomic<bool> layout_changed{false};
  const bool keep_notes = printed_damage < kMaxPrintedDamage;

  auto work = [&](HostWorker& w) {
    for (std::size_t k = next++; k < chunks && !layout_changed; k = next++) {
      const std::size_t begin = boundary(data, size, k);
      const std::size_t end = boundary(data, size, k + 1);
      ChunkState& cs = state[k];
      const bool keep = keep_notes && k <= horizon;
      std::uint64_t local = 0;
      // The parser finds each line's end as it reads it (HostLineParser::parse_at).
      for (const char *p = data + begin, *stop = data + end; p < stop;) {
        const std::uint64_t number = (static_cast<std::uint64_t>(k) << 32) | ++local;
        if (w.line_at(p, stop, number, p) == HostWorker::Outcome::kDamaged && keep &&
            cs.damage.size() < kMaxPrintedDamage) {
          cs.damage.push_back(DamageNote{input, number, w.why()});
        }
      }
      if (w.parser().layout_changes() != base_changes) layout_changed = true;
      done_bytes += end - begin;
      std::lock_guard<std::mutex> lock(mutex);
      cs.lines = local;
      cs.done = true;
      while (contiguous < chunks && state[contiguous].done) {
        notes_before += state[contiguous].damage.size();
        if (notes_before >= kMaxPrintedDamage && horizon == chunks) horizon = contiguous;
        ++contiguous;
      }
    }
  };
  started = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  std::atomic<std::size_t> running{workers.size()};
  for (auto& w : workers) {
    pool.emplace_back([&work, &w, &running] {
      work(*w);
      --running;
    });
  }
  if (options.progress) {
    while (running > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      progress(files[input], done_bytes, size, false);
    }
  }
  for (std::thread& t : pool) t.join();
  progress(files[input], 0, 0, true);
  if (layout_changed) {
    for (auto& w : workers) {
      w->aggregates.clear();
      w->counts = {};
    }
    return Chunked::kLayoutChanged;
  }
  // Chunk-relative line numbers become the file's.
  std::vector<std::uint64_t> first(chunks, 1);
  for (std::size_t k = 1; k < chunks; ++k) first[k] = first[k - 1] + state[k - 1].lines;
  auto global = [&first](std::uint64_t number) { return first[number >> 32] + (number & 0xffffffffu) - 1; };
  for (auto& w : workers) {
    for (auto& [key, aggregate] : w->aggregates) {
      for (HostSample& s : aggregate.samples) s.line = global(s.line);
    }
    merge(*w);
  }
  for (const ChunkState& cs : state) {
    for (const DamageNote& d : cs.damage) report_damage(d.input, global(d.line), d.why);
  }
  bytes += size;
  return Chunked::kDone;
}

}  // namespace interdict::cli
