// The host page's own script: loads the component and reacts to its events. In an app that
// installed the npm package this import is `import 'roilens/component';`.
import './components/roilens-dashboard.js';
import { el } from './ui/dom.js';

const dashboard = document.getElementById('dashboard');
const summary = document.getElementById('host-summary');
const fileList = document.getElementById('host-files');

// One line per file read (roilens-file: that file's report, or {file, error}).
dashboard.addEventListener('roilens-file', (event) => {
  const report = event.detail;
  const read = report.error ? 'not read' : `${report.tool}, ${report.rows?.kept ?? 0} rows`;
  fileList.append(el('li', { text: `${report.file}: ${read}` }));
});

// The latest period's leads, straight from the report JSON (roilens-report).
dashboard.addEventListener('roilens-report', (event) => {
  const values = event.detail.total?.values ?? [];
  const overall = values.filter((v) => v.kpi === 'leads' && Object.keys(v.dimensions ?? {}).length === 0);
  const latest = overall.at(-1);
  summary.textContent = latest
    ? `${event.detail.files.length} files · ${latest.value ?? '–'} leads in ${latest.period}`
    : `${event.detail.files.length} files`;
});
