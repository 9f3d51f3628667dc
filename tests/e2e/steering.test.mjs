// End-to-end: the steering panel (goals, reporting cadence, A/B test), the year-before trend of
// the tiles, the input files of a KPI's trace and the "period covered" of a dateless export.
// Every expected number is a hand count or an independent computation written here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dropFiles, sampleFiles } from './hand-counts.mjs';
import { cardsDone, dashboardIdle, foreignRequests, kpiValues, openBrowser, REPO, SAMPLES, USING_STUB,
  waitForDashboard } from './harness.mjs';

const AB_FIXTURE = join(REPO, 'tests', 'e2e', 'fixtures', 'ga4-landing-pages-ab.csv');
const TWO_FEBRUARIES = join(REPO, 'tests', 'e2e', 'fixtures', 'ga4-two-februaries.csv');
const ALL_TIME = join(REPO, 'tests', 'fixtures', 'costs', 'google_ads_all_time.csv');
const CONTACTS = 'hubspot-crm-exports-all-contacts-2025-04-01.csv';

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const addMonths = (ms, n) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate());
};

// Seed 000's cadence, written independently of the engine: 7-day periods during the first
// calendar month after the start, 14-day periods for the next two months, a period that would
// cross a phase boundary being cut at it; then calendar months.
function handCadence(startIso, count) {
  const start = Date.parse(`${startIso}T00:00:00Z`);
  const phases = [[addMonths(start, 1), 7], [addMonths(start, 3), 14]];
  const out = [];
  let from = start;
  for (const [phaseEnd, days] of phases) {
    while (from < phaseEnd && out.length < count) {
      const to = Math.min(from + days * DAY, phaseEnd);
      out.push({ start: iso(from), end: iso(to - DAY) });
      from = to;
    }
  }
  return out.slice(0, count);
}

// Standard normal upper tail via erfc (Numerical Recipes' erfcc, fractional error < 1.2e-7).
function erfc(x) {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
    t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

// Two-sided p-value of the pooled two-proportion z-test.
function twoProportionP(x1, n1, x2, n2) {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x2 / n2 - x1 / n1) / se;
  return erfc(Math.abs(z) / Math.SQRT2);
}

// Leads dated in [from, to] counted straight from the HubSpot sample (column 9, "Became a Lead Date").
function leadsBetween(from, to) {
  const lines = readFileSync(join(SAMPLES, CONTACTS), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => line.split('","')[8].replaceAll('"', '').slice(0, 10))
    .filter((day) => day && day >= from && day <= to).length;
}

const one = async (page, kpi, period, dimension = '') => {
  const values = [...new Set(await kpiValues(page, kpi, period, dimension))];
  assert.equal(values.length, 1, `${kpi} ${period} [${dimension}] shown as ${JSON.stringify(values)}`);
  return values[0];
};

