// Errors come back as values with a code and a message; nothing throws across the boundary,
// and the heap does not grow when the same work is repeated.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fixtures, loadModule, sessionWith } from './engine.mjs';

test('invalid option JSON is an error value, not an exception', async () => {
  const Module = await loadModule();
  const session = new Module.Session('{}');
  const answer = JSON.parse(session.report('{not json'));
  assert.equal(answer.ok, false);
  assert.equal(answer.error.code, 'invalid_argument');
  assert.match(answer.error.message_en, /JSON/);
  assert.ok(answer.error.message_fr.length > 0);
  session.delete();
});

test('an unknown grain is refused with a message naming it', async () => {
  const Module = await loadModule();
  const session = new Module.Session('{}');
  const answer = JSON.parse(session.report(JSON.stringify({ grain: 'fortnight' })));
  assert.equal(answer.ok, false);
  assert.match(answer.error.message_en, /fortnight/);
  session.delete();
});

test('binary garbage gives a file report with an error, and the session stays usable', async () => {
  const Module = await loadModule();
  const session = new Module.Session('{}');
  JSON.parse(session.beginFile('garbage.bin', '{}'));
  const garbage = new Uint8Array(4096);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
  assert.equal(JSON.parse(session.feed(garbage)).ok, true);
  const file = JSON.parse(session.endFile());
  assert.equal(file.ok, true);
  assert.equal(file.value.rows.kept, 0);
  assert.ok(file.value.error || file.value.warnings.length > 0, 'the file says what is wrong');
  const report = JSON.parse(session.report('{}'));
  assert.equal(report.ok, true);
  session.delete();
});

test('repeating ingest and report 300 times does not grow the wasm heap', async () => {
  const Module = await loadModule();
  const files = [path.join(fixtures, 'funnel', 'hubspot-crm-exports-contacts-2025-03-01.csv')];
  const once = async () => {
    const session = await sessionWith(files);
    session.report(JSON.stringify({ grain: 'month', by: ['channel'] }));
    session.delete();
  };
  for (let i = 0; i < 30; i++) await once();
  const before = Module.HEAP8.buffer.byteLength;
  for (let i = 0; i < 300; i++) await once();
  assert.equal(Module.HEAP8.buffer.byteLength, before);
});

// docs/errors.md: one error shape, {code, message_en, message_fr, file, line, column}, for a
// refused call and for a file that could not be read alike.
const ERROR_FIELDS = ['code', 'column', 'file', 'line', 'message_en', 'message_fr'];

test('a refused call answers the one error shape', async () => {
  const Module = await loadModule();
  const session = new Module.Session('{}');
  const answer = JSON.parse(session.report(JSON.stringify({ grain: 'fortnight' })));
  assert.deepEqual(Object.keys(answer.error).sort(), ERROR_FIELDS);
  assert.equal(typeof answer.error.line, 'number');
  session.delete();
});

test("a file report's error has the same shape, with the file's name", async () => {
  const Module = await loadModule();
  const session = new Module.Session('{}');
  JSON.parse(session.beginFile('empty.csv', '{}'));
  const report = JSON.parse(session.endFile()).value;
  assert.deepEqual(Object.keys(report.error).sort(), ERROR_FIELDS);
  assert.equal(report.error.code, 'unreadable_file');
  assert.equal(report.error.file, 'empty.csv');
  // The core's words for an empty file (tests/core/sources/malformed_test.cpp), with the file.
  assert.match(report.error.message_en, /^empty\.csv.*the file is empty$/);
  assert.match(report.error.message_fr, /^empty\.csv.*le fichier est vide$/);
  session.delete();
});

test('the heap probe counts what the engine holds, and a freed session gives it back', async () => {
  const Module = await loadModule();
  const files = [path.join(fixtures, 'funnel', 'hubspot-crm-exports-contacts-2025-03-01.csv')];
  (await sessionWith(files)).delete(); // first use builds the core's constant tables, kept for good
  const before = Module.heapAllocatedBytes();
  const session = await sessionWith(files);
  const holding = Module.heapAllocatedBytes();
  assert.ok(holding > before, `${holding} > ${before}`);
  assert.ok(holding <= Module.HEAP8.buffer.byteLength);
  session.delete();
  assert.equal(Module.heapAllocatedBytes(), before);
});
