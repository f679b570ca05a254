#!/bin/sh
# Times the manifest readers against jq (Debian) on the same synthetic files.
# What it measures: wall time to list every package of a 200k-package CycloneDX BOM,
# package-lock.json and yarn.lock (interdict: purls with lines; jq: the same list of purls
# or names from JSON; yarn.lock has no jq peer) and peak memory (GNU time).
# Usage: bench/sbom/run.sh [n]   (from the repository root; builds with -O2 into /tmp)
set -eu
n=${1:-200000}
out=${TMPDIR:-/tmp}/interdict-sbom-bench
mkdir -p "$out"
flags=${CXXFLAGS:-}
g++ -std=c++20 -O2 $flags -Isrc bench/sbom/sbom_bench.cc src/readers/sbom/*.cc src/readers/lockfile/*.cc \
  -lsimdjson -lpugixml -o "$out/sbom_bench"
/usr/bin/time -f "interdict peak RSS %M KB" "$out/sbom_bench" "$out" "$n"
for f in bom.json package-lock.json; do
  case $f in
    bom.json) filter='[.components[] | recurse(.components[]?) | .purl] | length' ;;
    package-lock.json) filter='[.packages | to_entries[] | .key] | length' ;;
  esac
  start=$(date +%s.%N)
  count=$(/usr/bin/time -f "jq peak RSS %M KB" jq "$filter" "$out/$f")
  end=$(date +%s.%N)
  echo "jq $f: $count items $(echo "$end - $start" | bc) s"
done
