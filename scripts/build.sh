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
  cmake --build build/wasm --target roilens_wasm -j "$jobs"
  # The ES module and its WebAssembly binary (roilens.wasm, a file of its own).
  mkdir -p web/wasm
  for file in roilens.mjs roilens.wasm; do
    if ! cmp -s "build/wasm/bindings/$file" "web/wasm/$file"; then
      cp "build/wasm/bindings/$file" "web/wasm/$file"
    fi
  done
}

case $what in
  native) build_native ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm ;;
  *) echo "usage: build.sh [native|wasm|all]" >&2; exit 2 ;;
esac
