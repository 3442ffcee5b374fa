#!/usr/bin/env bash
# Install `lectern` with the compiled reader inside it (into ~/.cargo/bin), on a fresh machine:
# the build tools first where they are missing (scripts/setup.sh), then `cargo xtask install`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo xtask install
echo "lectern: installed $(command -v lectern); try: lectern build articles -o site && lectern serve site"
