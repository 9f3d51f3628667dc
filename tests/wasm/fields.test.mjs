// The model fields the page's mapping panel offers come from the engine (one list, in the core).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, unwrap } from './engine.mjs';

test('fields() lists each table with its fields and their kinds', async () => {
  const Module = await loadModule();
  const session = new Module.Session('{}');
  const { tables } = unwrap(session.fields());
  const byTable = Object.fromEntries(tables.map((t) => [t.table, Object.fromEntries(t.fields.map((f) => [f.name, f.kind]))]));
  assert.deepEqual(Object.keys(byTable).sort(),
    ['contacts', 'costs', 'emails', 'paths', 'rfm', 'touchpoints', 'traffic', 'transactions']);
  // Names the manual mapping of a HubSpot contacts file and of a GA4 traffic file needs.
  assert.equal(byTable.contacts.email, 'text');
  assert.equal(byTable.contacts.stage_lead, 'date');
  assert.equal(byTable.traffic.date, 'date');
  assert.equal(byTable.traffic.channel, 'text');
  assert.equal(byTable.traffic.sessions, 'number');
  assert.equal(byTable.transactions.amount, 'number');
  session.delete();
});
