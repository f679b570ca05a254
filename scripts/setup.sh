#!/usr/bin/env bash
# Installs what interdict needs from Debian 12's packages, builds it, and runs a job.
#
#   scripts/setup.sh demo    install, build, scan the bundled sample evidence
#   scripts/setup.sh test    install, build, run every test (plain, then under ASan+UBSan,
#                            then a short run of every fuzz target)
#   scripts/setup.sh deps    install the packages only
#   scripts/setup.sh build   install and build (build/interdict)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config clang
  libtomlplusplus-dev libsimdjson-dev libcli11-dev libicu-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  zlib1g-dev libbz2-dev libzstd-dev
  jq tzdata
  libpugixml-dev
  libmecab-dev mecab-ipadic-utf8 kanjidic
  unbound dnsmasq-base bird2 frr dnsutils bgpdump dexdump yara zip
)

jobs=$(nproc 2>/dev/null || echo 2)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Peer tools the tests check our output with, from the npm registry: Microsoft's SARIF
# Multitool validates our SARIF with GitHub code scanning's ingestion rules.
peer_tools() {
  if ! command -v npm >/dev/null; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  if [ ! -x .tools/node_modules/.bin/sarif-multitool ]; then
    echo "setup: installing @microsoft/sarif-multitool 5.7.0 into .tools/" >&2
    npm install --prefix .tools --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 >/dev/null
  fi
}

build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j"$jobs"
}

demo() {
  echo "== the bundled orders"
  ./build/interdict orders list --format table || true
  echo
  echo "== the app-store chokepoint: the sample catalogue and download/update requests"
  set +e
  ./build/interdict scan --format table samples/store/catalogue.csv samples/store/requests.jsonl
  local code=$?
  set -e
  echo "(exit code $code: 0 nothing prohibited, 1 prohibited findings, 2 input error)"
  echo
  echo "== the hosting chokepoint: a hosting provider's access log (nginx, host first), served from the US"
  set +e
  ./build/interdict scan --format table --country US samples/hosting/access.log
  code=$?
  set -e
  echo "(exit code $code; xtiktok.com, tiktok.com.example.net and notweixin.qq.com are not designated)"
  echo
  echo "== the DNS chokepoint: a dnsmasq query log around midnight, 19 January 2025, New York time"
  ./build/interdict scan --format table --country US --log-zone America/New_York --log-year 2025 samples/dns/dnsmasq.log || true
  echo "(dnsmasq writes no zone or year: --log-zone and --log-year give its stamps a time; PAFACA took effect at midnight)"
  echo
  echo "== the transit and peering chokepoint: a BGP RIB and update file (MRT) of November 2020"
  ./build/interdict mrt scan --format table samples/bgp/rib.20201101.0000.mrt samples/bgp/updates.20201112.1200.mrt || true
  echo "(the 2020 transit and peering clauses were enjoined before they took effect: permitted, with why)"
  echo
  echo "== the same updates as bgpdump -m prints them"
  ./build/interdict mrt dump samples/bgp/updates.20201112.1200.mrt
  echo
  echo "== the constituent-code chokepoint: an APK, a Gradle build, a Podfile.lock and a web page"
  set +e
  ./build/interdict scan --format table samples/code
  code=$?
  set -e
  echo "(exit code $code; the 2020 code clauses were enjoined, then revoked: permitted, with why)"
  echo
  echo "== the same, as it stood on 21 September 2020, in SARIF for GitHub code scanning (first lines)"
  { ./build/interdict -q scan --format sarif --as-of 2020-09-21T12:00:00Z samples/code/shop.apk |
    head -c 600; echo " ..."; } || true
  echo
  echo "== the payments chokepoint: ISO 20022 pain.001 and pacs.008 files and a CSV, each payment at its own time"
  set +e
  ./build/interdict scan --format table samples/payments
  code=$?
  set -e
  echo "(exit code $code; WeChat's payment clause was enjoined on 19 September 2020, the day before it took effect)"
  echo
  echo "== payment parties against a sanctions list: three OFAC SDN entries, imported once, then screened"
  ./build/interdict -q lists import -o build/sample-lists.idx samples/lists
  ./build/interdict scan --format table --lists build/sample-lists.idx samples/payments/transfers.jsonl || true
  echo "(a list match alone is review: the lists are not orders; 騰訊控股 is Tencent, an owner, not its designated app)"
  echo
  echo "== DNS enforcement: an RPZ zone of what is in force on 2026-02-01"
  { ./build/interdict -q export --as rpz --as-of 2026-02-01T00:00:00Z | head -20; } || true
  echo "..."
  echo
  echo "== single decisions (interdict check)"
  ./build/interdict check --format table samples/check/transactions.jsonl || true
}

tests() {
  build
  (cd build && ctest --output-on-failure -j"$jobs")
  echo "== again under AddressSanitizer and UndefinedBehaviorSanitizer"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DINTERDICT_SANITIZE=ON -DINTERDICT_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs")
  echo "== fuzz targets, a short run each"
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DINTERDICT_FUZZ=ON \
    -DINTERDICT_TESTS=OFF -DINTERDICT_BENCH=OFF >/dev/null
  cmake --build build-fuzz -j"$jobs"
  for f in build-fuzz/fuzz/fuzz_*; do
    [ -x "$f" ] || continue
    name=$(basename "$f")
    mkdir -p "build-fuzz/corpus/$name"
    "$f" -runs=20000 -max_total_time=30 -max_len=4096 "build-fuzz/corpus/$name" fuzz/seeds/"${name#fuzz_}" >"build-fuzz/$name.log" 2>&1 ||
      { tail -40 "build-fuzz/$name.log"; exit 1; }
    echo "$name: $(grep -c . "build-fuzz/$name.log") log lines, no crash"
  done
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build ;;
  demo) deps; build; demo ;;
  test) deps; peer_tools; tests ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
