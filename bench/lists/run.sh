#!/bin/sh
# Times the list readers against python3's standard parsers (csv, xml.etree, json) on the
# real lists in ../shared/data, best of 5 rounds each, in the same run.
# interdict reads more per entity (addresses, comments, countries, programs, dates); the
# peer reads names only, so the ratio understates interdict's lead.
# Usage: bench/lists/run.sh [shared data folder]   (from the repository root; -O2 into /tmp)
set -eu
data=${1:-../shared/data}
out=${TMPDIR:-/tmp}/interdict-lists-bench
mkdir -p "$out"
g++ -std=c++20 -O2 ${CXXFLAGS:-} -Isrc bench/lists/bench_lists.cc src/readers/lists/*.cc src/readers/common/csv.cc \
  src/base/result.cc -lsimdjson -lpugixml -licui18n -licuuc -o "$out/bench_lists"
"$out/bench_lists" "$data" 5
python3 bench/lists/peer.py "$data" 5
