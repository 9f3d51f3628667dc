// KPI tiles, the funnel, the per-period and per-channel funnel tables, and the whole catalogue.
// Every displayed KPI value is a <span data-kpi data-value data-period data-dimension>, so tests
// read raw numbers instead of formatted text.
import { chartFrame } from './chart-frame.js';
import { funnelChart, sparkline } from './charts.js';
import { el } from './dom.js';
import { downloadableTable } from './downloads.js';
import { dimensionKey, formatNumber, formatValue, isNumber } from './format.js';
import { colon, dimensionLabel, pick, t } from './i18n.js';

export const FUNNEL_STEPS = ['visitors', 'leads', 'mqls', 'sqls', 'customers'];
export const FUNNEL_KPIS = [...FUNNEL_STEPS, 'lead_conversion_rate', 'qualified_lead_rate',
  'mql_to_sql_rate', 'customer_conversion_rate'];
const TILE_KPIS = ['visitors', 'leads', 'customers', 'lead_conversion_rate',
  'customer_conversion_rate', 'revenue', 'cac', 'roi', 'ltv_to_cac'];

// Report values indexed by kpi|period|dimension; missing inputs by kpi.
export class ReportIndex {
  constructor(...reports) {
    this.values = new Map();
    this.evaluated = new Set();  // kpi|dimension slices the engine computed in some period
    this.missing = new Map();
    this.notApplicable = new Map();
    this.trends = new Map();
    this.periods = [];
    this.currency = null;
    this.stageVelocity = [];
    this.rankings = null;
    for (const report of reports.filter(Boolean)) {
      for (const v of report.values ?? []) {
        this.values.set(`${v.kpi}|${v.period}|${dimensionKey(v.dimensions)}`, v);
        this.evaluated.add(`${v.kpi}|${dimensionKey(v.dimensions)}`);
      }
      for (const v of report.trends ?? []) {
        this.trends.set(`${v.kpi}|${v.period}|${dimensionKey(v.dimensions)}`, v);
      }
      for (const n of report.not_applicable ?? []) this.notApplicable.set(n.kpi, n);
      if (!this.stageVelocity.length) this.stageVelocity = report.stage_velocity ?? [];
      this.rankings ??= report.rankings ?? null;
      if (Array.isArray(report.currencies) && report.currencies.length === 1) {
        this.currency ??= report.currencies[0];
      }
      for (const m of report.missing_inputs ?? []) {
        if (!this.missing.has(m.kpi)) this.missing.set(m.kpi, m);
      }
      if (!this.periods.length) this.periods = (report.periods ?? []).map((p) => (typeof p === 'string' ? p : p.label));
      this.currency ??= report.currency ?? null;
      this.visitorsBasis ??= report.visitors_basis;
    }
  }

  get(kpi, period, dimension = '') {
    return this.values.get(`${kpi}|${period}|${dimension}`);
  }

  // Values of `kpi` in `period` broken down by exactly the dimensions `names`.
  slicesOf(kpi, period, names) {
    const wanted = [...names].sort().join(',');
    return [...this.values.values()].filter((v) => v.kpi === kpi && v.period === period &&
      Object.keys(v.dimensions ?? {}).sort().join(',') === wanted);
  }

  // Dimension values seen for `dimensionName` (e.g. every channel), sorted.
  dimensionValues(dimensionName) {
    const seen = new Set();
    for (const v of this.values.values()) {
      const value = v.dimensions?.[dimensionName];
      if (value !== undefined && Object.keys(v.dimensions).length === 1) seen.add(value);
    }
    return [...seen].sort((a, b) => a.localeCompare(b));
  }
}

export function catalogueById(catalogue) {
  return new Map((catalogue ?? []).map((entry) => [entry.id, entry]));
}

function missingText(missing, lang) {
  if (!missing) return '';
  const message = pick(missing.message, lang);
  if (message) return message;
  const needs = Array.isArray(missing.needs) ? missing.needs.join(', ') : missing.needs;
  return `${t('needs', lang)}${colon(lang)}${needs}`;
}

