// End-to-end: every attribute, event, property and styling hook of docs/embedding.md, on a host
// page made for it (fixtures/embed-fixture.html): a French element without samples in a 360 px
// column, and an element themed by the host (custom properties, ::part) that keeps its view in
// the URL hash. The hand counts are those of web/samples/EXPECTED.md (hand-counts.mjs).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXPECTED, QUARTER, SAMPLE_FILES, sampleFiles } from './hand-counts.mjs';
import { foreignRequests, openBrowser, REPO, USING_STUB } from './harness.mjs';

const FIXTURES = join(REPO, 'tests', 'e2e', 'fixtures');
const FILES = Object.fromEntries(['embed-fixture.html', 'embed-fixture.css', 'embed-fixture.js']
  .map((name) => [`/${name}`, join(FIXTURES, name)]));

// Values the host's stylesheet sets (fixtures/embed-fixture.css).
const HOST_ACCENT = 'rgb(123, 63, 160)';
const HOST_PANEL_BORDER = 'rgb(200, 160, 60)';
const HOST_TILE = 'rgb(255, 250, 240)';

function idle(id) {
  return !document.getElementById(id).hasAttribute('busy');
}

// Reads files into one element through its addFiles() method, as a host script would.
async function addFilesTo(page, id, files) {
  await page.evaluate(async ({ id, payload }) => {
    const list = payload.map(({ name, base64 }) => new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    await document.getElementById(id).addFiles(list);
  }, { id, payload: files.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') })) });
  await page.waitForFunction(idle, id, { timeout: 60000 });
}

// Elements inside one element's shadow root whose box leaves the element (scrolling wrappers
// excepted: a table may scroll inside its panel).
function overflowing(id) {
  const host = document.getElementById(id);
  const limit = host.getBoundingClientRect();
  const scrolls = (node) => /(auto|scroll|hidden)/.test(getComputedStyle(node).overflowX);
  const out = [];
  for (const node of host.shadowRoot.querySelectorAll('*')) {
    const box = node.getBoundingClientRect();
    if (!box.width || (box.right <= limit.right + 0.5 && box.left >= limit.left - 0.5)) continue;
    let parent = node.parentElement;
    while (parent && !scrolls(parent)) parent = parent.parentElement;
    if (!parent) out.push(`${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''}#${node.id}`);
  }
  return out;
}

describe('the embed fixture page', () => {
  let browser;
  let page;
  before(async () => {
    browser = await openBrowser({ extraFiles: FILES });
    page = browser.page;
    await page.goto(`${browser.server.url}embed-fixture.html`);
    await page.waitForSelector('#narrow #dropzone');
    await page.waitForSelector('#themed #dropzone');
  });
  after(async () => {
    await browser?.close();
  });

  test('without `samples` there is no sample button and no invitation to try samples', async () => {
    const narrow = page.locator('#narrow');
    // Hidden for real: the button's display:flex no longer beats its hidden attribute.
    assert.equal(await narrow.locator('#sample-button').isVisible(), false);
    assert.equal(await narrow.locator('#sample-button').evaluate((n) => getComputedStyle(n).display), 'none');
    const empty = (await narrow.locator('.empty').textContent()).trim();
    assert.equal(empty, 'Aucun fichier pour l’instant. Déposez des exports ci-dessus ou choisissez-les avec les boutons.');
    assert.doesNotMatch(empty, /exemple/);
    // The other element has samples: its button shows, and its empty state invites to try them.
    assert.equal(await page.locator('#themed #sample-button').isVisible(), true);
    assert.match(await page.locator('#themed .empty').textContent(), /sample data/);
  });

  test('`samples` set at run time shows the button; removed, hides it again', async () => {
    await page.evaluate(() => document.getElementById('narrow').setAttribute('samples', '/samples/manifest.json'));
    assert.equal(await page.locator('#narrow #sample-button').isVisible(), true);
    assert.match(await page.locator('#narrow .empty').textContent(), /données d’exemple/);
    await page.evaluate(() => document.getElementById('narrow').removeAttribute('samples'));
    assert.equal(await page.locator('#narrow #sample-button').isVisible(), false);
  });

  test('the host themes the element through custom properties and parts, nothing else', async () => {
    const styles = await page.evaluate(() => {
      const root = document.getElementById('themed').shadowRoot;
      const css = (node) => getComputedStyle(node);
      return { button: css(root.getElementById('sample-button')).backgroundColor,
        buttonText: css(root.getElementById('sample-button')).textTransform,
        files: css(root.getElementById('files-section')).borderTopColor,
        topbar: css(root.querySelector('.topbar')).backgroundColor,
        unthemed: css(document.getElementById('narrow').shadowRoot.getElementById('files-section')).borderTopColor };
    });
    // .button.secondary keeps the accent as its text colour; the sample button is styled through its part.
    assert.equal(styles.buttonText, 'uppercase');
    assert.equal(styles.files, HOST_PANEL_BORDER); // ::part(panel) applies to the files panel too
    assert.equal(styles.topbar, 'rgb(250, 245, 255)');
    assert.notEqual(styles.unthemed, HOST_PANEL_BORDER); // the rule names #themed only
    const accent = await page.evaluate(() => getComputedStyle(document.getElementById('themed').shadowRoot
      .querySelector('.button:not(.secondary):not(.accent)')).backgroundColor);
    assert.equal(accent, HOST_ACCENT);
  });

  test('a file read by addFiles() fires roilens-file and roilens-report, and `report` holds it', async () => {
    await page.evaluate(() => { window.__events = []; });
    await addFilesTo(page, 'themed', sampleFiles());
    await page.waitForSelector('#themed #dashboard:not([hidden]) [data-kpi="leads"]');
    const events = await page.evaluate(() => window.__events.map(({ type, target, detail }) => ({ type, target,
      file: detail.file, tool: detail.tool, kept: detail.rows?.kept, files: detail.files?.length,
      leadsFeb: detail.total?.values.find((v) => v.kpi === 'leads' && v.period === '2025-02' &&
        !Object.keys(v.dimensions).length)?.value, grain: detail.grain })));
    const files = events.filter((e) => e.type === 'roilens-file');
    assert.deepEqual(files.map((e) => e.file), SAMPLE_FILES);
    assert.ok(files.every((e) => e.target === 'themed' && e.tool && e.kept > 0));
    const reports = events.filter((e) => e.type === 'roilens-report');
    assert.ok(reports.length >= 1);
    const feb = EXPECTED.find((s) => s.period === '2025-02' && s.dimension === '');
    assert.equal(reports.at(-1).leadsFeb, feb.leads); // 21 (EXPECTED.md)
    assert.equal(reports.at(-1).files, SAMPLE_FILES.length);
    // roilens-view: the view after the computation (month grain, as the attribute says).
    assert.equal(events.filter((e) => e.type === 'roilens-view').at(-1)?.grain, 'month');
    const report = await page.evaluate(() => document.getElementById('themed').report);
    assert.equal(report.files.length, SAMPLE_FILES.length);
    assert.equal(await page.evaluate(() => document.getElementById('narrow').report), null);
  });

  test('a file the engine cannot read reaches the host in the one error shape', async () => {
    await page.evaluate(() => {
      window.__fileEvents = [];
      const probe = document.createElement('roilens-dashboard');
      probe.id = 'error-shape';
      probe.addEventListener('roilens-file', (event) => window.__fileEvents.push(event.detail));
      document.body.append(probe);
    });
    await addFilesTo(page, 'error-shape', [{ name: 'binary.csv', bytes: Uint8Array.from([1, 0, 2, 0, 3]) }]);
    const detail = await page.evaluate(() => window.__fileEvents.at(-1));
    await page.evaluate(() => document.getElementById('error-shape').remove());
    assert.equal(detail.file, 'binary.csv');
    assert.equal(detail.error.code, 'unreadable_file');
    assert.match(detail.error.message_en, /not a text file/);
    assert.match(detail.error.message_fr, /pas un fichier texte/);
    assert.equal(detail.error.messageEn, undefined);  // docs/errors.md: one shape, snake_case
  });

  test('parts reach the tiles and panels of the dashboard', async () => {
    const tile = await page.evaluate(() => getComputedStyle(document.getElementById('themed').shadowRoot
      .querySelector('.tile')).backgroundColor);
    assert.equal(tile, HOST_TILE);
    const panel = await page.evaluate(() => getComputedStyle(document.getElementById('themed').shadowRoot
      .getElementById('panel-funnel')).borderTopColor);
    assert.equal(panel, HOST_PANEL_BORDER);
    // The chart follows --accent: its main line is drawn in the host's colour.
    const line = await page.evaluate(() => getComputedStyle(document.getElementById('themed').shadowRoot
      .querySelector('#trend .line.series-0')).stroke);
    assert.equal(line, HOST_ACCENT);
  });

  test('url-state writes the view into the hash; `view` and roilens-view say the same', async () => {
    await page.selectOption('#themed #breakdown', 'source');
    await page.waitForFunction(idle, 'themed', { timeout: 60000 });
    await page.waitForFunction(() => location.hash.includes('by=source'));
    const view = await page.evaluate(() => document.getElementById('themed').view);
    assert.equal(view.breakdown, 'source');
    const heard = await page.evaluate(() => window.__events.filter((e) => e.type === 'roilens-view').at(-1).detail);
    assert.deepEqual(heard, view);
    // A hash typed by hand (a shared link) is applied: quarter grain, 52 leads in 2025-Q1.
    await page.evaluate(() => { location.hash = '#grain=quarter&by=channel'; });
    await page.waitForSelector(`#themed [data-kpi="leads"][data-period="${QUARTER.period}"]`, { timeout: 60000 });
    await page.waitForFunction(idle, 'themed', { timeout: 60000 });
    assert.equal(await page.inputValue('#themed #grain'), 'quarter');
    const leads = await page.$$eval(`#themed [data-kpi="leads"][data-period="${QUARTER.period}"][data-dimension=""]`,
      (nodes) => [...new Set(nodes.map((n) => n.dataset.value))]);
    assert.deepEqual(leads, [String(QUARTER.leads)]);
    // The element without url-state ignored the hash.
    assert.equal(await page.inputValue('#narrow #grain'), 'month');
  });

  test('`grain` and `lang` attributes', { skip: USING_STUB }, async () => {
    // Year: the samples cover January to March 2025 only, so 2025 holds Q1's 52 leads.
    await page.evaluate(() => document.getElementById('themed').setAttribute('grain', 'year'));
    await page.waitForSelector('#themed [data-kpi="leads"][data-period="2025"]', { timeout: 60000 });
    await page.waitForFunction(idle, 'themed', { timeout: 60000 });
    assert.equal(await page.inputValue('#themed #grain'), 'year');
    const leads = await page.$$eval('#themed [data-kpi="leads"][data-period="2025"][data-dimension=""]',
      (nodes) => [...new Set(nodes.map((n) => n.dataset.value))]);
    assert.deepEqual(leads, [String(QUARTER.leads)]);
    await page.evaluate(() => document.getElementById('themed').setAttribute('grain', 'month'));
    await page.waitForSelector('#themed [data-kpi="leads"][data-period="2025-02"]', { timeout: 60000 });
    await page.waitForFunction(idle, 'themed', { timeout: 60000 });
    assert.equal(await page.inputValue('#themed #grain'), 'month');
    await page.evaluate(() => { document.getElementById('themed').lang = 'fr'; });
    assert.equal((await page.locator('#themed [data-i18n="funnelTitle"]').textContent()).trim(), 'Entonnoir');
    await page.evaluate(() => { document.getElementById('themed').lang = 'en'; });
    assert.equal((await page.locator('#themed [data-i18n="funnelTitle"]').textContent()).trim(), 'Funnel');
  });

  test('`busy` is present while the element works, gone when it is done', async () => {
    const seen = await page.evaluate(async () => {
      const element = document.getElementById('narrow');
      const states = [];
      const observer = new MutationObserver(() => states.push(element.hasAttribute('busy')));
      observer.observe(element, { attributes: true, attributeFilter: ['busy'] });
      await element.addFiles([new File(['"Record ID","Create Date"\n"1","2025-02-03 10:00"\n'], 'one-contact.csv')]);
      observer.disconnect();
      return { states, now: element.hasAttribute('busy') };
    });
    assert.equal(seen.states[0], true);
    assert.equal(seen.now, false);
  });

  test('sized by the host: in a 360 px column nothing leaves the element, tiles sit two by two', async () => {
    await addFilesTo(page, 'narrow', sampleFiles());
    await page.waitForSelector('#narrow #dashboard:not([hidden]) [data-kpi="leads"]');
    const box = await page.evaluate(() => document.getElementById('narrow').getBoundingClientRect().toJSON());
    assert.equal(Math.round(box.width), 360);
    assert.deepEqual(await page.evaluate(overflowing, 'narrow'), []);
    // The container query, not the window (1280 px wide), decides the layout.
    const columns = await page.evaluate(() => getComputedStyle(document.getElementById('narrow').shadowRoot
      .getElementById('tiles')).gridTemplateColumns.split(' ').length);
    assert.equal(columns, 2);
    // The charts were drawn for the column, not for 1040 px scaled down.
    const chartWidth = await page.evaluate(() => Number(document.getElementById('narrow').shadowRoot
      .querySelector('#trend svg.chart').getAttribute('width')));
    assert.ok(chartWidth <= 340 && chartWidth >= 250, `trend chart drawn ${chartWidth} px wide`);
  });

  test('`worker-url` pointing nowhere fails inside that element only', async () => {
    await page.evaluate(() => {
      const other = document.createElement('roilens-dashboard');
      other.id = 'lost-worker';
      other.setAttribute('lang', 'en');
      other.setAttribute('worker-url', '/no-such-worker.js');
      document.querySelector('.host-column').append(other);
    });
    await page.waitForSelector('#lost-worker .error-item', { timeout: 60000 });
    assert.equal(await page.locator('#themed .error-item').count(), 0);
    assert.equal(await page.locator('#narrow .error-item').count(), 0);
    // Set back to the real worker, the element works.
    await page.evaluate(() => {
      const other = document.getElementById('lost-worker');
      other.shadowRoot.querySelector('.error-item').remove();
      other.setAttribute('worker-url', '/engine-worker.js');
    });
    await addFilesTo(page, 'lost-worker', [{ name: 'c.csv', bytes: Buffer.from('"Record ID","Create Date"\n"1","2025-02-03 10:00"\n') }]);
    assert.equal(await page.locator('#lost-worker .file-card.error').count(), 0);
    await page.evaluate(() => document.getElementById('lost-worker').remove());
  });

  test('`wasm-url`: a wrong one fails inside that element only; the right one (resolved against the host page) works', async () => {
    await page.evaluate(() => {
      const other = document.createElement('roilens-dashboard');
      other.id = 'lost-engine';
      other.setAttribute('lang', 'en');
      other.setAttribute('wasm-url', 'no-such-dir/roilens.mjs');
      document.querySelector('.host-column').append(other);
    });
    await page.waitForSelector('#lost-engine .error-item', { timeout: 60000 });
    assert.equal(await page.locator('#themed .error-item').count(), 0);
    await page.evaluate(() => {
      const other = document.getElementById('lost-engine');
      other.shadowRoot.querySelector('.error-item').remove();
      other.setAttribute('wasm-url', 'wasm/roilens.mjs');
    });
    await addFilesTo(page, 'lost-engine', [{ name: 'c.csv', bytes: Buffer.from('"Record ID","Create Date"\n"1","2025-02-03 10:00"\n') }]);
    assert.equal(await page.locator('#lost-engine .file-card.error').count(), 0);
    assert.equal(await page.locator('#lost-engine .error-item').count(), 0);
    await page.evaluate(() => document.getElementById('lost-engine').remove());
  });

  test('no request left 127.0.0.1 and nothing failed', () => {
    assert.deepEqual(foreignRequests(browser.requests), []);
    assert.deepEqual(browser.consoleErrors.filter((e) => !/Failed to load resource|no-such-worker|no-such-dir/.test(e)), []);
  });
});
