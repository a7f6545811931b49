#!/usr/bin/env bash
# README command 1: builds whatever is missing and serves the playground on http://127.0.0.1:PORT
# (PORT defaults to 8080). Static files only; nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs
