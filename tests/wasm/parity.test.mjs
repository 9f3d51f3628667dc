// The native binary and the wasm module run from Node print byte-identical output for the same
// command on the same files (one command-line implementation, two targets). The model fits (CLV)
// and attribution on the public data sets agree to 1e-9 relative, number by number: the fits are
// polished to their optimum whatever the build (docs/clv.md, "Same numbers on every build"), and
// the native binary the suite builds is a Debug build while the wasm one is Release.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixtures, root } from './engine.mjs';

const nativeBinary = path.join(root, 'build', 'native', 'roilens');
const nodeCli = path.join(root, 'scripts', 'roilens-node.mjs');

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const funnel = ['funnel/hubspot-crm-exports-contacts-2025-03-01.csv',
  'funnel/Traffic_acquisition_Session_primary_channel_group_Date.csv'].map((f) => path.join(fixtures, f));
const samplesDir = path.join(root, 'web', 'samples');
const samples = existsSync(samplesDir)
  ? readdirSync(samplesDir).filter((f) => f.endsWith('.csv')).map((f) => path.join(samplesDir, f)) : [];

const cases = [
  ['report jsonl by month', ['report', ...funnel, '--format', 'jsonl', '--grain', 'month']],
  ['report jsonl by week and channel', ['report', ...funnel, '--format', 'jsonl', '--grain', 'week', '--by', 'channel']],
  ['report table in French', ['report', ...funnel, '--format', 'table', '--lang', 'fr']],
  ['inspect json', ['inspect', ...funnel, '--format', 'json']],
  ['catalogue', ['catalogue']],
  ['unknown command', ['frobnicate']],
  ['missing file', ['report', path.join(fixtures, 'does-not-exist.csv')]],
];
if (samples.length) {
  cases.push(['samples report json', ['report', ...samples, '--format', 'json']]);
  cases.push(['samples attribution jsonl', ['attribution', ...samples, '--format', 'jsonl']]);
}

const clvFixtures = path.join(fixtures, 'clv');
cases.push(['clv with a purchase dated 0001-01-01',
  ['clv', path.join(clvFixtures, 'year-0001-purchase.csv'), '--format', 'json']]);
cases.push(['clv with cohorts from 1900 to 2200',
  ['clv', path.join(clvFixtures, 'cohorts-1900-to-2200.csv'), '--format', 'json']]);

for (const [name, args] of cases) {
  test(`native and wasm agree: ${name}`, { skip: !existsSync(nativeBinary) && 'native build missing' }, () => {
    const native = run(nativeBinary, args);
    const wasm = run(process.execPath, [nodeCli, ...args]);
    assert.equal(wasm.code, native.code, `exit codes (stderr: ${wasm.stderr} | ${native.stderr})`);
    assert.equal(wasm.stdout, native.stdout);
    assert.equal(wasm.stderr, native.stderr);
  });
}

// ../shared/datasets (public data, never copied into the repo): skipped when absent.
const shared = path.join(root, '..', 'shared', 'datasets');
const cdnow = path.join(shared, 'cdnow');
const numericCases = [
  ['clv on the CDNOW summary with spend',
    ['clv', path.join(cdnow, 'cdnow_customers_summary_with_transactions.csv'), '--format', 'json']],
  ['clv on the CDNOW summary', ['clv', path.join(cdnow, 'cdnow_customers_summary.csv'), '--format', 'json']],
  ['clv on the CDNOW purchase log with a calibration end',
    ['clv', path.join(cdnow, 'CDNOW_sample.txt'), '--columns', 'customer=2,date=3,amount=5',
      '--calibration-end', '1997-09-30', '--format', 'json']],
  ['attribution on ChannelAttribution\'s Data.csv, every model',
    ['attribution', path.join(shared, 'attribution', 'Data.csv'), '--format', 'json']],
];

// Walks two JSON values side by side: same shape, same strings, numbers within `relative`.
// Returns the worst relative difference and where it is.
function compareNumbers(native, wasm, where = '') {
  if (typeof native === 'number' && typeof wasm === 'number') {
    const scale = Math.max(Math.abs(native), Math.abs(wasm));
    return { relative: scale === 0 ? 0 : Math.abs(native - wasm) / scale, where };
  }
  assert.equal(typeof wasm, typeof native, `type at ${where}`);
  if (native === null || typeof native !== 'object') {
    assert.equal(wasm, native, `value at ${where}`);
    return { relative: 0, where };
  }
  assert.deepEqual(Object.keys(wasm), Object.keys(native), `keys at ${where}`);
  let worst = { relative: 0, where };
  for (const key of Object.keys(native)) {
    const inner = compareNumbers(native[key], wasm[key], `${where}/${key}`);
    if (inner.relative > worst.relative) worst = inner;
  }
  return worst;
}

for (const [name, args] of numericCases) {
  const input = args[1];
  const skip = (!existsSync(nativeBinary) && 'native build missing') ||
    (!existsSync(input) && `${input} absent`);
  test(`native and wasm agree to 1e-9 relative: ${name}`, { skip }, () => {
    const native = run(nativeBinary, args);
    const wasm = run(process.execPath, [nodeCli, ...args]);
    assert.equal(native.code, 0, native.stderr);
    assert.equal(wasm.code, native.code, wasm.stderr);
    const worst = compareNumbers(JSON.parse(native.stdout), JSON.parse(wasm.stdout));
    assert.ok(worst.relative <= 1e-9, `${worst.relative} at ${worst.where}`);
  });
}
