// The hand counts of web/samples/EXPECTED.md and the helpers that check them in a page, shared by
// the page test and the web-component test so both assert the same numbers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kpiValues, SAMPLES } from './harness.mjs';

export const SAMPLE_FILES = JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')).files.map((f) => f.name);

// Hand counts (web/samples/EXPECTED.md), made with awk over the sample files, not with roilens.
// Counts: contacts whose "Became a … Date" falls in the month (Record IDs listed in EXPECTED.md);
// visitors: GA4 "Total users" summed over the month's daily rows.
export const EXPECTED = [
  // February 2025, Organic Search: leads 51046 51049 51055 51082 51097 51103 (6);
  // MQLs 51049 51082 51097 (3); SQLs 51049 51097 (2); no customer;
  // visitors 19+20+31+37+44+47+29+17+27+43+43+36+41+39+19+23+39+38+44+44+31+25+29+32+49+34+32+34 = 946.
  { period: '2025-02', dimension: 'channel=Organic Search', visitors: 946, leads: 6, mqls: 3, sqls: 2,
    customers: 0,
    lead_conversion_rate: (6 / 946) * 100, // 0.634249…
    qualified_lead_rate: (3 / 6) * 100, // 50
    mql_to_sql_rate: (2 / 3) * 100, // 66.666…
    customer_conversion_rate: (0 / 3) * 100 }, // 0, a real zero (denominator 3)
  // February 2025, Email: leads 51067 51076 51112 (3); MQLs 51022 51067 51076 51112 (4);
  // SQLs 51022 51067 51076 (3); customers 51022 51067 51076 (3);
  // visitors 3+3+8+4+5+5+5+4+4+5+6+7+6+7+4+4+7+5+7+5+5+3+3+7+7+7+4+6 = 146.
  { period: '2025-02', dimension: 'channel=Email', visitors: 146, leads: 3, mqls: 4, sqls: 3,
    customers: 3,
    lead_conversion_rate: (3 / 146) * 100, // 2.054794…
    qualified_lead_rate: (4 / 3) * 100, // 133.33…: transitions dated in the month, not a cohort
    mql_to_sql_rate: (3 / 4) * 100, // 75
    customer_conversion_rate: (3 / 4) * 100 }, // 75
  // February 2025, all channels: 21 leads, 15 MQLs, 8 SQLs, 4 customers (IDs in EXPECTED.md);
  // visitors 946 + 146 + 527 (Direct) + 297 (Organic Social) + 453 (Paid Search) + 122 (Referral) = 2491.
  { period: '2025-02', dimension: '', visitors: 2491, leads: 21, mqls: 15, sqls: 8, customers: 4,
    lead_conversion_rate: (21 / 2491) * 100,
    qualified_lead_rate: (15 / 21) * 100,
    mql_to_sql_rate: (8 / 15) * 100,
    customer_conversion_rate: (4 / 15) * 100 },
  // March 2025, Organic Search: leads 51121 51124 51130 51136 51160 51163 51166 (7);
  // MQLs 51103 51124 51130 51166 (4); SQLs 51103 51130 (2); customers 51103 51130 (2);
  // visitors 23+21+39+48+36+38+49+30+27+33+36+30+29+40+23+28+42+27+29+27+40+26+20+46+43+28+45+47+25+30+37 = 1042.
  { period: '2025-03', dimension: 'channel=Organic Search', visitors: 1042, leads: 7, mqls: 4, sqls: 2,
    customers: 2,
    lead_conversion_rate: (7 / 1042) * 100,
    qualified_lead_rate: (4 / 7) * 100,
    mql_to_sql_rate: (2 / 4) * 100,
    customer_conversion_rate: (2 / 4) * 100 },
  // March 2025, Email: leads 51139 51142 51154 51157 51175 (5); no MQL; SQL 51112 (1); no customer;
  // visitors 4+3+6+5+6+6+6+3+4+6+7+4+7+7+3+3+5+5+7+6+7+3+3+5+7+5+8+8+3+3+6 = 161.
  { period: '2025-03', dimension: 'channel=Email', visitors: 161, leads: 5, mqls: 0, sqls: 1, customers: 0,
    lead_conversion_rate: (5 / 161) * 100,
    qualified_lead_rate: (0 / 5) * 100, // 0
    mql_to_sql_rate: null, // 1 / 0 MQLs: undefined, must be null, never 0 or Infinity
    customer_conversion_rate: null }, // 0 / 0
  // March 2025, all channels: 19 leads, 9 MQLs, 5 SQLs, 5 customers;
  // visitors 1042 + 161 + 615 + 315 + 491 + 135 = 2759.
  { period: '2025-03', dimension: '', visitors: 2759, leads: 19, mqls: 9, sqls: 5, customers: 5,
    lead_conversion_rate: (19 / 2759) * 100,
    qualified_lead_rate: (9 / 19) * 100,
    mql_to_sql_rate: (5 / 9) * 100,
    customer_conversion_rate: (5 / 9) * 100 },
];
export const FUNNEL_KPIS = ['visitors', 'leads', 'mqls', 'sqls', 'customers', 'lead_conversion_rate',
  'qualified_lead_rate', 'mql_to_sql_rate', 'customer_conversion_rate'];

export async function assertHandCounts(page, slices = EXPECTED) {
  for (const slice of slices) {
    for (const kpi of FUNNEL_KPIS) {
      const shown = await kpiValues(page, kpi, slice.period, slice.dimension);
      const where = `${kpi} ${slice.period} [${slice.dimension || 'all channels'}]`;
      assert.ok(shown.length > 0, `${where} is not displayed`);
      for (const raw of shown) {
        if (slice[kpi] === null) {
          assert.equal(raw, '', `${where} must be null (empty data-value), got ${raw}`);
        } else {
          assert.notEqual(raw, '', `${where} is null, expected ${slice[kpi]}`);
          const value = Number(raw);
          assert.ok(Math.abs(value - slice[kpi]) <= 1e-9 * Math.max(1, Math.abs(slice[kpi])),
            `${where}: shown ${value}, hand count ${slice[kpi]}`);
        }
      }
    }
  }
}

// Builds File objects in the page from {name, base64} and drops them on the drop zone of the
// (first) <roilens-dashboard>, the page's or an embedding site's.
export async function dropFiles(page, files) {
  await page.evaluate((payload) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of payload) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    const zone = document.querySelector('roilens-dashboard').shadowRoot.getElementById('dropzone');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') })));
}

export const sampleFiles = () => SAMPLE_FILES.map((name) => ({ name, bytes: readFileSync(join(SAMPLES, name)) }));

// Quarter grain: leads 12 (Jan) + 21 (Feb) + 19 (Mar) = 52; MQLs 3 + 15 + 9 = 27 (EXPECTED.md).
export const QUARTER = { period: '2025-Q1', leads: 52, mqls: 27 };
