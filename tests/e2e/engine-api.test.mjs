// web/roilens.js without a worker (as Node apps and the wasm tests use it): chunked feeding with
// progress, errors as RoilensError values, calls serialised. Runs against the real wasm when it
// is built, and always against the stub (which checks the JS plumbing only).
import assert from 'node:assert/strict';
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  createEngine, HEAP_BYTES_PER_INPUT_BYTE, MAXIMUM_HEAP_BYTES, RoilensError,
} from '../../web/roilens.js';
import createStubModule from './fixtures/stub-roilens.mjs';
import { foreignRequests, openBrowser, REPO, SAMPLES, WEB } from './harness.mjs';

const CONTACTS = 'hubspot-crm-exports-all-contacts-2025-04-01.csv';
const TRAFFIC = 'Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv';
const ERROR_FIELDS = ['code', 'column', 'file', 'line', 'message_en', 'message_fr'];
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
      await assert.rejects(engine.addFile('x.csv', 42), (error) => {
        // docs/errors.md: the one shape, as properties and as JSON.
        assert.ok(error instanceof RoilensError);
        assert.deepEqual(Object.keys(error.toJSON()).sort(), ERROR_FIELDS);
        assert.equal(error.code, 'invalid_argument');
        assert.equal(error.file, 'x.csv');
        assert.match(error.message_en, /Blob/);
        assert.match(error.message_fr, /Blob/);
        assert.equal(error.message, error.message_en);
        return true;
      });
      // The session is still usable after the refusal, and the refused file was never opened.
      assert.equal((await engine.inspect()).files.length, 0);
      const report = await engine.addFile(CONTACTS, readFileSync(join(SAMPLES, CONTACTS)));
      assert.equal(report.rows.kept, 60);
      await engine.dispose();
      await assert.rejects(engine.inspect(), (error) => error.code === 'disposed');
    });

    test("an engine error rejects with the engine's own shape", { skip: label === 'stub' &&
      'the stub does not check report options' }, async () => {
      const engine = await createEngine({ worker: false, utcOffsetMinutes: 0, ...extra });
      await assert.rejects(engine.report({ grain: 'fortnight' }), (error) => {
        assert.ok(error instanceof RoilensError);
        assert.deepEqual(Object.keys(error.toJSON()).sort(), ERROR_FIELDS);
        assert.equal(error.code, 'invalid_argument');
        assert.match(error.message_en, /fortnight/);
        return true;
      });
      await engine.dispose();
    });

    test('the files already loaded count against the limit of the next one', async () => {
      const engine = await createEngine({ worker: false, utcOffsetMinutes: 0, ...extra });
      const contacts = readFileSync(join(SAMPLES, CONTACTS));
      await engine.addFile(CONTACTS, contacts);
      // A Blob that says it is one byte more than what is left; refused before any byte is read.
      const limit = Math.floor(MAXIMUM_HEAP_BYTES / HEAP_BYTES_PER_INPUT_BYTE);
      const tooBig = new Blob(['never read']);
      Object.defineProperty(tooBig, 'size', { value: limit - contacts.length + 1 });
      await assert.rejects(engine.addFile('big.csv', tooBig), (error) => {
        assert.equal(error.code, 'file_too_large');
        assert.equal(error.file, 'big.csv');
        // the sample contacts file is 10,140 bytes: "10.1 kB" already loaded
        assert.equal(contacts.length, 10140);
        assert.ok(error.message_en.includes('with 10.1 kB of files already loaded'), error.message_en);
        assert.ok(error.message_fr.includes('avec 10,1 ko de fichiers déjà chargés'), error.message_fr);
        return true;
      });
      assert.deepEqual((await engine.inspect()).files.map((f) => f.file), [CONTACTS]);
      await engine.dispose();
    });

    test('after a trap the engine is replaced: Blob files come back, bytes are named as lost', async () => {
      const restarts = [];
      const engine = await createEngine({ worker: false, utcOffsetMinutes: 0, testHooks: true,
        onRestart: (info) => restarts.push(info), ...extra });
      const contacts = readFileSync(join(SAMPLES, CONTACTS));
      await engine.addFile(CONTACTS, new Blob([contacts]));
      await engine.addFile(TRAFFIC, readFileSync(join(SAMPLES, TRAFFIC)));
      await assert.rejects(engine.simulateFailure('trap'), (error) => {
        assert.equal(error.code, 'engine_crashed');
        assert.match(error.message_en, /restarted/);
        assert.ok(error.message_en.includes(`"${CONTACTS}"`) && error.message_en.includes(`"${TRAFFIC}"`));
        assert.match(error.message_fr, /redémarré/);
        return true;
      });
      assert.deepEqual(restarts, [{ code: 'engine_crashed', restored: [CONTACTS], lost: [TRAFFIC] }]);
      assert.deepEqual((await engine.inspect()).files.map((f) => f.file), [CONTACTS]);
      // Still usable: the lost file is added again, and both count.
      await engine.addFile(TRAFFIC, readFileSync(join(SAMPLES, TRAFFIC)));
      assert.deepEqual((await engine.inspect()).files.map((f) => f.file), [CONTACTS, TRAFFIC]);
      await engine.dispose();
    });
  });
}

