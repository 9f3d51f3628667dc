// A dashboard view as a URL hash, so a view can be shared and survives a reload: period bar,
// breakdown, selected period, trend choices, attribution view, folded panels. Never any data:
// only choices, each checked against what it may be (a shared link is untrusted input).
// Pure functions; the element reads and writes location.hash (attribute `url-state`).
import { isPeriodLabel } from './steering-store.js';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year', 'all'];
export const BREAKDOWNS = ['', 'channel', 'source', 'campaign', 'landing_page', 'device'];
export const COMPARISONS = ['previous', 'year_before', 'none'];
const MEASURES = ['value', 'conversions', 'roi'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z][a-z0-9_]{0,63}$/;
// How many KPIs the trend panel draws at once.
export const MAX_TREND_KPIS = 4;

export function defaultView() {
  return { grain: 'month', from: '', to: '', breakdown: 'channel', period: '', trendKpis: ['leads'],
    comparison: 'previous', attribution: { model: 'key', measure: 'value' }, showEmpty: false, closed: [] };
}

const list = (text) => String(text ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/**
 * The view a hash asks for, over `base` (the defaults or the current view): a key that is absent
 * or not valid keeps the base's value. `panels` lists the panel names that may be folded.
 */
export function parseViewHash(hash, base, panels) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const view = structuredClone(base);
  const get = (key) => params.get(key);
  if (GRAINS.includes(get('grain'))) view.grain = get('grain');
  for (const key of ['from', 'to']) if (ISO_DATE.test(get(key) ?? '')) view[key] = get(key);
  if (params.has('by')) {
    const by = get('by') === 'none' ? '' : get('by');
    if (BREAKDOWNS.includes(by)) view.breakdown = by;
  }
  if (isPeriodLabel(get('period') ?? '')) view.period = get('period');
  if (params.has('kpis')) {
    const kpis = [...new Set(list(get('kpis')).filter((k) => ID.test(k)))].slice(0, MAX_TREND_KPIS);
    if (kpis.length) view.trendKpis = kpis;
  }
  if (COMPARISONS.includes(get('compare'))) view.comparison = get('compare');
  const model = get('model');
  if (model === 'key' || model === 'all' || ID.test(model ?? '')) view.attribution.model = model;
  if (MEASURES.includes(get('measure'))) view.attribution.measure = get('measure');
  if (params.has('empty')) view.showEmpty = get('empty') === '1';
  if (params.has('closed')) view.closed = [...new Set(list(get('closed')).filter((p) => panels.includes(p)))];
  return view;
}

/** The hash of a view ("#grain=quarter&by=campaign…"), defaults left out; "" for the default view. */
export function viewHash(view) {
  const base = defaultView();
  const params = new URLSearchParams();
  const put = (key, value, fallback) => {
    if (value !== fallback) params.set(key, value);
  };
  put('grain', view.grain, base.grain);
  put('from', view.from, '');
  put('to', view.to, '');
  put('by', view.breakdown === '' ? 'none' : view.breakdown, base.breakdown);
  put('period', view.period, '');
  put('kpis', view.trendKpis.join(','), base.trendKpis.join(','));
  put('compare', view.comparison, base.comparison);
  put('model', view.attribution.model, base.attribution.model);
  put('measure', view.attribution.measure, base.attribution.measure);
  put('empty', view.showEmpty ? '1' : '0', '0');
  put('closed', view.closed.join(','), '');
  const text = params.toString();
  return text ? `#${text}` : '';
}
