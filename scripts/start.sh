#!/usr/bin/env bash
# Builds what is stale and serves the page on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh wasm
exec node scripts/serve.mjs
