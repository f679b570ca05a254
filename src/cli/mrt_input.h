// Reading MRT inputs for the commands that take them (`mrt dump`, `mrt scan`, `scan`,
// `export --mrt`): the record loop, damage reports on stderr, progress on a terminal.
#pragma once

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/common.h"
#include "readers/mrt/mrt.h"

namespace interdict::cli {

// Progress on a terminal: the share of the (compressed) file read, twice a second.
class Progress {
 public:
  explicit Progress(bool show) : show_(show) {}
  void update(const mrt::MrtReader& reader) {
    if (!show_ || (reader.records() & 0x3fff) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const std::uint64_t done = reader.input().raw_offset();
    const std::uint64_t size = reader.input().raw_size();
    std::cerr << "\r" << reader.name() << ": " << reader.records() << " records, " << (done >> 20) << " MiB";
    if (size > 0) std::cerr << " of " << (size >> 20) << " MiB (" << done * 100 / size << "%)";
    std::cerr << "   " << std::flush;
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  bool show_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// Reads every record of `reader`, handing each event to `on_event` and each
// PEER_INDEX_TABLE's peers to `on_peers`. Damage inside a record is reported on stderr and
// the record skipped; damage to the framing ends the input. Returns false when the input
// was damaged.
template <typename OnEvent, typename OnPeers>
bool read_mrt_records(std::unique_ptr<mrt::MrtReader> reader, bool quiet, OnEvent&& on_event, OnPeers&& on_peers) {
  const std::string path = reader->name();
  mrt::MrtDecoder decoder;
  mrt::RecordHeader header;
  std::span<const std::uint8_t> body;
  std::uint64_t damaged = 0;
  const mrt::MrtDecoder::Sink sink = [&](const mrt::RouteEvent& e) { on_event(e); };
  Progress progress(!quiet && stderr_is_terminal());
  while (reader->next(header, body)) {
    progress.update(*reader);
    auto damage = decoder.decode(header, body, sink);
    if (header.type == mrt::kTableDumpV2 && header.subtype == mrt::kPeerIndexTable && !damage) {
      on_peers(decoder.peer_index(), header.timestamp);
    }
    if (damage) {
      ++damaged;
      if (!quiet && damaged <= 10) {
        std::cerr << "interdict: " << reader->name() << "@" << header.offset
                  << ": record damaged, the rest of it skipped: " << *damage << "\n";
      }
    }
  }
  bool ok = damaged == 0;
  if (!quiet && damaged > 10) std::cerr << "interdict: " << path << ": " << damaged << " damaged records skipped\n";
  if (const auto& error = reader->error()) {
    std::cerr << "interdict: " << error->to_string() << " (" << reader->records()
              << " complete records before it were read)\n";
    ok = false;
  }
  return ok;
}

}  // namespace interdict::cli
