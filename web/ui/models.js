// Attribution (model selector + comparison chart + definitions) and CLV (distribution, top
// customers, cohorts, LTV:CAC per channel) sections.
import { chartFrame } from './chart-frame.js';
import { groupedBars, histogram, PALETTE } from './charts.js';
import { el } from './dom.js';
import { downloadableTable } from './downloads.js';
import { formatNumber, formatValue, isNumber } from './format.js';
import { colon, pick, t } from './i18n.js';
import { emptySlicesToggle, kpiValue } from './kpis.js';

function errorNote(error, lang) {
  if (!error) return null;
  const text = lang === 'fr' ? error.message_fr ?? error.message : error.message_en ?? error.message;
  return el('p', { class: 'needs-note', text: `${t('unavailable', lang)}${colon(lang)}${text}` });
}

// The models most marketers compare first; "all" shows the fourteen.
const KEY_MODELS = ['first_touch', 'last_touch', 'linear', 'position_based', 'markov_1', 'shapley'];

// `view` = {model: 'key' | 'all' | model id, measure: 'value' | 'conversions'}; onChange(view) re-renders.
export function renderAttribution(container, { attribution, error, lang, view, onChange, width, showEmpty, onToggleEmpty }) {
  if (!attribution?.models?.length) {
    container.replaceChildren(errorNote(error, lang) ?? el('p', { class: 'note', text: t('unavailable', lang) }));
    return;
  }
  const models = attribution.models;
  const modelSelect = el('select', { onchange: (e) => onChange({ ...view, model: e.target.value }) },
    el('option', { value: 'key', text: t('attributionCompareKey', lang), selected: view.model === 'key' }),
    el('option', { value: 'all', text: t('attributionCompare', lang), selected: view.model === 'all' }),
    models.map((m) => el('option', { value: m.id, text: pick(m.label, lang) || m.id, selected: view.model === m.id })));
  const measureSelect = el('select', { onchange: (e) => onChange({ ...view, measure: e.target.value }) },
    el('option', { value: 'value', text: t('value', lang), selected: view.measure === 'value' }),
    el('option', { value: 'conversions', text: t('conversions', lang), selected: view.measure === 'conversions' }),
    models.some((m) => m.channels.some((c) => isNumber(c.roi)))
      ? el('option', { value: 'roi', text: 'ROI (%)', selected: view.measure === 'roi' }) : null);
  const allChannels = [...new Set(models.flatMap((m) => m.channels.map((c) => c.channel)))];
  const series = models.map((m, i) => ({
    id: m.id, label: pick(m.label, lang) || m.id, color: PALETTE[i % PALETTE.length],
    values: new Map(m.channels.map((c) => [c.channel, c[view.measure]])),
  }));
  const keyModels = series.filter((s) => KEY_MODELS.includes(s.id));
  const shown = view.model === 'all' ? series
    : view.model === 'key' ? (keyModels.length ? keyModels : series)
      : series.filter((s) => s.id === view.model);
  // A channel every shown model credits with nothing (Direct with no journey) is a row of
  // zeros: hidden unless asked for.
  const withData = allChannels.filter((c) => shown.some((s) => isNumber(s.values.get(c)) && s.values.get(c) !== 0));
  const channels = showEmpty ? allChannels : withData;
  const legend = el('ul', { class: 'legend' }, shown.map((s) => el('li', {},
    el('span', { class: 'swatch', style: `background:${s.color}` }), s.label)));
  const format = view.measure === 'roi' ? (v) => `${formatNumber(v, lang, 1)} %`
    : view.measure === 'conversions' ? (v) => formatNumber(v, lang, 1) : (v) => formatNumber(v, lang, 0);
  const measureLabel = view.measure === 'roi' ? 'ROI (%)' : t(view.measure === 'conversions' ? 'conversions' : 'value', lang);
  const name = `${t('attributionTitle', lang)} · ${measureLabel}`;

  // The table carries the numbers (data-kpi) the chart draws.
  const table = el('table', { class: 'data-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('channel', lang) }),
      shown.map((s) => el('th', { scope: 'col', class: 'num', text: s.label })))),
    el('tbody', {}, channels.map((channel) => el('tr', {}, el('th', { scope: 'row', text: channel }),
      shown.map((s) => {
        const value = s.values.get(channel);
        return el('td', { class: 'num' }, el('span', { class: 'kpi-value',
          dataset: { kpi: { value: 'attributed_revenue', conversions: 'attributed_conversions',
            roi: 'attributed_roi' }[view.measure],
            value: isNumber(value) ? String(value) : '', period: 'all',
            dimension: `channel=${channel};model=${s.id}` },
          text: formatNumber(value, lang, 2) }));
      })))));
  // Each definition in the language shown, as the engine words it for a marketer.
  const definitions = el('details', { class: 'definitions', open: true },
    el('summary', { text: t('definitions', lang) }),
    el('dl', {}, models.map((m) => [
      el('dt', { text: pick(m.label, lang) || m.id }),
      el('dd', { text: pick(m.definition, lang) })])));
  container.replaceChildren(
    el('div', { class: 'controls' },
      el('label', {}, el('span', { text: t('attributionModel', lang) }), modelSelect),
      el('label', {}, el('span', { text: t('attributionMeasure', lang) }), measureSelect)),
    legend,
    emptySlicesToggle({ hidden: allChannels.length - withData.length, showEmpty, lang, onToggle: onToggleEmpty }),
    chartFrame({ name, lang, width,
      draw: (w) => groupedBars({ categories: channels, series: shown, width: w, format,
        title: `${name}${colon(lang)}${shown.map((s) => s.label).join(', ')}` }) }),
    downloadableTable(table, { name, lang }), definitions);
}

