// End-to-end: <roilens-dashboard> embedded in a host site (web/embed-example.html), in headless
// Chromium. The same hand counts as the page (hand-counts.mjs), the events a host reacts to,
// the attributes, and the shadow root keeping the host's CSS out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertHandCounts, dropFiles, EXPECTED, QUARTER, SAMPLE_FILES, sampleFiles } from './hand-counts.mjs';
import { dashboardIdle, foreignRequests, kpiValues, openBrowser, USING_STUB, waitForDashboard } from './harness.mjs';

// --ink of web/style.css (#1f2933) and the host's `div { color: #8b1e1e }` (embed-example.css).
const INK = 'rgb(31, 41, 51)';
const HOST_DIV = 'rgb(139, 30, 30)';

// Computed styles of a few component nodes and of one host div, read in the page.
function styles() {
  const root = document.querySelector('roilens-dashboard').shadowRoot;
  const css = (node) => getComputedStyle(node);
  return {
    title: css(root.querySelector('.drop-title')).color,
    hint: css(root.querySelector('.drop-hint')).color,
    titleFont: css(root.querySelector('.drop-title')).fontFamily,
    button: css(root.getElementById('sample-button')).backgroundColor,
    hostDiv: css(document.querySelector('.site-layout')).color,
  };
}

