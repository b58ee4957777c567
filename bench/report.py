#!/usr/bin/env python3
"""Prints hyperfine's JSON exports as a table of medians, each with its ratio to a baseline.
Several exports of the same commands (rounds) are pooled: each median is of all their runs.

usage: bench/report.py BASELINE_COMMAND RESULTS.json [RESULTS.json ...]
"""

import json
import statistics
import sys


def main():
    baseline_command, files = sys.argv[1], sys.argv[2:]
    times = {}
    for path in files:
        for result in json.load(open(path))["results"]:
            times.setdefault(result["command"], []).extend(result["times"])
    medians = {command: statistics.median(runs) for command, runs in times.items()}
    baseline = medians[baseline_command]
    print(f"   {'median':>10}  {'x baseline':>10}  runs  command")
    for command, median in medians.items():
        runs = len(times[command])
        print(f"   {median * 1000:>8.2f}ms  {median / baseline:>10.2f}  {runs:>4}  {command}")


if __name__ == "__main__":
    main()
