// `engine.attribution()`: docs/attribution.md ("Options (JSON)" and "Output").
import type { Text } from './report.js';

export type AttributionModelId =
  | 'first_touch' | 'last_touch' | 'last_non_direct' | 'linear' | 'time_decay' | 'position_based'
  | 'w_shaped' | 'full_path' | 'j_shaped' | 'inverse_j' | 'markov_1' | 'markov_2' | 'markov_3'
  | 'shapley';

export interface AttributionOptions {
  model?: 'all' | AttributionModelId;
  half_life_days?: number;
  lookback_days?: number;
  conversion?: 'purchase' | 'customer' | 'lead';
  markov_orders?: (1 | 2 | 3)[];
  shapley_max_exact_channels?: number;
  shapley_permutations?: number;
  seed?: number;
}

export interface AttributedChannel {
  channel: string;
  conversions: number;
  value: number;
  /** with costs for the channel */
  cost?: number;
  currency?: string;
  roi?: number | null;
  roas?: number | null;
  cost_per_conversion?: number | null;
}

export interface AttributionModel {
  id: AttributionModelId;
  label: Text;
  definition: Text;
  channels: AttributedChannel[];
  milestones?: { journeys_with_lead_date: number; journeys_with_middle_touch: number; note: Text };
}

export interface MarkovResult {
  conversion_probability: number;
  expected_value_per_journey: number;
  removal_effects: Record<string, number>;
  value_removal_effects: Record<string, number>;
  states: number;
  transition_matrix: Record<string, Record<string, number>>;
}

export interface Attribution {
  totals: { conversions: number; value: number };
  journeys: number;
  journey_records: number;
  time_basis: 'timestamps' | 'steps' | 'mixed';
  half_life_days: number;
  lookback_days: number;
  conversion: 'purchase' | 'customer' | 'lead';
  models: AttributionModel[];
  /** the requested orders only, keyed "1", "2", "3" */
  markov?: Record<string, MarkovResult>;
  shapley?: { method: 'exact' | 'sampled' | (string & {}); channels: number;
    conversion_phi: Record<string, number>; value_phi: Record<string, number> };
  campaigns?: Record<string, { channel: string; campaign: string | null; conversions: number; value: number }[]>;
  unattributed?: { conversions: number; value: number; note: Text };
}
