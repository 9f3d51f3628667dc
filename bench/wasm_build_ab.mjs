// A/B of two wasm builds of the engine on the same work: ingest + the page's report (month ×
// channel) of the given files, in Node, alternating A and B; CPU time of this process (user +
// system), so that other work on the machine weighs less than in wall time.
//
//   node bench/wasm_build_ab.mjs <dir A> <dir B> <runs> <file.csv>...
// where each dir holds roilens.mjs + roilens.wasm (e.g. web/wasm and build/wasm-eh/bindings).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModule } from '../web/engine-core.js';

const [dirA, dirB, runsText, ...files] = process.argv.slice(2);
const inputs = files.map((f) => [path.basename(f), readFileSync(f)]);

async function once(dir) {
  const moduleUrl = pathToFileURL(path.resolve(dir, 'roilens.mjs')).href;
  const wasmUrl = pathToFileURL(path.resolve(dir, 'roilens.wasm')).href;
  const startup = process.cpuUsage();
  const Module = await loadModule({ moduleUrl, wasmUrl });
  const startupUs = process.cpuUsage(startup);
  const work = process.cpuUsage();
  const session = new Module.Session('{}');
  for (const [name, bytes] of inputs) {
    session.beginFile(name, '{}');
    for (let at = 0; at < bytes.length; at += 1 << 20) session.feed(bytes.subarray(at, at + (1 << 20)));
    session.endFile();
  }
  const report = JSON.parse(session.report(JSON.stringify({ grain: 'month', by: ['channel'] })));
  session.delete();
  const workUs = process.cpuUsage(work);
  if (!report.ok) throw new Error(JSON.stringify(report.error));
  return { startup: (startupUs.user + startupUs.system) / 1000, work: (workUs.user + workUs.system) / 1000,
    values: report.value.values.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { A: [], B: [] };
for (let run = 0; run < Number(runsText); run++) {
  for (const [label, dir] of [['A', dirA], ['B', dirB]]) results[label].push(await once(dir));
}
for (const [label, dir] of [['A', dirA], ['B', dirB]]) {
  const r = results[label];
  console.log(`${label} ${dir}: wasm ${statSync(path.join(dir, 'roilens.wasm')).size} B, glue ` +
    `${statSync(path.join(dir, 'roilens.mjs')).size} B; startup median ${median(r.map((x) => x.startup)).toFixed(0)} ms CPU; ` +
    `ingest + report median ${median(r.map((x) => x.work)).toFixed(0)} ms CPU (runs: ${r.map((x) => x.work.toFixed(0)).join(', ')}); ` +
    `${r[0].values} values`);
}
