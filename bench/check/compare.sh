#!/usr/bin/env bash
# Two builds of `interdict check` and `jq -c .` on the same input, in interleaved rounds, so
# that a shared machine's load falls on all of them alike. Prints, per run, the wall-clock,
# user and system seconds; compare medians, or ratios within a round.
#
#   bench/check/compare.sh OLD_BINARY NEW_BINARY [LINES] [ROUNDS]
set -euo pipefail
old=$(realpath "$1")
new=$(realpath "$2")
lines=${3:-1000000}
rounds=${4:-3}
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/check/generate.py "$lines" > "$work/in.jsonl"
# The same bytes before any time counts.
"$old" check "$work/in.jsonl" > "$work/old.jsonl" || true
"$new" check "$work/in.jsonl" > "$work/new.jsonl" || true
cmp -s "$work/old.jsonl" "$work/new.jsonl" || { echo "the builds answer differently" >&2; exit 1; }
rm -f "$work/old.jsonl" "$work/new.jsonl"
echo "$(nproc) cores; $(uptime)"
run() {  # LABEL SINK COMMAND...
  local label=$1 sink=$2
  shift 2
  [ "$sink" = /dev/null ] || rm -f "$sink"
  local t
  t=$({ /usr/bin/time -f "%e %U %S" "$@" > "$sink"; } 2>&1 | tail -1)
  echo "$label $([ "$sink" = /dev/null ] && echo /dev/null || echo file) $t"
}
for _ in $(seq "$rounds"); do
  for sink in /dev/null "$work/out"; do
    run jq "$sink" jq -c . "$work/in.jsonl"
    for t in 1 2; do run "old-t$t" "$sink" "$old" check --threads "$t" "$work/in.jsonl" || true; done
    for t in 1 2; do run "new-t$t" "$sink" "$new" check --threads "$t" "$work/in.jsonl" || true; done
  done
done
echo "$(uptime)"
