#!/usr/bin/env bash
# The DEX class inventory and designated-SDK detection on a large synthetic multidex APK
# (gen_apk.py: 12 classes*.dex, 600005 classes, five designated SDK classes hidden in three
# of them; about 180 MB deflated, 280 MB of DEX), against Debian's peers in the same run:
#   inventory   bench_dex_inventory on the APK itself (1 and 2 threads), and on the unzipped
#               DEX files, vs `dexdump` over the unzipped classes*.dex (unzip timed apart);
#   detection   bench_dex_inventory --detect (inventory + package-boundary prefix check) vs
#               `yara` with one string rule per prefix ("Lcom/tencent/mm/opensdk/", ...) over
#               the unzipped DEX files.
# Output is compared before a time counts: dexdump's "Class descriptor" lines must number
# as many as our classes; yara's (rule, file) pairs must equal ours. Wall time and max RSS
# are the best of 3 runs of /usr/bin/time. Prints Markdown table rows.
#
#   bench/android/run.sh [BUILD_DIR] [WORK_DIR]    (WORK_DIR keeps the APK between runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
work=${2:-$(mktemp -d)}
bench="$build/bench/bench_dex_inventory"
for tool in dexdump yara unzip python3; do
  command -v "$tool" >/dev/null || { echo "install $tool first" >&2; exit 1; }
done
[ -x "$bench" ] || { echo "build bench_dex_inventory first (cmake --build $build --target bench_dex_inventory)" >&2; exit 1; }
mkdir -p "$work"
apk="$work/big.apk"
[ -s "$apk" ] || python3 bench/android/gen_apk.py "$apk" > "$work/gen.txt"

run() {  # best of 3 by wall time: prints "seconds max_rss_kb cpu_seconds"; stdout goes to $2
  local best=999999 rss=0 cpu=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" bash -c "$1" > "$2" 2>/dev/null
    read -r s m u k < "$work/time"
    if awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$s; rss=$m; cpu=$(awk -v u="$u" -v k="$k" 'BEGIN { print u + k }'); fi
  done
  echo "$best $rss $cpu"
}

rm -rf "$work/dex" && mkdir -p "$work/dex"
read -r unzip_s unzip_m unzip_c < <(run "rm -f '$work'/dex/*.dex && unzip -q -o '$apk' 'classes*.dex' -d '$work/dex'" /dev/null)
dexfiles=$(ls "$work"/dex/classes*.dex | tr '\n' ' ')

# Inventory: same class count before any time counts.
read -r d_s d_m d_c < <(run "dexdump $dexfiles | grep -c 'Class descriptor'" "$work/dexdump.txt")
read -r o1_s o1_m o1_c < <(run "'$bench' --drop-pages --threads 1 '$apk'" "$work/ours1.txt")
read -r o2_s o2_m o2_c < <(run "'$bench' --drop-pages --threads 2 '$apk'" "$work/ours2.txt")
read -r ok_s ok_m ok_c < <(run "'$bench' --threads 2 '$apk'" "$work/ours_keep.txt")
read -r od_s od_m od_c < <(run "'$bench' $dexfiles" "$work/ours_dex.txt")
classes=$(awk '$1 == "classes" { print $2 }' "$work/ours2.txt")
for f in dexdump ours1 ours_keep ours_dex; do
  n=$(awk '$1 == "classes" { print $2 } NF == 1 { print $1 }' "$work/$f.txt")
  [ "$n" = "$classes" ] || { echo "class count differs: $f says $n, ours $classes" >&2; exit 1; }
done

