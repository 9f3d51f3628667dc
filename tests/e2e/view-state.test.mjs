// The view in the URL hash (web/ui/view-state.js), in Node: what a hash may say, what it may not
// (a shared link is untrusted input), and that a view survives the round trip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultView, parseViewHash, viewHash } from '../../web/ui/view-state.js';

const PANELS = ['tiles', 'trend', 'funnel', 'catalogue', 'clv'];

test('the default view has an empty hash', () => {
  assert.equal(viewHash(defaultView()), '');
  assert.deepEqual(parseViewHash('', defaultView(), PANELS), defaultView());
});

test('a view goes into the hash and comes back the same', () => {
  const view = { ...defaultView(), grain: 'quarter', from: '2025-01-01', to: '2025-03-31', breakdown: '',
    period: '2025-Q1', trendKpis: ['visitors', 'revenue'], comparison: 'year_before',
    attribution: { model: 'shapley', measure: 'conversions' }, showEmpty: true, closed: ['catalogue', 'clv'] };
  const hash = viewHash(view);
  assert.match(hash, /^#/);
  assert.match(hash, /by=none/); // "no breakdown" is said, not left to the default (channel)
  assert.deepEqual(parseViewHash(hash, defaultView(), PANELS), view);
});

test('keys a hash may not set are ignored, the others kept', () => {
  const hash = '#grain=century&from=2025-13&to=2025-03-31&by=<img src=x>&period=javascript:alert(1)' +
    '&kpis=leads,<b>,Visitors,ok_kpi&compare=always&model=first_touch&measure=profit&closed=tiles,nowhere&empty=yes';
  const view = parseViewHash(hash, defaultView(), PANELS);
  assert.equal(view.grain, 'month');
  assert.equal(view.from, '');
  assert.equal(view.to, '2025-03-31');
  assert.equal(view.breakdown, 'channel');
  assert.equal(view.period, '');
  assert.deepEqual(view.trendKpis, ['leads', 'ok_kpi']); // ids are lower-case snake_case only
  assert.equal(view.comparison, 'previous');
  assert.equal(view.attribution.model, 'first_touch');
  assert.equal(view.attribution.measure, 'value');
  assert.deepEqual(view.closed, ['tiles']);
  assert.equal(view.showEmpty, false);
});

test('at most four trend KPIs, no repeats', () => {
  const view = parseViewHash('#kpis=a,b,a,c,d,e', defaultView(), PANELS);
  assert.deepEqual(view.trendKpis, ['a', 'b', 'c', 'd']);
});
