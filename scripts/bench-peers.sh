#!/usr/bin/env bash
# roilens beside its peers (DuckDB-WASM, PapaParse + JS, ...) in the shared peer harness, in
# headless Chromium, on the harness's own data (bench/README.md, "Peers").
#
#   bash scripts/bench-peers.sh                       # papaparse,duckdb,roilens at 10k,100k,1m
#   bash scripts/bench-peers.sh --scales 10k --runs 1 # options go to the harness's run.mjs
#   KPI_BENCH_DIR=/path/to/bench bash scripts/bench-peers.sh
#
# The harness is copied to a temporary folder (it writes node_modules/, data/ and results/
# beside itself), installed with `npm ci`, and run against this repo's built web/ folder. Its
# generated data is kept in build/bench/peer-data/ between runs. Output: build/bench/peers.md
# (a summary: ratios to the peers, memory / input, verify differences; then the harness's
# results/latest.md) and build/bench/peers.json (the harness's raw run).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
harness=${KPI_BENCH_DIR:-$repo/../shared/bench}
if [[ ! -f $harness/run.mjs ]]; then
  echo "bench-peers: no peer harness at $harness (set KPI_BENCH_DIR to its folder)" >&2
  exit 2
fi
harness=$(cd "$harness" && pwd)

ROILENS_JOBS=${ROILENS_JOBS:-1} bash "$repo/scripts/build.sh" wasm

work=$(mktemp -d "${TMPDIR:-/tmp}/roilens-peers.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Only the harness's own files: not a node_modules/, data/ or results/ left in the source folder.
tar -C "$harness" --exclude=./node_modules --exclude=./data --exclude=./results -cf - . | tar -C "$work" -xf -
mkdir -p "$repo/build/bench/peer-data"
ln -s "$repo/build/bench/peer-data" "$work/data"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error)

status=0
(cd "$work" && BENCH_EXT_DIR="$repo/web" node run.mjs --peers papaparse,duckdb,roilens --scales 10k,100k,1m "$@") || status=$?

if [[ ! -f $work/results/latest.md ]]; then
  echo "bench-peers: the harness wrote no results (exit $status)" >&2
  exit 1
fi
run_json=$(ls -t "$work"/results/run-*.json | head -n 1)
mkdir -p "$repo/build/bench"
cp "$run_json" "$repo/build/bench/peers.json"
rm -rf "$repo/build/bench/peer-rows"
mkdir -p "$repo/build/bench/peer-rows"
cp "$work"/results/rows-*.json "$repo/build/bench/peer-rows/" 2>/dev/null || true
node "$repo/bench/peers-summary.mjs" "$run_json" "$work/results/latest.md" \
  "bash scripts/bench-peers.sh $*" "$(git -C "$repo" rev-parse --short HEAD)" > "$repo/build/bench/peers.md"
echo "bench-peers: written build/bench/peers.md, build/bench/peers.json, build/bench/peer-rows/"
# The harness exits 1 when a peer's rows differ from the reference's (JOB.md definitions that
# roilens does not share on purpose, bench/README.md): that is a finding reported in peers.md.
if ((status != 0)); then echo "bench-peers: the harness exited $status (mismatches or failures: see peers.md)" >&2; fi
exit "$status"