# Detection: the same (rule, DEX file) pairs.
cat > "$work/rules.yar" <<'YARA'
rule wechat_opensdk { strings: $a = "Lcom/tencent/mm/opensdk/" condition: $a }
rule tiktok_open_sdk { strings: $a = "Lcom/tiktok/open/sdk/" condition: $a }
rule pangle_openadsdk { strings: $a = "Lcom/bytedance/sdk/openadsdk/" condition: $a }
YARA
read -r y_s y_m y_c < <(run "yara '$work/rules.yar' '$work/dex'" "$work/yara.txt")
read -r da_s da_m da_c < <(run "'$bench' --drop-pages --detect '$apk'" "$work/detect_apk.txt")
read -r dd_s dd_m dd_c < <(run "'$bench' --detect $dexfiles" "$work/detect_dex.txt")
pairs() {  # found lines -> "rule file", sorted
  awk '$1 == "found" {
    rule = $3 ~ /^com\.tencent\.mm\.opensdk\./ ? "wechat_opensdk" : $3 ~ /^com\.tiktok\.open\.sdk\./ ? "tiktok_open_sdk" : "pangle_openadsdk"
    print rule, $2 }' "$1" | sort -u
}
theirs=$(awk '{ n = split($2, p, "/"); print $1, p[n] }' "$work/yara.txt" | sort -u)
[ "$theirs" = "$(pairs "$work/detect_apk.txt")" ] && [ "$theirs" = "$(pairs "$work/detect_dex.txt")" ] ||
  { echo "detections differ from yara:"; echo "$theirs"; pairs "$work/detect_apk.txt"; exit 1; } >&2
[ -n "$theirs" ] || { echo "no detections at all" >&2; exit 1; }

apk_mb=$(stat -c %s "$apk" | awk '{ printf "%.0f", $1 / 1e6 }')
dex_mb=$(cat "$work"/dex/classes*.dex | wc -c | awk '{ printf "%.0f", $1 / 1e6 }')
echo "APK: $apk_mb MB deflated, $dex_mb MB of DEX in $(ls "$work"/dex | wc -l) files, $classes classes"
echo "Load average before the rows: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "| task | tool | input | wall | CPU (user + sys) | max RSS | wall ratio (peer / ours) |"
echo "|------|------|-------|------|------------------|---------|-------|"
row() { awk -v t="$1" -v w="$2" -v i="$3" -v s="$4" -v m="$5" -v r="$6" -v c="$7" \
  'BEGIN { printf "| %s | %s | %s | %.2f s | %.2f s | %.0f MB | %s |\n", t, w, i, s, c, m / 1024, r }'; }
ratio() { awk -v p="$1" -v o="$2" 'BEGIN { printf "%.1f", p / o }'; }
row unzip "unzip -q 'classes*.dex'" APK "$unzip_s" "$unzip_m" "" "$unzip_c"
row inventory "dexdump" "unzipped DEX" "$d_s" "$d_m" "1.0" "$d_c"
row inventory "dexdump + unzip" APK "$(awk -v a="$d_s" -v b="$unzip_s" 'BEGIN { print a + b }')" "$d_m" "1.0" "$(awk -v a="$d_c" -v b="$unzip_c" 'BEGIN { print a + b }')"
row inventory "bench_dex_inventory, 1 thread" APK "$o1_s" "$o1_m" "$(ratio "$(awk -v a="$d_s" -v b="$unzip_s" 'BEGIN { print a + b }')" "$o1_s")" "$o1_c"
row inventory "bench_dex_inventory, 2 threads" APK "$o2_s" "$o2_m" "$(ratio "$(awk -v a="$d_s" -v b="$unzip_s" 'BEGIN { print a + b }')" "$o2_s")" "$o2_c"
row inventory "bench_dex_inventory, 2 threads, mapped pages kept" APK "$ok_s" "$ok_m" "" "$ok_c"
row inventory "bench_dex_inventory" "unzipped DEX" "$od_s" "$od_m" "$(ratio "$d_s" "$od_s")" "$od_c"
row detection "yara, 3 string rules" "unzipped DEX" "$y_s" "$y_m" "1.0" "$y_c"
row detection "bench_dex_inventory --detect" "unzipped DEX" "$dd_s" "$dd_m" "$(ratio "$y_s" "$dd_s")" "$dd_c"
row detection "bench_dex_inventory --detect" APK "$da_s" "$da_m" "$(ratio "$(awk -v a="$y_s" -v b="$unzip_s" 'BEGIN { print a + b }')" "$da_s") (vs yara + unzip)" "$da_c"
