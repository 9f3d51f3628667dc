// The npm package as its users get it: `npm pack`, installed into an empty folder with no
// network (the package has no dependencies), then used from Node (ESM), from a bundler-free page
// in Chromium, and type-checked from TypeScript (tsc --noEmit).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CONSUMER = join(REPO, 'tests', 'package', 'consumer');
const CONTACTS = join(REPO, 'web', 'samples', 'hubspot-crm-exports-all-contacts-2025-04-01.csv');
// web/samples/EXPECTED.md: the contacts file has 60 rows; leads over the whole quarter (period
// `all`) are 12 (January) + 21 + 19 = 52.
const SAMPLE_ROWS = 60;
const SAMPLE_LEADS = 52;

let work;
let tarball;
let files;
let project;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'roilens-pack-'));
  // prepack builds what is missing (here: nothing, scripts/test.sh built the wasm already).
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work],
    { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  tarball = join(work, packed.filename);
  files = new Map(packed.files.map((f) => [f.path, f.size]));
  project = join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball],
    { cwd: project, stdio: ['ignore', 'inherit', 'inherit'] });
  for (const name of readdirSync(CONSUMER)) copyFileSync(join(CONSUMER, name), join(project, name));
  copyFileSync(CONTACTS, join(project, 'contacts.csv'));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds what users need and nothing else', () => {
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'web/roilens.js', 'web/engine-core.js',
    'web/engine-worker.js', 'web/wasm/roilens.mjs', 'web/wasm/roilens.wasm',
    'web/components/roilens-dashboard.js', 'web/style.css', 'types/roilens.d.ts',
    'types/component.d.ts', 'types/report.d.ts', 'docs/errors.md', 'docs/embedding.md']) {
    assert.ok(files.has(needed), `${needed} is in the tarball`);
  }
  for (const path of files.keys()) {
    assert.ok(!/^web\/(samples\/|index\.html|app\.js|page\.css|embed-example)/.test(path), `${path} is not shipped`);
    assert.ok(!/^(tests|src|bindings|bench|build)\//.test(path), `${path} is not shipped`);
  }
  // The WebAssembly is its own file, not base64 inside the JS glue (no long base64 run in it).
  const glue = readFileSync(join(project, 'node_modules', 'roilens', 'web', 'wasm', 'roilens.mjs'), 'utf8');
  assert.ok(!/[A-Za-z0-9+/]{4096}/.test(glue), 'no inlined binary');
  const wasm = readFileSync(join(project, 'node_modules', 'roilens', 'web', 'wasm', 'roilens.wasm'));
  assert.deepEqual([...wasm.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]); // "\0asm"
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'roilens', 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined, 'no runtime dependency');
  for (const [entry, target] of Object.entries(manifest.exports)) {
    if (entry !== './package.json') assert.ok(target.types, `${entry} has types`);
  }
});

test('Node: the bare import reads a CSV and reports, errors keep their shape, entries resolve', () => {
  const run = spawnSync(process.execPath, ['node-consumer.mjs', 'contacts.csv'], { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.tool, 'hubspot');
  assert.equal(out.rows.kept, SAMPLE_ROWS);
  assert.equal(out.leads, SAMPLE_LEADS);
  assert.equal(out.refusal.isRoilensError, true);
  assert.equal(out.refusal.code, 'invalid_argument');
  assert.deepEqual(Object.keys(out.refusal).sort(),
    ['code', 'column', 'file', 'isRoilensError', 'line', 'message_en', 'message_fr']);
  assert.deepEqual(out.resolved, {
    roilens: 'web/roilens.js',
    'roilens/component': 'web/components/roilens-dashboard.js',
    'roilens/worker': 'web/engine-worker.js',
    'roilens/wasm': 'web/wasm/roilens.mjs',
    'roilens/roilens.wasm': 'web/wasm/roilens.wasm',
    'roilens/style.css': 'web/style.css',
    // Not an entry: the docs name `roilens/component` instead.
    'roilens/web/components/roilens-dashboard.js': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  });
});

test("the package's command line runs from the install", () => {
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'roilens', 'package.json'), 'utf8'));
  const [bin] = Object.values(manifest.bin);
  const run = spawnSync(process.execPath, [join(project, 'node_modules', 'roilens', bin), 'catalogue', '--format', 'json'],
    { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(JSON.parse(run.stdout).some((kpi) => kpi.id === 'leads'));
});

test('TypeScript: a consumer of every entry type-checks (tsc --noEmit)', () => {
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('Chromium: a bundler-free page served from 127.0.0.1 loads the engine from the install', async () => {
  const server = await startServer({ root: project, port: 0, host: '127.0.0.1' });
  const userDataDir = mkdtempSync(join(tmpdir(), 'roilens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timezoneId: 'UTC',
  });
  try {
    const responses = [];
    const messages = [];
    context.on('response', (r) => responses.push({ url: r.url(), type: r.headers()['content-type'] }));
    const page = context.pages()[0] ?? await context.newPage();
    page.on('console', (m) => messages.push(m.text()));
    page.on('pageerror', (e) => messages.push(String(e)));
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 60000 });
    const result = await page.evaluate(() => window.result);
    assert.deepEqual(result, { tool: 'hubspot', kept: SAMPLE_ROWS, leads: SAMPLE_LEADS, component: true });
    // The binary came as its own file with the type that allows streaming compilation, and
    // Emscripten did not fall back to an ArrayBuffer compile.
    const wasm = responses.find((r) => r.url.endsWith('/node_modules/roilens/web/wasm/roilens.wasm'));
    assert.equal(wasm?.type, 'application/wasm');
    assert.ok(!messages.some((m) => /streaming compile failed|falling back/i.test(m)), messages.join('\n'));
    for (const { url } of responses) assert.equal(new URL(url).hostname, '127.0.0.1', url);
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
