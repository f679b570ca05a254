#!/usr/bin/env bash
# `interdict mrt dump` and `interdict mrt scan` against Debian's `bgpdump -m` on the same
# large RIB, plain and compressed, in the same run. The RIB is the complete records of the
# RouteViews sample in ../shared/data/mrt/ repeated COPIES times (each copy starts with its
# own PEER_INDEX_TABLE, as concatenated dumps do). Output is compared before a time counts.
# Prints Markdown table rows; CPU is user + system seconds of the best run, which a loaded
# machine changes less than wall time. For bzip2, `bunzip2 -c` alone and (when built)
# bench_bzip2, our decoder against libbz2 on the same file, show what decompression costs.
#
#   bench/mrt/run.sh [BUILD_DIR] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
copies=${2:-20}
sample=../shared/data/mrt/routeviews_rib.20140523.0600_firstMB.bz2
command -v bgpdump >/dev/null || { echo "install Debian's bgpdump first (apt-get install bgpdump)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The complete records of the sample (its last record is cut off on purpose).
python3 - "$sample" "$work/one.mrt" <<'PY'
import bz2, struct, sys
raw = bz2.BZ2Decompressor().decompress(open(sys.argv[1], 'rb').read())
p = 0
while p + 12 <= len(raw):
    n = struct.unpack('>I', raw[p + 8:p + 12])[0]
    if p + 12 + n > len(raw):
        break
    p += 12 + n
open(sys.argv[2], 'wb').write(raw[:p])
PY
for _ in $(seq "$copies"); do cat "$work/one.mrt"; done > "$work/rib.mrt"
gzip -c "$work/rib.mrt" > "$work/rib.mrt.gz"
bzip2 -c "$work/rib.mrt" > "$work/rib.mrt.bz2"
bytes=$(stat -c %s "$work/rib.mrt")
uptime
records=$(python3 -c "
import struct,sys
d=open('$work/one.mrt','rb').read(); p=n=0
while p+12<=len(d): p+=12+struct.unpack('>I',d[p+8:p+12])[0]; n+=1
print(n*$copies)")

run() {  # best of 3: prints "seconds max_rss_kb cpu_seconds"; stdout of the command goes to $2
  local best=999999 rss=0 cpu=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" bash -c "$1" > "$2" 2>/dev/null || true
    read -r s m u y < "$work/time"
    if awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$s; rss=$m; cpu=$(awk -v u="$u" -v y="$y" 'BEGIN { print u + y }'); fi
  done
  echo "$best $rss $cpu"
}

for f in rib.mrt rib.mrt.gz rib.mrt.bz2; do
  in="$work/$f"
  bgpdump -m "$in" > "$work/theirs.txt" 2>/dev/null
  "$build/interdict" mrt dump "$in" > "$work/ours.txt"
  cmp -s "$work/theirs.txt" "$work/ours.txt" || { echo "output differs from bgpdump on $f" >&2; exit 1; }
  read -r b_s b_m b_c < <(run "bgpdump -m '$in'" /dev/null)
  read -r d_s d_m d_c < <(run "'$build/interdict' mrt dump '$in'" /dev/null)
  read -r s_s s_m s_c < <(run "'$build/interdict' -q mrt scan '$in'" /dev/null)
  awk -v f="$f" -v n="$records" -v mb="$bytes" -v bs="$b_s" -v bm="$b_m" -v bc="$b_c" -v ds="$d_s" -v dm="$d_m" \
      -v dc="$d_c" -v ss="$s_s" -v sm="$s_m" -v sc="$s_c" 'BEGIN {
    printf "| %s | bgpdump -m | %.2f s | %.2f s | %.0f records/s | %.0f MB/s | %.1f MB | 1.00 |\n", f, bs, bc, n/bs, mb/bs/1e6, bm/1024;
    printf "| %s | interdict mrt dump | %.2f s | %.2f s | %.0f records/s | %.0f MB/s | %.1f MB | %.2fx |\n", f, ds, dc, n/ds, mb/ds/1e6, dm/1024, bs/ds;
    printf "| %s | interdict mrt scan | %.2f s | %.2f s | %.0f records/s | %.0f MB/s | %.1f MB | %.2fx |\n", f, ss, sc, n/ss, mb/ss/1e6, sm/1024, bs/ss;
  }'
  if [ "$f" = rib.mrt.bz2 ]; then
    read -r z_s z_m z_c < <(run "bunzip2 -c '$in'" /dev/null)
    awk -v f="$f" -v mb="$bytes" -v zs="$z_s" -v zc="$z_c" -v zm="$z_m" 'BEGIN {
      printf "| %s | bunzip2 -c (decompression alone) | %.2f s | %.2f s | | %.0f MB/s | %.1f MB | |\n", f, zs, zc, mb/zs/1e6, zm/1024 }'
    if [ -x "$build/bench/bench_bzip2" ]; then "$build/bench/bench_bzip2" "$in" 3; fi
  fi
done
