// The static skeleton of <roilens-dashboard>: top bar, intake, file cards and the dashboard
// panels. Built with el() (no markup strings), so it also works under a Trusted Types policy;
// labels are filled by translateStatic() from the data-i18n keys.
import { el } from '../ui/dom.js';

const i18n = (key) => ({ dataset: { i18n: key } });

function option(value, key, selected = false) {
  return el('option', { value, selected, ...i18n(key) });
}

function topBar() {
  return el('header', { class: 'topbar', part: 'topbar' },
    el('div', { class: 'brand' },
      el('span', { class: 'logo', 'aria-hidden': 'true', text: '◎' }),
      el('span', { class: 'name', text: 'roilens' }),
      el('span', { class: 'tagline', ...i18n('tagline') })),
    el('div', { class: 'topbar-actions' },
      el('span', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }),
      el('button', { id: 'lang-toggle', type: 'button', class: 'lang', text: 'FR',
        dataset: { i18nTitle: 'languageHint' } })),
    el('div', { id: 'progress', class: 'progress', hidden: true }, el('div', { class: 'progress-bar' })));
}

function intake() {
  return el('section', { id: 'intake', class: 'intake' },
    el('div', { id: 'dropzone', class: 'dropzone', tabindex: '0', part: 'dropzone' },
      el('p', { class: 'drop-title', ...i18n('dropTitle') }),
      el('p', { class: 'drop-hint', ...i18n('dropHint') }),
      el('div', { class: 'drop-actions' },
        el('label', { class: 'button' }, el('span', i18n('pickFiles')),
          el('input', { id: 'file-input', type: 'file', multiple: true, hidden: true })),
        el('label', { class: 'button secondary' }, el('span', i18n('pickFolder')),
          el('input', { id: 'folder-input', type: 'file', webkitdirectory: true, multiple: true, hidden: true })),
        el('button', { id: 'sample-button', type: 'button', class: 'button accent', part: 'sample-button',
          ...i18n('trySamples') })),
      el('p', { class: 'privacy', ...i18n('privacy') })));
}

// The file cards, in a panel that folds like the dashboard's (a phone keeps the numbers near).
function filesSection() {
  return el('section', { id: 'files-section', class: 'panel', part: 'panel files', dataset: { panel: 'files' } },
    el('div', { class: 'panel-head' },
      el('h2', { class: 'panel-title' },
        el('button', { type: 'button', class: 'panel-toggle', 'aria-expanded': 'true', 'aria-controls': 'panel-body-files',
          dataset: { panel: 'files' } }, el('span', i18n('filesTitle')))),
      el('button', { id: 'clear-button', type: 'button', class: 'link-button', hidden: true, ...i18n('clearAll') })),
    el('div', { id: 'panel-body-files', class: 'panel-body' }, el('div', { id: 'files', class: 'file-cards' })));
}

function labelled(key, control, className = '') {
  return el('label', { class: className || null }, el('span', i18n(key)), ' ', control);
}

function periodBar() {
  return el('nav', { id: 'period-bar', class: 'period-bar', part: 'period-bar', 'aria-label': 'period' },
    labelled('grain', el('select', { id: 'grain' },
      option('day', 'grainDay'), option('week', 'grainWeek'), option('month', 'grainMonth', true),
      option('quarter', 'grainQuarter'), option('year', 'grainYear'), option('all', 'grainAll'))),
    labelled('from', el('input', { id: 'from', type: 'date' }), 'range-field'),
    labelled('to', el('input', { id: 'to', type: 'date' }), 'range-field'),
    labelled('breakdown', el('select', { id: 'breakdown' },
      option('', 'none'), option('channel', 'dimChannel', true), option('source', 'dimSource'),
      option('campaign', 'dimCampaign'), option('landing_page', 'dimLandingPage'),
      option('device', 'dimDevice'))),
    labelled('selectedPeriod', el('select', { id: 'period-select' })),
    el('span', { class: 'period-actions' },
      el('button', { id: 'print-button', type: 'button', class: 'link-button', ...i18n('printReport') }),
      el('button', { id: 'export-button', type: 'button', class: 'link-button', ...i18n('exportReport') })));
}

// The panels that fold, in reading order: `name` is the panel's id in the URL (closed=…).
export const PANELS = ['files', 'tiles', 'trend', 'funnel', 'steering', 'periods', 'catalogue', 'attribution', 'clv'];

// A panel that folds: its title is a button (aria-expanded) that hides the body.
function panel(name, titleKey, ...content) {
  const bodyId = `panel-body-${name}`;
  return el('section', { id: `panel-${name}`, class: 'panel', part: `panel panel-${name}`, dataset: { panel: name } },
    el('h2', { class: 'panel-title' },
      el('button', { type: 'button', class: 'panel-toggle', 'aria-expanded': 'true', 'aria-controls': bodyId,
        dataset: { panel: name } }, el('span', i18n(titleKey)))),
    el('div', { id: bodyId, class: 'panel-body' }, ...content));
}

function dashboard() {
  return el('section', { id: 'dashboard', class: 'dashboard', part: 'dashboard', hidden: true },
    periodBar(),
    panel('tiles', 'tilesTitle', el('div', { id: 'tiles', class: 'tiles' }),
      el('p', { id: 'visitors-basis', class: 'note' })),
    panel('trend', 'trendTitle', el('div', { id: 'trend', class: 'trend' })),
    panel('funnel', 'funnelTitle', el('div', { id: 'funnel', class: 'funnel' }),
      el('p', { class: 'note', ...i18n('funnelScale') }),
      el('p', { class: 'note', ...i18n('funnelNote') })),
    panel('steering', 'steeringTitle', el('div', { id: 'steering', class: 'steering' })),
    panel('periods', 'perPeriodTitle', el('div', { id: 'period-table' }),
      el('h3', { id: 'breakdown-title' }),
      el('div', { id: 'channel-tables', class: 'channel-tables' })),
    panel('catalogue', 'catalogueTitle', el('div', { id: 'catalogue', class: 'catalogue' })),
    panel('attribution', 'attributionTitle', el('div', { id: 'attribution' })),
    panel('clv', 'clvTitle', el('div', { id: 'clv' })));
}

// The whole interface, inside one wrapper (.app) that carries the has-files state.
export function dashboardMarkup() {
  return el('div', { class: 'app', part: 'app' },
    topBar(),
    el('main', {},
      el('div', { id: 'errors', class: 'errors', role: 'alert', 'aria-live': 'assertive' }),
      intake(), filesSection(), dashboard()),
    el('footer', { class: 'footer', part: 'footer' }, el('span', { text: 'roilens' }), ' · ', el('span', i18n('privacy'))));
}
