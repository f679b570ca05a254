#!/usr/bin/env python3
"""Instructions per OrderSet::decide() call, counted by valgrind's callgrind.

Usage: bench/decide/instructions.py BUILD/bench/bench_decide BM_DecideAppHit [BM_... ...]

Times on a shared machine move with the load; instruction counts do not. Each benchmark
runs twice under callgrind, for exactly 3,000 and 6,000 calls (INTERDICT_DECIDE_CALLS, one
round each), counting only inside decide() (--toggle-collect); the difference over 3,000
calls is one call's cost, with the one-off costs (the lazy name indexes, ICU's first
readings) cancelled. Add --branches to count mispredicted branches instead, by cachegrind's
model. Needs valgrind (apt-get install valgrind).
"""
import os
import re
import subprocess
import sys
import tempfile

CALLS = 3000


def measure(binary, name, calls, branches):
    env = dict(os.environ, INTERDICT_DECIDE_CALLS=str(calls))
    with tempfile.NamedTemporaryFile(suffix=".out") as out:
        if branches:
            tool = ["--tool=cachegrind", "--cache-sim=no", "--branch-sim=yes", "--cachegrind-out-file=" + out.name]
        else:
            tool = ["--tool=callgrind", "--callgrind-out-file=" + out.name,
                    "--toggle-collect=interdict::OrderSet::decide*"]
        subprocess.run(["valgrind"] + tool + [binary, "--benchmark_filter=" + name + "/"],
                       capture_output=True, check=True, env=env)
        text = open(out.name, encoding="utf-8", errors="replace").read()
    # callgrind: "totals: Ir"; cachegrind: "summary: Ir Bc Bcm Bi Bim" (Bcm, conditional mispredicts)
    for line in text.split("\n"):
        if line.startswith(("summary:", "totals:")):
            fields = line.split()[1:]
            return int(fields[2] if branches else fields[0])
    sys.exit(f"{name}: valgrind wrote no totals")


def main():
    args = [a for a in sys.argv[1:] if a != "--branches"]
    branches = len(args) != len(sys.argv) - 1
    if len(args) < 2:
        sys.exit(__doc__)
    binary = args[0]
    for name in args[1:]:
        short = measure(binary, name, CALLS, branches)
        long = measure(binary, name, 2 * CALLS, branches)
        what = "mispredicted branches" if branches else "instructions"
        print(f"{name}: {(long - short) / CALLS:.1f} {what} per decide()", flush=True)


if __name__ == "__main__":
    main()
