// A Node program of a package user: the bare specifier, bytes from disk, a report.
// Usage: node node-consumer.mjs <csv file>; prints one JSON line.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createEngine, RoilensError } from 'roilens';

const file = process.argv[2];
const engine = await createEngine({ utcOffsetMinutes: 0 }); // no Worker in Node: direct mode
const fileReport = await engine.addFile(basename(file), await readFile(file));
const report = await engine.report({ grain: 'all' });
let refusal = null;
try {
  await engine.report({ grain: 'fortnight' });
} catch (error) {
  refusal = { isRoilensError: error instanceof RoilensError, ...error.toJSON() };
}
await engine.dispose();
const leads = report.values.find((v) => v.kpi === 'leads' && Object.keys(v.dimensions).length === 0);
const resolved = {};
for (const entry of ['roilens', 'roilens/component', 'roilens/worker', 'roilens/wasm', 'roilens/roilens.wasm',
  'roilens/style.css', 'roilens/web/components/roilens-dashboard.js']) {
  try {
    resolved[entry] = new URL(import.meta.resolve(entry)).pathname.split('/node_modules/roilens/')[1];
  } catch (error) {
    resolved[entry] = error.code;
  }
}
console.log(JSON.stringify({ tool: fileReport.tool, rows: fileReport.rows, leads: leads?.value, refusal, resolved }));
