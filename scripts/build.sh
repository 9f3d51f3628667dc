#!/usr/bin/env bash
# Builds what is stale: `build.sh native`, `build.sh wasm`, or both (default).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=${ROILENS_JOBS:-$(nproc)}

build_native() {
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=${ROILENS_BUILD_TYPE:-RelWithDebInfo} >/dev/null
  cmake --build build/native -j "$jobs"
}

build_wasm() {
  # emcc's JS optimizer needs Debian's acorn (TOOLCHAIN.md).
  export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
  if [[ ! -f build/wasm/CMakeCache.txt ]]; then
    emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build build/wasm -j "$jobs"
  mkdir -p web/wasm
  if ! cmp -s build/wasm/bindings/roilens.mjs web/wasm/roilens.mjs; then
    cp build/wasm/bindings/roilens.mjs web/wasm/roilens.mjs
  fi
}

case $what in
  native) build_native ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm ;;
  *) echo "usage: build.sh [native|wasm|all]" >&2; exit 2 ;;
esac
