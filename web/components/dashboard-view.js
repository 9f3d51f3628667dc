// Rendering of <roilens-dashboard>'s state into its shadow root: the file cards and the report
// panels. Pure functions of the state; the element owns the state and the event wiring.
import { chartWidth } from '../ui/chart-frame.js';
import { el } from '../ui/dom.js';
import { fileCard, mappingPanel } from '../ui/files.js';
import { t } from '../ui/i18n.js';
import { renderCatalogue } from '../ui/catalogue.js';
import { catalogueById, renderBreakdownTable, renderFunnel, renderPeriodTable, renderTiles } from '../ui/kpis.js';
import { renderAttribution, renderClv } from '../ui/models.js';
import { renderSteering } from '../ui/steering.js';
import { renderTrend } from '../ui/trend.js';

const BREAKDOWN_TITLES = { channel: 'perChannelTitle', source: 'perSourceTitle',
  campaign: 'perCampaignTitle', landing_page: 'perLandingPageTitle', device: 'perDeviceTitle' };

// One card per file, and the mapping panel under the file being mapped. Without a sample set
// the empty state does not invite to try one.
export function renderFileList(container, state, cardHandlers, mappingHandlers) {
  const { lang, files } = state;
  if (!files.length) {
    container.replaceChildren(el('p', { class: 'empty', text: t(state.hasSamples ? 'noFiles' : 'noFilesNoSamples', lang) }));
    return;
  }
  container.replaceChildren(...files.flatMap((entry) => [
    fileCard(entry, lang, cardHandlers, state.fields),
    state.mappingFor === entry.id ? mappingPanel(entry, lang, mappingHandlers, state.fields) : null,
  ].filter(Boolean)));
}

function visitorsBasisText(basis, lang) {
  if (!basis) return '';
  return `${t('visitorsBasis', lang)} ${t(basis === 'sessions' ? 'basisSessions' : 'basisUsers', lang)}.`;
}

// Folded panels keep their body out of view (and out of print); their toggle says so.
export function renderPanels(root, closed, lang) {
  for (const toggle of root.querySelectorAll('.panel-toggle')) {
    const open = !closed.includes(toggle.dataset.panel);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.title = t(open ? 'collapse' : 'expand', lang);
    root.getElementById(toggle.getAttribute('aria-controls')).hidden = !open;
    toggle.closest('.panel').classList.toggle('closed', !open);
  }
}

// The period select, tiles, trend, funnel, tables, catalogue, attribution and CLV panels (hidden
// while no file was read). `handlers`: {onAttributionView, onTrend, onToggleEmpty, steering}.
export function renderDashboard(root, state, handlers) {
  const byId = (id) => root.getElementById(id);
  const { lang, index, period, view } = state;
  const hasData = state.files.some((f) => f.report);
  byId('dashboard').hidden = !hasData;
  if (!hasData) return;
  const entries = catalogueById(state.catalogue);
  // A first guess of the charts' width (each chart measures its own slot once shown).
  const width = chartWidth(root);
  // Reporting by the cadence replaces the grain; a picked cadence period replaces both.
  const byCadence = state.steering.byCadence && Boolean(state.steering.cadenceStart);
  byId('grain').disabled = byCadence || Boolean(state.customRange);
  // An empty range field says nothing on paper: the print view leaves it out.
  for (const id of ['from', 'to']) byId(id).closest('label').classList.toggle('empty', !byId(id).value);
  byId('period-select').replaceChildren(...index.periods.map((p) =>
    el('option', { value: p, text: p, selected: p === period })));
  renderTiles(byId('tiles'), { index, entries, period, lang });
  byId('visitors-basis').textContent = visitorsBasisText(index.visitorsBasis, lang);
  const breakdown = byId('breakdown').value;
  renderTrend(byId('trend'), { index, entries, lang, kpis: view.trendKpis, comparison: view.comparison,
    dimension: breakdown, showEmpty: view.showEmpty, width, onChange: handlers.onTrend,
    onToggleEmpty: handlers.onToggleEmpty });
  renderFunnel(byId('funnel'), { index, entries, period, lang, width });
  renderSteering(byId('steering'), { steering: state.steering, report: state.reports.total, entries, index,
    lang, abVariants: state.abVariants, selectedRange: state.customRange, handlers: handlers.steering });
  renderPeriodTable(byId('period-table'), { index, entries, lang });
  byId('breakdown-title').textContent = breakdown ? t(BREAKDOWN_TITLES[breakdown], lang) : '';
  byId('breakdown-title').hidden = !breakdown;
  renderBreakdownTable(byId('channel-tables'), { index, entries, lang, dimensionName: breakdown || null,
    showEmpty: view.showEmpty, onToggleEmpty: handlers.onToggleEmpty });
  renderCatalogue(byId('catalogue'), { catalogue: state.catalogue, index, period, lang });
  renderAttribution(byId('attribution'), { attribution: state.attribution, error: state.attributionError,
    lang, view: view.attribution, onChange: handlers.onAttributionView, width, showEmpty: view.showEmpty,
    onToggleEmpty: handlers.onToggleEmpty });
  renderClv(byId('clv'), { clv: state.clv, error: state.clvError, index, period, lang, width });
  renderPanels(root, view.closed, lang);
}
