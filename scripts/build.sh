#!/usr/bin/env bash
# Builds the page's assets: the release wasm into www/pkg (wasm-bindgen --target web) and the bundled
# CodeMirror editor into www/vendor. Rebuilds only what is older than its sources.
set -euo pipefail
cd "$(dirname "$0")/.."

newer_than() { # newer_than TARGET DIR...: true when TARGET is missing or older than a file in DIR
  [ -e "$1" ] || return 0
  local target=$1; shift
  [ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}

if newer_than www/pkg/kubeplay_wasm_bg.wasm crates Cargo.toml Cargo.lock; then
  echo "[build] wasm (release)" >&2
  cargo build --release --target wasm32-unknown-unknown -p kubeplay-wasm
  wasm-bindgen --target web --remove-name-section --out-dir www/pkg \
    target/wasm32-unknown-unknown/release/kubeplay_wasm.wasm
fi

if [ -f scripts/build-www.mjs ] && newer_than www/vendor/codemirror.js scripts/build-www.mjs package-lock.json; then
  echo "[build] editor bundle" >&2
  node scripts/build-www.mjs
fi