describe('steering', { skip: USING_STUB }, () => {
  let browser;
  const idle = () => browser.page.waitForFunction(dashboardIdle, null, { timeout: 60000 });
  before(async () => {
    browser = await openBrowser();
    const { page, server } = browser;
    await page.goto(server.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await dropFiles(page, [...sampleFiles(), { name: 'ga4-landing-pages-ab.csv', bytes: readFileSync(AB_FIXTURE) }]);
    await waitForDashboard(page);
  });
  after(async () => {
    await browser?.close();
  });

  test('a goal on leads for 2025-02 shows the hand count, the progress and the status; it is remembered', async () => {
    const { page, server } = browser;
    await page.selectOption('select[name="goal-kpi"]', 'leads');
    await page.fill('input[name="goal-period"]', '2025-02');
    await page.fill('input[name="goal-target"]', '30');
    await page.click('.goal-form button[type="submit"]');
    await page.waitForSelector('[data-kpi="goal_progress"][data-period="2025-02"]:not([data-value=""])');
    await idle();
    // EXPECTED.md: 21 leads in February 2025 (all channels); progress 21 / 30 × 100 = 70 %.
    assert.equal(Number(await one(page, 'goal_actual', '2025-02')), 21);
    assert.equal(Number(await one(page, 'goal_target', '2025-02')), 30);
    assert.ok(Math.abs(Number(await one(page, 'goal_progress', '2025-02')) - (21 / 30) * 100) < 1e-9);
    assert.match(await page.textContent('.goals-table .status-badge'), /not achieved/);
    // A sliced goal: Email leads in February, 3 by hand (51067 51076 51112), target 2 → 150 %, achieved.
    await page.selectOption('select[name="goal-dimension"]', 'channel');
    await page.fill('input[name="goal-dimension-value"]', 'Email');
    await page.fill('input[name="goal-period"]', '2025-02');
    await page.fill('input[name="goal-target"]', '2');
    await page.click('.goal-form button[type="submit"]');
    await page.waitForSelector('[data-kpi="goal_progress"][data-dimension="channel=Email"]:not([data-value=""])');
    await idle();
    assert.equal(Number(await one(page, 'goal_actual', '2025-02', 'channel=Email')), 3);
    assert.equal(Number(await one(page, 'goal_progress', '2025-02', 'channel=Email')), (3 / 2) * 100);
    // Remembered: a new visit with the same files shows both goals again.
    await page.goto(server.url);
    await dropFiles(page, sampleFiles());
    await waitForDashboard(page);
    await page.waitForSelector('[data-kpi="goal_progress"][data-dimension="channel=Email"]:not([data-value=""])');
    await idle();
    assert.equal(await page.locator('.goals-table tbody tr').count(), 2);
    assert.equal(Number(await one(page, 'goal_actual', '2025-02')), 21);
    // Removing a goal forgets it.
    await page.click('.goals-table tbody tr:last-child .icon-button');
    await page.waitForFunction(() => document.querySelector('roilens-dashboard').shadowRoot
      .querySelectorAll('.goals-table tbody tr').length === 1);
    await idle();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('roilens.steering.v1')));
    assert.deepEqual(saved.goals, [{ kpi: 'leads', dimensions: {}, period: '2025-02', target: 30 }]);
    // Back to the files of this suite.
    await dropFiles(page, [{ name: 'ga4-landing-pages-ab.csv', bytes: readFileSync(AB_FIXTURE) }]);
    await page.waitForFunction(cardsDone, sampleFiles().length + 1, { timeout: 60000 });
  });

  test('the cadence from 2025-01-06 lists the seed-000 periods and a click selects one', async () => {
    const { page } = browser;
    await page.fill('input[name="cadence-start"]', '2025-01-06');
    await page.dispatchEvent('input[name="cadence-start"]', 'change');
    await page.waitForSelector('.cadence-period');
    await idle();
    const shown = await page.$$eval('.cadence-period', (nodes) => nodes.map((n) => ({ start: n.dataset.start, end: n.dataset.end })));
    // By hand: weeks 01-06..01-12, 01-13..01-19, 01-20..01-26, 01-27..02-02, then 02-03..02-05 (cut at
    // 02-06, one month after the start); two-week periods 02-06..02-19, 02-20..03-05, 03-06..03-19.
    const expected = handCadence('2025-01-06', 8);
    assert.deepEqual(expected.slice(0, 6).map((p) => `${p.start}..${p.end}`), ['2025-01-06..2025-01-12',
      '2025-01-13..2025-01-19', '2025-01-20..2025-01-26', '2025-01-27..2025-02-02', '2025-02-03..2025-02-05',
      '2025-02-06..2025-02-19']);
    assert.deepEqual(shown.slice(0, 8), expected);
    // Clicking the first two-week period makes it the report's one period.
    await page.click('.cadence-period[data-start="2025-02-06"]');
    const label = '2025-02-06..2025-02-19';
    await page.waitForSelector(`#tiles [data-kpi="leads"][data-period="${label}"]`);
    await idle();
    assert.equal(await page.inputValue('#period-select'), label);
    assert.equal(Number(await one(page, 'leads', label)), leadsBetween('2025-02-06', '2025-02-19'));
    // "Report by these periods": the period table is cut by the cadence.
    await page.check('input[name="by-cadence"]');
    await page.waitForSelector('#period-table [data-kpi="leads"][data-period="2025-01-06..2025-01-12"]');
    await idle();
    assert.equal(Number(await one(page, 'leads', '2025-01-13..2025-01-19')), leadsBetween('2025-01-13', '2025-01-19'));
    await page.uncheck('input[name="by-cadence"]');
    await page.waitForSelector('#period-table [data-kpi="leads"][data-period="2025-02"]');
    await idle();
  });

  test('an A/B comparison shows the p-value of an independent two-proportion z-test', async () => {
    const { page } = browser;
    await page.selectOption('select[name="ab-dimension"]', 'landing_page');
    await idle();
    await page.selectOption('select[name="ab-kpi"]', 'mobile_landing_page_conversion_rate');
    await idle();
    await page.selectOption('select[name="ab-a"]', '/lp-a');
    await page.selectOption('select[name="ab-b"]', '/lp-b');
    await page.click('.ab-form button[type="submit"]');
    await page.waitForSelector('[data-kpi="ab_p_value"]');
    await idle();
    const read = async (kpi, dimension) => Number(await page.$eval(
      `.ab-result [data-kpi="${kpi}"][data-dimension="${dimension}"]`, (n) => n.dataset.value));
    const counts = {};
    for (const v of ['/lp-a', '/lp-b']) {
      counts[v] = { x: await read('ab_conversions', `landing_page=${v}`), n: await read('ab_trials', `landing_page=${v}`) };
    }
    // The fixture by hand (mobile rows): /lp-a 6 + 4 = 10 key events in 120 + 80 = 200 sessions;
    // /lp-b 14 + 9 = 23 in 118 + 82 = 200.
    assert.deepEqual(counts, { '/lp-a': { x: 10, n: 200 }, '/lp-b': { x: 23, n: 200 } });
    const p = twoProportionP(counts['/lp-a'].x, counts['/lp-a'].n, counts['/lp-b'].x, counts['/lp-b'].n);
    const shownP = Number(await page.$eval('[data-kpi="ab_p_value"]', (n) => n.dataset.value));
    assert.ok(Math.abs(shownP - p) < 1e-6, `p-value shown ${shownP}, independent ${p}`);
    // 95 % Wald interval of 0.115 − 0.05: ± 1.959964 × √(0.05·0.95/200 + 0.115·0.885/200).
    const half = 1.959964 * Math.sqrt((0.05 * 0.95) / 200 + (0.115 * 0.885) / 200);
    const low = Number(await page.$eval('[data-kpi="ab_ci_low"]', (n) => n.dataset.value));
    const high = Number(await page.$eval('[data-kpi="ab_ci_high"]', (n) => n.dataset.value));
    assert.ok(Math.abs(low - (0.065 - half)) < 1e-5 && Math.abs(high - (0.065 + half)) < 1e-5, `${low} … ${high}`);
    const bayes = Number(await page.$eval('[data-kpi="ab_probability_b_beats_a"]', (n) => n.dataset.value));
    assert.ok(bayes > 0.5 && bayes < 1);
    // p < 0.05: the verdict says significant, in English then in French.
    assert.equal(await page.getAttribute('.verdict', 'data-significant'), 'true');
    assert.match(await page.textContent('.verdict'), /Significant at 95 %.*\/lp-b/);
    await page.click('#lang-toggle');
    assert.match(await page.textContent('.verdict'), /Significatif à 95 %/);
    await page.locator('#steering').screenshot({ path: '/tmp/roilens-e2e-steering-fr.png' });
    await page.click('#lang-toggle');
  });

  test('tiles show the change vs a year before, n/a without data a year earlier', async () => {
    const { page } = browser;
    // The samples start in January 2025: no 2024 data, so no year-before change anywhere.
    const badges = await page.$$eval('#tiles [data-kpi="trend_year_before"]', (nodes) => nodes.map((n) => ({
      kpi: n.dataset.trendKpi, value: n.dataset.value, text: n.textContent })));
    assert.ok(badges.some((b) => b.kpi === 'leads'), 'no year-before badge on the leads tile');
    for (const b of badges) {
      assert.equal(b.value, '');
      assert.match(b.text, /n\/a/);
    }
  });

  test('the year-before change is the hand-computed one when a year earlier has data', async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    await dropFiles(page, [{ name: 'ga4-two-februaries.csv', bytes: readFileSync(TWO_FEBRUARIES) }]);
    await page.waitForSelector('#tiles [data-kpi="trend_year_before"][data-trend-kpi="visitors"][data-period="2025-02"]',
      { timeout: 60000 });
    await idle();
    // Visitors (Total users): February 2025 = 50 + 10 = 60; February 2024 = 40 + 8 = 48;
    // change (60 − 48) / 48 × 100 = 25 %.
    assert.equal(Number(await one(page, 'visitors', '2025-02')), 60);
    const badge = await page.$eval('#tiles [data-kpi="trend_year_before"][data-trend-kpi="visitors"]',
      (n) => ({ value: n.dataset.value, text: n.textContent, cls: n.className }));
    assert.ok(Math.abs(Number(badge.value) - ((60 - 48) / 48) * 100) < 1e-9, `shown ${badge.value}`);
    assert.match(badge.text, /▲ 25 %/);
    assert.match(badge.cls, /\bgood\b/); // more visitors is good (catalogue polarity)
    // Back to this suite's files.
    await page.goto(server.url);
    await dropFiles(page, sampleFiles());
    await waitForDashboard(page);
  });

  test('a KPI trace lists the files that fed it', async () => {
    const { page } = browser;
    const item = page.locator('.kpi-item[data-entry="leads"]');
    await item.locator('details.trace summary').click();
    const inputs = await item.locator('dd.inputs li').allTextContents();
    assert.deepEqual(inputs, [CONTACTS]);
  });

  test('a dateless export gets the period it covers and its rows are kept (0 → 2)', async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    await dropFiles(page, [{ name: 'google_ads_all_time.csv', bytes: readFileSync(ALL_TIME) }]);
    await page.waitForFunction(cardsDone, 1, { timeout: 60000 });
    const kept = async () => Number(await page.$eval('.file-card .rows-part.kept strong', (n) => n.textContent));
    // 2 campaigns (Brand, Generic), "All time" names no date: both rejected, nothing kept.
    assert.equal(await kept(), 0);
    await page.fill('.period-covered input[name="period-from"]', '2025-01-01');
    await page.fill('.period-covered input[name="period-to"]', '2025-03-31');
    await page.click('.period-covered button');
    await page.waitForFunction(() => document.querySelector('roilens-dashboard').shadowRoot
      .querySelector('.file-card .rows-part.kept strong')?.textContent === '2', null, { timeout: 60000 });
    await page.waitForFunction(cardsDone, 1, { timeout: 60000 });
    assert.equal(await kept(), 2);
    assert.match(await page.textContent('.file-card .facts'), /2025-01-01 → 2025-03-31/);
    // Remembered like a mapping: the same export dropped again is read with that period.
    await page.goto(server.url);
    await dropFiles(page, [{ name: 'google_ads_all_time.csv', bytes: readFileSync(ALL_TIME) }]);
    await page.waitForFunction(cardsDone, 1, { timeout: 60000 });
    assert.equal(await kept(), 2);
    assert.equal(await page.inputValue('.period-covered input[name="period-from"]'), '2025-01-01');
  });

  test('no request left 127.0.0.1 and no error was logged', () => {
    assert.deepEqual(foreignRequests(browser.requests), []);
    assert.deepEqual(browser.consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  });
});
