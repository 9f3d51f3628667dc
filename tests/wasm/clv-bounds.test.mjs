// CLV output stays bounded on hostile dates (issue 12): purchases are accepted from 1900-01-01 to
// 2200-12-31, and the cohort retention table keeps at most 100,000 cohort × month cells, cut with a
// warning. Reproducers: tests/fixtures/clv/.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { fixtures, loadModule, unwrap } from './engine.mjs';

async function sessionWithReport(file) {
  const Module = await loadModule();
  const session = new Module.Session('{}');
  unwrap(session.beginFile(path.basename(file), '{}'));
  unwrap(session.feed(new Uint8Array(await readFile(file))));
  return { session, fileReport: unwrap(session.endFile()) };
}

test('a purchase dated 0001-01-01 is refused with its date, not spread over 24,294 months', async () => {
  // Two purchases of one customer, 0001-01-01 and 2025-06-01 (132 bytes). Before: a retention
  // row of 24,294 months (634 KB of JSON from two rows; 495 MB from a 255-byte file).
  const file = path.join(fixtures, 'clv', 'year-0001-purchase.csv');
  const { session, fileReport } = await sessionWithReport(file);
  const answer = JSON.parse(session.clv('{}'));
  assert.ok(JSON.stringify(answer).length < 10_000, 'a short answer');
  if (answer.ok) {
    // The reader may refuse the date itself (a date range of its own): then the row is rejected
    // with its value, and the analysis holds the 2025 purchase only.
    assert.match(JSON.stringify(fileReport), /0001-01-01/);
    assert.deepEqual(answer.value.cohorts.map((c) => c.cohort), ['2025-06']);
  } else {
    assert.equal(answer.error.code, 'bad_value');
    assert.equal(answer.error.file, 'year-0001-purchase.csv');
    assert.equal(answer.error.line, 2);
    assert.equal(answer.error.column, 'date');
    assert.match(answer.error.message_en, /0001-01-01.*1900-01-01 to 2200-12-31/);
    assert.match(answer.error.message_fr, /0001-01-01/);
  }
  session.delete();
});

test('cohorts from 1900 to 2200 are cut to 2,500 months each, with a warning', async () => {
  // 40 customers a quarter apart from 1900-01, one purchase in 2200-12: cohort i spans 3612 − 3i
  // months, 142,140 cells; 40 × K <= 100,000 gives K = 2,500 months per cohort.
  const file = path.join(fixtures, 'clv', 'cohorts-1900-to-2200.csv');
  const { session } = await sessionWithReport(file);
  const doc = unwrap(session.clv('{}'));
  assert.equal(doc.cohorts.length, 40);
  for (const cohort of doc.cohorts) {
    assert.equal(cohort.retention.length, 2500, cohort.cohort);
    assert.equal(cohort.revenue_by_month.length, 2500, cohort.cohort);
    assert.equal(cohort.retention[0], 1);
  }
  assert.equal(doc.cohorts[0].cohort, '1900-01');
  assert.equal(doc.cohorts[0].revenue, 20);
  const warning = doc.warnings.find((w) => w.code === 'cohort_retention_truncated');
  assert.ok(warning, JSON.stringify(doc.warnings));
  assert.match(warning.message_en, /2500 months.*142140 cohort × month cells.*100000/);
  assert.match(warning.message_fr, /2500.*142140.*100000/);
  session.delete();
});
