// End-to-end (issue 12, item 5): hostile text in every place a file can put it — file names,
// headers, cells, channel and campaign names, the engine's error messages — shows as text, runs
// no script and creates no element; the page's Content Security Policy stays strict, nothing
// breaks it, and no request leaves 127.0.0.1.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dropFiles } from './hand-counts.mjs';
import { cardsDone, dashboardIdle, foreignRequests, openBrowser, REPO, USING_STUB, WEB } from './harness.mjs';

// Each payload, if it ever ran, would set window.__xss to its own number or open a dialog.
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  '<details open ontoggle="window.__xss=4">',
  '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  '<a href="javascript:window.__xss=6">link</a>',
  '<b onmouseover="alert(7)">bold</b>',
  '{{constructor.constructor(\'window.__xss=8\')()}}',
];
const csvCell = (text) => `"${text.replaceAll('"', '""')}"`;

// GA4 traffic whose channel names are payloads (a channel the taxonomy does not know is kept as written).
function ga4WithHostileChannels() {
  const rows = PAYLOADS.slice(0, 4).map((p, i) => `2025020${i + 3},${csvCell(p)},10,5,8,4,1,0`);
  return ['# Traffic acquisition: Session primary channel group (Default Channel Group)',
    '# Start date: 20250201', '# End date: 20250228',
    'Date,Session primary channel group (Default Channel Group),Sessions,Engaged sessions,Total users,New users,Key events,Total revenue',
    ...rows, '20250210,Organic Search,10,5,8,4,1,0'].join('\n') + '\n';
}

// HubSpot contacts: a hostile header, hostile names, campaigns (drill-down) and a hostile date,
// whose rejection message quotes the value.
function contactsWithHostileCells() {
  const header = ['Record ID', 'First Name', PAYLOADS[2], 'Create Date', 'Lifecycle Stage', 'Original Source',
    'Original Source Drill-Down 1', 'Became a Lead Date'].map(csvCell).join(',');
  const rows = PAYLOADS.map((p, i) => [String(100 + i), p, 'x', '2025-02-03 10:00', 'Lead', 'Paid search', p,
    i === 0 ? PAYLOADS[4] : '2025-02-03 10:00'].map(csvCell).join(','));
  return [header, ...rows].join('\n') + '\n';
}

// Elements a payload would create, and attributes that would run code, in the document and the
// element's shadow root (the page's own one module script excepted).
function dangerous() {
  const root = document.querySelector('roilens-dashboard').shadowRoot;
  const nodes = [...document.querySelectorAll('*'), ...root.querySelectorAll('*')];
  return nodes.filter((n) => {
    const tag = n.tagName.toLowerCase();
    if (tag === 'script' && n.parentNode === document.head && n.getAttribute('src') === 'app.js') return false;
    return ['img', 'script', 'iframe', 'object', 'embed', 'b', 'foreignobject'].includes(tag) ||
      (tag === 'a' && /^\s*javascript:/i.test(n.getAttribute('href') ?? '')) ||
      [...n.attributes].some((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value));
  }).map((n) => n.outerHTML.slice(0, 120));
}

