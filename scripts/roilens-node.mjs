#!/usr/bin/env node
// `roilens` through the wasm build: the same command line as the native binary, same output.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
// web/wasm/roilens.mjs with its roilens.wasm read from disk (engine-core.js does it in Node).
const { loadModule } = await import(pathToFileURL(path.join(here, '..', 'web', 'engine-core.js')).href);

const args = process.argv.slice(2);
const Module = await loadModule();
const files = {};
// Every argument that names a readable file is handed over; the core decides which are inputs
// (so the option grammar lives in one place, src/roilens/session/command_line.cpp).
for (const arg of args.slice(1)) {
  if (arg.startsWith('--')) continue;
  try {
    files[arg] = new Uint8Array(await readFile(arg));
  } catch {
    // Not a file (an option value) or unreadable: the core reports a missing input file itself.
  }
}
const result = JSON.parse(Module.runCli(args, files));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exit_code;
