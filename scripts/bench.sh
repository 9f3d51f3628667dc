#!/usr/bin/env bash
# Benchmarks: the core natively (Google Benchmark) and the same work in the wasm build (Node).
# Results are ratios between peers of the same run (bench/README.md), written to build/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/bench -j "$(nproc)" --target roilens_bench roilens_cli
bash scripts/build.sh wasm
build/bench/bench/roilens_bench --benchmark_out=build/bench/native.json --benchmark_out_format=json "$@"
node bench/wasm_bench.mjs build/bench/roilens build/bench/wasm.json
