#!/usr/bin/env bash
# One self-contained .html with the reader and its articles, readable from disk (file://).
#   bash scripts/single_file.sh [OUT.html]              (default: target/lectern.html)
#   LECTERN_ARTICLES=~/my-articles bash scripts/single_file.sh mine.html
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/lectern.html}"
dist="target/single-file-dist"
trunk build --release --dist "$dist" >/dev/null
python3 scripts/single_file.py "$dist" "$out"