function cohortTable(cohorts, lang) {
  if (!Array.isArray(cohorts) || !cohorts.length) return null;
  const width = Math.max(...cohorts.map((c) => (c.retention ?? c.active_share ?? []).length));
  const table = el('table', { class: 'data-table cohort' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('cohort', lang) }),
      el('th', { scope: 'col', class: 'num', text: t('customersCount', lang) }),
      Array.from({ length: width }, (_, i) => el('th', { scope: 'col', class: 'num', text: `M+${i}` })))),
    el('tbody', {}, cohorts.map((c) => {
      const shares = c.retention ?? c.active_share ?? [];
      // retention[0] is the acquisition month itself (100 % by construction).
      return el('tr', {}, el('th', { scope: 'row', text: c.cohort ?? c.month ?? '' }),
        el('td', { class: 'num', dataset: { value: String(c.customers ?? c.size ?? '') },
          text: formatNumber(c.customers ?? c.size, lang) }),
        shares.map((share) => {
          const pct = isNumber(share) ? (share <= 1 ? share * 100 : share) : null;
          const cell = el('td', { class: 'num heat', dataset: { value: pct === null ? '' : String(pct) },
            text: pct === null ? '' : `${formatNumber(pct, lang, 0)} %` });
          if (pct !== null) cell.style.backgroundColor = `rgba(43, 108, 176, ${(pct / 100) * 0.55})`;
          return cell;
        }));
    })));
  return downloadableTable(table, { name: t('cohorts', lang), lang });
}

// LTV:CAC per channel: the CLV module's whole-history view (historical CLV, CAC, ratio) when it
// has one; otherwise the KPI engine's ltv_to_cac for the selected period.
function ltvCacTable(clv, index, period, lang) {
  const rows = clv?.by_channel ?? [];
  const money = (v) => formatValue(v, 'currency', lang, index.currency);
  const cell = (kpi, value, unit, dimension) => el('td', { class: 'num' }, el('span', { class: 'kpi-value',
    dataset: { kpi, value: isNumber(value) ? String(value) : '', period: 'all', dimension },
    text: isNumber(value) ? formatValue(value, unit, lang, index.currency) : '—' }));
  const name = t('ltvCac', lang);
  if (rows.length) {
    return downloadableTable(el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, [t('channel', lang), t('newCustomers', lang), 'CAC', t('historicalClv', lang),
        t('predictedClvMean', lang), 'LTV:CAC'].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: h })))),
      el('tbody', {}, rows.map((r) => {
        const dimension = `channel=${r.channel}`;
        return el('tr', {}, el('th', { scope: 'row', text: r.channel }),
          el('td', { class: 'num', dataset: { value: String(r.new_customers ?? '') }, text: formatNumber(r.new_customers, lang) }),
          cell('cac', r.cac, 'currency', dimension),
          cell('clv', r.historical?.clv, 'currency', dimension),
          el('td', { class: 'num', dataset: { value: isNumber(r.predicted_clv_mean) ? String(r.predicted_clv_mean) : '' },
            text: isNumber(r.predicted_clv_mean) ? money(r.predicted_clv_mean) : '—' }),
          cell('ltv_to_cac', r.ltv_to_cac, 'ratio', dimension));
      }))), { name, lang });
  }
  const channels = index.dimensionValues('channel');
  if (!channels.length) return null;
  return downloadableTable(el('table', { class: 'data-table compact' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('channel', lang) }),
      el('th', { scope: 'col', class: 'num', text: `LTV:CAC · ${period}` }))),
    el('tbody', {}, channels.map((channel) => el('tr', {}, el('th', { scope: 'row', text: channel }),
      el('td', { class: 'num' }, kpiValue({ kpi: 'ltv_to_cac', period, dimension: `channel=${channel}`,
        index, entry: { unit: 'ratio' }, lang })))))), { name, lang });
}

