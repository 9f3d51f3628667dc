// Charts drawn as inline SVG by hand: grouped horizontal bars and a histogram. Labels are SVG
// <text> nodes filled with textContent (never markup).
import { svg } from './dom.js';
import { formatNumber, isNumber } from './format.js';

// A qualitative palette readable on white, distinguishable for the common colour blindnesses.
export const PALETTE = ['#2b6cb0', '#dd6b20', '#2f855a', '#b83280', '#6b46c1', '#c05621',
  '#319795', '#975a16', '#4a5568', '#e53e3e', '#38a169', '#805ad5', '#d69e2e', '#00a3c4'];

function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value);
  return step * power;
}

/**
 * Grouped horizontal bars: one group per category, one bar per series.
 * series: [{id, label, color?, values: Map(category → number), highlight?}]
 */
export function groupedBars({ categories, series, lang, title, formatTick = (v) => formatNumber(v, lang, 1) }) {
  // Thinner bars when many series share a group, so fourteen models stay readable.
  const barHeight = series.length > 6 ? 7 : 12;
  const gap = series.length > 6 ? 2 : 3;
  const groupGap = 14;
  const labelWidth = 150;
  // About the panel's width in CSS pixels, so SVG text renders near its nominal size.
  const width = 1040;
  const plotWidth = width - labelWidth - 70;
  const groupHeight = series.length * (barHeight + gap) + groupGap;
  const height = categories.length * groupHeight + 30;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => [...s.values.values()].filter(isNumber))));
  const x = (v) => labelWidth + (Math.max(0, v) / max) * plotWidth;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-label': title ?? '' });
  if (title) root.append(svg('title', { text: title }));
  for (let i = 0; i <= 4; i += 1) {
    const v = (max * i) / 4;
    root.append(svg('line', { x1: x(v), x2: x(v), y1: 0, y2: height - 24, class: 'grid' }),
      svg('text', { x: x(v), y: height - 8, 'text-anchor': 'middle', class: 'tick', text: formatTick(v) }));
  }
  categories.forEach((category, ci) => {
    const top = ci * groupHeight + 4;
    root.append(svg('text', { x: labelWidth - 8, y: top + (series.length * (barHeight + gap)) / 2 + 4,
      'text-anchor': 'end', class: 'category', text: category }));
    series.forEach((s, si) => {
      const value = s.values.get(category);
      const y = top + si * (barHeight + gap);
      const color = s.color ?? PALETTE[si % PALETTE.length];
      const bar = svg('rect', { x: labelWidth, y, width: isNumber(value) ? Math.max(0.5, x(value) - labelWidth) : 0,
        height: barHeight, rx: 2, fill: color, class: s.highlight === false ? 'dim' : '' });
      bar.append(svg('title', { text: `${s.label} · ${category}: ${formatNumber(value, lang, 2)}` }));
      root.append(bar);
      if (isNumber(value)) {
        root.append(svg('text', { x: x(value) + 4, y: y + barHeight - 2, class: 'bar-label',
          text: formatNumber(value, lang, 1) }));
      }
    });
  });
  return root;
}

// Histogram of `values` in `binCount` equal-width bins.
export function histogram({ values, binCount = 12, lang, title, formatTick = (v) => formatNumber(v, lang, 0) }) {
  const data = values.filter(isNumber);
  const width = 1040;
  const height = 220;
  const left = 40;
  const bottom = 40;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-label': title ?? '' });
  if (title) root.append(svg('title', { text: title }));
  if (!data.length) return root;
  const lo = Math.min(...data);
  const hi = Math.max(...data);
  const span = hi - lo || 1;
  const bins = new Array(binCount).fill(0);
  for (const v of data) bins[Math.min(binCount - 1, Math.floor(((v - lo) / span) * binCount))] += 1;
  const maxCount = niceMax(Math.max(...bins));
  const plotWidth = width - left - 10;
  const plotHeight = height - bottom - 10;
  const binWidth = plotWidth / binCount;
  bins.forEach((count, i) => {
    const h = (count / maxCount) * plotHeight;
    const from = lo + (span * i) / binCount;
    const to = lo + (span * (i + 1)) / binCount;
    const bar = svg('rect', { x: left + i * binWidth + 1, y: 10 + plotHeight - h, width: binWidth - 2,
      height: h, rx: 2, class: 'hist-bar' });
    bar.append(svg('title', { text: `${formatTick(from)} – ${formatTick(to)}: ${count}` }));
    root.append(bar);
    if (count) {
      root.append(svg('text', { x: left + (i + 0.5) * binWidth, y: 6 + plotHeight - h, 'text-anchor': 'middle',
        class: 'bar-label', text: String(count) }));
    }
    if (i % 2 === 0) {
      root.append(svg('text', { x: left + i * binWidth, y: height - bottom + 16, 'text-anchor': 'middle',
        class: 'tick', text: formatTick(from) }));
    }
  });
  root.append(svg('line', { x1: left, x2: width - 10, y1: 10 + plotHeight, y2: 10 + plotHeight, class: 'axis' }));
  return root;
}
