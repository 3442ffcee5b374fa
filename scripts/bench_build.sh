#!/usr/bin/env bash
# `lectern build` on generated archives of 1,000 and 10,000 articles (cargo xtask make-archive),
# the rebuild `lectern serve` makes after one article of the 1,000 changes, and the sizes of
# what `cargo xtask dist` writes. Figures go in BENCHMARKS.md.
#   bash scripts/bench_build.sh            (after cargo xtask dist)
set -euo pipefail
cd "$(dirname "$0")/.."
lectern=target/dist/lectern
[ -x "$lectern" ] || { echo "run cargo xtask dist first" >&2; exit 1; }
for n in 1000 10000; do
  [ -d "target/archive-$n" ] || cargo xtask make-archive "$n" "target/archive-$n"
  rm -rf "target/bench-site-$n"
  start=$(date +%s.%N)
  "$lectern" build -q "target/archive-$n" -o "target/bench-site-$n"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$n" 'BEGIN { printf "lectern build, %d articles: %.1f s\n", n, e - s }'
done

# serve: the first build, then three edits of one article, each waited for.
dir=target/bench-serve && rm -rf "$dir" && cp -r target/archive-1000 "$dir"
log=$(mktemp)
"$lectern" serve "$dir" --port 0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
built() { grep -c '^lectern: built' "$log" || true; }
wait_for() { while [ "$(built)" -lt "$1" ]; do sleep 0.05; done; }
wait_for 1
for edit in 1 2 3; do
  echo "One more paragraph, edit $edit." >> "$dir/article-00500.md"
  wait_for $((edit + 1))
done
grep '^lectern: built' "$log" | sed 's/^lectern: /lectern serve, 1,000 articles: /'
kill $server

du -b target/dist/lectern target/dist/lectern-*.tar.gz target/dist/npm/lectern-reader-*.tgz |
  awk '{ printf "%-60s %6.1f MB\n", $2, $1 / 1048576 }'
