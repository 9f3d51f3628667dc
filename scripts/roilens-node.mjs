#!/usr/bin/env node
// `roilens` through the wasm build: the same command line as the native binary, same output.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const { default: createRoilensModule } = await import(path.join(here, '..', 'web', 'wasm', 'roilens.mjs'));

const args = process.argv.slice(2);
const Module = await createRoilensModule();
const files = {};
const takesValue = new Set(['--format', '--grain', '--from', '--to', '--by', '--cadence-start', '--model',
  '--half-life-days', '--lookback-days', '--conversion', '--unit', '--calibration-end', '--horizon-months',
  '--discount', '--columns', '--tool', '--utc-offset', '--lang']);
for (let i = 1; i < args.length; i++) {
  const arg = args[i];
  if (arg.startsWith('--')) {
    if (!arg.includes('=') && takesValue.has(arg)) i++;
    continue;
  }
  try {
    files[arg] = new Uint8Array(await readFile(arg));
  } catch {
    // Left out: the core reports "cannot open the file" with the path, as the native binary does.
  }
}
const result = JSON.parse(Module.runCli(args, files));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exit_code;