function statTile(label, value, unit, lang, currency, kpi) {
  return el('div', { class: 'tile' },
    el('span', { class: 'tile-label', text: label }),
    el('span', { class: 'kpi-value big', dataset: kpi ? { kpi, value: isNumber(value) ? String(value) : '',
      period: 'all', dimension: '' } : {}, text: formatValue(value, unit, lang, currency) }));
}

// The engine's words for a warning or a model error ({code, message_en, message_fr}).
function engineWords(item, lang) {
  if (typeof item === 'string') return item;
  return (lang === 'fr' ? item?.message_fr ?? item?.message_en : item?.message_en ?? item?.message_fr) ??
    pick(item?.message, lang) ?? item?.code ?? '';
}

// Customers in the models: the ten with the highest CLV (or expected purchases when spend is
// unknown) on the page, every one of them in the downloads.
const CUSTOMERS_SHOWN = 10;

function customerColumns(customers, lang, currency, unit) {
  // A spend column of zeros only says the file has no spend: left out (the notes say why).
  const spend = new Set(['monetary_value', 'expected_spend']);
  const has = (key) => customers.some((c) => isNumber(c[key]) && (!spend.has(key) || c[key] !== 0));
  const money = (v) => formatValue(v, 'currency', lang, currency);
  const inUnit = (key) => `${t(key, lang)} (${t(`unit_${unit}`, lang)})`;
  const columns = [
    ['frequency', t('rfmFrequency', lang), (v) => formatNumber(v, lang, 0)],
    ['recency', inUnit('rfmRecency'), (v) => formatNumber(v, lang, 2)],
    ['T', inUnit('rfmAge'), (v) => formatNumber(v, lang, 2)],
    ['monetary_value', t('rfmMonetary', lang), money],
    ['p_alive', t('pAlive', lang), (v) => formatValue(v * 100, 'percent', lang)],
    ['expected_purchases', t('expectedPurchases', lang), (v) => formatNumber(v, lang, 2)],
    ['expected_spend', t('expectedSpend', lang), money],
    ['clv', t('predictedClv', lang), money],
  ];
  return columns.filter(([key]) => has(key));
}

