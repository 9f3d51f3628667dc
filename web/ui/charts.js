// Charts drawn as inline SVG by hand (docs/embedding.md, "Charts": why no library): lines over
// periods, sparklines, the funnel, grouped horizontal bars and a histogram. Each is drawn for the
// width it is given, in CSS pixels, so its text keeps its size on a phone and on a wide screen.
// Labels are SVG <text> nodes filled with textContent (never markup). Every chart is an
// role="img" with a <title> and an aria-label; the numbers are also in a table beside it.
import { svg } from './dom.js';
import { formatNumber, isNumber } from './format.js';

// A qualitative palette readable on white, distinguishable for the common colour blindnesses.
export const PALETTE = ['#2b6cb0', '#dd6b20', '#2f855a', '#b83280', '#6b46c1', '#c05621',
  '#319795', '#975a16', '#4a5568', '#e53e3e', '#38a169', '#805ad5', '#d69e2e', '#00a3c4'];

const NICE_STEPS = [1, 2, 2.5, 5, 10];

function scaleWithStep(lo, hi, ticks, integer) {
  const raw = Math.max((hi - lo) / ticks, integer ? 1 : 0);
  const power = 10 ** Math.floor(Math.log10(raw));
  // Counts step by whole numbers: no 2.5 between 0 and 5 leads.
  const step = NICE_STEPS.find((s) => s * power >= raw * (1 - 1e-9) && (!integer || Number.isInteger(s * power))) * power;
  // Multiples of the step, rounded to 12 digits: 6 × 0.2 is 1.2, not 1.2000000000000002.
  const at = (k) => Number((k * step).toPrecision(12)) || 0;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const values = Array.from({ length: last - first + 1 }, (_, i) => at(first + i));
  return { min: at(first), max: at(last), step: at(1), ticks: values };
}

/**
 * Axis from `min` to `max` in `ticks` to `ticks + 2` steps of 1, 2, 2.5 or 5 × 10^k, whichever
 * ends nearest the data (2,759 visitors → 0…3,000; 21 leads → 0…25, not 0…30). Zero is always
 * inside the axis: a count or an amount is read from zero. `integer`: whole steps only (counts).
 */
export function niceScale(min, max, ticks = 4, { integer = false } = {}) {
  const lo = Math.min(0, isNumber(min) ? min : 0);
  let hi = Math.max(0, isNumber(max) ? max : 0);
  if (hi === lo) hi = lo + 1;
  const candidates = [ticks, ticks + 1, ticks + 2].map((n) => scaleWithStep(lo, hi, n, integer));
  const overshoot = (scale) => (scale.max - hi) + (lo - scale.min);
  return candidates.reduce((best, scale) => (overshoot(scale) < overshoot(best) - 1e-9 ? scale : best));
}

function chartRoot(width, height, title, extraClass = '') {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height,
    class: `chart ${extraClass}`.trim(), role: 'img', 'aria-label': title ?? '' });
  if (title) root.append(svg('title', { text: title }));
  return root;
}

