// The hosting scan's inputs and threads; the per-line work is in scan_hosting_worker.cc and
// the output in scan_hosting_output.cc.
//
// A file is read in chunks of whole lines: while the workers read one batch of chunks,
// this thread reads the next. Each worker keeps its parser (a clone of one that has read
// the head, so it knows any header) and its aggregates for the whole file; they are
// merged when the file ends. Damaged lines are printed in input order after each batch.
#include "cli/scan_hosting.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/scan_hosting_impl.h"

namespace interdict::cli {

HostingScan::HostingScan(const OrderSet& orders, HostingOptions options)
    : impl_(std::make_unique<Impl>(orders, std::move(options))) {}
HostingScan::~HostingScan() = default;

bool HostingScan::claims(const InputHead& head) const {
  const std::vector<std::string_view> views = head.views();
  return sniff_host_format(views, impl_->options.formats) != nullptr;
}

bool HostingScan::scan(const std::string& path, LineSource& source, const InputHead& head) {
  Impl& x = *impl_;
  const std::vector<std::string_view> views = head.views();
  std::unique_ptr<HostLineParser> parser = sniff_host_format(views, x.options.formats);
  if (parser == nullptr) {
    x.fatal(source.name() + ": not a hosting, CDN or DNS log");
    return true;
  }
  const auto input = static_cast<std::uint32_t>(x.files.size());
  x.files.push_back(source.name());
  ++x.tally_inputs;
  // The parser that cuts the input into chunks must have read the header first.
  std::unique_ptr<HostLineParser> pristine = parser->clone();
  HostRecord ignored;
  for (std::string_view line : views) (void)parser->parse(line, ignored, nullptr);
  // Only a regular file can be opened again from its start: a pipe's head is gone.
  struct stat st {};
  const bool regular = path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  // Chunked reading also serves one thread: a mapped file is then read without copies.
  const bool parallel = regular && !x.options.strict && parser->lines_independent();
  if (parallel) {
    Impl::Chunked read = x.scan_mapped(path, input, *parser);
    if (read == Impl::Chunked::kNotMapped) read = x.scan_chunks(path, input, *parser);
    switch (read) {
      case Impl::Chunked::kDone:
      case Impl::Chunked::kFailed:
      case Impl::Chunked::kNotMapped: return true;
      case Impl::Chunked::kLayoutChanged: {
        // A header changed the columns midway: read it again in one piece.
        auto again = LineSource::open(path);
        if (!again) {
          x.fatal(again.error().to_string());
          return true;
        }
        return x.scan_lines(**again, nullptr, std::move(pristine), input);
      }
    }
  }
  return x.scan_lines(source, &head, std::move(pristine), input);
}

HostingScan::Impl::Impl(const OrderSet& orders, HostingOptions o) : options(std::move(o)), shared(orders) {
  shared.as_of = options.as_of;
  shared.known_at = options.known_at.value_or(kEndOfTime);
  shared.country = options.country;
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(options.threads > 0 ? options.threads : cores, 1, 64);
}

void HostingScan::Impl::fatal(const std::string& message) {
  input_error = true;
  std::cerr << "interdict: " << message << "\n";
}

void HostingScan::Impl::report_damage(std::uint32_t input, std::uint64_t line, const std::string& why) {
  if (printed_damage >= kMaxPrintedDamage) return;
  std::cerr << "interdict: " << files[input] << ":" << line << ": " << why << " (line skipped)\n";
  damage.push_back(DamageNote{input, line, why});
  if (++printed_damage == kMaxPrintedDamage) std::cerr << "interdict: further damaged lines are counted, not printed\n";
}

void HostingScan::Impl::merge(HostWorker& worker) {
  counts.add(worker.counts);
  worker.counts = {};
  for (auto& [key, aggregate] : worker.aggregates) {
    auto it = aggregates.find(key);
    if (it == aggregates.end()) {
      aggregates.emplace(key, std::move(aggregate));
    } else {
      it->second.merge(std::move(aggregate));
    }
  }
  worker.aggregates.clear();
}

void HostingScan::Impl::progress(std::string_view file, std::uint64_t done, std::uint64_t total, bool last) {
  if (!options.progress) return;
  using Clock = std::chrono::steady_clock;
  const auto now = Clock::now();
  if (!last && now - last_progress < std::chrono::milliseconds(250)) return;
  last_progress = now;
  if (last) {
    std::cerr << "\r\033[K" << std::flush;
    return;
  }
  const double seconds = std::chrono::duration<double>(now - started).count();
  char text[160];
  const double gb = static_cast<double>(done) / 1e9;
  if (total > 0) {
    std::snprintf(text, sizeof text, "\rscan: %.*s: %.2f of %.2f GB (%.0f%%), %.2f GB/s\033[K",
                  static_cast<int>(std::min<std::size_t>(file.size(), 60)), file.data(), gb,
                  static_cast<double>(total) / 1e9, 100.0 * static_cast<double>(done) / static_cast<double>(total),
                  seconds > 0 ? gb / seconds : 0.0);
  } else {
    std::snprintf(text, sizeof text, "\rscan: %.*s: %.2f GB, %.2f GB/s\033[K",
                  static_cast<int>(std::min<std::size_t>(file.size(), 60)), file.data(), gb,
                  seconds > 0 ? gb / seconds : 0.0);
  }
  std::cerr << text << std::flush;
}

bool HostingScan::Impl::scan_lines(LineSource& source, const InputHead* head, std::unique_ptr<HostLineParser> parser,
                                   std::uint32_t input) {
  if (workers.empty()) workers.emplace_back(std::make_unique<HostWorker>(shared));
  HostWorker& w = *workers.front();
  w.begin_input(std::move(parser), input, files[input]);
  started = std::chrono::steady_clock::now();
  auto one = [&](std::string_view line, std::uint64_t number) {
    if (w.line(line, number) == HostWorker::Outcome::kOk) return true;
    if (options.strict) {
      fatal(files[input] + ":" + std::to_string(number) + ": " + w.why() + " (stopping: --strict)");
      return false;
    }
    report_damage(input, number, w.why());
    return true;
  };
  if (head != nullptr) {
    for (std::size_t i = 0; i < head->size(); ++i) {
      if (!one(head->lines[i], head->numbers[i])) return false;
    }
  }
  std::string_view line;
  std::uint64_t n = 0;
  while (source.next(line)) {
    if (!one(line, source.line_number())) return false;
    if ((++n & 0xffff) == 0) progress(files[input], source.bytes_read(), 0, false);
  }
  progress(files[input], 0, 0, true);
  bytes += source.bytes_read();
  // Blank lines of the head were never handed out: count lines by number.
  w.counts.lines = source.line_number();
  merge(w);
  if (source.error()) fatal(source.error()->to_string());
  return true;
}

HostingScan::Impl::Chunked HostingScan::Impl::scan_chunks(const std::string& path, std::uint32_t input,
                                                          const HostLineParser& base) {
  auto opened = ChunkSource::open(path);
  if (!opened) {
    fatal(opened.error().to_string());
    return Chunked::kFailed;
  }
  ChunkSource& source = **opened;
  std::uint64_t total = 0;
  if (struct stat st{}; ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    total = static_cast<std::uint64_t>(st.st_size);
  while (workers.size() < static_cast<std::size_t>(threads)) workers.emplace_back(std::make_unique<HostWorker>(shared));
  for (auto& w : workers) w->begin_input(base.clone(), input, files[input]);
  const std::uint32_t base_changes = base.layout_changes();

  struct ChunkResult {
    std::vector<DamageNote> damage;  // the first kMaxPrintedDamage of the chunk
  };
  struct Batch {
    std::vector<LineChunk> chunks;
    std::vector<ChunkResult> results;
    std::size_t filled = 0;
  };
  std::array<Batch, 2> batches;
  for (Batch& b : batches) {
    // Several chunks a worker, taken in turn, so one slow chunk does not idle the rest.
    b.chunks.resize(static_cast<std::size_t>(threads) * 4);
    b.results.resize(b.chunks.size());
  }
  std::uint64_t done = 0;
  auto fill = [&](Batch& b) {
    b.filled = 0;
    while (b.filled < b.chunks.size() && source.next(b.chunks[b.filled])) done += b.chunks[b.filled++].size;
  };
  std::atomic<bool> layout_changed{false};
  auto work = [&](Batch& b, std::size_t i, HostWorker& w) {
    ChunkResult& r = b.results[i];
    r.damage.clear();
    const bool keep = printed_damage < kMaxPrintedDamage;
    b.chunks[i].for_each_line([&](std::string_view line, std::uint64_t number) {
      if (w.line(line, number) == HostWorker::Outcome::kOk) return;
      if (keep && r.damage.size() < kMaxPrintedDamage) r.damage.push_back(DamageNote{input, number, w.why()});
    });
    if (w.parser().layout_changes() != base_changes) layout_changed = true;
  };
  started = std::chrono::steady_clock::now();
  std::size_t current = 0;
  fill(batches[current]);
  while (batches[current].filled > 0) {
    Batch& b = batches[current];
    std::atomic<std::size_t> next_chunk{0};
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < workers.size() && t < b.filled; ++t) {
      pool.emplace_back([&, t] {
        for (std::size_t i = next_chunk++; i < b.filled; i = next_chunk++) work(b, i, *workers[t]);
      });
    }
    fill(batches[current ^ 1]);
    for (std::thread& t : pool) t.join();
    progress(files[input], done, total, false);
    if (layout_changed) break;
    for (std::size_t i = 0; i < b.filled; ++i) {
      for (const DamageNote& d : b.results[i].damage) report_damage(d.input, d.line, d.why);
    }
    current ^= 1;
  }
  progress(files[input], 0, 0, true);
  if (layout_changed) {
    for (auto& w : workers) {
      w->aggregates.clear();
      w->counts = {};
    }
    // The lines read again are reported again; keep one note of each.
    const auto before = damage.size();
    std::erase_if(damage, [input](const DamageNote& d) { return d.input == input; });
    printed_damage -= before - damage.size();
    return Chunked::kLayoutChanged;
  }
  bytes += done;
  for (auto& w : workers) merge(*w);
  if (source.error()) fatal(source.error()->to_string());
  return Chunked::kDone;
}

}  // namespace interdict::cli
