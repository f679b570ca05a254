// Decode speed of our bzip2 decoder against libbz2 on the same file in the same run, one
// thread each, then ByteSource (our blocks on every core). Best of N wall-clock runs;
// MB/s counts decompressed bytes. Checks the outputs are identical before timing.
//
//   bench_bzip2 FILE.bz2 [RUNS]
#include <bzlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "readers/common/byte_source.h"
#include "readers/common/bzip2_stream.h"

namespace {

using Clock = std::chrono::steady_clock;

std::size_t libbz2_decode(const std::vector<std::uint8_t>& in, std::vector<char>& out) {
  bz_stream bz{};
  if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK) return 0;
  bz.next_in = const_cast<char*>(reinterpret_cast<const char*>(in.data()));
  bz.avail_in = static_cast<unsigned>(in.size());
  std::size_t made = 0;
  for (;;) {
    if (made == out.size()) out.resize(out.size() * 2 + (1 << 20));
    bz.next_out = out.data() + made;
    bz.avail_out = static_cast<unsigned>(out.size() - made);
    const int rc = BZ2_bzDecompress(&bz);
    made = out.size() - bz.avail_out;
    if (rc != BZ_OK) break;
  }
  BZ2_bzDecompressEnd(&bz);
  return made;
}

std::size_t byte_source_decode(const std::string& path, std::vector<char>& buffer) {
  auto source = interdict::ByteSource::open(path);
  if (!source) return 0;
  std::size_t total = 0;
  for (;;) {
    auto n = (*source)->read(buffer.data(), buffer.size());
    if (!n || *n == 0) break;
    total += *n;
  }
  return total;
}

template <typename F>
double best_seconds(int runs, F&& f) {
  double best = 1e30;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_bzip2 FILE.bz2 [RUNS]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::ifstream in(path, std::ios::binary);
  const std::vector<std::uint8_t> packed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  std::vector<char> theirs;
  const std::size_t size = libbz2_decode(packed, theirs);
  const auto ours = interdict::bzip2::decode_file(packed, path);
  if (ours.bytes.size() != size || std::memcmp(ours.bytes.data(), theirs.data(), size) != 0) {
    std::fprintf(stderr, "outputs differ: libbz2 %zu bytes, ours %zu\n", size, ours.bytes.size());
    return 1;
  }
  std::vector<char> buffer(1 << 20);
  if (byte_source_decode(path, buffer) != size) {
    std::fprintf(stderr, "ByteSource gave a different size\n");
    return 1;
  }
  const double t_lib = best_seconds(runs, [&] { libbz2_decode(packed, theirs); });
  const double t_ours = best_seconds(runs, [&] { (void)interdict::bzip2::decode_file(packed, path); });
  const double t_par = best_seconds(runs, [&] { byte_source_decode(path, buffer); });
  const double mb = static_cast<double>(size) / 1e6;
  std::printf("| decoder | threads | time | MB/s (decompressed) | vs libbz2 |\n|---|---|--:|--:|--:|\n");
  std::printf("| libbz2 | 1 | %.3f s | %.1f | 1.00 |\n", t_lib, mb / t_lib);
  std::printf("| ours (decode_file) | 1 | %.3f s | %.1f | %.2fx |\n", t_ours, mb / t_ours, t_lib / t_ours);
  std::printf("| ours (ByteSource, parallel) | all | %.3f s | %.1f | %.2fx |\n", t_par, mb / t_par, t_lib / t_par);
  return 0;
}