describe('hostile text in files', () => {
  let browser;
  let page;
  before(async () => {
    browser = await openBrowser();
    page = browser.page;
    // Installed before the page's own scripts: any dialog or CSP violation is recorded.
    await browser.context.addInitScript(() => {
      window.__dialogs = [];
      window.__violations = [];
      for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...args) => window.__dialogs.push([name, ...args]);
      document.addEventListener('securitypolicyviolation', (event) =>
        window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`), true);
    });
    page.on('dialog', (dialog) => dialog.dismiss());
    await page.goto(browser.server.url);
  });
  after(async () => {
    await browser?.close();
  });

  // On a page of its own, so what it plants never counts against the real run.
  test('the checks see what they look for (an element planted by the test, a blocked inline style)', async () => {
    const probe = await browser.context.newPage();
    try {
      await probe.goto(browser.server.url);
      await probe.waitForSelector('#dropzone');
      const planted = await probe.evaluate(() => {
        const bold = document.createElement('b');
        document.querySelector('roilens-dashboard').shadowRoot.append(bold);
        return bold.outerHTML;
      });
      assert.deepEqual(await probe.evaluate(dangerous), [planted]);
      await probe.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'body { color: red }';
        document.head.append(style);
      });
      await probe.waitForFunction(() => window.__violations.length > 0);
      assert.match((await probe.evaluate(() => window.__violations))[0], /^style-src/);
    } finally {
      await probe.close();
    }
  });

  test('names, headers, cells, channels, campaigns and messages render as text and run nothing', async () => {
    const files = [
      { name: `${PAYLOADS[0]}.csv`, bytes: Buffer.from(ga4WithHostileChannels()) },
      { name: `${PAYLOADS[1]}.csv`, bytes: Buffer.from(contactsWithHostileCells()) },
      // Not a CSV at all: the engine's error message names the (hostile) file.
      { name: `${PAYLOADS[5]}.bin`, bytes: Buffer.from([0, 159, 146, 150, 0, 255, 254, 0, 1, 2]) },
    ];
    await dropFiles(page, files);
    await page.waitForFunction(cardsDone, files.length, { timeout: 60000 });
    await page.waitForSelector('#dashboard:not([hidden])');
    // Show every place a name can land: breakdowns, empty slices, rejections, the mapping panel.
    for (const by of ['channel', 'campaign']) {
      await page.selectOption('#breakdown', by);
      await page.waitForFunction(dashboardIdle, null, { timeout: 60000 });
      const toggle = page.locator('#channel-tables .empty-toggle input');
      if (await toggle.count()) await toggle.check();
      const text = await page.evaluate(() => document.querySelector('roilens-dashboard').shadowRoot.textContent);
      assert.ok(text.includes(by === 'channel' ? PAYLOADS[0] : PAYLOADS[6]), `${by} names are not shown as text`);
    }
    for (const summary of await page.locator('.rejections summary').all()) await summary.click();
    await page.locator('.file-card', { hasText: `${PAYLOADS[1]}.csv` }).locator('.card-actions .link-button').click();
    await page.waitForSelector('.mapping-panel');
    for (const details of await page.locator('#dashboard details').all()) {
      await details.evaluate((d) => { d.open = true; });
    }

    const shown = await page.evaluate(() => document.querySelector('roilens-dashboard').shadowRoot.textContent);
    for (const name of files.map((f) => f.name)) assert.ok(shown.includes(name), `file name not shown: ${name}`);
    assert.ok(shown.includes(PAYLOADS[2]), 'the hostile header is not listed as text');
    assert.ok(shown.includes(`'${PAYLOADS[4]}' is not a date`), 'the rejection message does not quote the value');
    assert.deepEqual(await page.evaluate(dangerous), []);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(await page.evaluate(() => window.__dialogs), []);
  });

  test('downloads and the print view keep them as text too', { skip: USING_STUB }, async () => {
    await page.selectOption('#breakdown', 'channel');
    await page.waitForFunction(dashboardIdle, null, { timeout: 60000 });
    const [file] = await Promise.all([page.waitForEvent('download'),
      page.locator('.download-bar[data-download="funnel-kpis-per-period-channel"] .download-button', { hasText: 'CSV' }).click()]);
    const csv = readFileSync(await file.path(), 'utf8');
    assert.ok(csv.includes(PAYLOADS[0].replaceAll('"', '""')));
    const svgs = await page.$$eval('svg.chart', (nodes) => nodes.length);
    assert.ok(svgs > 0);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await page.evaluate(dangerous), []);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  test('nothing broke the Content Security Policy and no request left 127.0.0.1', async () => {
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(foreignRequests(browser.requests), []);
  });
});

// The policy as a map directive → sources.
function parsePolicy(text) {
  return new Map(text.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources];
  }));
}

// Strict: own files only (data: images for the PNG export), wasm compiled but no eval, no inline
// script or style, no other origin, no plugin, no <base>, no form posting anywhere.
function assertStrict(policyText, where) {
  const policy = parsePolicy(policyText);
  assert.deepEqual(policy.get('default-src'), ["'self'"], where);
  assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], where);
  assert.deepEqual(policy.get('style-src'), ["'self'"], where);
  assert.deepEqual(policy.get('base-uri'), ["'none'"], where);
  assert.deepEqual(policy.get('form-action'), ["'none'"], where);
  for (const [directive, sources] of policy) {
    for (const source of sources) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source) || (directive === 'img-src' && source === 'data:'),
        `${where}: ${directive} allows ${source}`);
    }
  }
  assert.doesNotMatch(policyText, /unsafe-inline|'unsafe-eval'|\*|https?:|wss?:|blob:/, where);
}

test('the CSP of the page, of the embedding example and of the server is strict', async () => {
  for (const page of ['index.html', 'embed-example.html']) {
    const html = readFileSync(join(WEB, page), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    assert.ok(meta, `${page} has no CSP meta`);
    assertStrict(meta, page);
    // Nothing inline that the policy would have to allow.
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${page} has an inline script`);
    assert.doesNotMatch(html, /\sstyle=|<style\b|\son[a-z]+=/i, `${page} has inline style or handlers`);
  }
  const fixture = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'embed-fixture.html'), 'utf8');
  assertStrict(/content="([^"]+)"/.exec(fixture.slice(fixture.indexOf('Content-Security-Policy')))[1], 'embed fixture');
  const browser = await openBrowser();
  try {
    const response = await browser.page.goto(browser.server.url);
    assertStrict(response.headers()['content-security-policy'], 'server header');
  } finally {
    await browser.close();
  }
});
