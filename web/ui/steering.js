// The steering panel (KPIS.md §6, seed 000): goals per KPI × slice × period, the reporting
// cadence and A/B comparisons. The engine computes every number (report.goals, report.cadence,
// report.ab_tests); this module shows the forms and the answers, each number in a
// <span data-kpi data-value> like the rest of the page (the choices as data: steering-store.js).
import { el } from './dom.js';
import { downloadableTable } from './downloads.js';
import { dimensionKey, formatNumber, formatValue, isNumber } from './format.js';
import { dimensionLabel, pick, t } from './i18n.js';
import { AB_DIMENSIONS, abKpiChoices, isPeriodLabel } from './steering-store.js';

// Slices a goal may be set on (those of the KPI's catalogue `dimensions`).
const GOAL_DIMENSIONS = ['channel', 'source', 'campaign', 'landing_page', 'cta', 'device'];

// A number shown by the panel: data-kpi names what it is (goal_progress, ab_p_value…).
function figure(kpi, value, text, { period = '', dimension = '', extra = {} } = {}) {
  return el('span', { class: `kpi-value${isNumber(value) ? '' : ' null'}`,
    dataset: { kpi, value: isNumber(value) ? String(value) : '', period, dimension, ...extra },
    text: isNumber(value) ? text : '—' });
}

function labelOf(kpi, entries, lang) {
  if (kpi === 'conversion') return t('abConversion', lang);
  return pick(entries.get(kpi)?.label, lang) || kpi;
}

function sliceText(dimensions, lang) {
  const parts = Object.entries(dimensions ?? {}).map(([k, v]) => `${dimensionLabel(k, lang)} = ${v}`);
  return parts.length ? parts.join(', ') : t('allData', lang);
}


// ------------------------------------------------------------------ goals
function goalForm(ctx) {
  const { entries, index, lang, handlers } = ctx;
  const kpis = [...entries.values()].filter((e) => (e.output ?? 'values') === 'values' && !e.breakdown?.length);
  const kpiSelect = el('select', { name: 'goal-kpi' },
    kpis.map((e) => el('option', { value: e.id, text: pick(e.label, lang) || e.id, selected: e.id === 'leads' })));
  const dimensionSelect = el('select', { name: 'goal-dimension' });
  const valueInput = el('input', { name: 'goal-dimension-value', list: 'goal-dimension-values',
    placeholder: t('goalDimensionValue', lang), disabled: true });
  const valueList = el('datalist', { id: 'goal-dimension-values' });
  const fillDimensions = () => {
    const allowed = entries.get(kpiSelect.value)?.dimensions ?? [];
    dimensionSelect.replaceChildren(el('option', { value: '', text: t('allData', lang) }),
      ...GOAL_DIMENSIONS.filter((d) => allowed.includes(d))
        .map((d) => el('option', { value: d, text: dimensionLabel(d, lang) })));
    fillValues();
  };
  const fillValues = () => {
    const dimension = dimensionSelect.value;
    valueInput.disabled = !dimension;
    if (!dimension) valueInput.value = '';
    valueList.replaceChildren(...(dimension ? index.dimensionValues(dimension) : [])
      .map((v) => el('option', { value: v })));
  };
  kpiSelect.addEventListener('change', fillDimensions);
  dimensionSelect.addEventListener('change', fillValues);
  fillDimensions();
  const periodInput = el('input', { name: 'goal-period', list: 'goal-periods', value: index.periods.at(-1) ?? 'all',
    size: 12 });
  const periodList = el('datalist', { id: 'goal-periods' },
    [...index.periods, 'all'].map((p) => el('option', { value: p })));
  const targetInput = el('input', { name: 'goal-target', type: 'number', step: 'any', min: '0', size: 8 });
  const message = el('span', { class: 'form-message', role: 'status' });
  const add = (event) => {
    event.preventDefault();
    const period = periodInput.value.trim();
    const target = Number(targetInput.value);
    if (!isPeriodLabel(period)) {
      message.textContent = t('goalBadPeriod', lang);
      return;
    }
    if (targetInput.value.trim() === '' || !Number.isFinite(target)) {
      message.textContent = t('goalBadTarget', lang);
      return;
    }
    const dimensions = dimensionSelect.value && valueInput.value.trim()
      ? { [dimensionSelect.value]: valueInput.value.trim() } : {};
    handlers.onAddGoal({ kpi: kpiSelect.value, dimensions, period, target });
  };
  return el('form', { class: 'steering-form goal-form', onsubmit: add },
    field('goalKpi', kpiSelect, lang), field('goalDimension', dimensionSelect, lang),
    field('goalDimensionValue', valueInput, lang), valueList,
    field('periodTitle', periodInput, lang), periodList, field('goalTarget', targetInput, lang),
    el('button', { type: 'submit', class: 'button', text: t('goalAdd', lang) }), message);
}