// The one element that shows a KPI value.
// The report is sparse: a count or a sum with no row in a slice is not listed. When the KPI's
// inputs are present (it is not in missing_inputs) and the period is part of the report, that
// absence means 0 (no transition, no deal); a ratio stays null (0 / 0 is undefined).
// Only where the engine computed that KPI for that same slice in another period, so a KPI that
// exists only broken down (traffic_by_source) is never shown as a total of 0.
function sparseZero(kpi, period, dimension, index, entry) {
  return ['count', 'sum'].includes(entry?.kind) && !index.missing.has(kpi) &&
    index.periods.includes(period) && index.evaluated.has(`${kpi}|${dimension}`);
}

// The report's entry for a KPI slice, or the 0 a sparse report leaves out (sparseZero).
function entryOf(kpi, period, dimension, index, entry) {
  return index.get(kpi, period, dimension) ??
    (sparseZero(kpi, period, dimension, index, entry) ? { value: 0, numerator: 0, denominator: null, inferred: true } : undefined);
}

/** The number a KPI slice shows (what kpiValue displays), or null. */
export function valueOf(kpi, period, dimension, index, entry) {
  const v = entryOf(kpi, period, dimension, index, entry);
  return v && isNumber(v.value) ? v.value : null;
}

/** The catalogue's unit of a KPI (a rate without an entry is a percent, anything else a count). */
export function unitOf(kpi, entry) {
  return entry?.unit ?? (kpi.endsWith('_rate') ? 'percent' : 'count');
}

export function kpiValue({ kpi, period, dimension = '', index, entry, lang, big = false }) {
  const v = entryOf(kpi, period, dimension, index, entry);
  const value = v && isNumber(v.value) ? v.value : null;
  const node = el('span', {
    class: `kpi-value${big ? ' big' : ''}`,
    dataset: { kpi, value: value === null ? '' : String(value), period, dimension },
  });
  if (v?.inferred) node.dataset.inferred = 'zero';
  if (value === null && index.missing.has(kpi)) {
    // A KPI whose input file is missing says which file it needs; it is never shown as 0.
    node.classList.add('needs');
    node.dataset.missing = [].concat(index.missing.get(kpi).needs ?? []).join(',');
    node.textContent = missingText(index.missing.get(kpi), lang);
  } else if (value !== null) {
    node.textContent = formatValue(value, unitOf(kpi, entry), lang, index.currency);
    if (v && (v.numerator !== undefined || v.denominator !== undefined)) {
      node.title = `${t('numerator', lang)} ${formatNumber(v.numerator, lang)} · ` +
        `${t('denominator', lang)} ${formatNumber(v.denominator, lang)}`;
    }
  } else {
    node.classList.add('null');
    node.textContent = '—';
    node.title = v ? t('notAvailable', lang) : t('noValue', lang);
  }
  return node;
}

export function kpiLabel(kpi, entries, lang) {
  return pick(entries.get(kpi)?.label, lang) || kpi;
}

// Change vs the previous period: the engine's trend when the report has one (it also knows the
// period before the first one shown), else the neighbouring period of this report.
function changeBadge(kpi, period, index, entries, lang) {
  let change = null;
  const trend = index.trends.get(`${kpi}|${period}|`);
  if (trend && isNumber(trend.previous_change)) {
    change = trend.previous_change / 100;
  } else if (!trend) {
    const position = index.periods.indexOf(period);
    const now = index.get(kpi, period)?.value;
    const before = position > 0 ? index.get(kpi, index.periods[position - 1])?.value : null;
    if (isNumber(now) && isNumber(before) && before !== 0) change = (now - before) / Math.abs(before);
  }
  if (change === null) return null;
  // The catalogue's polarity decides the colour (Plausible's rule: the UI never guesses).
  const polarity = entries.get(kpi)?.polarity ?? 'neutral';
  const good = change === 0 || !['up_is_good', 'up_is_bad', 'up', 'down'].includes(polarity) ? 'flat'
    : (change > 0) === (polarity === 'up_is_good' || polarity === 'up') ? 'good' : 'bad';
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '■';
  return el('span', { class: `change ${good}`, title: t('vsPrevious', lang),
    text: `${arrow} ${formatNumber(Math.abs(change) * 100, lang, 1)} %` },
  el('span', { class: 'change-label', text: ` ${t('vsPreviousShort', lang)}` }));
}

