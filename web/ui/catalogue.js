// The whole catalogue, grouped as in KPIS.md: each KPI with its value for the selected period,
// and its formula, numerator and denominator on demand.
import { el } from './dom.js';
import { downloadableTable, tableDownloads } from './downloads.js';
import { dimensionKey, formatNumber, formatValue, isNumber } from './format.js';
import { dimensionLabel, pick, t } from './i18n.js';
import { kpiValue, valueOf } from './kpis.js';

// KPIS.md sections in order; a catalogue `section` is matched by any of its aliases.
const SECTIONS = [
  ['sectionFunnel', ['funnel', 'conversion', '1']],
  ['sectionRevenue', ['revenue', '2']],
  ['sectionCost', ['cost', 'cac', 'clv', 'roi', '3']],
  ['sectionEmail', ['email', 'nurturing', '4']],
  ['sectionTraffic', ['traffic', '5']],
  ['sectionSteering', ['steering', '6']],
];

function sectionKey(entry) {
  const raw = String(entry.section ?? '').toLowerCase();
  const found = SECTIONS.find(([, aliases]) => aliases.some((a) => raw === a || raw.startsWith(a)));
  return found ? found[0] : null;
}

// An operand in words: the catalogue label when the operand is itself a KPI, else nothing (a
// measure's internal name means nothing to a marketer; the formula says it in words).
function operandText(id, value, labels, lang) {
  const label = labels.get(id) ?? '';
  const number = isNumber(value) ? formatNumber(value, lang) : '';
  return [label, number].filter(Boolean).join(' = ') || '—';
}

function traceDetails(entry, value, lang, labels) {
  const formula = pick(entry.formula, lang);
  const description = pick(entry.description, lang);
  return el('details', { class: 'trace' },
    el('summary', { text: t('formula', lang) }),
    description ? el('p', { class: 'description', text: description }) : null,
    el('dl', {},
      formula ? [el('dt', { text: t('formula', lang) }), el('dd', {}, el('code', { text: formula }))] : null,
      el('dt', { text: t('numerator', lang) }),
      el('dd', { text: operandText(entry.numerator ?? entry.id, value?.numerator, labels, lang) }),
      entry.denominator ? [el('dt', { text: t('denominator', lang) }),
        el('dd', { text: operandText(entry.denominator, value?.denominator, labels, lang) })] : null,
      value?.inputs?.length ? [el('dt', { text: t('inputs', lang) }),
        el('dd', { class: 'inputs' }, el('ul', {}, value.inputs.map((file) => el('li', {}, el('code', { text: file })))))] : null));
}

const STAGE_NAMES = { subscriber: ['subscriber', 'abonné'], lead: ['lead', 'lead'], mql: ['MQL', 'MQL'],
  sql: ['SQL', 'SQL'], opportunity: ['opportunity', 'opportunité'], customer: ['customer', 'client'] };
const stageName = (s, lang) => (STAGE_NAMES[s] ? STAGE_NAMES[s][lang === 'fr' ? 1 : 0] : s);

// Value cell of a catalogue entry; KPIs without a single value point to where they are shown.
function entryValue(entry, index, period, lang) {
  const output = entry.output ?? 'values';
  if (output === 'values' && entry.breakdown?.length && !index.get(entry.id, period) &&
    !index.missing.has(entry.id) && index.slicesOf(entry.id, period, entry.breakdown).length) {
    return null;  // shown per breakdown value just below
  }
  if (output === 'values' || index.missing.has(entry.id)) {
    if (index.notApplicable.has(entry.id) && !index.get(entry.id, period)) {
      return el('span', { class: 'kpi-value null', dataset: { kpi: entry.id, value: '', period, dimension: '' },
        text: t('notApplicable', lang) });
    }
    return kpiValue({ kpi: entry.id, period, index, entry, lang });
  }
  if (output === 'external') return el('span', { class: 'see-below', text: t('seeBelow', lang) });
  if (output === 'trends') return el('span', { class: 'see-below', text: t('trendsShown', lang) });
  if (['goals', 'cadence', 'ab_tests'].includes(output)) {
    return el('span', { class: 'see-below', text: t('steeringOptions', lang) });
  }
  return null;
}

// Ranking columns in words (report.rankings; rates are percentages).
const RANKING_COLUMNS = { page: ['Page', 'Page'], entrances: ['Entrances', 'Entrées'], sessions: ['Sessions', 'Sessions'],
  bounce_rate: ['Bounce rate (%)', 'Taux de rebond (%)'], lead_rate: ['Lead rate (%)', 'Taux de leads (%)'] };

function rankingTable(rows, lang, name) {
  if (!rows?.length) return null;
  const keys = Object.keys(rows[0]).filter((k) => typeof rows[0][k] !== 'object');
  const header = (k) => (RANKING_COLUMNS[k] ? RANKING_COLUMNS[k][lang === 'fr' ? 1 : 0] : k.replaceAll('_', ' '));
  return downloadableTable(el('table', { class: 'data-table compact' },
    el('thead', {}, el('tr', {}, keys.map((k) => el('th', { scope: 'col', text: header(k) })))),
    el('tbody', {}, rows.map((r) => el('tr', {}, keys.map((k) => el('td', {
      class: isNumber(r[k]) ? 'num' : '', dataset: isNumber(r[k]) ? { value: String(r[k]) } : {},
      text: isNumber(r[k]) ? formatNumber(r[k], lang) : String(r[k] ?? '') })))))), { name, lang });
}