// An SVG path through the points, broken where a value is missing (null is not 0).
function linePath(points) {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

// Which category labels fit under the x axis: every k-th, the last one always.
function labelStride(count, plotWidth, labelWidth) {
  return Math.max(1, Math.ceil((count * labelWidth) / Math.max(1, plotWidth)));
}

/**
 * Lines over periods. `categories`: period labels (x); `series`: [{label, values: [number|null],
 * dashed?}]; a dashed series is a comparison. `format(v)` labels the y ticks; `domain`
 * ([min, max]) shares one scale between charts; `integer` keeps whole ticks (counts);
 * `description` becomes the <desc>.
 */
export function lineChart({ categories, series, width = 640, height = 240, title, description,
  format = (v) => String(v), compact = false, domain = null, integer = false }) {
  const all = series.flatMap((s) => s.values).filter(isNumber);
  const [low, high] = domain ?? [Math.min(...all, 0), Math.max(...all, 0)];
  const scale = niceScale(low, high, compact ? 2 : 4, { integer });
  const tickTexts = scale.ticks.map(format);
  const left = Math.min(90, 10 + Math.max(...tickTexts.map((text) => text.length)) * 6.6);
  const right = 12;
  const top = 10;
  const bottom = compact ? 20 : 26;
  const plotWidth = Math.max(10, width - left - right);
  const plotHeight = Math.max(10, height - top - bottom);
  const x = (i) => left + (categories.length <= 1 ? plotWidth / 2 : (i / (categories.length - 1)) * plotWidth);
  const y = (v) => top + plotHeight - ((v - scale.min) / (scale.max - scale.min)) * plotHeight;
  const root = chartRoot(width, height, title);
  if (description) root.append(svg('desc', { text: description }));
  scale.ticks.forEach((v, i) => {
    root.append(svg('line', { x1: left, x2: left + plotWidth, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }),
      svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick', text: tickTexts[i] }));
  });
  const stride = labelStride(categories.length, plotWidth, Math.max(...categories.map((c) => c.length)) * 6.4 + 10);
  categories.forEach((category, i) => {
    if (i % stride !== 0 && i !== categories.length - 1) return;
    if (i !== categories.length - 1 && categories.length - 1 - i < stride) return; // leave room for the last
    root.append(svg('text', { x: x(i), y: height - 6, 'text-anchor': categories.length === 1 ? 'middle'
      : i === 0 ? 'start' : i === categories.length - 1 ? 'end' : 'middle', class: 'tick', text: category }));
  });
  series.forEach((s, si) => {
    // Colours come from the stylesheet (.series-0 follows --accent), so a host's theme applies.
    const kind = s.dashed ? 'comparison' : `series-${si}`;
    const points = s.values.map((v, i) => (isNumber(v) ? { x: x(i), y: y(v) } : null));
    root.append(svg('path', { d: linePath(points), class: `line ${kind}`, 'stroke-width': s.dashed ? 1.6 : 2.2,
      'stroke-dasharray': s.dashed ? '5 4' : null, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }));
    points.forEach((p, i) => {
      if (!p) return;
      // A lone point (no neighbour to draw a line to) still shows; every point has its value.
      const lone = !points[i - 1] && !points[i + 1];
      const radius = s.dashed ? (lone ? 2.5 : 1.6) : (compact && !lone ? 2 : 3.2);
      const dot = svg('circle', { cx: p.x, cy: p.y, r: radius, class: `dot ${kind}`, 'stroke-width': 1.4 });
      dot.append(svg('title', { text: `${s.label} · ${categories[i]}: ${format(s.values[i])}` }));
      root.append(dot);
    });
  });
  return root;
}

/** A sparkline: the KPI over every period, the selected one marked. */
export function sparkline({ values, selected = -1, width = 120, height = 28, label }) {
  const data = values.filter(isNumber);
  const root = chartRoot(width, height, label, 'sparkline');
  if (data.length < 2) return root;
  const lo = Math.min(...data, 0);
  const hi = Math.max(...data);
  const span = hi - lo || 1;
  const x = (i) => 2 + (i / (values.length - 1)) * (width - 4);
  const y = (v) => height - 3 - ((v - lo) / span) * (height - 6);
  const points = values.map((v, i) => (isNumber(v) ? { x: x(i), y: y(v) } : null));
  root.append(svg('path', { d: linePath(points), fill: 'none', class: 'spark-line', 'stroke-width': 1.6,
    'stroke-linejoin': 'round' }));
  if (points[selected]) {
    root.append(svg('circle', { cx: points[selected].x, cy: points[selected].y, r: 2.6, class: 'spark-dot' }));
  }
  return root;
}

/**
 * The funnel to scale: one bar per step, its length the count over the largest count (linear;
 * the first step's, unless a file is missing), each labelled with the count and its share of
 * the first step. `steps`: [{label, value}].
 */
// Width the longest label needs at the chart's 12 px type (about 6.8 px a character), or 0 when
// the labels would take more than 40 % of the chart: they then go above their bars.
function labelColumn(labels, width, minWidth) {
  const needed = Math.ceil(Math.max(0, ...labels.map((l) => String(l).length)) * 6.8) + 14;
  return width < minWidth || needed > width * 0.4 ? 0 : needed;
}

export function funnelChart({ steps, width = 640, title, formatCount, formatShare }) {
  const labelWidth = labelColumn(steps.map((s) => s.label), width, 520);
  const narrow = labelWidth === 0;
  const barHeight = 20;
  const rowHeight = narrow ? 44 : 30;
  const height = steps.length * rowHeight + 6;
  const counts = steps.map((s) => s.value).filter(isNumber);
  const max = Math.max(...counts, 0);
  const plotWidth = Math.max(10, width - labelWidth - 12);
  const root = chartRoot(width, height, title, 'funnel-chart');
  steps.forEach((step, i) => {
    const top = i * rowHeight + 4 + (narrow ? 18 : 0);
    const value = step.value;
    const length = isNumber(value) && max > 0 ? (value / max) * plotWidth : 0;
    if (narrow) root.append(svg('text', { x: 0, y: top - 5, class: 'category', text: step.label }));
    else {
      root.append(svg('text', { x: labelWidth - 8, y: top + barHeight / 2 + 4, 'text-anchor': 'end',
        class: 'category', text: step.label }));
    }
    root.append(svg('rect', { x: labelWidth, y: top, width: plotWidth, height: barHeight, rx: 3, class: 'funnel-track' }));
    // Drawn to scale: a step of 19 next to 2,759 visitors is a sliver, and its label says why.
    const bar = svg('rect', { x: labelWidth, y: top, width: isNumber(value) && value > 0 ? Math.max(1, length) : 0,
      height: barHeight, rx: 3, class: 'funnel-bar' });
    // The share is of the first step (visitors), only when that step has a count.
    const first = steps[0].value;
    const share = i > 0 && isNumber(value) && isNumber(first) && first > 0 ? ` · ${formatShare((value / first) * 100)}` : '';
    const text = isNumber(value) ? `${formatCount(value)}${share}` : '—';
    bar.append(svg('title', { text: `${step.label}: ${text}` }));
    root.append(bar);
    const inside = length > text.length * 7 + 16;
    root.append(svg('text', { x: inside ? labelWidth + 8 : labelWidth + length + 6, y: top + barHeight / 2 + 4,
      class: inside ? 'bar-value inside' : 'bar-value', text }));
  });
  return root;
}

/**
 * Grouped horizontal bars: one group per category, one bar per series.
 * series: [{id, label, color?, values: Map(category → number)}]. On a narrow width the category
 * names go above their group, so the bars keep the whole width.
 */
export function groupedBars({ categories, series, width = 1040, title, format = (v) => String(v) }) {
  const labelWidth = labelColumn(categories, width, 560);
  const narrow = labelWidth === 0;
  const barHeight = series.length > 6 ? 7 : 12;
  const gap = series.length > 6 ? 2 : 3;
  const groupGap = narrow ? 24 : 14;
  const valueRoom = 64;
  const plotWidth = Math.max(10, width - labelWidth - valueRoom);
  const groupHeight = series.length * (barHeight + gap) + groupGap;
  const height = categories.length * groupHeight + 30;
  const values = series.flatMap((s) => [...s.values.values()].filter(isNumber));
  const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values), narrow ? 2 : 4);
  const x = (v) => labelWidth + ((v - scale.min) / (scale.max - scale.min)) * plotWidth;
  const root = chartRoot(width, height, title);
  for (const v of scale.ticks) {
    root.append(svg('line', { x1: x(v), x2: x(v), y1: 0, y2: height - 24, class: v === 0 ? 'axis' : 'grid' }),
      svg('text', { x: x(v), y: height - 8, 'text-anchor': 'middle', class: 'tick', text: format(v) }));
  }
  categories.forEach((category, ci) => {
    const top = ci * groupHeight + (narrow ? 18 : 4);
    if (narrow) root.append(svg('text', { x: 0, y: top - 5, class: 'category', text: category }));
    else {
      root.append(svg('text', { x: labelWidth - 8, y: top + (series.length * (barHeight + gap)) / 2 + 4,
        'text-anchor': 'end', class: 'category', text: category }));
    }
    series.forEach((s, si) => {
      const value = s.values.get(category);
      const y = top + si * (barHeight + gap);
      const color = s.color ?? PALETTE[si % PALETTE.length];
      const start = x(Math.min(0, isNumber(value) ? value : 0));
      const end = x(Math.max(0, isNumber(value) ? value : 0));
      const bar = svg('rect', { x: start, y, width: isNumber(value) ? Math.max(0.5, end - start) : 0,
        height: barHeight, rx: 2, fill: color });
      bar.append(svg('title', { text: `${s.label} · ${category}: ${isNumber(value) ? format(value) : '—'}` }));
      root.append(bar);
      if (isNumber(value) && barHeight >= 10) {
        root.append(svg('text', { x: end + 4, y: y + barHeight - 2, class: 'bar-label', text: format(value) }));
      }
    });
  });
  return root;
}