// Change vs the same period a year before (report.trends year_before_change), or "n/a" when the
// engine has none (no earlier data, a zero base, the `all` period).
function yearBeforeBadge(kpi, period, index, entries, lang) {
  const change = index.trends.get(`${kpi}|${period}|`)?.year_before_change;
  const known = isNumber(change);
  const polarity = entries.get(kpi)?.polarity ?? 'neutral';
  const tone = !known || change === 0 || !['up_is_good', 'up_is_bad'].includes(polarity) ? 'flat'
    : (change > 0) === (polarity === 'up_is_good') ? 'good' : 'bad';
  const arrow = !known ? '' : change > 0 ? '▲ ' : change < 0 ? '▼ ' : '■ ';
  return el('span', { class: `change year-before ${tone}`, title: t('vsYearBefore', lang),
    dataset: { kpi: 'trend_year_before', value: known ? String(change) : '', period, dimension: '', trendKpi: kpi } },
  `${arrow}${known ? `${formatNumber(Math.abs(change), lang, 1)} %` : t('notAvailableShort', lang)}`,
  el('span', { class: 'change-label', text: ` ${t('vsYearBeforeShort', lang)}` }));
}

// A tile's sparkline: the KPI (all channels) over every period of the report.
function tileSparkline(kpi, period, index, entries, lang) {
  const entry = entries.get(kpi);
  const values = index.periods.map((p) => valueOf(kpi, p, '', index, entry));
  if (values.filter(isNumber).length < 2) return null;
  const unit = unitOf(kpi, entry);
  const label = `${kpiLabel(kpi, entries, lang)}${colon(lang)}` + index.periods
    .map((p, i) => `${p} ${formatValue(values[i], unit, lang, index.currency)}`).join(', ');
  return el('span', { class: 'tile-spark' }, sparkline({ values, selected: index.periods.indexOf(period), label }));
}

export function renderTiles(container, { index, entries, period, lang }) {
  const tiles = TILE_KPIS.filter((kpi) => entries.has(kpi) || index.get(kpi, period))
    .map((kpi) => el('div', { class: 'tile', part: 'tile', dataset: { tile: kpi } },
      el('span', { class: 'tile-label', text: kpiLabel(kpi, entries, lang) }),
      kpiValue({ kpi, period, index, entry: entries.get(kpi), lang, big: true }),
      tileSparkline(kpi, period, index, entries, lang),
      el('span', { class: 'tile-changes' },
        changeBadge(kpi, period, index, entries, lang),
        yearBeforeBadge(kpi, period, index, entries, lang))));
  container.replaceChildren(...tiles);
}

// A number cell that downloads as the number (data-value) and reads as formatted text.
function numberCell(value, text) {
  return el('td', { class: 'num', dataset: { value: isNumber(value) ? String(value) : '' }, text });
}

// Funnel of the selected period, drawn to scale (linear: each bar is its count over the first
// step's), then the table: count, drop-off, rate from the previous step and from entry.
export function renderFunnel(container, { index, entries, period, lang, width }) {
  const counts = FUNNEL_STEPS.map((kpi) => valueOf(kpi, period, '', index, entries.get(kpi)));
  const ratio = (a, b) => (isNumber(a) && isNumber(b) && b !== 0 ? (a / b) * 100 : null);
  const rows = FUNNEL_STEPS.map((kpi, i) => {
    const count = counts[i];
    const previous = i > 0 ? counts[i - 1] : null;
    const dropOff = i > 0 && isNumber(count) && isNumber(previous) ? previous - count : null;
    const fromPrevious = i === 0 ? null : ratio(count, previous);
    const fromEntry = i === 0 ? null : ratio(count, counts[0]);
    return el('tr', {},
      el('th', { scope: 'row', text: kpiLabel(kpi, entries, lang) }),
      el('td', { class: 'num' }, kpiValue({ kpi, period, index, entry: entries.get(kpi), lang })),
      numberCell(dropOff, dropOff === null ? '' : formatNumber(dropOff, lang)),
      numberCell(fromPrevious, i === 0 ? '' : formatValue(fromPrevious, 'percent', lang)),
      numberCell(fromEntry, i === 0 ? '' : formatValue(fromEntry, 'percent', lang)));
  });
  const table = el('table', { class: 'funnel-table data-table' },
    el('thead', {}, el('tr', {}, ['funnelStep', 'funnelCount', 'funnelDropOff', 'funnelFromPrevious',
      'funnelFromEntry'].map((k, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: t(k, lang) })))),
    el('tbody', {}, rows));
  const title = `${t('funnelTitle', lang)} · ${period}`;
  const steps = FUNNEL_STEPS.map((kpi, i) => ({ label: kpiLabel(kpi, entries, lang), value: counts[i] }));
  const chart = chartFrame({ name: title, lang, width, className: 'funnel-figure',
    draw: (w) => funnelChart({ steps, width: w, title: `${title}${colon(lang)}` +
      steps.map((s) => `${s.label} ${formatNumber(s.value, lang)}`).join(', '),
    formatCount: (v) => formatNumber(v, lang),
    formatShare: (v) => t('ofFirstStep', lang).replace('{share}', formatValue(v, 'percent', lang))
      .replace('{step}', steps[0].label.toLocaleLowerCase(lang)) }) });
  container.replaceChildren(chart, downloadableTable(table, { name: title, lang }));
}

