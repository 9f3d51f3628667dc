#!/usr/bin/env node
// One `roilens` command through the wasm build in a fresh Node process, measured for
// bench/scaling.mjs: the same command line as scripts/roilens-node.mjs (files read into JS, handed
// to Module.runCli, its stdout written out), timed from reading the first file to the written
// output. Module loading and instantiation are outside the timed region (reported as init_ms).
//
//   node bench/wasm-cli-run.mjs --stdout FILE -- report a.csv b.csv --by channel
//
// Prints one JSON line on stdout: {ok, exit_code, ms, init_ms, wasm_heap_bytes,
// wasm_heap_before_bytes, heap_in_use_bytes, rss_before_bytes, rss_peak_bytes, rss_after_bytes,
// stderr}.
// Peak RSS is the kernel's high-water mark (VmHWM), reset just before the timed region through
// /proc/self/clear_refs, so rss_peak - rss_before is the memory the command added at its worst:
// the wasm heap's touched pages, the file buffers in JS, the output string.
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadModule } from '../web/engine-core.js';

function procStatusBytes(field) {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : null;
}

function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false; // the peak then covers module loading too; reported as such
  }
}

/** The module's linear memory: HEAP8's buffer in Emscripten 3.1.x, else the exported memory. */
function wasmHeapBytes(Module) {
  const memory = Module.HEAP8?.buffer ?? Module.wasmMemory?.buffer ?? Module.asm?.memory?.buffer;
  return memory ? memory.byteLength : null;
}

async function main() {
  const argv = process.argv.slice(2);
  const split = argv.indexOf('--');
  const own = split < 0 ? argv : argv.slice(0, split);
  const args = split < 0 ? [] : argv.slice(split + 1);
  const stdoutAt = own.indexOf('--stdout');
  const stdoutFile = stdoutAt >= 0 ? own[stdoutAt + 1] : null;
  if (args.length === 0) throw new Error('usage: wasm-cli-run.mjs [--stdout FILE] -- <roilens command line>');

  const t0 = process.hrtime.bigint();
  const Module = await loadModule(); // web/wasm/roilens.mjs given its roilens.wasm from disk
  const initMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const heapBefore = wasmHeapBytes(Module);
  globalThis.gc?.();
  const peakReset = resetPeakRss();
  const rssBefore = procStatusBytes('VmRSS');

  const start = process.hrtime.bigint();
  const files = {};
  for (const arg of args.slice(1)) {
    if (arg.startsWith('--')) continue;
    try {
      files[arg] = new Uint8Array(await readFile(arg));
    } catch {
      // an option value, not a file: the core decides (as scripts/roilens-node.mjs does)
    }
  }
  const result = JSON.parse(Module.runCli(args, files));
  if (stdoutFile) writeFileSync(stdoutFile, result.stdout);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;

  process.stdout.write(JSON.stringify({
    ok: result.exit_code === 0,
    exit_code: result.exit_code,
    ms,
    init_ms: initMs,
    wasm_heap_before_bytes: heapBefore,
    wasm_heap_bytes: wasmHeapBytes(Module),
    heap_in_use_bytes: Module.heapAllocatedBytes?.() ?? null, // what the allocator still holds
    peak_reset: peakReset,
    rss_before_bytes: rssBefore,
    rss_peak_bytes: procStatusBytes('VmHWM'),
    rss_after_bytes: procStatusBytes('VmRSS'),
    stderr: result.stderr.slice(0, 2000),
  }) + '\n');
}

main().catch((e) => {
  // An abort inside the module (out of memory) lands here: report it as a failed run.
  process.stdout.write(JSON.stringify({ ok: false, error: String(e?.message ?? e).split('\n')[0] }) + '\n');
  process.exitCode = 1;
});
