#!/usr/bin/env bash
# Bundle 1,000 saved-news-page look-alikes (100-300 KB of HTML each, scripts/make_pages.py) and
# report the wall time, pages per second and peak memory. Figures go in BENCHMARKS.md.
#   scripts/bench_pages.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
dir=target/bench-pages
rm -rf "$dir" && mkdir -p "$dir"
python3 scripts/make_pages.py "$dir/pages" "$count"
echo "$(du -sh "$dir/pages" | cut -f1) of HTML in $count pages"
cargo build --release --locked -q -p lectern-cli
start=$(date +%s.%N)
/usr/bin/time -f "peak memory %M KB" target/release/lectern bundle "$dir/pages" -o "$dir/pages.lectern"
end=$(date +%s.%N)
python3 -c "s=$end-$start; print(f'{s:.1f} s wall, {$count/s:.0f} pages/s')"
