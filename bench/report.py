#!/usr/bin/env python3
"""Prints hyperfine's JSON export as a table of medians, each with its ratio to a baseline.

usage: bench/report.py RESULTS.json BASELINE_COMMAND
"""

import json
import sys


def main():
    results = json.load(open(sys.argv[1]))["results"]
    baseline = next(r for r in results if r["command"] == sys.argv[2])["median"]
    print(f"   {'median':>10}  {'x baseline':>10}  command")
    for r in results:
        print(f"   {r['median'] * 1000:>8.2f}ms  {r['median'] / baseline:>10.2f}  {r['command']}")


if __name__ == "__main__":
    main()
