// The trend panel: the chosen KPIs per period, with the previous period or the same period a year
// before as a dashed comparison line (the engine's `trends`), and one small chart per slice when
// a breakdown is chosen. Each chart has its numbers as a table under it.
import { chartFrame } from './chart-frame.js';
import { lineChart } from './charts.js';
import { el } from './dom.js';
import { downloadableTable } from './downloads.js';
import { formatValue, isNumber } from './format.js';
import { colon, dimensionLabel, t } from './i18n.js';
import { emptySlicesToggle, kpiLabel, slicesWithData, unitOf, valueOf } from './kpis.js';
import { COMPARISONS, MAX_TREND_KPIS } from './view-state.js';

// Small multiples beyond this many slices would be unreadable; the table holds them all.
const MAX_SLICE_CHARTS = 12;

// KPIs a trend can show: one value per period for all the data (no built-in breakdown).
export function trendChoices(entries, index) {
  return [...entries.values()].filter((e) => (e.output ?? 'values') === 'values' && !e.breakdown?.length &&
    index.periods.some((p) => isNumber(valueOf(e.id, p, '', index, e))));
}

function comparisonValues(kpi, dimension, index, comparison) {
  if (comparison === 'none') return null;
  return index.periods.map((p) => {
    const trend = index.trends.get(`${kpi}|${p}|${dimension}`);
    const value = trend?.[comparison];
    return isNumber(value) ? value : null;
  });
}

function comparisonLabel(comparison, lang) {
  return t(comparison === 'year_before' ? 'compareYearBefore' : 'comparePrevious', lang);
}

// The series of one KPI slice: its values, and the comparison line when asked for.
function seriesOf(kpi, dimension, ctx) {
  const { index, entries, lang, comparison } = ctx;
  const values = index.periods.map((p) => valueOf(kpi, p, dimension, index, entries.get(kpi)));
  const series = [{ label: kpiLabel(kpi, entries, lang), values }];
  const before = comparisonValues(kpi, dimension, index, comparison);
  if (before?.some(isNumber)) series.push({ label: comparisonLabel(comparison, lang), values: before, dashed: true });
  return series;
}

function dataTable(columns, periods, lang, format) {
  return el('table', { class: 'data-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('periodTitle', lang) }),
      columns.map((c) => el('th', { scope: 'col', class: 'num', text: c.label })))),
    el('tbody', {}, periods.map((period, i) => el('tr', {}, el('th', { scope: 'row', text: period }),
      columns.map((c) => el('td', { class: 'num', dataset: { value: isNumber(c.values[i]) ? String(c.values[i]) : '' },
        text: isNumber(c.values[i]) ? format(c.values[i]) : '—' }))))));
}

function description(series, periods, format, lang) {
  return series.map((s) => `${s.label}${colon(lang)}${periods.map((p, i) => `${p} ${isNumber(s.values[i])
    ? format(s.values[i]) : '—'}`).join(', ')}`).join('. ');
}

// The chart of one KPI over every period, all the data together.
function totalChart(kpi, ctx) {
  const { index, entries, lang, width } = ctx;
  const format = (v) => formatValue(v, unitOf(kpi, entries.get(kpi)), lang, index.currency);
  const series = seriesOf(kpi, '', ctx);
  const title = `${kpiLabel(kpi, entries, lang)} · ${t('trendPerPeriod', lang)}`;
  return el('div', { class: 'trend-kpi', dataset: { trendKpi: kpi } },
    el('div', { class: 'trend-head' },
      el('h3', { text: kpiLabel(kpi, entries, lang) }),
      series.length > 1 ? el('span', { class: 'trend-legend' },
        el('span', { class: 'key-line' }), ` ${t('trendValue', lang)} `,
        el('span', { class: 'key-line comparison' }), ` ${series[1].label}`) : null,
      ctx.kpis.length > 1 ? el('button', { type: 'button', class: 'icon-button', text: '×',
        title: t('trendRemove', lang), 'aria-label': `${t('trendRemove', lang)}${colon(lang)}${kpiLabel(kpi, entries, lang)}`,
        onclick: () => ctx.onChange({ trendKpis: ctx.kpis.filter((k) => k !== kpi) }) }) : null),
    chartFrame({ name: title, lang, width,
      draw: (w) => lineChart({ categories: index.periods, series, width: w, height: w < 480 ? 200 : 240, format,
        integer: unitOf(kpi, entries.get(kpi)) === 'count',
        title, description: description(series, index.periods, format, lang) }),
      table: dataTable(series, index.periods, lang, format) }));
}

