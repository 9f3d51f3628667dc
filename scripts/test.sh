#!/usr/bin/env bash
# Every test: the core natively (ctest), the wasm module from Node, the page in headless Chromium,
# and the npm package as users install it (packed, installed offline, used from Node, Chromium and
# TypeScript). `test.sh core|wasm|e2e|package` runs one level. Installs and builds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
level=${1:-all}

bash scripts/setup.sh

if [[ $level == all || $level == core || $level == wasm ]]; then
  # the wasm tests compare against the native binary
  ROILENS_BUILD_TYPE=Debug bash scripts/build.sh native
fi
if [[ $level == all || $level == core ]]; then
  ctest --test-dir build/native --output-on-failure -j "$(nproc)"
fi
if [[ $level != core ]]; then
  bash scripts/build.sh wasm
fi
if [[ $level == all || $level == wasm ]]; then
  node --test tests/wasm/*.test.mjs
fi
if [[ $level == all || $level == e2e ]]; then
  node --test --test-concurrency=1 tests/e2e/*.test.mjs
fi
if [[ $level == all || $level == package ]]; then
  node --test --test-concurrency=1 tests/package/*.test.mjs
fi
