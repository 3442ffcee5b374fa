#!/usr/bin/env bash
# Install what is missing, then serve the reader on the bundled articles with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
echo "Lectern: open http://127.0.0.1:8080/ (Ctrl+C to stop)"
exec trunk serve "$@"
