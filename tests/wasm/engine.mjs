// Loads the built wasm module once for the Node tests and wraps the {"ok",…} answers.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModule as loadEngineModule } from '../../web/engine-core.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = path.join(root, 'tests', 'fixtures');

let modulePromise;
export function loadModule() {
  // web/wasm/roilens.mjs, given web/wasm/roilens.wasm read from disk (Node cannot fetch a file).
  modulePromise ??= loadEngineModule();
  return modulePromise;
}

export function unwrap(text) {
  const answer = JSON.parse(text);
  if (!answer.ok) throw Object.assign(new Error(answer.error.message_en), answer.error);
  return answer.value;
}

// A session holding the given files, each fed in chunks of `chunkSize` bytes.
export async function sessionWith(files, { utcOffsetMinutes = 0, chunkSize = 1 << 20 } = {}) {
  const Module = await loadModule();
  const session = new Module.Session(JSON.stringify({ utc_offset_minutes: utcOffsetMinutes }));
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    unwrap(session.beginFile(path.basename(file), '{}'));
    for (let at = 0; at < bytes.length; at += chunkSize) {
      unwrap(session.feed(bytes.subarray(at, at + chunkSize)));
    }
    unwrap(session.endFile());
  }
  return session;
}

// One KPI value from a report: {value, numerator, denominator} or undefined.
export function valueOf(report, kpi, period, dimensions = {}) {
  const wanted = JSON.stringify(Object.entries(dimensions).sort());
  return report.values.find(
    (v) => v.kpi === kpi && v.period === period &&
      JSON.stringify(Object.entries(v.dimensions ?? {}).sort()) === wanted);
}
