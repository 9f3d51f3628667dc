// A bundler-free page of a package user: relative paths into node_modules/roilens.
import { createEngine } from './node_modules/roilens/web/roilens.js';
import './node_modules/roilens/web/components/roilens-dashboard.js';

async function run() {
  const engine = await createEngine({ utcOffsetMinutes: 0 }); // a module Worker
  const response = await fetch('./contacts.csv');
  const fileReport = await engine.addFile('contacts.csv', await response.blob());
  const report = await engine.report({ grain: 'all' });
  await engine.dispose();
  const leads = report.values.find((v) => v.kpi === 'leads' && Object.keys(v.dimensions).length === 0);
  return { tool: fileReport.tool, kept: fileReport.rows.kept, leads: leads?.value,
    component: customElements.get('roilens-dashboard') !== undefined };
}

run().then((result) => { window.result = result; }, (error) => { window.result = { error: String(error) }; });