function customersBlock(clv, lang, currency) {
  const customers = clv.customers ?? [];
  if (!customers.length) return null;
  // Ranked by predicted CLV, else by expected purchases; in the file's order when the model gave neither.
  const key = ['clv', 'expected_purchases'].find((k) => customers.some((c) => isNumber(c[k])));
  const rank = (c) => (isNumber(c[key]) ? c[key] : -Infinity);
  const sorted = key ? [...customers].sort((a, b) => rank(b) - rank(a)) : customers;
  const columns = customerColumns(customers, lang, currency, clv.unit ?? 'week');
  const header = [t('customer', lang), ...columns.map(([, label]) => label)];
  const row = (c) => el('tr', {}, el('th', { scope: 'row', text: String(c.customer) }),
    columns.map(([column, , format]) => {
      const value = c[column];
      const data = column === 'clv' ? { kpi: 'clv_predictive', value: isNumber(value) ? String(value) : '', period: 'all',
        dimension: `customer=${c.customer}` } : { value: isNumber(value) ? String(value) : '' };
      return el('td', { class: 'num' }, el('span', { class: 'kpi-value', dataset: data,
        text: isNumber(value) ? format(value) : '—' }));
    }));
  const table = el('table', { class: 'data-table customers' },
    el('thead', {}, el('tr', {}, header.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: h })))),
    el('tbody', {}, sorted.slice(0, CUSTOMERS_SHOWN).map(row)));
  // The download holds every customer, not only the rows on the page.
  const all = () => ({ header, rows: sorted.map((c) => [String(c.customer), ...columns.map(([column]) =>
    (isNumber(c[column]) ? c[column] : null))]) });
  const titleKey = { clv: 'clvTop', expected_purchases: 'clvTopPurchases' }[key] ?? 'clvFirstCustomers';
  const title = t(titleKey, lang).replace('{n}', formatNumber(Math.min(CUSTOMERS_SHOWN, sorted.length), lang));
  return [el('h3', { text: title }),
    downloadableTable(table, { name: t('clvCustomers', lang), lang, data: all }),
    sorted.length > CUSTOMERS_SHOWN ? el('p', { class: 'note', text: t('clvAllInDownload', lang)
      .replace('{n}', formatNumber(sorted.length, lang)) }) : null];
}

function modelNotes(clv, lang) {
  const notes = [];
  const number = (v) => formatNumber(v, lang, 4);
  if (clv.bgnbd) {
    const b = clv.bgnbd;
    notes.push(el('p', { class: 'note', text: `${t('modelFit', lang)} BG/NBD${colon(lang)}r = ${number(b.r)}, ` +
      `α = ${number(b.alpha)}, a = ${number(b.a)}, b = ${number(b.b)} (${formatNumber(b.customers, lang)} ${t('customersCount', lang).toLowerCase()})` }));
  }
  if (clv.gamma_gamma) {
    const g = clv.gamma_gamma;
    notes.push(el('p', { class: 'note', text: `${t('modelFit', lang)} Gamma-Gamma${colon(lang)}p = ${number(g.p)}, ` +
      `q = ${number(g.q)}, γ = ${number(g.gamma)} (${formatNumber(g.customers, lang)} ${t('customersCount', lang).toLowerCase()})` }));
  }
  return notes;
}

// What the files do not allow, said in words (the engine's warnings, and the views left empty).
function cannotShow(clv, lang) {
  const items = (clv.warnings ?? []).map((w) => engineWords(w, lang));
  if (clv.model_error) items.push(`${t('predictiveUnavailable', lang)}${colon(lang)}${engineWords(clv.model_error, lang)}`);
  const noSpendWarned = (clv.warnings ?? []).some((w) => w.code === 'no_spend');
  if (!clv.model_error && !noSpendWarned && (clv.customers ?? []).length && !(clv.customers ?? []).some((c) => isNumber(c.clv))) {
    items.push(t('clvNeedsSpend', lang));
  }
  if (!clv.historical) items.push(t(clv.source === 'rfm' ? 'clvNoHistoryRfm' : 'clvNoHistory', lang));
  if (clv.historical && !(clv.cohorts ?? []).length) items.push(t('clvNoCohorts', lang));
  if (!(clv.by_channel ?? []).length) items.push(t('clvNoChannels', lang));
  if (!items.length) return null;
  return el('div', { class: 'cannot-show' }, el('h3', { text: t('clvCannotShow', lang) }),
    el('ul', { class: 'warning-list' }, items.map((text) => el('li', { text }))));
}

function clvSummary(clv, lang, currency) {
  const s = clv.summary ?? {};
  const source = clv.source === 'rfm' ? t('clvFromRfm', lang).replace('{unit}', t(`unit_${clv.unit}`, lang))
    : t('clvFromTransactions', lang);
  const tiles = [
    statTile(t('clvModelled', lang), s.customers, 'count', lang, currency),
    isNumber(s.clv_total) ? statTile(t('clvTotal', lang).replace('{h}', String(clv.horizon_months)), s.clv_total, 'currency', lang, currency) : null,
    isNumber(s.clv_mean) ? statTile(t('predictedClvMean', lang), s.clv_mean, 'currency', lang, currency) : null,
    isNumber(s.expected_purchases_new_customer) ? statTile(t('clvNewCustomerPurchases', lang)
      .replace('{h}', String(clv.horizon_months)), s.expected_purchases_new_customer, 'ratio', lang, currency) : null,
  ].filter(Boolean);
  return [el('p', { class: 'note clv-basis', text: `${source} ${t('clvWholeHistory', lang)}` }),
    s.customers ? el('div', { class: 'tiles' }, tiles) : null, newCustomerPurchases(clv, lang)];
}

