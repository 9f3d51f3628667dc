// The native binary and the wasm module run from Node print byte-identical output for the same
// command on the same files (one command-line implementation, two targets).
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

for (const [name, args] of cases) {
  test(`native and wasm agree: ${name}`, { skip: !existsSync(nativeBinary) && 'native build missing' }, () => {
    const native = run(nativeBinary, args);
    const wasm = run(process.execPath, [nodeCli, ...args]);
    assert.equal(wasm.code, native.code, `exit codes (stderr: ${wasm.stderr} | ${native.stderr})`);
    assert.equal(wasm.stdout, native.stdout);
    assert.equal(wasm.stderr, native.stderr);
  });
}