function funnelHead(entries, lang, firstColumns) {
  return el('thead', {}, el('tr', {}, firstColumns.map((c) => el('th', { scope: 'col', text: c })),
    FUNNEL_KPIS.map((kpi) => el('th', { scope: 'col', class: 'num', text: kpiLabel(kpi, entries, lang) }))));
}

// Rows = periods, columns = the nine funnel KPIs, all channels together.
export function renderPeriodTable(container, { index, entries, lang }) {
  const rows = index.periods.map((period) => el('tr', {}, el('th', { scope: 'row', text: period }),
    FUNNEL_KPIS.map((kpi) => el('td', { class: 'num' },
      kpiValue({ kpi, period, index, entry: entries.get(kpi), lang })))));
  const table = el('table', { class: 'data-table' },
    funnelHead(entries, lang, [t('periodTitle', lang)]), el('tbody', {}, rows));
  container.replaceChildren(downloadableTable(table, { name: t('perPeriodTitle', lang), lang }));
}

/**
 * The values of a breakdown that have data: some KPI of `kpis` is a non-zero number in some
 * period. The others (a channel the taxonomy knows but no file fed) are rows of zeros and
 * dashes, hidden unless asked for.
 */
export function slicesWithData(index, entries, dimensionName, kpis) {
  const values = dimensionName ? index.dimensionValues(dimensionName) : [];
  const hasData = (value) => kpis.some((kpi) => index.periods.some((period) => {
    const v = valueOf(kpi, period, `${dimensionName}=${value}`, index, entries.get(kpi));
    return isNumber(v) && v !== 0;
  }));
  return { all: values, withData: values.filter(hasData) };
}

// One toggle: "Show the 3 channels without data".
export function emptySlicesToggle({ hidden, showEmpty, lang, onToggle }) {
  if (!hidden) return null;
  return el('label', { class: 'empty-toggle' },
    el('input', { type: 'checkbox', name: 'show-empty', checked: showEmpty,
      onchange: (event) => onToggle(event.currentTarget.checked) }),
    ` ${t('showEmptySlices', lang).replace('{n}', formatNumber(hidden, lang))}`);
}

// One table, grouped by channel (or another breakdown): rows = breakdown value × period.
export function renderBreakdownTable(container, { index, entries, lang, dimensionName, showEmpty, onToggleEmpty }) {
  const { all, withData } = slicesWithData(index, entries, dimensionName, FUNNEL_KPIS);
  const values = showEmpty ? all : withData;
  if (!all.length) {
    container.replaceChildren();
    return;
  }
  const body = [];
  for (const value of values) {
    const dimension = `${dimensionName}=${value}`;
    index.periods.forEach((period, i) => {
      body.push(el('tr', { class: i === 0 ? 'group-start' : '' },
        i === 0 ? el('th', { scope: 'rowgroup', rowspan: index.periods.length, class: 'group', text: value }) : null,
        el('th', { scope: 'row', text: period }),
        FUNNEL_KPIS.map((kpi) => el('td', { class: 'num' },
          kpiValue({ kpi, period, dimension, index, entry: entries.get(kpi), lang })))));
    });
  }
  const label = dimensionLabel(dimensionName, lang);
  const table = el('table', { class: 'data-table grouped' },
    funnelHead(entries, lang, [label, t('periodTitle', lang)]), el('tbody', {}, body));
  container.replaceChildren(
    emptySlicesToggle({ hidden: all.length - withData.length, showEmpty, lang, onToggle: onToggleEmpty }),
    values.length ? downloadableTable(table, { name: `${t('perPeriodTitle', lang)} · ${label}`, lang })
      : el('p', { class: 'note', text: t('noSliceWithData', lang) }));
}
