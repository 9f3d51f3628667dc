// End-to-end on the public exports of ../shared/datasets (skipped where they are absent):
// a Google Ads "All time" report says what it lacks instead of "Not recognised" (issue 10 item
// 8), and an RFM summary file gets a CLV panel with everything the data allows, the same numbers
// as the command line's `clv` JSON, and what it cannot show (issue 10 item 9).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dropFiles } from './hand-counts.mjs';
import { cardsDone, openBrowser, REPO, USING_STUB } from './harness.mjs';

const DATASETS = join(REPO, '..', 'shared', 'datasets');
const ALL_TIME = join(DATASETS, 'exports', 'google_ads', 'campaign_report_alltime_usd.csv');
const RFM = join(DATASETS, 'cdnow', 'cdnow_customers_summary.csv');
const skip = USING_STUB ? 'needs the wasm engine' : false;

async function dropAndWait(page, path) {
  await dropFiles(page, [{ name: basename(path), bytes: readFileSync(path) }]);
  await page.waitForFunction(cardsDone, 1, { timeout: 120000 });
}

describe('public exports', { skip }, () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a Google Ads report without dates says what is missing', { skip: !existsSync(ALL_TIME) && 'dataset absent' }, async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    await dropAndWait(page, ALL_TIME);
    const report = await page.evaluate(() => document.querySelector('roilens-dashboard').report.files[0]);
    assert.equal(report.tool, 'google_ads');
    assert.equal(report.rows.kept, 0);
    const confidence = Math.round(report.confidence * 100);
    assert.equal(await page.textContent('.tool-badge'),
      `Google Ads, ${confidence} %: no dates in this export — give the period it covers`);
    assert.doesNotMatch(await page.textContent('.file-card'), /Not recognised/);
    await page.click('#lang-toggle');
    assert.equal(await page.textContent('.tool-badge'),
      `Google Ads, ${confidence} % : aucune date dans cet export — indiquez la période qu’il couvre`);
    await page.click('#lang-toggle');
    // The form to give that period is right there.
    assert.equal(await page.locator('.file-card form.period-covered').count(), 1);
  });

  test('an RFM summary: customers with P(alive) and expected purchases as the CLI gives them', { skip: !existsSync(RFM) && 'dataset absent' }, async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    await dropAndWait(page, RFM);
    await page.waitForSelector('#clv .customers');
    const cli = JSON.parse(execFileSync(process.execPath, [join(REPO, 'scripts', 'roilens-node.mjs'), 'clv', RFM,
      '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    // The ten customers the CLI expects to buy the most, in that order, with its numbers.
    const top = [...cli.customers].sort((a, b) => b.expected_purchases - a.expected_purchases).slice(0, 10);
    const rows = await page.$$eval('#clv table.customers tbody tr', (trs) => trs.map((tr) => ({
      customer: tr.cells[0].textContent,
      values: [...tr.querySelectorAll('[data-value]')].map((n) => n.dataset.value) })));
    assert.deepEqual(rows.map((r) => r.customer), top.map((c) => String(c.customer)));
    const headers = await page.$$eval('#clv table.customers thead th', (ths) => ths.map((th) => th.textContent));
    const pAlive = headers.indexOf('P(alive)') - 1;
    const expected = headers.indexOf('Expected purchases') - 1;
    rows.forEach((row, i) => {
      assert.ok(Math.abs(Number(row.values[pAlive]) - top[i].p_alive) <= 1e-12, `P(alive) of ${row.customer}`);
      assert.ok(Math.abs(Number(row.values[expected]) - top[i].expected_purchases) <= 1e-12);
    });
    // No spend in this file: no CLV column and no column of zeros.
    assert.ok(!headers.includes('Predicted CLV') && !headers.includes('Average repeat purchase'), headers.join(' | '));
    const modelled = await page.$eval('#clv .tile .kpi-value', (n) => n.textContent);
    assert.equal(modelled, cli.summary.customers.toLocaleString('en-GB'));
    // What it cannot show, and why: the engine's no-spend warning and the missing history.
    const cannot = await page.$$eval('#clv .cannot-show li', (n) => n.map((x) => x.textContent));
    assert.ok(cannot.includes(cli.warnings.find((w) => w.code === 'no_spend').message_en));
    assert.ok(cannot.some((c) => /dated purchases/.test(c)));
    // Every customer is in the download, not only the ten on the page.
    const [file] = await Promise.all([page.waitForEvent('download'),
      page.locator('#clv .download-bar[data-download="customers-clv-model"] .download-button', { hasText: 'CSV' }).click()]);
    const lines = readFileSync(await file.path(), 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 1 + cli.customers.length);
  });
});
