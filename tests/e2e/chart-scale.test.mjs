// Chart axes end near the data (issue 11: "axes that end near the data"): web/ui/charts.js's
// niceScale, in Node. Expected axes worked out by hand from the rule: steps of 1, 2, 2.5 or 5 ×
// 10^k, 4 to 6 of them (2 to 4 for small charts), the one ending nearest the data wins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { niceScale } from '../../web/ui/charts.js';

test('counts: the axis ends at the first nice step above the data', () => {
  // 2,759 visitors: 4 steps of 689.75 → 1,000 (0…3,000); 5 → 551.8 → 1,000; 6 → 459.8 → 500,
  // 0…3,000 too. Overshoot 241 either way: the first (4 steps of 1,000) is kept.
  assert.deepEqual(niceScale(0, 2759), { min: 0, max: 3000, step: 1000, ticks: [0, 1000, 2000, 3000] });
  // 21 leads: 4 steps → 5.25 → 10 (0…30); 5 steps → 4.2 → 5 (0…25); 6 → 3.5 → 5 (0…25). 25 wins.
  assert.deepEqual(niceScale(0, 21), { min: 0, max: 25, step: 5, ticks: [0, 5, 10, 15, 20, 25] });
  // 19: 4 steps of 4.75 → 5, 0…20.
  assert.equal(niceScale(0, 19).max, 20);
});

test('never the old "next power" axis: 1.1 ends at 1.2, not 2', () => {
  // 4 steps of 0.275 → 0.5 (0…1.5); 5 → 0.22 → 0.25 (0…1.25); 6 → 0.1833 → 0.2 (0…1.2).
  assert.equal(niceScale(0, 1.1).max, 1.2);
});

test('negative values (a loss-making ROI) keep zero inside the axis', () => {
  // −35 … 120, span 155: 4 steps → 38.75 → 50 (−50…150, overshoot 45); 5 → 31 → 50 (same);
  // 6 → 25.83 → 50 (same). 
  const scale = niceScale(-35, 120);
  assert.deepEqual([scale.min, scale.max, scale.step], [-50, 150, 50]);
  assert.ok(scale.ticks.includes(0));
});

test('no data or only zeros: a 0…1 axis, never NaN', () => {
  assert.deepEqual(niceScale(0, 0).ticks.slice(0, 2), [0, 0.25]);
  assert.equal(niceScale(null, undefined).max, 1);
});

test('counts step by whole numbers', () => {
  // 0…7 leads in 2 to 4 steps: 2 → 3.5 → 5 (0…10, overshoot 3); 3 → 2.33 → 5 (0…10);
  // 4 → 1.75 → 2 (0…8, overshoot 1). Never 2.5: whole steps only.
  assert.deepEqual(niceScale(0, 7, 2, { integer: true }).ticks, [0, 2, 4, 6, 8]);
  // 0…1 customer: a step of 1, not 0.25.
  assert.deepEqual(niceScale(0, 1, 2, { integer: true }).ticks, [0, 1]);
});
