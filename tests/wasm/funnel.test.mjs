// The issue-2 slice through the wasm module: funnel KPIs per month and per channel, checked
// against counts done by hand on tests/fixtures/funnel (8 contacts, 6 traffic rows).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fixtures, sessionWith, unwrap, valueOf } from './engine.mjs';

const files = [
  path.join(fixtures, 'funnel', 'hubspot-crm-exports-contacts-2025-03-01.csv'),
  path.join(fixtures, 'funnel', 'Traffic_acquisition_Session_primary_channel_group_Date.csv'),
];

// Hand count, all channels.
// January: visitors (users) 100 + 60 + 40 = 200; leads = contacts 1, 2, 3, 8 = 4;
//   MQL = 1 (01-20), 3 (01-25) = 2; SQL = 3 (01-28) = 1; customers = 0.
// February: visitors 140 + 60 + 25 = 225; leads = 4, 5, 6 = 3; MQL = 2, 5, 6 = 3;
//   SQL = 1, 6 = 2; customers = 1, 3, 6 = 3.
const expectedAll = {
  '2025-01': { visitors: 200, leads: 4, mqls: 2, sqls: 1, customers: 0,
    lead_conversion_rate: (4 / 200) * 100, qualified_lead_rate: (2 / 4) * 100,
    mql_to_sql_rate: (1 / 2) * 100, customer_conversion_rate: (0 / 2) * 100 },
  '2025-02': { visitors: 225, leads: 3, mqls: 3, sqls: 2, customers: 3,
    lead_conversion_rate: (3 / 225) * 100, qualified_lead_rate: (3 / 3) * 100,
    mql_to_sql_rate: (2 / 3) * 100, customer_conversion_rate: (3 / 3) * 100 },
};

// Per channel. Organic Search, January: users 100 + 60 = 160; leads 1, 2, 8 = 3; MQL 1; SQL 0.
// Paid Search, February: users 60; leads 4 = 1; MQL 0 → qualified_lead_rate 0/1 = 0,
//   mql_to_sql_rate 0/0 = null; customers 3 (02-10) = 1 → customer_conversion_rate 1/0 = null.
// Email, February: users 25; lead, MQL, SQL, customer = contact 6 → 4 %, 100 %, 100 %, 100 %.
const expectedByChannel = [
  ['2025-01', 'Organic Search', { visitors: 160, leads: 3, mqls: 1, sqls: 0, customers: 0,
    lead_conversion_rate: (3 / 160) * 100, qualified_lead_rate: (1 / 3) * 100, mql_to_sql_rate: 0,
    customer_conversion_rate: 0 }],
  ['2025-02', 'Paid Search', { visitors: 60, leads: 1, mqls: 0, sqls: 0, customers: 1,
    lead_conversion_rate: (1 / 60) * 100, qualified_lead_rate: 0, mql_to_sql_rate: null,
    customer_conversion_rate: null }],
  ['2025-02', 'Email', { visitors: 25, leads: 1, mqls: 1, sqls: 1, customers: 1,
    lead_conversion_rate: 4, qualified_lead_rate: 100, mql_to_sql_rate: 100,
    customer_conversion_rate: 100 }],
];

function assertKpis(report, period, dimensions, expected) {
  for (const [kpi, want] of Object.entries(expected)) {
    const got = valueOf(report, kpi, period, dimensions);
    assert.ok(got, `${kpi} ${period} ${JSON.stringify(dimensions)} is in the report`);
    if (want === null) assert.equal(got.value, null, `${kpi} ${period} is null`);
    else assert.ok(Math.abs(got.value - want) < 1e-9, `${kpi} ${period}: ${got.value} ≠ ${want}`);
  }
}

test('funnel KPIs per month match the hand count', async () => {
  const session = await sessionWith(files);
  const report = unwrap(session.report(JSON.stringify({ grain: 'month' })));
  for (const [period, expected] of Object.entries(expectedAll)) assertKpis(report, period, {}, expected);
  session.delete();
});

test('funnel KPIs per month and channel match the hand count', async () => {
  const session = await sessionWith(files);
  const report = unwrap(session.report(JSON.stringify({ grain: 'month', by: ['channel'] })));
  for (const [period, channel, expected] of expectedByChannel) {
    assertKpis(report, period, { channel }, expected);
  }
  session.delete();
});

test('feeding 7-byte chunks gives the same report as whole files', async () => {
  const whole = await sessionWith(files);
  const chunked = await sessionWith(files, { chunkSize: 7 });
  const options = JSON.stringify({ grain: 'month', by: ['channel'] });
  assert.deepEqual(unwrap(chunked.report(options)).values, unwrap(whole.report(options)).values);
  whole.delete();
  chunked.delete();
});

test('a time zone ahead of UTC keeps local dates in their local month', async () => {
  // Contact 8 became a lead on 2025-01-31 23:30 portal time: local time stays January at +60.
  const session = await sessionWith(files, { utcOffsetMinutes: 60 });
  const report = unwrap(session.report(JSON.stringify({ grain: 'month' })));
  assert.equal(valueOf(report, 'leads', '2025-01', {}).value, 4);
  session.delete();
});
