#!/usr/bin/env bash
# `interdict check` throughput against `jq -c .` (the floor of "read and re-emit JSON")
# on the same one million JSON lines, in the same run. Prints a Markdown table row set.
#
#   bench/check/run.sh [BUILD_DIR] [LINES]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
lines=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/check/generate.py "$lines" > "$work/in.jsonl"
bytes=$(stat -c %s "$work/in.jsonl")

# Output is checked before a time counts: one answer per line, in order.
"$build/interdict" check --threads 1 "$work/in.jsonl" > "$work/one.jsonl" || true
"$build/interdict" check "$work/in.jsonl" > "$work/all.jsonl" || true
[ "$(wc -l < "$work/one.jsonl")" -eq "$lines" ] || { echo "wrong answer count" >&2; exit 1; }
cmp -s "$work/one.jsonl" "$work/all.jsonl" || { echo "threads change the answers" >&2; exit 1; }

best() {  # best of 3 wall-clock seconds of a command writing to $2
  local b=999999
  for _ in 1 2 3; do
    local s e
    # A new file each run: truncating the last run's output (688 MB for check, 116 MB for
    # jq) would count against the next command.
    [ "$2" = /dev/null ] || rm -f "$2"
    s=$(date +%s.%N)
    bash -c "$1" > "$2" || true
    e=$(date +%s.%N)
    b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{print ($1 < b) ? $1 : b}')
  done
  echo "$b"
}
out_bytes=$(stat -c %s "$work/one.jsonl")
echo "input: $bytes bytes; check's output: $out_bytes bytes ($(nproc) cores; $(uptime))"
for sink in /dev/null "$work/out"; do
  jq_s=$(best "jq -c . '$work/in.jsonl'" "$sink")
  one_s=$(best "'$build/interdict' check --threads 1 '$work/in.jsonl'" "$sink")
  two_s=$(best "'$build/interdict' check --threads 2 '$work/in.jsonl'" "$sink")
  where=$([ "$sink" = /dev/null ] && echo "/dev/null" || echo "a file")
  awk -v n="$lines" -v mb="$bytes" -v j="$jq_s" -v o="$one_s" -v a="$two_s" -v w="$where" 'BEGIN {
    printf "| %s | jq -c . | %.2f s | %.0f | %.0f | 1.00 |\n", w, j, n/j, mb/j/1e6;
    printf "| %s | interdict check, 1 thread | %.2f s | %.0f | %.0f | %.2fx |\n", w, o, n/o, mb/o/1e6, j/o;
    printf "| %s | interdict check, 2 threads | %.2f s | %.0f | %.0f | %.2fx |\n", w, a, n/a, mb/a/1e6, j/a;
  }'
  if [ "$sink" != /dev/null ]; then
    # The floor of the file write path: copying the input, and copying as many bytes as
    # check writes, to a file (page cache), with no work per byte.
    cat_in=$(best "cat '$work/in.jsonl'" "$sink")
    cat_out=$(best "cat '$work/one.jsonl'" "$sink")
    awk -v a="$cat_in" -v b="$cat_out" -v j="$jq_s" 'BEGIN {
      printf "| a file | cat the input (floor for jq'"'"'s bytes) | %.2f s | | | |\n", a;
      printf "| a file | cat check'"'"'s output (floor for check'"'"'s bytes) | %.2f s | | | |\n", b;
    }'
  fi
done
