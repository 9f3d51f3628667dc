// Measures the wasm heap the engine takes per byte of input file: the figure behind
// HEAP_BYTES_PER_INPUT_BYTE (web/engine-core.js, docs/errors.md).
//
//   node bench/heap_per_input_byte.mjs <file.csv>...
//
// Each file is read alone by a fresh engine (a new wasm instance), in 1 MiB chunks as the page
// feeds it; then all of them together, followed by the page's report (month × channel). Peak heap
// = growth of the wasm memory (it never shrinks, so its final size is the high-water mark), and
// held = bytes the allocator counts as in use after the file is read.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadModule } from '../web/engine-core.js';

const CHUNK = 1024 * 1024;

async function measure(files, withReport) {
  const Module = await loadModule();
  const start = Module.HEAP8.buffer.byteLength;
  const session = new Module.Session('{}');
  let bytes = 0;
  for (const file of files) {
    const data = readFileSync(file);
    bytes += data.length;
    session.beginFile(path.basename(file), '{}');
    for (let at = 0; at < data.length; at += CHUNK) session.feed(data.subarray(at, at + CHUNK));
    session.endFile();
  }
  const held = Module.heapAllocatedBytes();
  const afterRead = Module.HEAP8.buffer.byteLength - start;
  if (withReport) session.report(JSON.stringify({ grain: 'month', by: ['channel'] }));
  const afterReport = Module.HEAP8.buffer.byteLength - start;
  session.delete();
  return { bytes, held, afterRead, afterReport };
}

const files = process.argv.slice(2);
const rows = [];
for (const file of files) rows.push([path.basename(file), await measure([file], false)]);
if (files.length > 1) rows.push(['all, then the report', await measure(files, true)]);
console.log('| input | size (MB) | held after reading (B/B) | peak while reading (B/B) | peak with the report (B/B) |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, m] of rows) {
  const per = (x) => (x / m.bytes).toFixed(2);
  console.log(`| ${name} | ${(m.bytes / 1e6).toFixed(1)} | ${per(m.held)} | ${per(m.afterRead)} | ${per(m.afterReport)} |`);
}
