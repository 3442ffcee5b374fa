#!/usr/bin/env bash
# Install what Lectern needs on a fresh Debian machine, skipping what is already there.
#   scripts/setup.sh            build tools (wasm target, Trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --tests    the same, plus Chromium, ChromeDriver and the end-to-end deps
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it, Cargo.lock records it.
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)

have() { command -v "$1" >/dev/null 2>&1; }
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  step "installing Trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: the registry mirror lacks a crate version its lockfile pins.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -qF "version $BINARYEN_VERSION"; then
  step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

if [ "${1:-}" = "--tests" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "installing Chromium and ChromeDriver"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
  # Reinstall the end-to-end dependencies only when the lockfile changed since the last install.
  e2e=tests/e2e
  if ! cmp -s "$e2e/package-lock.json" "$e2e/node_modules/.package-lock.json.installed" 2>/dev/null; then
    step "installing end-to-end test dependencies (playwright-core, axe-core, vite)"
    npm ci --prefix "$e2e" --no-audit --no-fund
    cp "$e2e/package-lock.json" "$e2e/node_modules/.package-lock.json.installed"
  fi
fi
