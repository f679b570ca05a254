#!/usr/bin/env python3
"""Instructions per OrderSet::decide() call, counted by valgrind's callgrind.

Usage: bench/decide/instructions.py BUILD/bench/bench_decide BM_DecideAppHit [BM_... ...]

Times on a shared machine move with the load; instruction counts do not. Each benchmark
runs twice under callgrind for different lengths; the difference in the program's
instructions over the difference in decide() calls cancels the one-off costs (loading the
orders, ICU, the lazy name indexes). Needs valgrind (apt-get install valgrind).
"""
import re
import subprocess
import sys
import tempfile


def measure(binary, name, min_time):
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as out:
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out.name, binary,
                        "--benchmark_filter=" + name + "$", "--benchmark_min_time=" + min_time],
                       capture_output=True, check=True)
        lines = open(out.name, encoding="utf-8", errors="replace").read().split("\n")
    decide_ids = set()
    total = 0
    for line in lines:
        named = re.match(r"c?fn=\((\d+)\) (.*)", line)
        if named and "OrderSet::decide(" in named.group(2):
            decide_ids.add(named.group(1))
        if line.startswith(("summary:", "totals:")):
            total = int(line.split()[1])
    calls = 0
    for i, line in enumerate(lines[:-1]):
        callee = re.match(r"cfn=\((\d+)\)", line)
        if callee and callee.group(1) in decide_ids and lines[i + 1].startswith("calls="):
            calls += int(lines[i + 1].split()[0][len("calls="):])
    return calls, total


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = sys.argv[1]
    for name in sys.argv[2:]:
        short_calls, short_total = measure(binary, name, "0.01")
        long_calls, long_total = measure(binary, name, "0.1")
        if long_calls <= short_calls:
            print(f"{name}: no decide() calls counted", flush=True)
            continue
        per_call = (long_total - short_total) / (long_calls - short_calls)
        print(f"{name}: {per_call:.0f} instructions per decide() ({short_calls}, {long_calls} calls)", flush=True)


if __name__ == "__main__":
    main()
