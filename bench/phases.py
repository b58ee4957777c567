#!/usr/bin/env python3
"""Times the phases of a --data search on two dataset files, the files taking turns, and prints
each phase's median on each and its growth from the first to the second. Builds the example
crates/ewg-core/examples/phases.rs (release) first.

usage: bench/phases.py ROUNDS SMALL.toml LARGE.toml [QUERY]
e.g.   bench/phases.py 7 target/bench/ewg-10000.toml target/bench/ewg-100000.toml
"""

import statistics
import subprocess
import sys


def main():
    if len(sys.argv) not in (4, 5) or not sys.argv[1].isdigit():
        sys.exit(__doc__.strip().splitlines()[-2])
    rounds, files, query = int(sys.argv[1]), sys.argv[2:4], sys.argv[4:]
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "phases", "-p", "ewg-core"], check=True)
    host = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    triple = next(line.split()[1] for line in host.splitlines() if line.startswith("host:"))
    example = f"target/{triple}/release/examples/phases"
    times = {f: {} for f in files}
    for _ in range(rounds):
        for f in files:
            out = subprocess.run([example, f, *query], capture_output=True, text=True, check=True).stdout
            for line in out.splitlines():
                phase, value = line.split()
                if phase != "hits":
                    times[f].setdefault(phase, []).append(float(value))
    small, large = (times[f] for f in files)
    print(f"{'phase':12} {'ms (small)':>11} {'ms (large)':>11} {'growth':>7}")
    for phase in small:
        a, b = statistics.median(small[phase]), statistics.median(large[phase])
        print(f"{phase:12} {a:11.1f} {b:11.1f} {b / a:6.2f}x")
    a = sum(statistics.median(v) for v in small.values())
    b = sum(statistics.median(v) for v in large.values())
    print(f"{'sum':12} {a:11.1f} {b:11.1f} {b / a:6.2f}x")


if __name__ == "__main__":
    main()
