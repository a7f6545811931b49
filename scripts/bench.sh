#!/usr/bin/env bash
# Runs every benchmark, natively and in headless Chromium through the built wasm, and prints each
# figure with its budget. Not part of the test command: budgets are measured here, not asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
bash scripts/build.sh
inputs="$PWD/target/bench-inputs"
cargo bench -q -p kubeplay-core --bench engine -- --write-inputs "$inputs"
cargo bench -q -p kubeplay-core --bench engine
node scripts/bench-browser.mjs "$inputs"
