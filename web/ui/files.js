// Per-file cards (what roilens understood of each file) and the manual mapping panel.
import { el } from './dom.js';
import { formatBytes, formatNumber } from './format.js';
import { fieldLabel, tableLabel } from './field-labels.js';
import { colon, pick, t } from './i18n.js';

// Tool ids the engine recognises and their names as each tool writes its own (a name in two
// languages where the tool has none of its own).
export const TOOLS = [
  ['hubspot', 'HubSpot'], ['mautic', 'Mautic'], ['ga4', 'Google Analytics 4'],
  ['ua', 'Universal Analytics'], ['matomo', 'Matomo'], ['google_ads', 'Google Ads'],
  ['meta_ads', 'Meta Ads'], ['linkedin_ads', 'LinkedIn Ads'], ['salesforce', 'Salesforce'],
  ['mailchimp', 'Mailchimp'], ['brevo', 'Brevo'], ['shopify', 'Shopify'],
  ['woocommerce', 'WooCommerce'], ['stripe', 'Stripe'],
  ['paths', ['Journey export (paths)', 'Export de parcours']],
  ['rfm', ['RFM customer summary', 'Synthèse clients RFM']],
  ['generic', ['Other (generic table)', 'Autre (tableau générique)']],
];
const TOOL_NAMES = Object.fromEntries(TOOLS);

// A tool's name; an id the page does not know yet reads as words ("cost_sheet" → "cost sheet").
export function toolName(id, lang) {
  const name = TOOL_NAMES[id];
  if (Array.isArray(name)) return name[lang === 'fr' ? 1 : 0];
  return name ?? String(id ?? '').replaceAll('_', ' ');
}

// The engine named the tool (a generic table only with some confidence).
function toolKnown(report) {
  if (!report || report.error || !report.tool || report.tool === 'unknown') return false;
  return report.tool !== 'generic' || (report.confidence ?? 0) >= 0.5;
}

export function needsMapping(report) {
  return !toolKnown(report) || (report.rows?.kept ?? 0) === 0;
}

// The file report's own error, in the one error shape (docs/errors.md).
function reportError(report) {
  const e = report?.error;
  if (!e) return null;
  return { code: e.code, message_en: e.message_en ?? e.message, message_fr: e.message_fr ?? e.message,
    file: e.file ?? report.file, line: e.line, column: e.column };
}

function rowsLine(rows, lang) {
  const part = (key, labelKey, cls) => el('span', { class: `rows-part ${cls}` },
    el('strong', { text: formatNumber(rows?.[key] ?? 0, lang) }), ` ${t(labelKey, lang)}`);
  return el('p', { class: 'rows' }, el('span', { class: 'meta-label', text: `${t('rows', lang)} ` }),
    part('read', 'rowsRead', 'read'), ' = ', part('kept', 'rowsKept', 'kept'), ' + ',
    part('rejected', 'rowsRejected', 'rejected'), ' + ', part('skipped', 'rowsSkipped', 'skipped'));
}

function warningText(warning, lang) {
  if (typeof warning === 'string') return warning;
  return pick(warning.message ?? warning, lang) || warning.code || JSON.stringify(warning);
}

function rejectionsList(rejections, lang) {
  if (!rejections?.length) return null;
  return el('details', { class: 'rejections' },
    el('summary', { text: `${t('firstRejections', lang)} (${rejections.length})` }),
    el('ul', {}, rejections.slice(0, 10).map((r) => el('li', {},
      el('span', { class: 'pos', text: `${t('line', lang)} ${r.line ?? '?'}` +
        (r.column ? `, ${t('column', lang)} ‘${r.column}’` : '') }),
      ' ', lang === 'fr' ? (r.reason_fr ?? r.reason ?? '') : (r.reason ?? r.reason_fr ?? '')))));
}

function errorBlock(error, lang) {
  const where = [error.file, error.line ? `${t('line', lang)} ${error.line}` : '',
    error.column ? `${t('column', lang)} ‘${error.column}’` : ''].filter(Boolean).join(', ');
  return el('div', { class: 'file-error', role: 'alert' },
    el('strong', { text: t('fileError', lang) }),
    el('p', { text: lang === 'fr' ? error.message_fr ?? error.message : error.message_en ?? error.message }),
    where ? el('p', { class: 'pos', text: where }) : null);
}

// Fields that date a row: the engine's fields of kind "date" (Session.fields()).
function dateFields(fields) {
  return new Set((fields?.tables ?? []).flatMap((t) => t.fields)
    .filter((f) => f.kind === 'date').map((f) => f.name));
}

