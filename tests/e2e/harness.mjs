// Shared e2e plumbing: a static server on 127.0.0.1 (random port), headless Chromium driven by
// playwright-core with the launch flags of TOOLCHAIN.md, and a log of every request the page made.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const WEB = join(REPO, 'web');
export const SAMPLES = join(WEB, 'samples');
const STUB = join(REPO, 'tests', 'e2e', 'fixtures', 'stub-roilens.mjs');

// ROILENS_E2E_ENGINE=stub serves a JS stand-in for the wasm (page development without a build).
export const USING_STUB = process.env.ROILENS_E2E_ENGINE === 'stub';

// engine: 'default' (the wasm build, or the stub under ROILENS_E2E_ENGINE=stub) or 'missing'
// (the module answers 404, as before `npm run build:wasm`). extraFiles: URL path → file served
// besides web/ (test pages).
export async function openBrowser({ engine = 'default', extraFiles = {} } = {}) {
  if (engine === 'default' && !USING_STUB && !existsSync(join(WEB, 'wasm', 'roilens.mjs'))) {
    throw new Error('web/wasm/roilens.mjs is missing: run `npm run build:wasm` first');
  }
  const overrides = { ...extraFiles, ...(engine === 'missing' ? { '/wasm/roilens.mjs': join(REPO, 'no-such-engine.mjs') }
    : USING_STUB ? { '/wasm/roilens.mjs': STUB } : {}) };
  const server = await startServer({ root: WEB, port: 0, host: '127.0.0.1', overrides });
  const userDataDir = mkdtempSync(join(tmpdir(), 'roilens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timezoneId: 'UTC',
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const consoleErrors = [];
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  return {
    server, context, page, requests, consoleErrors,
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Hosts of every request other than 127.0.0.1 (data: and blob: URLs never leave the machine).
export function foreignRequests(requests) {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    try {
      return new URL(url).hostname !== '127.0.0.1';
    } catch {
      return true;
    }
  });
}

// In-page predicates for page.waitForFunction (serialised into the page: self-contained).
// The first <roilens-dashboard> reflects `busy` while it works; its UI is in an open shadow root.
export function dashboardIdle() {
  return !document.querySelector('roilens-dashboard')?.hasAttribute('busy');
}

// True once `count` file cards are done loading and the dashboard is idle.
export function cardsDone(count) {
  const dashboard = document.querySelector('roilens-dashboard');
  return dashboard?.shadowRoot.querySelectorAll('.file-card:not(.loading)').length === count &&
    !dashboard.hasAttribute('busy');
}

// Waits until the dashboard shows values and no work is pending.
export async function waitForDashboard(page) {
  await page.waitForSelector('#dashboard:not([hidden]) [data-kpi="leads"]', { timeout: 60000 });
  await page.waitForFunction(dashboardIdle, null, { timeout: 60000 });
}

// Every data-value shown for one KPI slice; the test asserts they all agree.
export async function kpiValues(page, kpi, period, dimension = '') {
  return page.$$eval('[data-kpi]', (nodes, want) => nodes
    .filter((n) => n.dataset.kpi === want.kpi && n.dataset.period === want.period &&
      n.dataset.dimension === want.dimension)
    .map((n) => n.dataset.value), { kpi, period, dimension });
}