// P(a new customer makes n purchases over the horizon), n = 0…10 (BG/NBD).
function newCustomerPurchases(clv, lang) {
  const probabilities = clv.summary?.new_customer_purchase_probabilities ?? [];
  if (!probabilities.some(isNumber)) return null;
  const title = t('clvNewCustomerDistribution', lang).replace('{h}', String(clv.horizon_months));
  return el('details', { class: 'chart-data' }, el('summary', { text: title }),
    downloadableTable(el('table', { class: 'data-table compact' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'num', text: t('purchasesCount', lang) }),
        el('th', { scope: 'col', class: 'num', text: t('probability', lang) }))),
      el('tbody', {}, probabilities.map((p, n) => el('tr', {}, el('td', { class: 'num', dataset: { value: String(n) }, text: String(n) }),
        el('td', { class: 'num', dataset: { value: isNumber(p) ? String(p * 100) : '' },
          text: isNumber(p) ? formatValue(p * 100, 'percent', lang) : '—' }))))), { name: title, lang }));
}

export function renderClv(container, { clv, error, index, period, lang, width }) {
  const blocks = [];
  const currency = index.currency;
  if (!clv) blocks.push(errorNote(error, lang) ?? el('p', { class: 'note', text: t('unavailable', lang) }));
  if (clv) blocks.push(...clvSummary(clv, lang, currency));
  if (clv?.historical) {
    const h = clv.historical;
    blocks.push(el('h3', { text: t('historicalClv', lang) }), el('div', { class: 'tiles' },
      statTile(t('historicalClv', lang), h.clv, 'currency', lang, currency, 'clv'),
      statTile(t('averageOrderValue', lang), h.average_order_value, 'currency', lang, currency),
      statTile(t('purchaseFrequency', lang), h.purchase_frequency_per_month, 'ratio', lang, currency),
      statTile(t('lifespanMonths', lang), h.lifespan_months, 'ratio', lang, currency),
      statTile(t('customersCount', lang), h.customers, 'count', lang, currency)));
  }
  if (clv) {
    const customers = clv.customers ?? [];
    const predicted = customers.filter((c) => isNumber(c.clv));
    // The distribution of predicted CLV, or of P(alive) when spend is unknown.
    const distribution = predicted.length
      ? { key: 'clv', title: t('clvDistribution', lang), values: predicted.map((c) => c.clv),
        tick: (v) => formatNumber(v, lang, 0) }
      : customers.some((c) => isNumber(c.p_alive))
        ? { key: 'p_alive', title: t('pAliveDistribution', lang), values: customers.map((c) => c.p_alive * 100),
          tick: (v) => `${formatNumber(v, lang, 0)} %`, domain: [0, 100], bins: 10 } : null;
    if (distribution) {
      blocks.push(el('h3', { text: distribution.title }), chartFrame({ name: distribution.title, lang, width,
        draw: (w) => histogram({ values: distribution.values, width: w, lang, formatTick: distribution.tick,
          domain: distribution.domain, binCount: distribution.bins ?? 12,
          title: `${distribution.title} (${formatNumber(distribution.values.length, lang)} ${t('customersCount', lang).toLowerCase()})` }) }));
    }
    blocks.push(customersBlock(clv, lang, currency), ...modelNotes(clv, lang));
    const cohorts = cohortTable(clv.cohorts, lang);
    if (cohorts) blocks.push(el('h3', { text: t('cohorts', lang) }), cohorts);
  }
  const ltvCac = ltvCacTable(clv, index, period, lang);
  if (ltvCac) blocks.push(el('h3', { text: t('ltvCac', lang) }), ltvCac);
  if (clv) blocks.push(cannotShow(clv, lang));
  container.replaceChildren(...blocks.flat().filter(Boolean));
}
