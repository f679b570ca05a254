#!/bin/sh
# Builds the web benchmark at -O2 straight from the sources (the bench CMake list does not
# name it yet) and runs it: decode_web against yara on one large minified bundle.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TMPDIR:-/tmp}/interdict_web_bench
g++ -std=c++20 -O2 -DNDEBUG -I"$root/src" "$root/bench/web/web_bench.cc" "$root"/src/readers/web/*.cc -o "$out"
"$out" "${1:-64}"