function field(labelKey, control, lang) {
  return el('label', { class: 'field' }, el('span', { text: t(labelKey, lang) }), control);
}

function goalRow(goal, i, ctx) {
  const { entries, lang, index, handlers } = ctx;
  const entry = entries.get(goal.kpi);
  const unit = entry?.unit ?? 'count';
  const dimension = dimensionKey(goal.dimensions);
  const where = { period: goal.period, dimension, extra: { goal: goal.kpi } };
  const progress = isNumber(goal.progress) ? goal.progress : null;
  return el('tr', { class: `goal status-${goal.status ?? 'pending'}` },
    el('th', { scope: 'row' }, labelOf(goal.kpi, entries, lang),
      el('span', { class: 'slice', text: ` · ${sliceText(goal.dimensions, lang)}` })),
    el('td', { text: goal.period }),
    el('td', { class: 'num' }, figure('goal_actual', goal.actual, formatValue(goal.actual, unit, lang, index.currency), where)),
    el('td', { class: 'num' }, figure('goal_target', goal.target, formatValue(goal.target, unit, lang, index.currency), where)),
    el('td', {}, el('div', { class: 'progress-cell' },
      el('div', { class: 'goal-bar' }, el('div', { style: `width:${Math.min(100, Math.max(0, progress ?? 0)).toFixed(1)}%` })),
      figure('goal_progress', progress, `${formatNumber(progress, lang, 1)} %`, where))),
    el('td', {}, el('span', { class: `status-badge ${goal.status ?? ''}`,
      text: t(`goalStatus_${goal.status ?? 'pending'}`, lang) })),
    el('td', {}, el('button', { type: 'button', class: 'icon-button', text: '×', title: t('remove', lang),
      'aria-label': t('remove', lang), onclick: () => handlers.onRemoveGoal(i) })));
}

function goalsBlock(ctx) {
  const { steering, report, lang } = ctx;
  const answered = report?.goals ?? [];
  // The engine answers in the order asked; a goal added since the last report shows as pending.
  const rows = steering.goals.map((goal, i) => goalRow({ ...goal, ...(answered[i]?.kpi === goal.kpi ? answered[i] : {}) }, i, ctx));
  return el('div', { class: 'steering-block' },
    el('h3', { text: t('goalsTitle', lang) }),
    goalForm(ctx),
    rows.length ? downloadableTable(el('table', { class: 'data-table goals-table' },
      el('thead', {}, el('tr', {}, ['goalKpi', 'periodTitle', 'goalActual', 'goalTarget', 'goalProgress', 'goalStatus', '']
        .map((k, i) => el('th', { scope: 'col', class: i >= 2 && i <= 3 ? 'num' : '', text: k ? t(k, lang) : '' })))),
      el('tbody', {}, rows)), { name: t('goalsTitle', lang), lang }) : el('p', { class: 'note', text: t('goalsEmpty', lang) }));
}