// Rows rejected because the export names no date (a Google Ads "All time" report): no column
// was read as a date and nothing was dated, or the engine's rejections say "no date"
// (record_mapper.cpp). The user can then give the period the file covers (file option `period`).
export function needsPeriod(report, fields) {
  if (!report || report.error || (report.rows?.rejected ?? 0) === 0) return false;
  const mapped = Object.values(report.mapping ?? {});
  const dated = dateFields(fields);
  const undated = mapped.length > 0 && !mapped.some((f) => dated.has(f)) && !report.date_range;
  return undated || (report.rejections ?? []).some((r) => /\bno date\b/i.test(String(r.reason ?? '')));
}

// The "period covered" form of a file card: from–to dates, re-read with that period.
function periodForm(entry, lang, onPeriod, fields) {
  const current = entry.options?.period ?? {};
  const from = el('input', { type: 'date', name: 'period-from', value: current.from ?? '', required: true });
  const to = el('input', { type: 'date', name: 'period-to', value: current.to ?? '', required: true });
  const message = el('span', { class: 'form-message', role: 'status' });
  const submit = (event) => {
    event.preventDefault();
    if (!from.value || !to.value || from.value > to.value) {
      message.textContent = t('periodInvalid', lang);
      return;
    }
    onPeriod(entry, { from: from.value, to: to.value });
  };
  const given = Boolean(entry.options?.period) && !needsPeriod(entry.report, fields);
  return el('form', { class: `period-covered${given ? ' given' : ''}`, onsubmit: submit },
    el('p', { class: 'note', text: t(given ? 'periodCoveredGiven' : 'periodCoveredHint', lang) }),
    el('span', { class: 'meta-label', text: t('periodCovered', lang) }), ' ',
    el('label', {}, el('span', { class: 'visually-hidden', text: t('from', lang) }), from), ' → ',
    el('label', {}, el('span', { class: 'visually-hidden', text: t('to', lang) }), to), ' ',
    el('button', { type: 'submit', class: 'button small', text: t('periodApply', lang) }), message);
}

// What the engine made of the file, in one line: the tool and how sure it is, or why it kept
// nothing ("Google Ads, 95 %: no dates in this export — give the period it covers").
function toolLine(r, lang, fields) {
  const known = toolKnown(r);
  const kept = (r.rows?.kept ?? 0) > 0;
  const confidence = `${formatNumber((r.confidence ?? 0) * 100, lang, 0)} %`;
  const name = toolName(r.tool, lang);
  let badge;
  if (known && !kept) {
    const why = needsPeriod(r, fields) ? 'toolNoDates' : 'toolNothingKept';
    badge = el('span', { class: 'tool-badge unknown', dataset: { tool: r.tool, why },
      text: t(why, lang).replace('{tool}', name).replace('{confidence}', confidence) });
  } else if (known) {
    badge = [el('span', { class: 'tool-badge', dataset: { tool: r.tool }, text: name }), ' ',
      el('span', { class: 'confidence', text: `${t('confidence', lang)} ${confidence}` })];
  } else {
    const guess = r.tool && r.tool !== 'unknown' ? ` (${t('bestGuess', lang)}${colon(lang)}${name}, ${confidence})` : '';
    badge = el('span', { class: 'tool-badge unknown', dataset: { tool: r.tool ?? '' },
      text: `${t('notRecognised', lang)}${guess}` });
  }
  return el('p', { class: 'tool-line' }, badge,
    r.tables?.length ? el('span', { class: 'tables', text:
      ` · ${t('tables', lang)}${colon(lang)}${r.tables.map((x) => tableLabel(x, lang)).join(', ')}` }) : null);
}

