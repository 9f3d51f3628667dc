// A chart in the page: its download buttons (SVG, PNG), the chart drawn for the width of its slot,
// and its numbers as a table (the accessible alternative, downloadable too). A ResizeObserver
// redraws a chart when its slot's width changes (a phone turned, a panel unfolded, a host layout
// resized), so its text stays readable from a phone to a wide screen. The observer reports sizes
// after layout: drawing never forces one.
import { chartDownloads, downloadableTable } from './downloads.js';
import { el } from './dom.js';
import { t } from './i18n.js';

const drawers = new WeakMap(); // slot → draw(width)
const fullWidths = new WeakMap(); // shadow root (or document) → width of its last full-width chart
const DEFAULT_WIDTH = 640;
let observer = null;

function draw(slot, width) {
  const chart = drawers.get(slot)(Math.max(200, Math.floor(width)));
  slot.dataset.width = String(Math.floor(width));
  slot.replaceChildren(chart);
}

function resized(entries) {
  for (const { target, contentRect } of entries) {
    if (!target.isConnected) {
      observer.unobserve(target); // a slot of a previous rendering
      continue;
    }
    const width = contentRect.width;
    if (target.dataset.full === 'true' && width > 0) fullWidths.set(target.getRootNode(), width);
    if (width > 0 && Math.abs(width - Number(target.dataset.width ?? 0)) >= 4) draw(target, width);
  }
}

function watch(slot) {
  if (typeof ResizeObserver === 'undefined') return;
  observer ??= new ResizeObserver(resized);
  observer.observe(slot);
}

/** The width full-width charts of `root` were last drawn at: the first guess of the next ones. */
export function chartWidth(root) {
  return fullWidths.get(root) ?? DEFAULT_WIDTH;
}

/**
 * `draw(width)` returns the chart's <svg>; `name` titles the files; `table` (optional) is the
 * data table shown under "Data table"; `width` is a first guess until the slot is measured;
 * `full`: the chart spans its panel (its width is remembered for the next rendering).
 */
export function chartFrame({ draw: drawChart, name, lang, table, width = DEFAULT_WIDTH, full = true, className = '' }) {
  const slot = el('div', { class: 'chart-slot', dataset: { full: String(full) } });
  drawers.set(slot, drawChart);
  draw(slot, width);
  watch(slot);
  return el('figure', { class: `chart-figure ${className}`.trim(), part: 'chart' },
    chartDownloads(() => slot.querySelector('svg'), { name, lang }),
    slot,
    table ? el('details', { class: 'chart-data' }, el('summary', { text: t('dataTable', lang) }),
      downloadableTable(table, { name, lang })) : null);
}
