// End-to-end: the page in headless Chromium, fed the committed sample set, read through the
// data-kpi attributes and compared with the hand counts of web/samples/EXPECTED.md.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertHandCounts, dropFiles, EXPECTED, QUARTER, SAMPLE_FILES, sampleFiles } from './hand-counts.mjs';
import { cardsDone, dashboardIdle, foreignRequests, kpiValues, openBrowser, SAMPLES, USING_STUB,
  waitForDashboard } from './harness.mjs';

describe('the page', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the sample button shows the hand-counted funnel KPIs per month and channel', async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    // The engine works in a Worker: the page's own timer keeps ticking while files are read.
    await page.evaluate(() => {
      window.__longestGap = 0;
      let last = performance.now();
      window.__ticker = setInterval(() => {
        const now = performance.now();
        window.__longestGap = Math.max(window.__longestGap, now - last);
        last = now;
      }, 20);
    });
    await page.click('#sample-button');
    await waitForDashboard(page);
    const longestGap = await page.evaluate(() => {
      clearInterval(window.__ticker);
      return window.__longestGap;
    });
    assert.ok(longestGap < 1000, `the page froze for ${Math.round(longestGap)} ms`);
    await assertHandCounts(page);
    // The funnel of the selected period (March by default) shows the same counts.
    const funnelLeads = await page.$eval('#funnel [data-kpi="leads"]', (n) => n.dataset);
    assert.deepEqual({ ...funnelLeads }, { kpi: 'leads', value: '19', period: '2025-03', dimension: '' });
    // Every sample file got a card, none in error.
    assert.equal(await page.locator('.file-card').count(), SAMPLE_FILES.length);
    assert.equal(await page.locator('.file-card.error').count(), 0);
    await page.screenshot({ path: '/tmp/roilens-e2e-samples.png', fullPage: true });
  });

  test('missing inputs say which file they need, never 0', async () => {
    const { page } = browser;
    const needs = await page.$$eval('.kpi-value.needs', (nodes) => nodes.map((n) => ({
      value: n.dataset.value, text: n.textContent.trim(), kpi: n.dataset.kpi })));
    // The samples have no activity export, so at least one KPI must ask for one.
    assert.ok(needs.length > 0, 'no KPI says what it needs');
    for (const n of needs) {
      assert.equal(n.value, '', `${n.kpi} carries a value`);
      assert.ok(n.text.length > 5 && n.text !== '0', `${n.kpi} shows "${n.text}"`);
    }
  });

  test('attribution credits the hand-summed won deals to each channel', { skip: USING_STUB }, async () => {
    const { page } = browser;
    // web/samples/EXPECTED.md: won deals joined to their contact's Original Source.
    const byChannel = {
      Email: 8917.52 + 8146.37 + 1654.73 + 10397.84 + 4380.49, // 33496.95
      'Organic Social': 10139.17 + 11285.42 + 5039.52, // 26464.11
      'Organic Search': 11470.02 + 8409.49, // 19879.51
      Referral: 10951.77,
      'Paid Search': 7210.33,
    };
    const total = Object.values(byChannel).reduce((a, b) => a + b, 0); // 98002.67
    const shown = await page.$$eval('#attribution [data-kpi="attributed_revenue"]', (nodes) => nodes.map((n) => {
      const dims = Object.fromEntries(n.dataset.dimension.split(';').map((kv) => kv.split('=')));
      return { channel: dims.channel, model: dims.model, value: n.dataset.value === '' ? null : Number(n.dataset.value) };
    }));
    const models = [...new Set(shown.map((s) => s.model))];
    assert.ok(models.includes('first_touch') && models.includes('linear'), `models shown: ${models}`);
    for (const model of models) {
      const sum = shown.filter((s) => s.model === model).reduce((a, s) => a + (s.value ?? 0), 0);
      assert.ok(Math.abs(sum - total) < 1e-6, `${model} credits ${sum}, won deals total ${total}`);
    }
    // One touch per journey: first touch, last touch and linear agree with the per-channel sums.
    for (const model of ['first_touch', 'last_touch', 'linear']) {
      for (const [channel, value] of Object.entries(byChannel)) {
        const cell = shown.find((s) => s.model === model && s.channel === channel);
        assert.ok(cell && Math.abs(cell.value - value) < 1e-6, `${model} ${channel}: ${cell?.value} vs ${value}`);
      }
    }
    // Each model's definition is shown in the page's language only, as the engine words it.
    const definitions = await page.$$eval('.definitions dd', (nodes) => nodes.map((n) => n.textContent));
    const engineModels = await page.evaluate(() => document.querySelector('roilens-dashboard').report.attribution.models);
    assert.deepEqual(definitions, engineModels.map((m) => m.definition.en));
    assert.ok(engineModels.every((m) => m.definition.en !== m.definition.fr));
    assert.ok(await page.locator('#attribution svg rect').count() > 0);
  });

  test('tile arrows follow each KPI polarity (a lower CAC is good)', { skip: USING_STUB }, async () => {
    const { page } = browser;
    const tiles = await page.$$eval('#tiles .tile', (nodes) => nodes.map((n) => ({
      kpi: n.querySelector('[data-kpi]')?.dataset.kpi,
      change: n.querySelector('.change')?.className ?? '' })));
    const check = async (kpi, upIsGood) => {
      const [now] = await kpiValues(page, kpi, '2025-03');
      const [before] = await kpiValues(page, kpi, '2025-02');
      const tile = tiles.find((x) => x.kpi === kpi);
      if (!tile || now === '' || before === '' || Number(now) === Number(before)) return;
      const expected = (Number(now) > Number(before)) === upIsGood ? 'good' : 'bad';
      assert.match(tile.change, new RegExp(`\\b${expected}\\b`), `${kpi}: ${before} → ${now}`);
    };
    await check('leads', true); // 21 → 19 leads (EXPECTED.md): down, bad
    await check('cac', false);
    await check('visitors', true); // 2491 → 2759: up, good
  });

  test('the period bar re-cuts the periods', { skip: USING_STUB }, async () => {
    const { page } = browser;
    const waitIdle = () => page.waitForFunction(dashboardIdle);
    // Quarter: 52 leads and 27 MQLs in 2025-Q1 (hand-counts.mjs).
    await page.selectOption('#grain', 'quarter');
    await page.waitForSelector(`[data-kpi="leads"][data-period="${QUARTER.period}"]`);
    await waitIdle();
    assert.deepEqual([...new Set(await kpiValues(page, 'leads', QUARTER.period))], [String(QUARTER.leads)]);
    assert.deepEqual([...new Set(await kpiValues(page, 'mqls', QUARTER.period))], [String(QUARTER.mqls)]);
    // Custom range on February only: 21 leads, 2491 visitors.
    await page.selectOption('#grain', 'month');
    await page.fill('#from', '2025-02-01');
    await page.fill('#to', '2025-02-28');
    await page.dispatchEvent('#to', 'change');
    await page.waitForFunction(() => document.querySelector('roilens-dashboard').shadowRoot
      .querySelectorAll('#period-select option').length === 1);
    await waitIdle();
    const period = await page.inputValue('#period-select');
    assert.deepEqual([...new Set(await kpiValues(page, 'leads', period))], ['21']);
    assert.deepEqual([...new Set(await kpiValues(page, 'visitors', period))], ['2491']);
    // Back to the default view for the following tests.
    await page.fill('#from', '');
    await page.fill('#to', '');
    await page.dispatchEvent('#to', 'change');
    await page.waitForSelector('[data-kpi="leads"][data-period="2025-01"]');
    await waitIdle();
  });

  test('the report downloads as JSON with the same numbers', async () => {
    const { page } = browser;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-button')]);
    assert.equal(download.suggestedFilename(), 'roilens-report.json');
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const leads = saved.total.values.find((v) => v.kpi === 'leads' && v.period === '2025-02' &&
      Object.keys(v.dimensions).length === 0);
    assert.equal(leads.value, 21); // EXPECTED.md: 21 leads in February 2025
    assert.equal(saved.files.length, SAMPLE_FILES.length);
  });

  test('the French toggle translates labels and keeps the numbers', async () => {
    const { page } = browser;
    const before = await kpiValues(page, 'leads', '2025-02', 'channel=Email');
    await page.click('#lang-toggle');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal((await page.textContent('#sample-button')).trim(), 'Essayer avec des données d’exemple');
    assert.equal((await page.textContent('[data-i18n="funnelTitle"]')).trim(), 'Entonnoir');
    assert.deepEqual(await kpiValues(page, 'leads', '2025-02', 'channel=Email'), before);
    await page.screenshot({ path: '/tmp/roilens-e2e-fr.png' });
    await page.click('#lang-toggle');
    assert.equal((await page.textContent('#sample-button')).trim(), 'Try with sample data');
  });

  test('dropped files give the same hand-counted numbers', async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    await dropFiles(page, sampleFiles());
    await waitForDashboard(page);
    await assertHandCounts(page);
  });

  test('the file picker and the folder picker read the samples too', { skip: USING_STUB }, async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    await page.setInputFiles('#file-input', SAMPLE_FILES.map((name) => join(SAMPLES, name)));
    await waitForDashboard(page);
    await assertHandCounts(page, EXPECTED.filter((s) => s.period === '2025-02'));
    // The whole folder also holds manifest.json and EXPECTED.md: they get their own (not
    // recognised) cards and change no number.
    await page.goto(server.url);
    await page.setInputFiles('#folder-input', SAMPLES);
    await waitForDashboard(page);
    assert.equal(await page.locator('.file-card').count(), SAMPLE_FILES.length + 2);
    await assertHandCounts(page, EXPECTED.filter((s) => s.period === '2025-03'));
  });

  test('a hostile file name and cell are shown as text, never run', async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const csv = `"Record ID","${hostile.replaceAll('"', '""')}","Create Date"\n"1","${hostile.replaceAll('"', '""')}","2025-02-03 10:00"\n`;
    await dropFiles(page, [{ name: `${hostile}.csv`, bytes: Buffer.from(csv) }]);
    await page.waitForSelector('.file-card:not(.loading)', { timeout: 60000 });
    await page.waitForFunction(dashboardIdle);
    assert.equal(await page.locator('.file-name').first().textContent(), `${hostile}.csv`);
    // Open the mapping panel: the hostile header is listed as a column name, as text.
    await page.click('.file-card .card-actions .link-button');
    await page.waitForSelector('.mapping-panel');
    const headers = await page.$$eval('.map-header', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(headers.includes(hostile), `headers shown: ${headers}`);
    assert.equal(await page.locator('#files img, .mapping-panel img').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  });

  test('a bad file shows a clear error and the page keeps working', async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 197 + 13) % 256));
    await dropFiles(page, [{ name: 'garbage.bin', bytes: garbage }, { name: 'empty.csv', bytes: Buffer.alloc(0) }]);
    await page.waitForFunction(cardsDone, 2, { timeout: 60000 });
    // Each bad file is flagged (an error, or "not recognised" with its rows rejected), in words.
    for (const name of ['garbage.bin', 'empty.csv']) {
      const card = page.locator('.file-card', { has: page.locator('.file-name', { hasText: name }) });
      const cls = await card.getAttribute('class');
      assert.ok(/\b(error|warn)\b/.test(cls), `${name} card is ${cls}`);
      const text = (await card.textContent()).trim();
      assert.ok(text.length > name.length + 10, `${name} card explains nothing: ${text}`);
    }
    // Still usable: the samples load and compute next to the bad files.
    await page.click('#sample-button');
    await waitForDashboard(page);
    await assertHandCounts(page, EXPECTED.filter((s) => s.dimension === ''));
  });

  test('a manual mapping re-reads the file and is remembered for the same header', async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    await page.evaluate(() => localStorage.clear());
    const csv = 'Jour;Canal;Visiteurs uniques\n2025-02-03;Organic Search;12\n2025-02-04;Email;3\n';
    await dropFiles(page, [{ name: 'export-maison.csv', bytes: Buffer.from(csv) }]);
    await page.waitForFunction(cardsDone, 1, { timeout: 60000 });
    await page.click('.file-card .card-actions .link-button');
    await page.selectOption('.mapping-panel select[name="tool"]', 'generic');
    await page.selectOption('.mapping-panel select[data-header="Jour"]', 'date');
    await page.selectOption('.mapping-panel select[data-header="Canal"]', 'channel');
    await page.selectOption('.mapping-panel select[data-header="Visiteurs uniques"]', 'users');
    await page.click('.mapping-panel .button');
    await page.waitForSelector('.mapping-panel', { state: 'detached', timeout: 60000 });
    await page.waitForFunction(cardsDone, 1, { timeout: 60000 });
    const remembered = await page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('roilens.mapping.v1:'))
      .map((k) => JSON.parse(localStorage.getItem(k))));
    // One entry per way of reading the header (the page's quick look and the engine's).
    assert.ok(remembered.length >= 1 && remembered.length <= 2, `remembered: ${JSON.stringify(remembered)}`);
    for (const mapping of remembered) {
      assert.deepEqual(mapping, { tool: 'generic',
        columns: { Jour: 'date', Canal: 'channel', 'Visiteurs uniques': 'users' } });
    }
    // A new visit: the same header gets the remembered mapping without asking.
    await page.reload();
    await dropFiles(page, [{ name: 'export-maison-mars.csv', bytes: Buffer.from(csv.replaceAll('2025-02', '2025-03')) }]);
    await page.waitForFunction(cardsDone, 1, { timeout: 60000 });
    await page.click('.file-card .card-actions .link-button');
    assert.equal(await page.inputValue('.mapping-panel select[name="tool"]'), 'generic');
    assert.equal(await page.inputValue('.mapping-panel select[data-header="Canal"]'), 'channel');
    await page.evaluate(() => localStorage.clear());
  });

  test('a large file is read in chunks with progress, and the page stays responsive', { skip: USING_STUB }, async () => {
    const { page, server } = browser;
    await page.goto(server.url);
    const rowsPerDay = 90;
    await page.evaluate((perDay) => {
      const preamble = ['# ----------------------------------------',
        '# Traffic acquisition: Session primary channel group (Default Channel Group)',
        '# Account: A', '# Property: P', '# ----------------------------------------', '# ',
        '# All Users', '# Start date: 20200101', '# End date: 20241231',
        'Date,Session primary channel group (Default Channel Group),Sessions,Engaged sessions,' +
        'Total users,New users,Key events,Total revenue'].join('\n') + '\n';
      const channels = ['Organic Search', 'Paid Search', 'Email', 'Direct', 'Referral', 'Organic Social'];
      const parts = [preamble];
      for (let d = 0; d < 1827; d += 1) {
        const day = new Date(Date.UTC(2020, 0, 1) + d * 86400000).toISOString().slice(0, 10).replaceAll('-', '');
        for (let r = 0; r < perDay; r += 1) parts.push(`${day},${channels[r % 6]},${10 + r},${5 + r},${8 + r},${4 + r},1,0\n`);
      }
      const file = new File(parts, 'big-ga4.csv');
      const root = document.querySelector('roilens-dashboard').shadowRoot;
      window.__widths = new Set();
      window.__longestGap = 0;
      let last = performance.now();
      window.__ticker = setInterval(() => {
        const now = performance.now();
        window.__longestGap = Math.max(window.__longestGap, now - last);
        last = now;
        const bar = root.querySelector('#progress:not([hidden]) .progress-bar');
        if (bar?.style.width) window.__widths.add(bar.style.width);
      }, 10);
      const transfer = new DataTransfer();
      transfer.items.add(file);
      root.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer,
        bubbles: true, cancelable: true }));
    }, rowsPerDay);
    await page.waitForFunction(cardsDone, 1, { timeout: 120000 });
    const { gap, widths, size } = await page.evaluate(() => {
      clearInterval(window.__ticker);
      const root = document.querySelector('roilens-dashboard').shadowRoot;
      return { gap: window.__longestGap, widths: [...window.__widths],
        size: root.querySelector('.file-size').textContent };
    });
    // 2020-01-01 … 2024-12-31 = 366 + 365 + 365 + 365 + 366 = 1827 days × 90 rows = 164,430 data
    // rows; the 9 "#" preamble lines are skipped (the header line is not a row).
    const rows = await page.$eval('.file-card .rows', (n) => n.textContent.replace(/[\s,\u202f\u00a0]/g, ''));
    assert.match(rows, /164439read=164430kept\+0rejected\+9skipped/);
    assert.ok(/MiB/.test(size), `size ${size}`);
    assert.ok(widths.length >= 2, `progress widths seen: ${widths}`); // several 1 MiB chunks
    assert.ok(gap < 1000, `the page froze for ${Math.round(gap)} ms`);
  });

  test('no request ever left 127.0.0.1', () => {
    assert.ok(browser.requests.length > 0, 'no request was recorded');
    assert.deepEqual(foreignRequests(browser.requests), []);
    assert.deepEqual(browser.consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  });
});

// Keep the sample list and the folder in step: every committed CSV is in the manifest.
test('the manifest lists every sample file', () => {
  const csv = readdirSync(SAMPLES).filter((f) => f.endsWith('.csv')).sort();
  assert.deepEqual([...SAMPLE_FILES].sort(), csv);
});

test('without the engine the page says how to build it and stays usable', async () => {
  const browser = await openBrowser({ engine: 'missing' });
  try {
    const { page, server } = browser;
    await page.goto(server.url);
    await page.waitForSelector('.error-item', { timeout: 60000 });
    assert.match(await page.textContent('.error-item'), /npm run build:wasm/);
    // The page still reacts: the language switch works and a file still gets a card.
    await page.click('#lang-toggle');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await dropFiles(page, [{ name: 'contacts.csv', bytes: Buffer.from('"Record ID"\n"1"\n') }]);
    await page.waitForSelector('.file-card.error', { timeout: 60000 });
    assert.match(await page.textContent('.file-card.error'), /npm run build:wasm/);
    assert.deepEqual(foreignRequests(browser.requests), []);
  } finally {
    await browser.close();
  }
});
