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
# .cargo/config.toml builds for the host tuple by name, so the binary is under it.
ewg=target/$(rustc -vV | sed -n 's/^host: //p')/release/ewg
out=target/bench
mkdir -p "$out"

echo "== machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); $(hyperfine --version)"
echo "binary: $(stat -c %s "$ewg") bytes (stripped release)"
echo

echo "== bundled data ($(stat -c %s data/ewg.toml) bytes)"
# The commands of the issue on start-up, grep on the same file (what a user would run instead)
# and `true` (process start-up, the floor). Ten rounds of 30 runs each, the commands taking turns
# within every round, so that a change in the machine's load falls on all of them alike; the
# medians are of all 300 runs.
bundled=(
  "$ewg --version"
  "$ewg members"
  "$ewg issues show 3"
  "$ewg objectives show 13"
  "$ewg define SGBV"
  "$ewg actions --mentions women"
  "$ewg brief"
  "$ewg search \"labour rights\""
  "$ewg search domestic workers detention trafficking"
  "$ewg cite issue 4"
  "grep -ri labour data/ewg.toml"
  "true"
)
rm -f "$out"/bundled-*.json
for round in $(seq 1 10); do
  hyperfine -N --warmup 3 --runs 30 --style none --export-json "$out/bundled-$round.json" \
    "${bundled[@]}" >/dev/null
done
python3 bench/report.py "grep -ri labour data/ewg.toml" "$out"/bundled-*.json
echo

# Instructions, which do not drift with the machine's load (skipped without valgrind).
if command -v valgrind >/dev/null 2>&1; then
  echo "== instructions (valgrind --tool=callgrind)"
  for cmd in "${bundled[@]}"; do
    if [[ "$cmd" == true || "$cmd" == grep* ]]; then continue; fi
    n=$(eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd" 2>&1 >/dev/null \
      | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' || true)
    printf "   %12s  %s\n" "$n" "$cmd"
  done
  echo
fi

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
  python3 bench/report.py "grep -ri \"labour rights\" $file" "$out/gen-$n.json"
  for cmd in "$ewg --data $file search \"labour rights\"" "grep -ri \"labour rights\" $file"; do
    kb=$( { /usr/bin/time -f "%M" bash -c "$cmd > /dev/null"; } 2>&1 | tail -1)
    echo "   peak memory: $((kb / 1024)) MiB ($(python3 -c "print(f'{$kb*1024/$(stat -c %s "$file"):.1f}')")x the file)  $cmd"
  done
done
echo

# Growth from 10,000 to 100,000 entries, the two searches side by side: timed apart (above), a
# change in the machine's load between them shows as growth. Eight rounds of 3 runs each, the
# files taking turns; the ratio of the 100,000-entry median to the 10,000-entry one is the growth.
echo "== growth, 10,000 -> 100,000 entries (side by side; x baseline is the growth)"
rm -f "$out"/growth-*.json
for round in 1 2 3 4 5 6 7 8; do
  hyperfine -N --warmup 1 --runs 3 --style none --export-json "$out/growth-$round.json" \
    "$ewg --data $out/ewg-10000.toml search \"labour rights\"" \
    "$ewg --data $out/ewg-100000.toml search \"labour rights\"" >/dev/null
done
python3 bench/report.py "$ewg --data $out/ewg-10000.toml search \"labour rights\"" "$out"/growth-*.json
