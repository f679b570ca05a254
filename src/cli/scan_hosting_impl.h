// HostingScan's state, shared by scan_hosting.cc (inputs, threads) and
// scan_hosting_output.cc (rendering). Internal.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "cli/scan_hosting.h"
#include "cli/scan_hosting_worker.h"

namespace interdict::cli {

// Damaged lines printed on stderr (and kept for JSON output) before the rest are only
// counted.
inline constexpr std::uint64_t kMaxPrintedDamage = 100;

struct DamageNote {
  std::uint32_t input = 0;
  std::uint64_t line = 0;
  std::string why;
};

struct HostingScan::Impl {
  Impl(const OrderSet& orders, HostingOptions options);

  enum class Chunked : std::uint8_t { kDone, kFailed, kLayoutChanged, kNotMapped };
  // Reads a plain regular file in place, mapped, on every worker; kNotMapped when it
  // cannot be mapped or is compressed.
  Chunked scan_mapped(const std::string& path, std::uint32_t input, const HostLineParser& base);
  // Reads `path` in chunks on every worker; `base` has read the head.
  Chunked scan_chunks(const std::string& path, std::uint32_t input, const HostLineParser& base);
  // Reads `source` line by line: first the head lines (when given), then the rest.
  // Returns false when --strict stops.
  bool scan_lines(LineSource& source, const InputHead* head, std::unique_ptr<HostLineParser> parser,
                  std::uint32_t input);
  void merge(HostWorker& worker);
  void report_damage(std::uint32_t input, std::uint64_t line, const std::string& why);
  void fatal(const std::string& message);
  void progress(std::string_view file, std::uint64_t done, std::uint64_t total, bool last);
  // The aggregates, strictest first, then by subject and host.
  [[nodiscard]] std::vector<const HostAggregate*> sorted() const;

  HostingOptions options;
  HostingShared shared;
  int threads = 1;
  std::vector<std::unique_ptr<HostWorker>> workers;
  std::vector<std::string> files;  // input names, by index
  HostAggregates aggregates;
  HostCounts counts;
  std::uint64_t tally_inputs = 0;
  std::uint64_t bytes = 0;
  std::vector<DamageNote> damage;  // the printed ones
  std::uint64_t printed_damage = 0;
  bool input_error = false;
  std::chrono::steady_clock::time_point started;
  std::chrono::steady_clock::time_point last_progress;
};

}  // namespace interdict::cli