// Stage velocity (median/mean days per step) and rankings have their own small tables.
function entryExtra(entry, index, period, lang) {
  if ((entry.output ?? 'values') === 'values' && entry.breakdown?.length && !index.get(entry.id, period)) {
    const slices = index.slicesOf(entry.id, period, entry.breakdown)
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).slice(0, 8);
    if (!slices.length) return null;
    const label = pick(entry.label, lang) || entry.id;
    return downloadableTable(el('table', { class: 'data-table compact slices' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: entry.breakdown.map((d) => dimensionLabel(d, lang)).join(' · ') }),
        el('th', { scope: 'col', class: 'num', text: `${label} · ${period}` }))),
      el('tbody', {}, slices.map((v) => {
        const dimension = dimensionKey(v.dimensions);
        return el('tr', {}, el('th', { scope: 'row', text: Object.values(v.dimensions).join(' · ') }),
          el('td', { class: 'num' }, kpiValue({ kpi: entry.id, period, dimension, index, entry, lang })));
      }))), { name: `${label} · ${period}`, lang });
  }
  if (entry.output === 'stage_velocity' && !index.missing.has(entry.id)) {
    const steps = index.stageVelocity.filter((v) => v.period === period && !Object.keys(v.dimensions ?? {}).length);
    if (!steps.length) return null;
    return downloadableTable(el('table', { class: 'data-table compact velocity' },
      el('thead', {}, el('tr', {}, [t('funnelStep', lang), t('median', lang), t('mean', lang), t('contactsCount', lang)]
        .map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: h })))),
      el('tbody', {}, steps.map((v) => {
        const step = `${v.from}>${v.to}`;
        const cell = (stat, value) => el('td', { class: 'num' }, el('span', { class: 'kpi-value',
          dataset: { kpi: 'stage_velocity', value: isNumber(value) ? String(value) : '', period,
            dimension: `stat=${stat};step=${step}` }, text: formatValue(value, 'days', lang) }));
        return el('tr', {}, el('th', { scope: 'row', text: `${stageName(v.from, lang)} → ${stageName(v.to, lang)}` }),
          cell('median', v.median_days), cell('mean', v.mean_days),
          el('td', { class: 'num', dataset: { value: String(v.contacts) }, text: formatNumber(v.contacts, lang) }));
      }))), { name: `${pick(entry.label, lang) || entry.id} · ${period}`, lang });
  }
  if (entry.output === 'ranking' && index.rankings) {
    const lists = entry.id === 'pages_to_fix' ? [index.rankings.pages_to_fix]
      : [index.rankings.top_entry_pages, index.rankings.top_blog_posts];
    const tables = lists.map((rows, i) => rankingTable(rows, lang,
      `${pick(entry.label, lang) || entry.id}${lists.length > 1 ? ` ${i + 1}` : ''}`)).filter(Boolean);
    return tables.length ? el('div', {}, tables) : null;
  }
  return null;
}

// Every catalogue KPI, grouped as in KPIS.md, with its value for the selected period.
export function renderCatalogue(container, { catalogue, index, period, lang }) {
  const labels = new Map((catalogue ?? []).map((e) => [e.id, pick(e.label, lang)]));
  const groups = new Map(SECTIONS.map(([key]) => [key, []]));
  const other = [];
  for (const entry of catalogue ?? []) {
    const key = sectionKey(entry);
    (key ? groups.get(key) : other).push(entry);
  }
  const blocks = [];
  for (const [key, entries] of [...groups, ['', other]]) {
    if (!entries.length) continue;
    blocks.push(el('section', { class: 'catalogue-section' },
      el('h3', { text: pick(entries[0].section_title, lang) || (key ? t(key, lang) : String(entries[0].section ?? '')) }),
      el('ul', { class: 'kpi-list' }, entries.map((entry) => el('li', { class: 'kpi-item', dataset: { entry: entry.id } },
        el('div', { class: 'kpi-head' },
          el('span', { class: 'kpi-label', text: pick(entry.label, lang) || entry.id }),
          entryValue(entry, index, period, lang)),
        entryExtra(entry, index, period, lang),
        traceDetails(entry, index.get(entry.id, period), lang, labels))))));
  }
  const name = `${t('catalogueTitle', lang)} · ${period}`;
  container.replaceChildren(tableDownloads({ name, lang, data: () => catalogueTable(catalogue, index, period, lang, name) }),
    ...blocks);
}

// The catalogue as one table (the "All KPIs" download): one row per KPI with a single value.
function catalogueTable(catalogue, index, period, lang, name) {
  const header = [t('sectionTitle', lang), t('kpi', lang), 'id', t('value', lang), t('unit', lang),
    t('numerator', lang), t('denominator', lang), t('formula', lang), t('note', lang)];
  const rows = (catalogue ?? []).filter((e) => (e.output ?? 'values') === 'values').map((entry) => {
    const v = index.get(entry.id, period);
    const missing = index.missing.get(entry.id);
    return [pick(entry.section_title, lang), pick(entry.label, lang), entry.id,
      valueOf(entry.id, period, '', index, entry), entry.unit ?? '', isNumber(v?.numerator) ? v.numerator : null,
      isNumber(v?.denominator) ? v.denominator : null, pick(entry.formula, lang),
      missing ? pick(missing.message, lang) : ''];
  });
  return { name, header, rows };
}
