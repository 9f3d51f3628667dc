#!/usr/bin/env bash
# Benchmarks (bench/README.md). Results are ratios between peers of the same run, written to
# build/bench/; nothing here is run by scripts/test.sh or CI.
#
#   bash scripts/bench.sh [Google Benchmark flags]   the core natively (Google Benchmark) and the
#                                                    same CLI work in the wasm build (Node)
#   bash scripts/bench.sh scaling [options]          ingest + report at 1k..1M contacts, native
#                                                    and wasm, time and peak memory
#                                                    (bench/scaling.mjs --help)
#   bash scripts/bench-peers.sh [run.mjs options]    roilens beside DuckDB-WASM and PapaParse in
#                                                    the shared peer harness (headless Chromium)
# ROILENS_JOBS=N limits the build's parallel jobs (default: every core).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${ROILENS_JOBS:-$(nproc)}
bash scripts/setup.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release >/dev/null

if [[ ${1:-} == scaling ]]; then
  shift
  cmake --build build/bench -j "$jobs" --target roilens_cli
  ROILENS_JOBS=$jobs bash scripts/build.sh wasm
  exec node bench/scaling.mjs "$@"
fi

cmake --build build/bench -j "$jobs" --target roilens_bench roilens_cli
ROILENS_JOBS=$jobs bash scripts/build.sh wasm
build/bench/bench/roilens_bench --benchmark_out=build/bench/native.json --benchmark_out_format=json "$@"
node bench/wasm_bench.mjs build/bench/roilens build/bench/wasm.json
