// Rendering of <roilens-dashboard>'s state into its shadow root: the file cards and the report
// panels. Pure functions of the state; the element owns the state and the event wiring.
import { el } from '../ui/dom.js';
import { fileCard, mappingPanel } from '../ui/files.js';
import { t } from '../ui/i18n.js';
import { renderCatalogue } from '../ui/catalogue.js';
import { catalogueById, renderBreakdownTable, renderFunnel, renderPeriodTable, renderTiles } from '../ui/kpis.js';
import { renderAttribution, renderClv } from '../ui/models.js';
import { renderSteering } from '../ui/steering.js';

const BREAKDOWN_TITLES = { channel: 'perChannelTitle', source: 'perSourceTitle',
  campaign: 'perCampaignTitle', landing_page: 'perLandingPageTitle', device: 'perDeviceTitle' };

// One card per file, and the mapping panel under the file being mapped.
export function renderFileList(container, state, cardHandlers, mappingHandlers) {
  const { lang, files } = state;
  if (!files.length) {
    container.replaceChildren(el('p', { class: 'empty', text: t('noFiles', lang) }));
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

// The period select, tiles, funnel, tables, catalogue, attribution and CLV panels (hidden while
// no file was read). `onAttributionView` receives the attribution panel's new view choice.
export function renderDashboard(root, state, onAttributionView, steeringHandlers) {
  const byId = (id) => root.getElementById(id);
  const { lang, index, period } = state;
  const hasData = state.files.some((f) => f.report);
  byId('dashboard').hidden = !hasData;
  if (!hasData) return;
  const entries = catalogueById(state.catalogue);
  // Reporting by the cadence replaces the grain; a picked cadence period replaces both.
  const byCadence = state.steering.byCadence && Boolean(state.steering.cadenceStart);
  byId('grain').disabled = byCadence || Boolean(state.customRange);
  byId('period-select').replaceChildren(...index.periods.map((p) =>
    el('option', { value: p, text: p, selected: p === period })));
  renderTiles(byId('tiles'), { index, entries, period, lang });
  byId('visitors-basis').textContent = visitorsBasisText(index.visitorsBasis, lang);
  renderFunnel(byId('funnel'), { index, entries, period, lang });
  renderSteering(byId('steering'), { steering: state.steering, report: state.reports.total, entries, index,
    lang, abVariants: state.abVariants, selectedRange: state.customRange, handlers: steeringHandlers });
  renderPeriodTable(byId('period-table'), { index, entries, lang });
  const breakdown = byId('breakdown').value;
  byId('breakdown-title').textContent = breakdown ? t(BREAKDOWN_TITLES[breakdown], lang) : '';
  byId('breakdown-title').hidden = !breakdown;
  renderBreakdownTable(byId('channel-tables'), { index, entries, lang, dimensionName: breakdown || null });
  renderCatalogue(byId('catalogue'), { catalogue: state.catalogue, index, period, lang });
  renderAttribution(byId('attribution'), { attribution: state.attribution, error: state.attributionError,
    lang, view: state.attributionView, onChange: onAttributionView });
  renderClv(byId('clv'), { clv: state.clv, error: state.clvError, index, period, lang });
}