// ------------------------------------------------------------------ cadence
function cadenceBlock(ctx) {
  const { steering, report, lang, handlers, selectedRange } = ctx;
  const start = el('input', { type: 'date', name: 'cadence-start', value: steering.cadenceStart });
  start.addEventListener('change', () => handlers.onCadence({ cadenceStart: start.value }));
  const byCadence = el('input', { type: 'checkbox', name: 'by-cadence', checked: steering.byCadence,
    disabled: !steering.cadenceStart });
  byCadence.addEventListener('change', () => handlers.onCadence({ byCadence: byCadence.checked }));
  const periods = report?.cadence ?? [];
  const list = periods.length ? el('ol', { class: 'cadence-list' }, periods.map((p, i) => el('li', {},
    el('button', { type: 'button', class: `cadence-period${selectedRange === p.label ? ' selected' : ''}`,
      dataset: { start: p.start, end: p.end, label: p.label, index: String(i + 1) },
      title: t('cadencePick', lang), onclick: () => handlers.onPickRange(p) },
    el('span', { class: 'cadence-phase', text: phaseOf(p, lang) }),
    ` ${p.start} → ${p.end}`)))) : el('p', { class: 'note', text: t(steering.cadenceStart ? 'cadenceNone' : 'cadenceHint', lang) });
  return el('div', { class: 'steering-block' },
    el('h3', { text: t('cadenceTitle', lang) }),
    el('p', { class: 'note', text: t('cadenceRule', lang) }),
    el('div', { class: 'steering-form' }, field('cadenceStart', start, lang),
      el('label', { class: 'check' }, byCadence, ` ${t('cadenceByPeriods', lang)}`),
      selectedRange ? el('button', { type: 'button', class: 'link-button cadence-clear',
        text: t('cadenceClear', lang), onclick: () => handlers.onClearRange() }) : null),
    list);
}

// "week", "2 weeks" or "month" from the period's length (the engine cuts at phase boundaries).
function phaseOf(period, lang) {
  const days = Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86400000) + 1;
  return t(days <= 7 ? 'cadenceWeekly' : days <= 14 ? 'cadenceBiweekly' : 'cadenceMonthly', lang);
}

// ------------------------------------------------------------------ A/B test
function abForm(ctx) {
  const { steering, entries, index, lang, handlers, abVariants } = ctx;
  const { dimension, kpi, a, b } = steering.ab;
  const dimensionSelect = el('select', { name: 'ab-dimension' }, AB_DIMENSIONS.map((d) =>
    el('option', { value: d, text: dimensionLabel(d, lang), selected: d === dimension })));
  const kpiSelect = el('select', { name: 'ab-kpi' }, abKpiChoices(dimension, entries, index).map((id) =>
    el('option', { value: id, text: labelOf(id, entries, lang), selected: id === kpi })));
  const variantSelect = (name, current) => el('select', { name },
    el('option', { value: '', text: t('abPickVariant', lang) }),
    abVariants.map((v) => el('option', { value: v, text: v, selected: v === current })));
  const aSelect = variantSelect('ab-a', a);
  const bSelect = variantSelect('ab-b', b);
  dimensionSelect.addEventListener('change', () => handlers.onAb({ dimension: dimensionSelect.value,
    kpi: 'conversion', a: '', b: '' }));
  kpiSelect.addEventListener('change', () => handlers.onAb({ kpi: kpiSelect.value, a: '', b: '' }));
  const compare = (event) => {
    event.preventDefault();
    handlers.onAb({ a: aSelect.value, b: bSelect.value });
  };
  return el('form', { class: 'steering-form ab-form', onsubmit: compare },
    field('abDimension', dimensionSelect, lang), field('abKpi', kpiSelect, lang),
    field('abVariantA', aSelect, lang), field('abVariantB', bSelect, lang),
    el('button', { type: 'submit', class: 'button', text: t('abCompare', lang) }),
    abVariants.length ? null : el('span', { class: 'form-message info', text: t(`abNoVariants_${dimension}`, lang) }));
}