// One card per file. `entry` = {id, name, size, report?, error?, progress?, options, header?}.
export function fileCard(entry, lang, { onFix, onRemove, onPeriod }, fields) {
  const r = entry.report;
  const error = entry.error ?? reportError(r);
  const recognised = r && !needsMapping(r);
  const status = error ? 'error' : !r ? 'loading' : recognised ? 'ok' : 'warn';
  const card = el('article', { class: `file-card ${status}`, dataset: { file: entry.name } });
  card.append(el('header', { class: 'file-head' },
    el('span', { class: 'file-name', text: entry.name, title: entry.name }),
    el('span', { class: 'file-size', text: formatBytes(entry.size, lang) }),
    el('button', { type: 'button', class: 'icon-button', title: t('remove', lang),
      'aria-label': `${t('remove', lang)} ${entry.name}`, text: '×', onclick: () => onRemove(entry) })));
  if (entry.progress !== undefined && !r && !error) {
    card.append(el('progress', { max: 1, value: entry.progress ?? 0 }));
  }
  if (error) card.append(errorBlock(error, lang));
  if (r) {
    card.append(toolLine(r, lang, fields));
    card.append(rowsLine(r.rows, lang));
    const facts = [];
    if (r.date_range?.from || r.date_range?.to) {
      facts.push(el('span', {}, el('span', { class: 'meta-label', text: `${t('dateRange', lang)} ` }),
        `${r.date_range.from ?? '?'} → ${r.date_range.to ?? '?'}`));
    }
    if (r.variant || r.encoding) {
      facts.push(el('span', { text: [r.variant, r.encoding].filter(Boolean).join(' · ') }));
    }
    if (r.currency) {
      facts.push(el('span', {}, el('span', { class: 'meta-label', text: `${t('currency', lang)} ` }),
        Array.isArray(r.currency) ? r.currency.join(', ') : String(r.currency)));
    }
    if (facts.length) card.append(el('p', { class: 'facts' }, facts.flatMap((f, i) => (i ? [' · ', f] : [f]))));
    if (r.warnings?.length) {
      // Two warnings in view; the rest one click away, so a card never turns into a wall of text.
      // warnings_fr[i] is the French text of warnings[i] (FileReport JSON).
      const items = r.warnings.map((w, i) => el('li', {
        text: lang === 'fr' && r.warnings_fr?.[i] ? r.warnings_fr[i] : warningText(w, lang) }));
      card.append(el('ul', { class: 'warnings', 'aria-label': t('warnings', lang) }, items.slice(0, 2)));
      if (items.length > 2) {
        card.append(el('details', { class: 'more-warnings' },
          el('summary', { text: `${t('warnings', lang)} (+${items.length - 2})` }),
          el('ul', { class: 'warnings' }, items.slice(2))));
      }
    }
    const rejections = rejectionsList(r.rejections, lang);
    if (rejections) card.append(rejections);
    if (onPeriod && (needsPeriod(r, fields) || entry.options?.period)) {
      card.append(periodForm(entry, lang, onPeriod, fields));
    }
  }
  if (r || error) {
    card.append(el('div', { class: 'card-actions' },
      el('button', { type: 'button', class: `link-button ${recognised ? '' : 'strong'}`,
        text: t('fixMapping', lang), onclick: () => onFix(entry) })));
  }
  return card;
}

// The manual mapping panel for one file: pick the tool, or map each column to a model field.
export function mappingPanel(entry, lang, { onApply, onForget, onCancel }, fields) {
  const current = entry.options ?? {};
  const toolSelect = el('select', { name: 'tool' },
    el('option', { value: '', text: t('mappingAuto', lang) }),
    TOOLS.map(([id]) => el('option', { value: id, text: toolName(id, lang), selected: current.tool === id })));
  const columnSelects = (entry.header ?? []).map((header) => {
    const select = el('select', { dataset: { header } },
      el('option', { value: '', text: t('mappingIgnore', lang) }),
      (fields?.tables ?? []).map(({ table, fields: tableFields }) =>
        el('optgroup', { label: tableLabel(table, lang) },
          tableFields.map(({ name }) => el('option', { value: name, text: fieldLabel(name, lang),
            selected: current.columns?.[header] === name })))));
    return el('label', { class: 'map-row' }, el('span', { class: 'map-header', text: header }), select);
  });
  const apply = () => {
    const columns = {};
    for (const label of columnSelects) {
      const select = label.querySelector('select');
      if (select.value) columns[select.dataset.header] = select.value;
    }
    const options = {};
    if (toolSelect.value) options.tool = toolSelect.value;
    if (Object.keys(columns).length) options.columns = columns;
    onApply(entry, options);
  };
  return el('div', { class: 'mapping-panel', role: 'dialog', 'aria-label': t('mappingTitle', lang) },
    el('h3', { text: `${t('mappingTitle', lang)}${colon(lang)}${entry.name}` }),
    el('label', { class: 'map-row tool-row' }, el('span', { text: t('mappingTool', lang) }), toolSelect),
    columnSelects.length ? el('fieldset', {}, el('legend', { text: t('mappingColumns', lang) }),
      el('div', { class: 'map-grid' }, columnSelects)) : null,
    el('div', { class: 'card-actions' },
      el('button', { type: 'button', class: 'button', text: t('mappingApply', lang), onclick: apply }),
      el('button', { type: 'button', class: 'link-button', text: t('mappingForget', lang),
        onclick: () => onForget(entry) }),
      el('button', { type: 'button', class: 'link-button', text: t('mappingCancel', lang),
        onclick: () => onCancel(entry) })));
}
