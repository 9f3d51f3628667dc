// Taking results away: a table as CSV or XLSX, a chart as SVG or PNG, saved from memory (a blob:
// URL clicked as a download; nothing leaves the machine). Tables are read from the DOM the user
// sees, numbers from their data-value (full precision), so a download is what the page shows.
import { el } from './dom.js';
import { t } from './i18n.js';
import { tableToCsv, tableToXlsx } from './table-export.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

// Saves `blob` as `name`. The link lives in `root` (a shadow root or the document) for the click.
export function saveBlob(root, name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  (root.body ?? root).append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// "Leads per channel" → "leads-per-channel": a file name from a title, in ASCII.
export function fileSlug(text) {
  const slug = String(text ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'table';
}

// A cell's value: the number it shows (data-value of the cell or of the one value inside it), or
// its text; a dash for "no value" becomes an empty cell.
function cellValue(cell) {
  const holder = cell.hasAttribute('data-value') ? cell : cell.querySelectorAll('[data-value]').length === 1
    ? cell.querySelector('[data-value]') : null;
  const raw = holder?.getAttribute('data-value');
  if (raw !== null && raw !== undefined && raw !== '' && Number.isFinite(Number(raw))) return Number(raw);
  // Buttons (remove a goal…) are controls, not data.
  const text = [...cell.childNodes].filter((n) => n.nodeName !== 'BUTTON').map((n) => n.textContent).join('')
    .replace(/\s+/g, ' ').trim();
  return text === '—' || text === '' ? null : text;
}

/**
 * A <table> as data: the last header row, then every body row, with row-spanning header cells
 * (a channel over its periods) repeated on each row they cover, so every row stands alone.
 */
export function tableData(table, name) {
  const headRows = table.tHead?.rows ?? [];
  const header = headRows.length ? [...headRows[headRows.length - 1].cells].map((c) => c.textContent.trim()) : [];
  const rows = [];
  const spans = []; // column → {value, left}
  for (const body of table.tBodies) {
    for (const tr of body.rows) {
      const row = [];
      let column = 0;
      const cells = [...tr.cells];
      const take = () => {
        while (spans[column]?.left > 0) {
          row.push(spans[column].value);
          spans[column].left -= 1;
          column += 1;
        }
      };
      for (const cell of cells) {
        take();
        const value = cellValue(cell);
        row.push(value);
        const rowSpan = Number(cell.getAttribute('rowspan') ?? 1);
        if (rowSpan > 1) spans[column] = { value, left: rowSpan - 1 };
        column += 1;
      }
      take();
      rows.push(row);
    }
  }
  // A column without a header and without a value (the goals' remove buttons) is left out.
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const fullHeader = Array.from({ length: width }, (_, i) => header[i] ?? '');
  const fullRows = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  const keep = fullHeader.map((h, i) => h !== '' || fullRows.some((r) => r[i] !== null));
  return { name, header: fullHeader.filter((_, i) => keep[i]), rows: fullRows.map((r) => r.filter((_, i) => keep[i])) };
}

export function downloadCsv(root, data, lang) {
  saveBlob(root, `roilens-${fileSlug(data.name)}.csv`, new Blob([tableToCsv(data, lang)], { type: 'text/csv;charset=utf-8' }));
}

export function downloadXlsx(root, data) {
  saveBlob(root, `roilens-${fileSlug(data.name)}.xlsx`, new Blob([tableToXlsx(data)],
    { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
}

// Computed styles a standalone SVG needs, copied as attributes: a saved chart has no stylesheet.
const CHART_STYLE = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family',
  'font-size', 'font-weight', 'text-anchor'];

/** The chart as a self-contained SVG document (styles inlined, a white background). */
export function standaloneSvg(chart) {
  const copy = chart.cloneNode(true);
  const originals = [chart, ...chart.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((node, i) => {
    const style = getComputedStyle(node);
    for (const property of CHART_STYLE) {
      const value = style.getPropertyValue(property);
      if (value) copies[i].setAttribute(property, value);
    }
    copies[i].removeAttribute('class');
  });
  copy.setAttribute('xmlns', SVG_NS);
  const [width, height] = (chart.getAttribute('viewBox') ?? '0 0 640 240').split(/\s+/).slice(2).map(Number);
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [key, value] of Object.entries({ x: 0, y: 0, width, height, fill: '#ffffff' })) {
    background.setAttribute(key, String(value));
  }
  copy.insertBefore(background, copy.querySelector(':scope > title, :scope > desc')?.nextSibling ?? copy.firstChild);
  copy.removeAttribute('style');
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`,
    width, height };
}

export function downloadSvg(root, chart, name) {
  const { text } = standaloneSvg(chart);
  saveBlob(root, `roilens-${fileSlug(name)}.svg`, new Blob([text], { type: 'image/svg+xml' }));
}

// The chart drawn at twice its size on a canvas (sharp on high-density screens and in slides).
// The SVG goes through a data: URL: the page's CSP allows data: images, not blob: ones.
export async function downloadPng(root, chart, name) {
  const { text, width, height } = standaloneSvg(chart);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  saveBlob(root, `roilens-${fileSlug(name)}.png`, blob);
}

function toolbarButton(labelKey, lang, what, onclick) {
  return el('button', { type: 'button', class: 'download-button', text: t(labelKey, lang),
    title: `${t('downloadAs', lang)} ${t(labelKey, lang)}${what ? ` · ${what}` : ''}`,
    'aria-label': `${t('downloadAs', lang)} ${t(labelKey, lang)}${what ? `: ${what}` : ''}`, onclick });
}

/**
 * A table with its download buttons (CSV, XLSX) above it, inside a scrolling wrapper. `name`
 * titles the files (and the sheet); `data()`, when given, is the whole table ({header, rows})
 * where the page shows only its first rows.
 */
export function downloadableTable(table, { name, lang, data = null }) {
  const content = () => (data ? { name, ...data() } : tableData(table, name));
  return el('div', { class: 'table-block', dataset: { download: fileSlug(name) } },
    tableDownloads({ name, lang, data: content }),
    el('div', { class: 'table-wrap' }, table));
}

/** CSV and XLSX buttons for a table given as data: `data()` = {name, header, rows}. */
export function tableDownloads({ name, lang, data }) {
  const bar = el('div', { class: 'download-bar', dataset: { download: fileSlug(name) } });
  bar.append(toolbarButton('csv', lang, name, () => downloadCsv(bar.getRootNode(), data(), lang)),
    toolbarButton('xlsx', lang, name, () => downloadXlsx(bar.getRootNode(), data())));
  return bar;
}

/** The download buttons of a chart (SVG, PNG); `chart()` gives the chart's current <svg>. */
export function chartDownloads(chart, { name, lang }) {
  const current = () => chart();
  return el('div', { class: 'download-bar', dataset: { download: fileSlug(name) } },
    toolbarButton('svg', lang, name, () => {
      const node = current();
      if (node) downloadSvg(node.getRootNode(), node, name);
    }),
    toolbarButton('png', lang, name, async () => {
      const node = current();
      if (node) await downloadPng(node.getRootNode(), node, name);
    }));
}
