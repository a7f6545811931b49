#!/usr/bin/env bash
# README command 2: runs every test, installing what is missing first. Fails when any part fails or
# runs no test: formatting, clippy (warnings denied), unit + integration tests, the CLI contract,
# wasm-bindgen tests in headless Chromium, and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

bash scripts/setup.sh --browser

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings denied)"
cargo clippy --workspace --all-targets -- -D warnings

step "unit and integration tests"
cargo test --workspace 2>&1 | tee target/test-native.log
grep -q "test result: ok. [1-9]" target/test-native.log || { echo "no native test ran" >&2; exit 1; }

step "CLI contract (the shared contract-check; a copy lives in scripts/ for clones without ../shared)"
cargo build -q -p kubeplay-cli
checker=../shared/contract-check
[ -f "$checker" ] || checker=scripts/contract-check
python3 "$checker" target/debug/kubeplay

step "wasm-bindgen tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p kubeplay-wasm --target wasm32-unknown-unknown 2>&1 | tee target/test-wasm.log
grep -q "test result: ok. [1-9]" target/test-wasm.log || { echo "no wasm test ran" >&2; exit 1; }

step "browser end-to-end tests"
bash scripts/build.sh
npm run --silent test:e2e
