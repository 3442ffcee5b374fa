#!/usr/bin/env bash
# Browser benchmark on generated archives: makes each archive and its split bundle when missing
# (target/archive-N, target/split-N; 10,000 articles take about 25 s to bundle), builds
# the release site, then runs tests/e2e/bench-archive.mjs, which prints the figures in
# BENCHMARKS.md.
#   bash scripts/bench_archive.sh            # 100, 1,000 and 10,000 articles
#   bash scripts/bench_archive.sh 1000       # one size
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
cargo build --release --offline --locked -q -p lectern-cli
for n in "${sizes[@]}"; do
  [ -d "target/archive-$n" ] || cargo xtask make-archive "$n" "target/archive-$n"
  if [ ! -f "target/split-$n/index.lectern" ] || [ "target/release/lectern" -nt "target/split-$n/index.lectern" ]; then
    target/release/lectern bundle --split "target/archive-$n" -o "target/split-$n"
  fi
done
trunk build --release --offline >/dev/null
node tests/e2e/bench-archive.mjs "${sizes[@]}"
