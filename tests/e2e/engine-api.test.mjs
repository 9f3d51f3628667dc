// web/roilens.js without a worker (as Node apps and the wasm tests use it): chunked feeding with
// progress, errors as RoilensError values, calls serialised. Runs against the real wasm when it
// is built, and always against the stub (which checks the JS plumbing only).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createEngine, RoilensError } from '../../web/roilens.js';
import createStubModule from './fixtures/stub-roilens.mjs';
import { SAMPLES, WEB } from './harness.mjs';

const CONTACTS = 'hubspot-crm-exports-all-contacts-2025-04-01.csv';
const wasmPath = join(WEB, 'wasm', 'roilens.mjs');
const engines = [['stub', { moduleFactory: createStubModule }]];
if (existsSync(wasmPath)) engines.push(['wasm', {}]);

for (const [label, extra] of engines) {
  describe(`createEngine({worker: false}) with the ${label} module`, () => {
    test('feeds a file in chunks and reports progress up to its size', async () => {
      const engine = await createEngine({ worker: false, chunkBytes: 1000, utcOffsetMinutes: 0, ...extra });
      const bytes = readFileSync(join(SAMPLES, CONTACTS));
      const progress = [];
      const report = await engine.addFile(CONTACTS, bytes, { onProgress: (p) => progress.push(p.loaded) });
      // ceil(size / 1000) chunks, the last one reaching the whole size
      assert.equal(progress.length, Math.ceil(bytes.length / 1000));
      assert.equal(progress.at(-1), bytes.length);
      assert.equal(report.tool, 'hubspot');
      // 60 contacts, one header line: read = kept + rejected + skipped
      assert.equal(report.rows.kept, 60);
      assert.equal(report.rows.read, report.rows.kept + report.rows.rejected + report.rows.skipped);
      const inspected = await engine.inspect();
      assert.equal(inspected.files.length, 1);
      await engine.dispose();
    });

    test('a Blob and a ReadableStream go through like bytes', async () => {
      // Two engines: one session would (rightly) flag the second copy as the same file.
      const bytes = readFileSync(join(SAMPLES, CONTACTS));
      const rowsVia = async (source) => {
        const engine = await createEngine({ worker: false, chunkBytes: 4096, utcOffsetMinutes: 0, ...extra });
        const report = await engine.addFile(CONTACTS, source);
        await engine.dispose();
        return report.rows;
      };
      const fromBytes = await rowsVia(bytes);
      assert.deepEqual(await rowsVia(new Blob([bytes])), fromBytes);
      assert.deepEqual(await rowsVia(new Blob([bytes]).stream()), fromBytes);
      assert.equal(fromBytes.kept, 60);
    });

    test('a source that is not bytes, a Blob or a stream is refused with a RoilensError', async () => {
      const engine = await createEngine({ worker: false, utcOffsetMinutes: 0, ...extra });
      await assert.rejects(engine.addFile('x.csv', 42), (error) => error instanceof RoilensError &&
        error.code === 'invalid_argument' && /Blob/.test(error.messageEn) && /Blob/.test(error.messageFr));
      // The session is still usable after the refusal, and the refused file was never opened.
      assert.equal((await engine.inspect()).files.length, 0);
      const report = await engine.addFile(CONTACTS, readFileSync(join(SAMPLES, CONTACTS)));
      assert.equal(report.rows.kept, 60);
      await engine.dispose();
      await assert.rejects(engine.inspect(), (error) => error.code === 'disposed');
    });
  });
}
