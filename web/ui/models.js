// Attribution (model selector + comparison chart + definitions) and CLV (distribution, top
// customers, cohorts, LTV:CAC per channel) sections.
import { groupedBars, histogram, PALETTE } from './charts.js';
import { el } from './dom.js';
import { formatNumber, formatValue, isNumber } from './format.js';
import { colon, pick, t } from './i18n.js';
import { kpiValue } from './kpis.js';

function errorNote(error, lang) {
  if (!error) return null;
  const text = lang === 'fr' ? error.messageFr ?? error.message : error.messageEn ?? error.message;
  return el('p', { class: 'needs-note', text: `${t('unavailable', lang)}${colon(lang)}${text}` });
}

// The models most marketers compare first; "all" shows the fourteen.
const KEY_MODELS = ['first_touch', 'last_touch', 'linear', 'position_based', 'markov_1', 'shapley'];

// `view` = {model: 'key' | 'all' | model id, measure: 'value' | 'conversions'}; onChange(view) re-renders.
export function renderAttribution(container, { attribution, error, lang, view, onChange }) {
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
  const channels = [...new Set(models.flatMap((m) => m.channels.map((c) => c.channel)))];
  const series = models.map((m, i) => ({
    id: m.id, label: pick(m.label, lang) || m.id, color: PALETTE[i % PALETTE.length],
    values: new Map(m.channels.map((c) => [c.channel, c[view.measure]])),
  }));
  const keyModels = series.filter((s) => KEY_MODELS.includes(s.id));
  const shown = view.model === 'all' ? series
    : view.model === 'key' ? (keyModels.length ? keyModels : series)
      : series.filter((s) => s.id === view.model);
  const legend = el('ul', { class: 'legend' }, shown.map((s) => el('li', {},
    el('span', { class: 'swatch', style: `background:${s.color}` }), s.label)));

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
  const definitions = el('details', { class: 'definitions', open: true },
    el('summary', { text: t('definitions', lang) }),
    el('dl', {}, models.map((m) => [
      el('dt', { text: pick(m.label, lang) || m.id }),
      el('dd', {}, el('span', { text: pick(m.definition, lang) }),
        m.definition?.en && m.definition?.fr
          ? el('span', { class: 'other-language', lang: lang === 'fr' ? 'en' : 'fr',
            text: ` (${pick(m.definition, lang === 'fr' ? 'en' : 'fr')})` }) : null)])));
  container.replaceChildren(
    el('div', { class: 'controls' },
      el('label', {}, el('span', { text: t('attributionModel', lang) }), modelSelect),
      el('label', {}, el('span', { text: t('attributionMeasure', lang) }), measureSelect)),
    legend,
    groupedBars({ categories: channels, series: shown, lang, title: t('attributionTitle', lang) }),
    table, definitions);
}

function cohortTable(cohorts, lang) {
  if (!Array.isArray(cohorts) || !cohorts.length) return null;
  const width = Math.max(...cohorts.map((c) => (c.retention ?? c.active_share ?? []).length));
  return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table cohort' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('cohort', lang) }),
      el('th', { scope: 'col', class: 'num', text: t('customersCount', lang) }),
      Array.from({ length: width }, (_, i) => el('th', { scope: 'col', class: 'num', text: `M+${i}` })))),
    el('tbody', {}, cohorts.map((c) => {
      const shares = c.retention ?? c.active_share ?? [];
      // retention[0] is the acquisition month itself (100 % by construction).
      return el('tr', {}, el('th', { scope: 'row', text: c.cohort ?? c.month ?? '' }),
        el('td', { class: 'num', text: formatNumber(c.customers ?? c.size, lang) }),
        shares.map((share) => {
          const pct = isNumber(share) ? (share <= 1 ? share * 100 : share) : null;
          const cell = el('td', { class: 'num heat', text: pct === null ? '' : `${formatNumber(pct, lang, 0)} %` });
          if (pct !== null) cell.style.backgroundColor = `rgba(43, 108, 176, ${(pct / 100) * 0.55})`;
          return cell;
        }));
    }))));
}

