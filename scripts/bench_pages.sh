#!/usr/bin/env bash
# Bundle 1,000 saved-news-page look-alikes (100-300 KB of HTML each, `cargo xtask make-pages`) and
# report the wall time, pages per second and peak memory. Figures go in BENCHMARKS.md.
#   scripts/bench_pages.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
dir=target/bench-pages
rm -rf "$dir" && mkdir -p "$dir"
cargo xtask make-pages "$dir/pages" "$count"
echo "$(du -sh "$dir/pages" | cut -f1) of HTML in $count pages"
cargo build --release --locked -q -p lectern-cli
start=$(date +%s.%N)
/usr/bin/time -f "peak memory %M KB" target/release/lectern bundle "$dir/pages" -o "$dir/pages.lectern"
end=$(date +%s.%N)
awk -v start="$start" -v end="$end" -v n="$count" 'BEGIN { s = end - start; printf "%.1f s wall, %.0f pages/s\n", s, n / s }'
