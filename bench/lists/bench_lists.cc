// Reads each real list in ../shared/data `rounds` times and prints entities, names and the
// best wall time per list. Run by bench/lists/run.sh beside python3's parsers of the same files.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "readers/lists/lists.h"

namespace {

class CountSink : public interdict::ListSink {
 public:
  void entity(const interdict::ListEntity& e) override {
    ++entities;
    names += e.names.size() + e.weak_names.size();
  }
  void damage(const interdict::ListDamage&) override { ++damages; }
  std::size_t entities = 0, names = 0, damages = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_lists <shared data folder> [rounds]\n");
    return 2;
  }
  const std::string data = argv[1];
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  const char* lists[] = {"watchman/test/testdata/sdn.csv", "watchman/test/testdata/cons_prim.csv",
                         "watchman/test/testdata/csl.csv", "watchman/test/testdata/UN_consolidated.xml",
                         "yente/tests/fixtures/dataset/zala/entities.ftm.json"};
  for (const char* list : lists) {
    double best = 1e9;
    CountSink sink;
    for (int r = 0; r < rounds; ++r) {
      sink = CountSink();
      const auto start = std::chrono::steady_clock::now();
      auto stats = interdict::read_list(data + "/" + list, sink);
      const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
      if (!stats) {
        std::fprintf(stderr, "%s\n", stats.error().to_string().c_str());
        return 1;
      }
      best = std::min(best, took.count());
    }
    std::printf("interdict %-45s %6zu entities %6zu names %3zu damaged %8.2f ms\n", list, sink.entities, sink.names,
                sink.damages, best);
  }
  return 0;
}