// LTV:CAC per channel: the CLV module's whole-history view (historical CLV, CAC, ratio) when it
// has one; otherwise the KPI engine's ltv_to_cac for the selected period.
function ltvCacTable(clv, index, period, lang) {
  const rows = clv?.by_channel ?? [];
  const money = (v) => formatValue(v, 'currency', lang, index.currency);
  const cell = (kpi, value, unit, dimension) => el('td', { class: 'num' }, el('span', { class: 'kpi-value',
    dataset: { kpi, value: isNumber(value) ? String(value) : '', period: 'all', dimension },
    text: isNumber(value) ? formatValue(value, unit, lang, index.currency) : '—' }));
  if (rows.length) {
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, [t('channel', lang), t('newCustomers', lang), 'CAC', t('historicalClv', lang),
        t('predictedClvMean', lang), 'LTV:CAC'].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: h })))),
      el('tbody', {}, rows.map((r) => {
        const dimension = `channel=${r.channel}`;
        return el('tr', {}, el('th', { scope: 'row', text: r.channel }),
          el('td', { class: 'num', text: formatNumber(r.new_customers, lang) }),
          cell('cac', r.cac, 'currency', dimension),
          cell('clv', r.historical?.clv, 'currency', dimension),
          el('td', { class: 'num', text: isNumber(r.predicted_clv_mean) ? money(r.predicted_clv_mean) : '—' }),
          cell('ltv_to_cac', r.ltv_to_cac, 'ratio', dimension));
      }))));
  }
  const channels = index.dimensionValues('channel');
  return el('table', { class: 'data-table compact' },
    el('tbody', {}, channels.map((channel) => el('tr', {}, el('th', { scope: 'row', text: channel }),
      el('td', { class: 'num' }, kpiValue({ kpi: 'ltv_to_cac', period, dimension: `channel=${channel}`,
        index, entry: { unit: 'ratio' }, lang }))))));
}

export function renderClv(container, { clv, error, index, period, lang }) {
  const blocks = [];
  if (!clv) blocks.push(errorNote(error, lang) ?? el('p', { class: 'note', text: t('unavailable', lang) }));
  if (clv?.historical) {
    const h = clv.historical;
    const stat = (labelKey, value, unit, kpi) => el('div', { class: 'tile' },
      el('span', { class: 'tile-label', text: t(labelKey, lang) }),
      el('span', { class: 'kpi-value big', dataset: kpi ? { kpi, value: isNumber(value) ? String(value) : '',
        period: 'all', dimension: '' } : {}, text: formatValue(value, unit, lang, index.currency) }));
    blocks.push(el('div', { class: 'tiles' },
      stat('historicalClv', h.clv, 'currency', 'clv'),
      stat('averageOrderValue', h.average_order_value, 'currency'),
      stat('purchaseFrequency', h.purchase_frequency_per_month, 'ratio'),
      stat('lifespanMonths', h.lifespan_months, 'ratio'),
      stat('customersCount', h.customers, 'count')));
  }
  if (clv) {
    const customers = clv.customers ?? [];
    const predicted = customers.filter((c) => isNumber(c.clv));
    if (predicted.length) {
      blocks.push(el('h3', { text: t('clvDistribution', lang) }),
        histogram({ values: predicted.map((c) => c.clv), lang, title: t('clvDistribution', lang) }));
    }
    const top = [...predicted].sort((a, b) => b.clv - a.clv).slice(0, 10);
    if (top.length) blocks.push(el('h3', { text: t('clvTop', lang) }), el('div', { class: 'table-wrap' },
      el('table', { class: 'data-table' },
        el('thead', {}, el('tr', {}, [t('customer', lang), 'CLV', t('pAlive', lang), t('expectedPurchases', lang)]
          .map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: h })))),
        el('tbody', {}, top.map((c) => el('tr', {}, el('th', { scope: 'row', text: String(c.customer) }),
          el('td', { class: 'num' }, el('span', { class: 'kpi-value', dataset: { kpi: 'clv_predictive',
            value: String(c.clv), period: 'all', dimension: `customer=${c.customer}` },
          text: formatValue(c.clv, 'currency', lang, index.currency) })),
          el('td', { class: 'num', text: formatValue(c.p_alive * 100, 'percent', lang) }),
          el('td', { class: 'num', text: formatNumber(c.expected_purchases, lang, 2) })))))));
    if (clv.bgnbd) {
      const b = clv.bgnbd;
      blocks.push(el('p', { class: 'note', text: `${t('modelFit', lang)} BG/NBD${colon(lang)}r = ${formatNumber(b.r, lang, 4)}, ` +
        `α = ${formatNumber(b.alpha, lang, 4)}, a = ${formatNumber(b.a, lang, 4)}, b = ${formatNumber(b.b, lang, 4)}` }));
    }
    const cohorts = cohortTable(clv.cohorts, lang);
    if (cohorts) blocks.push(el('h3', { text: t('cohorts', lang) }), cohorts);
    for (const w of clv.warnings ?? []) blocks.push(el('p', { class: 'warning-note', text: pick(w.message ?? w, lang) }));
    if (clv.model_error) {
      const e = clv.model_error;
      blocks.push(el('p', { class: 'warning-note', text: `${t('predictiveUnavailable', lang)}${colon(lang)}` +
        (lang === 'fr' ? e.message_fr ?? e.message_en : e.message_en ?? e.message_fr ?? e.code) }));
    }
  }
  blocks.push(el('h3', { text: t('ltvCac', lang) }), ltvCacTable(clv, index, period, lang));
  container.replaceChildren(...blocks.filter(Boolean));
}
