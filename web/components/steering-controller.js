// The steering panel's side of <roilens-dashboard>: how its choices shape the report options,
// which A/B variants to offer, and what each of its controls does to the element's state.
import { catalogueById } from '../ui/kpis.js';
import { abKpiChoices, abRateKpi, saveSteering } from '../ui/steering-store.js';

// Grain and cadence start of every report: a cadence period picked in the panel is one custom
// period (no grain, from/to set); "report by these periods" is the cadence grain.
export function periodOptions({ steering, customRange }, grain) {
  const options = {};
  if (!customRange) options.grain = steering.byCadence && steering.cadenceStart ? 'cadence' : grain;
  if (steering.cadenceStart) options.cadence_start = steering.cadenceStart;
  return options;
}

// The values of the A/B dimension for the chosen rate over the whole range (the variant
// choices). `reportOptions(extra)` gives the element's current range.
export async function abVariants(engine, state, reportOptions) {
  const { ab } = state.steering;
  // The default rate ("conversion") without its input file: offer the first rate that has data.
  const choices = abKpiChoices(ab.dimension, catalogueById(state.catalogue), state.index);
  if (!choices.includes(ab.kpi) || (ab.kpi === 'conversion' && !ab.a && !ab.b)) ab.kpi = choices[0];
  const { dimension, kpi } = ab;
  const id = abRateKpi(kpi, dimension);
  try {
    const options = reportOptions({ grain: 'all', by: [dimension], kpis: [id], compare: false });
    delete options.cadence_start;
    const report = await engine.report(options);
    const seen = new Set((report.values ?? []).map((v) => v.dimensions?.[dimension])
      .filter((v) => v && v !== '(not set)'));
    return [...seen].sort((a, b) => a.localeCompare(b));
  } catch {
    return [];  // a rate without that dimension: no variant to offer
  }
}

// The panel's handlers. `from`/`to` are the period bar's date inputs; `refresh` recomputes.
export function steeringHandlers(state, { from, to, refresh }) {
  const changed = () => {
    saveSteering(state.steering);
    refresh();
  };
  // A picked cadence period filled the from/to inputs: a new cadence choice empties them again.
  const forgetPickedRange = () => {
    if (!state.customRange) return;
    state.customRange = null;
    from.value = '';
    to.value = '';
  };
  return {
    onAddGoal: (goal) => {
      state.steering.goals.push(goal);
      changed();
    },
    onRemoveGoal: (i) => {
      state.steering.goals.splice(i, 1);
      changed();
    },
    onCadence: (patch) => {
      Object.assign(state.steering, patch);
      if (!state.steering.cadenceStart) state.steering.byCadence = false;
      forgetPickedRange();
      changed();
    },
    onClearRange: () => {
      forgetPickedRange();
      refresh();
    },
    // A cadence period becomes the report's range: one custom period, shown at once.
    onPickRange: ({ start, end, label }) => {
      from.value = start;
      to.value = end;
      state.customRange = label;
      state.period = label;
      refresh();
    },
    onAb: (patch) => {
      Object.assign(state.steering.ab, patch);
      changed();
    },
  };
}