// The same API in Chromium, worker mode, with files chosen in an <input type=file> as a user
// would: a file past the memory limit is refused before reading, and a worker that fails is
// replaced with the files it held.
describe('createEngine() in Chromium (worker)', () => {
  const FIXTURES = join(REPO, 'tests', 'e2e', 'fixtures');
  const extraFiles = { '/engine-page.html': join(FIXTURES, 'engine-page.html'),
    '/engine-page.js': join(FIXTURES, 'engine-page.js') };
  let browser;
  let scratch;
  before(async () => {
    browser = await openBrowser({ extraFiles });
    scratch = mkdtempSync(join(tmpdir(), 'roilens-engine-api-'));
  });
  after(async () => {
    await browser?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function openPage() {
    await browser.page.goto(`${browser.server.url}engine-page.html`);
    await browser.page.waitForSelector('html[data-ready="true"]');
  }

  test('a file past the limit is refused up front with its size and the limit; a small one then loads', async () => {
    await openPage();
    // 1.2 GB of nothing (a sparse file: no disk used). The engine takes 4 GiB / 24 bytes of heap
    // per input byte: 4,294,967,296 / 24 = 178,956,970 bytes of files in all, "179.0 MB"
    // (docs/errors.md).
    const huge = join(scratch, 'huge-export.csv');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 1_200_000_000);
    closeSync(fd);
    await browser.page.setInputFiles('#files', [huge, join(SAMPLES, CONTACTS)]);
    const outcome = await browser.page.evaluate(async () => {
      const engine = await window.roilens.createEngine({ utcOffsetMinutes: 0 });
      const [hugeFile, small] = document.getElementById('files').files;
      let progressCalls = 0;
      let refused = null;
      try {
        await engine.addFile(hugeFile.name, hugeFile, { onProgress: () => { progressCalls += 1; } });
      } catch (error) {
        refused = { ...error.toJSON(), isRoilensError: error instanceof window.roilens.RoilensError };
      }
      const report = await engine.addFile(small.name, small);
      const files = (await engine.inspect()).files.map((f) => f.file);
      await engine.dispose();
      return { progressCalls, refused, rows: report.rows, files,
        perByte: window.roilens.HEAP_BYTES_PER_INPUT_BYTE, maximum: window.roilens.MAXIMUM_HEAP_BYTES };
    });
    assert.ok(outcome.refused?.isRoilensError, JSON.stringify(outcome.refused));
    assert.equal(outcome.refused.code, 'file_too_large');
    assert.equal(outcome.refused.file, 'huge-export.csv');
    assert.equal(outcome.progressCalls, 0, 'nothing was read');
    assert.equal(outcome.maximum, 4 * 1024 ** 3);
    assert.equal(outcome.perByte, 24);
    assert.match(outcome.refused.message_en, /this file \(1\.20 GB\) is more than the engine can still take \(179\.0 MB, with 0 bytes of files already loaded\)/);
    assert.match(outcome.refused.message_fr, /ce fichier \(1,20 Go\) dépasse ce que le moteur peut encore prendre \(179,0 Mo, avec 0 octets de fichiers déjà chargés\)/);
    assert.equal(outcome.rows.kept, 60);
    assert.deepEqual(outcome.files, [CONTACTS]);
    assert.deepEqual(foreignRequests(browser.requests), []);
  });

  for (const kind of ['trap', 'out_of_memory']) {
    test(`a worker that fails (${kind}) is replaced, the files it held are read again, and it goes on`, async () => {
      await openPage();
      await browser.page.setInputFiles('#files', [join(SAMPLES, CONTACTS), join(SAMPLES, TRAFFIC)]);
      const outcome = await browser.page.evaluate(async (failure) => {
        const restarts = [];
        const engine = await window.roilens.createEngine({ utcOffsetMinutes: 0, testHooks: true,
          onRestart: (info) => restarts.push(info) });
        const [contacts, traffic] = document.getElementById('files').files;
        await engine.addFile(contacts.name, contacts);
        const leadsBefore = (await engine.report({ grain: 'all' })).values
          .find((v) => v.kpi === 'leads' && Object.keys(v.dimensions).length === 0).value;
        let failed = null;
        try {
          await engine.simulateFailure(failure);
        } catch (error) {
          failed = error.toJSON();
        }
        const restored = (await engine.inspect()).files.map((f) => f.file);
        await engine.addFile(traffic.name, traffic);
        const report = await engine.report({ grain: 'all' });
        const total = (kpi) => report.values.find((v) => v.kpi === kpi &&
          Object.keys(v.dimensions).length === 0)?.value;
        const files = (await engine.inspect()).files.map((f) => f.file);
        await engine.dispose();
        return { restarts, failed, restored, files, leadsBefore, leads: total('leads'),
          visitors: total('visitors') };
      }, kind);
      const code = kind === 'trap' ? 'engine_crashed' : 'out_of_memory';
      assert.equal(outcome.failed?.code, code, JSON.stringify(outcome.failed));
      assert.ok(outcome.failed.message_en.includes(`the files already loaded were read again ("${CONTACTS}")`),
        outcome.failed.message_en);
      assert.ok(outcome.failed.message_fr.includes(`les fichiers déjà chargés ont été relus ("${CONTACTS}")`));
      assert.deepEqual(outcome.restarts, [{ code, restored: [CONTACTS], lost: [] }]);
      assert.deepEqual(outcome.restored, [CONTACTS]);
      assert.deepEqual(outcome.files, [CONTACTS, TRAFFIC]);
      // The restored contacts give the leads they gave before the failure, and the traffic added
      // after the restart is there too.
      assert.equal(outcome.leads, outcome.leadsBefore);
      assert.ok(outcome.visitors > 0);
    });
  }
});