describe('the web component in a host page', () => {
  let browser;
  before(async () => {
    browser = await openBrowser();
    await browser.page.goto(`${browser.server.url}embed-example.html`);
    await browser.page.waitForSelector('roilens-dashboard #dropzone');
  });
  after(async () => {
    await browser?.close();
  });

  test('renders inside the host layout, in an open shadow root', async () => {
    const { page } = browser;
    const layout = await page.evaluate(() => {
      const dashboard = document.querySelector('roilens-dashboard');
      const box = (node) => node.getBoundingClientRect().toJSON();
      return { inMain: dashboard.parentElement.classList.contains('site-main'),
        shadow: dashboard.shadowRoot !== null, lang: dashboard.getAttribute('lang'),
        element: box(dashboard), main: box(document.querySelector('.site-main')),
        aside: box(document.querySelector('.site-aside')),
        lightChildren: dashboard.children.length };
    });
    assert.ok(layout.inMain && layout.shadow, JSON.stringify(layout));
    assert.equal(layout.lightChildren, 0); // everything it shows is in its shadow root
    // Within the host's main column, right of the host's sidebar.
    assert.ok(layout.element.left >= layout.main.left && layout.element.right <= layout.main.right + 0.5);
    assert.ok(layout.element.left > layout.aside.right);
    assert.equal((await page.textContent('#sample-button')).trim(), 'Try with sample data');
    assert.equal(await page.textContent('#host-summary'), 'No report yet.');
  });

  test('host CSS does not leak in', async () => {
    const { page } = browser;
    const before = await page.evaluate(styles);
    assert.equal(before.hostDiv, HOST_DIV); // the host's rule is live on the host's own divs
    assert.equal(before.title, INK);
    assert.ok(!/Georgia/.test(before.titleFont), `inherited the host font: ${before.titleFont}`);
    // A harsher host sheet, added at run time: still nothing changes inside the component.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('div, p, span, button { color: red !important; background: lime !important; ' +
        'font-family: monospace !important } .drop-title, #sample-button { display: none !important }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const after = await page.evaluate(styles);
    assert.equal(after.hostDiv, 'rgb(255, 0, 0)');
    assert.deepEqual({ ...after, hostDiv: null }, { ...before, hostDiv: null });
    assert.ok(await page.isVisible('#sample-button'));
    await page.evaluate(() => { document.adoptedStyleSheets = []; });
  });

  test('dropped samples show the hand counts and the host hears roilens-file and roilens-report', async () => {
    const { page } = browser;
    await page.evaluate(() => {
      window.__events = { file: [], report: [] };
      // Listening on window: the events bubble out of the element.
      window.addEventListener('roilens-file', (event) => window.__events.file.push(event.detail));
      window.addEventListener('roilens-report', (event) => window.__events.report.push(event.detail));
    });
    await dropFiles(page, sampleFiles());
    await waitForDashboard(page);
    await assertHandCounts(page);
    const events = await page.evaluate(() => window.__events);
    // One roilens-file per sample, in drop order, each a recognised file report.
    assert.deepEqual(events.file.map((f) => f.file), SAMPLE_FILES);
    assert.ok(events.file.every((f) => !f.error && f.tool && f.tool !== 'unknown'));
    // roilens-report: the report JSON (the same document as the download).
    assert.ok(events.report.length >= 1);
    const report = events.report.at(-1);
    assert.equal(report.files.length, SAMPLE_FILES.length);
    const feb = EXPECTED.find((s) => s.period === '2025-02' && s.dimension === '');
    const leads = report.total.values.find((v) => v.kpi === 'leads' && v.period === '2025-02' &&
      Object.keys(v.dimensions).length === 0);
    assert.equal(leads.value, feb.leads); // 21
    assert.ok(report.by_channel && report.attribution && 'clv' in report);
    // The element's `report` property holds the same document.
    assert.deepEqual(await page.evaluate(() => document.querySelector('roilens-dashboard').report), report);
    // The host page reacted (embed-example.js): March, all channels, 19 leads (EXPECTED.md).
    const march = EXPECTED.find((s) => s.period === '2025-03' && s.dimension === '');
    assert.equal(await page.textContent('#host-summary'),
      `${SAMPLE_FILES.length} files · ${march.leads} leads in 2025-03`);
    assert.equal(await page.locator('#host-files li').count(), SAMPLE_FILES.length);
    await page.screenshot({ path: '/tmp/roilens-embed-example.png', fullPage: true });
  });

  test('the grain attribute re-cuts the periods', { skip: USING_STUB }, async () => {
    const { page } = browser;
    await page.evaluate(() => document.getElementById('dashboard').setAttribute('grain', 'quarter'));
    await page.waitForSelector(`[data-kpi="leads"][data-period="${QUARTER.period}"]`);
    await page.waitForFunction(dashboardIdle);
    assert.equal(await page.inputValue('#grain'), 'quarter');
    assert.deepEqual([...new Set(await kpiValues(page, 'leads', QUARTER.period))], [String(QUARTER.leads)]);
    assert.deepEqual([...new Set(await kpiValues(page, 'mqls', QUARTER.period))], [String(QUARTER.mqls)]);
  });

  test('the lang attribute switches the labels, and the toggle sets it', async () => {
    const { page } = browser;
    await page.evaluate(() => { document.querySelector('roilens-dashboard').lang = 'fr'; });
    assert.equal((await page.textContent('#sample-button')).trim(), 'Essayer avec des données d’exemple');
    assert.equal((await page.textContent('[data-i18n="funnelTitle"]')).trim(), 'Entonnoir');
    // The host document's own language is the host's business.
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // The toggle inside the element sets the attribute back.
    await page.click('#lang-toggle');
    assert.equal(await page.getAttribute('roilens-dashboard', 'lang'), 'en');
    assert.equal((await page.textContent('#sample-button')).trim(), 'Try with sample data');
  });

  test('a second element on the same page has its own state', async () => {
    const { page } = browser;
    const second = await page.evaluate(() => {
      const other = document.createElement('roilens-dashboard');
      other.setAttribute('lang', 'fr');
      document.querySelector('.site-aside').append(other);
      const root = other.shadowRoot;
      return { cards: root.querySelectorAll('.file-card').length,
        dashboardHidden: root.getElementById('dashboard').hidden,
        sampleHidden: root.getElementById('sample-button').hidden,
        title: root.querySelector('.drop-title').textContent };
    });
    // No samples attribute: no sample button; French; no file of the first element.
    assert.deepEqual(second, { cards: 0, dashboardHidden: true, sampleHidden: true,
      title: 'Déposez vos exports ici' });
    const firstCards = await page.evaluate(() =>
      document.getElementById('dashboard').shadowRoot.querySelectorAll('.file-card').length);
    assert.equal(firstCards, SAMPLE_FILES.length);
    await page.evaluate(() => document.querySelector('.site-aside roilens-dashboard').remove());
  });

  test('moving the element keeps its engine and files (nothing is read again)', async () => {
    const { page } = browser;
    const filesHeard = await page.evaluate(() => window.__events.file.length);
    const shown = () => page.$$eval('#dashboard [data-kpi="leads"]', (nodes) =>
      nodes.map((n) => `${n.dataset.period} ${n.dataset.dimension} ${n.dataset.value}`));
    const before = await shown();
    assert.ok(before.length > 0);
    await page.evaluate(() => {
      const dashboard = document.getElementById('dashboard');
      dashboard.parentElement.append(dashboard); // disconnected and connected again at once
    });
    await page.waitForTimeout(200);
    await page.waitForFunction(dashboardIdle);
    assert.equal(await page.evaluate(() => window.__events.file.length), filesHeard);
    assert.equal(await page.locator('#dashboard .file-card').count(), SAMPLE_FILES.length);
    assert.deepEqual(await shown(), before);
  });

  test('wasm-url tells where the engine is; a wrong one says so inside that element only', async () => {
    const { page } = browser;
    await page.evaluate(() => {
      const other = document.createElement('roilens-dashboard');
      other.id = 'misplaced';
      other.setAttribute('lang', 'en');
      other.setAttribute('wasm-url', 'no-such-dir/roilens.mjs');
      document.querySelector('.site-aside').append(other);
    });
    await page.waitForSelector('#misplaced .error-item', { timeout: 60000 });
    assert.match(await page.textContent('#misplaced .error-item'), /npm run build:wasm/);
    assert.equal(await page.locator('#dashboard .error-item').count(), 0);
    // Pointed at the real module (resolved against the host page), it reads a file.
    await page.evaluate(() => {
      const other = document.getElementById('misplaced');
      other.shadowRoot.querySelector('.error-item').remove();
      other.setAttribute('wasm-url', 'wasm/roilens.mjs');
      const csv = '"Record ID","Create Date"\n"1","2025-02-03 10:00"\n';
      return other.addFiles([new File([csv], 'contacts.csv')]);
    });
    const card = await page.getAttribute('#misplaced .file-card', 'class');
    assert.ok(!/\berror\b/.test(card), `card: ${card}`);
    assert.equal(await page.locator('#misplaced .error-item').count(), 0);
    await page.evaluate(() => document.getElementById('misplaced').remove());
  });

  test('no request ever left 127.0.0.1', () => {
    assert.ok(browser.requests.some((url) => url.endsWith('/components/roilens-dashboard.js')));
    assert.deepEqual(foreignRequests(browser.requests), []);
    assert.deepEqual(browser.consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  });
});
