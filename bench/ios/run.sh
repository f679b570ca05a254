#!/bin/sh
# Builds the IPA benchmark at -O2 straight from the sources (the bench CMake list does not
# name it yet) and runs it: decode_ipa against unzip and llvm-objdump on one large IPA.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TMPDIR:-/tmp}/interdict_ipa_bench
g++ -std=c++20 -O2 -DNDEBUG -I"$root/src" "$root/bench/ios/ipa_bench.cc" "$root"/src/readers/ios/*.cc \
  "$root/src/readers/zip/zip.cc" "$root/src/base/result.cc" -lpugixml -lz -o "$out"
"$out" "${1:-400000}"