const percent = (fraction, lang) => `${formatNumber(fraction * 100, lang, 2)} %`;

function abResult(test, lang) {
  if (!test) return null;
  const period = test.period ?? 'all';
  if (test.status !== 'ok') {
    return el('p', { class: 'warning-note', dataset: { abStatus: test.status }, text: t(`abStatus_${test.status}`, lang) });
  }
  const variantRow = (side, v) => {
    const where = { period, dimension: `${test.dimension}=${v.variant}` };
    return el('tr', {}, el('th', { scope: 'row', text: `${side.toUpperCase()} · ${v.variant}` }),
      el('td', { class: 'num' }, figure('ab_conversions', v.conversions, formatNumber(v.conversions, lang), where)),
      el('td', { class: 'num' }, figure('ab_trials', v.trials, formatNumber(v.trials, lang), where)),
      el('td', { class: 'num' }, figure('ab_rate', v.rate, percent(v.rate, lang), where)));
  };
  const where = { period, dimension: `${test.dimension}=${test.a.variant}|${test.b.variant}` };
  const stat = (labelKey, kpi, value, text) => [el('dt', { text: t(labelKey, lang) }),
    el('dd', {}, figure(kpi, value, text, where))];
  const [low, high] = test.ci_95 ?? [null, null];
  const significant = test.significant === true;
  return el('div', { class: 'ab-result' },
    downloadableTable(el('table', { class: 'data-table compact' },
      el('thead', {}, el('tr', {}, ['abVariant', 'abConversions', 'abTrials', 'abRate'].map((k, i) =>
        el('th', { scope: 'col', class: i ? 'num' : '', text: t(k, lang) })))),
      el('tbody', {}, variantRow('a', test.a), variantRow('b', test.b))), { name: t('abTitle', lang), lang }),
    el('dl', { class: 'ab-stats' },
      stat('abDifference', 'ab_difference', test.difference, `${test.difference >= 0 ? '+' : ''}${formatNumber(test.difference * 100, lang, 2)} pts`),
      [el('dt', { text: t('abCi', lang) }), el('dd', {},
        figure('ab_ci_low', low, `${formatNumber(low * 100, lang, 2)}`, where), ' … ',
        figure('ab_ci_high', high, `${formatNumber(high * 100, lang, 2)} pts`, where))],
      stat('abZ', 'ab_z', test.z, formatNumber(test.z, lang, 3)),
      stat('abPValue', 'ab_p_value', test.p_value, formatNumber(test.p_value, lang, 4)),
      stat('abBayes', 'ab_probability_b_beats_a', test.probability_b_beats_a,
        percent(test.probability_b_beats_a, lang))),
    el('p', { class: `verdict ${significant ? 'significant' : 'not-significant'}`,
      dataset: { significant: String(significant) },
      text: verdictText(test, lang) }));
}

function verdictText(test, lang) {
  const better = test.difference > 0 ? test.b.variant : test.a.variant;
  const p = formatNumber(test.p_value, lang, 4);
  if (test.significant) return t('abSignificant', lang).replace('{better}', better).replace('{p}', p);
  return t('abNotSignificant', lang).replace('{p}', p);
}

function abBlock(ctx) {
  const { report, lang, steering } = ctx;
  const test = (report?.ab_tests ?? []).find((x) => x.a?.variant === steering.ab.a && x.b?.variant === steering.ab.b) ??
    report?.ab_tests?.[0];
  return el('div', { class: 'steering-block' },
    el('h3', { text: t('abTitle', lang) }),
    abForm(ctx),
    steering.ab.a && steering.ab.b ? abResult(test, lang) : null);
}

// The whole panel. ctx: {steering, report (the total report), entries, index, lang, abVariants,
// selectedRange, handlers: {onAddGoal, onRemoveGoal, onCadence, onPickRange, onAb}}.
export function renderSteering(container, ctx) {
  container.replaceChildren(goalsBlock(ctx), cadenceBlock(ctx), abBlock(ctx));
}
