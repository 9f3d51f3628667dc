// The same CLI workloads through the native binary and through the wasm module in Node.
// Each workload's time is reported beside a baseline peer (`catalogue`, which reads no file) and
// as the wasm/native ratio, so the numbers compare within one run on one machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared', 'datasets');
const [nativeBinary = path.join(root, 'build', 'native', 'roilens'), out] = process.argv.slice(2);
// web/wasm/roilens.mjs given its roilens.wasm from disk (engine-core.js does it in Node).
const { loadModule } = await import(path.join(root, 'web', 'engine-core.js'));
const Module = await loadModule();

const workloads = [
  ['catalogue (baseline)', ['catalogue']],
  ['attribution Data.csv, all models', ['attribution', path.join(shared, 'attribution', 'Data.csv'), '--format', 'json']],
  ['clv CDNOW summary (2,357 customers)', ['clv', path.join(shared, 'cdnow', 'cdnow_customers_summary_with_transactions.csv'), '--format', 'json']],
  ['report web/samples', ['report', ...['hubspot-crm-exports-all-contacts-2025-04-01.csv',
    'Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv']
    .map((f) => path.join(root, 'web', 'samples', f)), '--format', 'json']],
];

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

function timeNative(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(nativeBinary, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function timeWasm(args, runs) {
  const files = {};
  for (const a of args.slice(1)) if (existsSync(a)) files[a] = new Uint8Array(readFileSync(a));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    Module.runCli(args, files);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

const results = [];
for (const [name, args] of workloads) {
  if (args.slice(1).some((a) => a.startsWith('/') && !existsSync(a))) {
    console.log(`${name}: skipped (input absent)`);
    continue;
  }
  const native = timeNative(args, 5);
  const wasm = timeWasm(args, 5);
  results.push({ name, native_process_ms: native, wasm_in_process_ms: wasm, wasm_over_native: wasm / native });
  console.log(`${name.padEnd(40)} native process ${native.toFixed(1)} ms · wasm in Node ${wasm.toFixed(1)} ms · ratio ${(wasm / native).toFixed(2)}`);
}
if (out) writeFileSync(out, JSON.stringify(results, null, 2));
