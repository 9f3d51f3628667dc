// The steering choices (goals, cadence start, A/B test) as data: validation, the report options
// they become, and their memory in localStorage. No DOM here.
import { isNumber } from './format.js';

const STORE_KEY = 'roilens.steering.v1';
export const AB_DIMENSIONS = ['landing_page', 'cta'];
// A period label the engine accepts (report-schema.md, `periods`), checked before sending so a
// typo never fails the whole report.
const PERIOD_LABEL = /^(all|\d{4}|\d{4}-\d{2}|\d{4}-Q[1-4]|\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isPeriodLabel(text) {
  return PERIOD_LABEL.test(text);
}

export function emptySteering() {
  return { goals: [], cadenceStart: '', byCadence: false,
    ab: { dimension: 'landing_page', kpi: 'conversion', a: '', b: '' } };
}

// The user's steering choices, remembered in localStorage (goals above all).
export function loadSteering() {
  const fresh = emptySteering();
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null');
    if (!saved || typeof saved !== 'object') return fresh;
    return {
      goals: Array.isArray(saved.goals) ? saved.goals.filter(validGoal) : [],
      cadenceStart: ISO_DATE.test(saved.cadenceStart ?? '') ? saved.cadenceStart : '',
      byCadence: saved.byCadence === true,
      ab: { ...fresh.ab, ...(saved.ab ?? {}) },
    };
  } catch {
    return fresh;  // storage disabled or a corrupt entry
  }
}

export function saveSteering(steering) {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(steering));
  } catch {
    // not remembered; still applies to this visit
  }
}

function validGoal(goal) {
  return goal && typeof goal.kpi === 'string' && isPeriodLabel(String(goal.period)) &&
    isNumber(goal.target) && goal.dimensions && typeof goal.dimensions === 'object';
}

// The report options the steering panel adds to the main (total) report.
export function steeringOptions(steering) {
  const options = { goals: steering.goals.map(({ kpi, dimensions, period, target }) =>
    ({ kpi, dimensions, period, target })) };
  if (ISO_DATE.test(steering.cadenceStart)) options.cadence_start = steering.cadenceStart;
  const { dimension, kpi, a, b } = steering.ab;
  if (a && b && a !== b) options.ab_tests = [{ kpi, dimension, a, b }];
  return options;
}

// Rates an A/B test can compare on `dimension`: "conversion" (form fill rate for a landing page,
// CTA click rate for a CTA) and every catalogue ratio with that dimension except shares of
// traffic (which say where visits came from, not what they did), those with inputs first.
// The KPI the engine compares for `kpi: "conversion"` (report-schema.md, `ab_tests`).
export function abRateKpi(kpi, dimension) {
  if (kpi !== 'conversion') return kpi;
  return dimension === 'cta' ? 'cta_click_rate' : 'form_fill_rate';
}

export function abKpiChoices(dimension, entries, index) {
  const conversionKpi = abRateKpi('conversion', dimension);
  const rates = [...entries.values()].filter((e) => e.kind === 'ratio' && e.id !== conversionKpi &&
    !e.id.endsWith('_share') &&
    (e.dimensions ?? []).includes(dimension) && (!e.breakdown?.length || e.breakdown.includes(dimension)))
    .map((e) => e.id);
  const present = (id) => !index.missing.has(id === 'conversion' ? conversionKpi : id);
  const all = ['conversion', ...rates];
  return [...all.filter(present), ...all.filter((id) => !present(id))];
}

