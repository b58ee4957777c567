#!/usr/bin/env bash
# Runs each fuzz target for a bounded time (default 60 s each): `fuzz/run.sh [SECONDS]`.
# Not part of CI. Needs cargo-fuzz (installed if missing). The machine has a stable toolchain
# only; RUSTC_BOOTSTRAP lets it take the few unstable flags cargo-fuzz passes. Crashes land in
# fuzz/artifacts/; a fixed one becomes a regression test beside the code it broke.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
mkdir -p corpus/load corpus/query
cp ../data/ewg.toml corpus/load/bundled.toml
printf 'labour rights' > corpus/query/labour
printf '"access to justice" -kind' > corpus/query/phrase
for target in load query; do
  echo "== $target, ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536
done