// One small chart per slice of the breakdown, on one scale so the slices compare at a glance.
function sliceCharts(kpi, ctx) {
  const { index, entries, lang, dimension, showEmpty, width } = ctx;
  const { all, withData } = slicesWithData(index, entries, dimension, [kpi]);
  if (!all.length) return null;
  const slices = showEmpty ? all : withData;
  const format = (v) => formatValue(v, unitOf(kpi, entries.get(kpi)), lang, index.currency);
  const bySlice = slices.map((value) => ({ value, series: seriesOf(kpi, `${dimension}=${value}`, ctx) }));
  const total = (s) => s.series[0].values.reduce((sum, v) => sum + (isNumber(v) ? v : 0), 0);
  bySlice.sort((a, b) => total(b) - total(a) || a.value.localeCompare(b.value));
  const shown = bySlice.slice(0, MAX_SLICE_CHARTS);
  const allValues = shown.flatMap((s) => s.series.flatMap((x) => x.values)).filter(isNumber);
  const domain = [Math.min(0, ...allValues), Math.max(0, ...allValues)];
  const label = dimensionLabel(dimension, lang);
  const name = `${kpiLabel(kpi, entries, lang)} · ${label}`;
  const smallWidth = Math.max(220, Math.min(360, (width - 24) / 2));
  const table = dataTable(bySlice.map((s) => ({ label: s.value, values: s.series[0].values })), index.periods, lang, format);
  return el('div', { class: 'trend-slices' },
    el('h4', { text: `${t('trendPerSlice', lang)} ${label.toLowerCase()}` }),
    emptySlicesToggle({ hidden: all.length - withData.length, showEmpty, lang, onToggle: ctx.onToggleEmpty }),
    el('div', { class: 'small-multiples' }, shown.map((s) => el('div', { class: 'small-multiple', dataset: { slice: s.value } },
      el('p', { class: 'small-title', text: s.value }),
      chartFrame({ name: `${name} · ${s.value}`, lang, width: smallWidth, full: false,
        draw: (w) => lineChart({ categories: index.periods, series: s.series, width: w, height: 150, format, compact: true,
          integer: unitOf(kpi, entries.get(kpi)) === 'count',
          domain, title: `${kpiLabel(kpi, entries, lang)} · ${s.value}`,
          description: description(s.series, index.periods, format, lang) }) })))),
    bySlice.length > shown.length ? el('p', { class: 'note', text: t('trendMoreSlices', lang)
      .replace('{n}', String(bySlice.length - shown.length)) }) : null,
    el('details', { class: 'chart-data' }, el('summary', { text: t('dataTable', lang) }),
      downloadableTable(table, { name, lang })));
}

function controls(ctx) {
  const { entries, index, lang, kpis, comparison, onChange } = ctx;
  const choices = trendChoices(entries, index).filter((e) => !kpis.includes(e.id));
  const add = el('select', { name: 'trend-add', disabled: kpis.length >= MAX_TREND_KPIS || !choices.length,
    onchange: (event) => {
      const kpi = event.currentTarget.value;
      if (kpi) onChange({ trendKpis: [...kpis, kpi] });
    } },
  el('option', { value: '', text: t('trendAdd', lang) }),
  choices.map((e) => el('option', { value: e.id, text: kpiLabel(e.id, entries, lang) })));
  const compare = el('select', { name: 'trend-compare', onchange: (event) => onChange({ comparison: event.currentTarget.value }) },
    COMPARISONS.map((c) => el('option', { value: c, selected: c === comparison,
      text: t(c === 'none' ? 'compareNone' : c === 'year_before' ? 'compareYearBefore' : 'comparePrevious', lang) })));
  return el('div', { class: 'controls' },
    el('label', {}, el('span', { text: t('trendAddLabel', lang) }), add),
    el('label', {}, el('span', { text: t('compareWith', lang) }), compare));
}

/**
 * ctx: {index, entries, lang, kpis, comparison, dimension (breakdown or ''), showEmpty, width,
 * onChange(patch of the view: {trendKpis} or {comparison}), onToggleEmpty(show)}.
 */
export function renderTrend(container, ctx) {
  const available = new Set(trendChoices(ctx.entries, ctx.index).map((e) => e.id));
  const kpis = ctx.kpis.filter((k) => available.has(k));
  const full = { ...ctx, kpis };
  if (!kpis.length) {
    container.replaceChildren(controls(full), el('p', { class: 'note', text: t('trendNothing', ctx.lang) }));
    return;
  }
  container.replaceChildren(controls(full), ...kpis.map((kpi) => el('section', { class: 'trend-block' },
    totalChart(kpi, full), ctx.dimension ? sliceCharts(kpi, full) : null)));
}