// Histogram of `values` in `binCount` equal-width bins, over the data's range or over `domain`
// (P(alive) in percent: 0…100 in bins of 10).
export function histogram({ values, binCount = 12, width = 1040, height = 220, title, lang, domain = null,
  formatTick = (v) => formatNumber(v, lang, 0) }) {
  const data = values.filter(isNumber);
  const bins = Math.min(binCount, Math.max(4, Math.floor(width / 60)));
  const left = 40;
  const bottom = 40;
  const root = chartRoot(width, height, title);
  if (!data.length) return root;
  let [lo, hi] = domain ?? [data[0], data[0]];
  if (!domain) {
    for (const v of data) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const span = hi - lo || 1;
  const counts = new Array(bins).fill(0);
  for (const v of data) counts[Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / span) * bins)))] += 1;
  const scale = niceScale(0, Math.max(...counts), 3, { integer: true });
  const plotWidth = width - left - 10;
  const plotHeight = height - bottom - 10;
  const binWidth = plotWidth / bins;
  counts.forEach((count, i) => {
    const h = (count / scale.max) * plotHeight;
    const from = lo + (span * i) / bins;
    const to = lo + (span * (i + 1)) / bins;
    const bar = svg('rect', { x: left + i * binWidth + 1, y: 10 + plotHeight - h, width: Math.max(1, binWidth - 2),
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
