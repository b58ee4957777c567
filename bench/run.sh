#!/usr/bin/env bash
# Benchmarks, side by side in one run: ewg on the bundled data against grep on the same file and
# against `true` (process start-up, the floor); then search on generated datasets of 1,000,
# 10,000 and 100,000 entries against grep on the same files, with peak memory. Prints a table
# of medians and ratios. Needs only the repository, and Debian's hyperfine and time (installed
# if missing). Results go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2"; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }

cargo build --release --quiet
ewg=target/release/ewg
out=target/bench
mkdir -p "$out"

echo "== machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); $(hyperfine --version)"
echo "binary: $(stat -c %s "$ewg") bytes (stripped release)"
echo

echo "== bundled data ($(stat -c %s data/ewg.toml) bytes)"
hyperfine -N --warmup 20 --runs 300 --style basic --export-json "$out/bundled.json" \
  "$ewg search \"labour rights\"" \
  "$ewg members" \
  "$ewg issues show 3" \
  "grep -ri \"labour rights\" data/ewg.toml" \
  "true" >/dev/null
python3 bench/report.py "$out/bundled.json" "grep -ri \"labour rights\" data/ewg.toml"
echo

for n in 1000 10000 100000; do
  file="$out/ewg-$n.toml"
  python3 bench/gen_dataset.py "$n" > "$file"
done
echo "== search on generated datasets"
runs() { case "$1" in 100000) echo 5 ;; 10000) echo 10 ;; *) echo 30 ;; esac; }
for n in 1000 10000 100000; do
  file="$out/ewg-$n.toml"
  echo "-- $n entries, $(stat -c %s "$file") bytes"
  hyperfine -N --warmup 1 --runs "$(runs "$n")" --style basic --export-json "$out/gen-$n.json" \
    "$ewg --data $file search \"labour rights\"" \
    "grep -ri \"labour rights\" $file" >/dev/null
  python3 bench/report.py "$out/gen-$n.json" "grep -ri \"labour rights\" $file"
  for cmd in "$ewg --data $file search \"labour rights\"" "grep -ri \"labour rights\" $file"; do
    kb=$( { /usr/bin/time -f "%M" bash -c "$cmd > /dev/null"; } 2>&1 | tail -1)
    echo "   peak memory: $((kb / 1024)) MiB ($(python3 -c "print(f'{$kb*1024/$(stat -c %s "$file"):.1f}')")x the file)  $cmd"
  done
done
