#!/usr/bin/env bash
# Installs what kubeplay's build and tests need, skipping whatever is already there:
# the wasm32 target, wasm-bindgen-cli at exactly the version in Cargo.lock, npm packages, and (with
# --browser) Debian's chromium + chromium-driver for the browser tests. See ../../shared/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must equal the wasm-bindgen library version in Cargo.lock exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ -z "$wb_version" ]; then
  log "cannot find wasm-bindgen in Cargo.lock"; exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wb_version" ]; then
  log "installing wasm-bindgen-cli $wb_version (about 2.5 minutes on 2 cores)"
  # No --locked: its lockfile pins a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  log "installing Debian's chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
