// `engine.clv()`: docs/clv.md ("Options" and "JSON document").

export interface ClvOptions {
  unit?: 'day' | 'week' | 'month';
  /** YYYY-MM-DD, inclusive: purchases after it form the holdout */
  calibration_end?: string;
  horizon_months?: number;
  discount?: number;
  penalizer?: number;
  margin?: number;
  units_per_month?: number;
  utc_offset_minutes?: number;
}

/** A warning or model error of the CLV document. */
export interface ClvMessage {
  code: string;
  message_en: string;
  message_fr: string;
}

export interface ClvCustomer {
  customer: string;
  frequency: number;
  recency: number;
  T: number;
  monetary_value: number | null;
  p_alive: number | null;
  expected_purchases: number | null;
  expected_spend: number | null;
  clv: number | null;
  clv_margin?: number | null;
  holdout_frequency?: number;
  channel?: string;
}

export interface HistoricalClv {
  customers: number;
  orders: number;
  revenue: number;
  average_order_value: number | null;
  purchase_frequency_per_month: number | null;
  lifespan_months: number | null;
  clv: number | null;
  clv_margin: number | null;
}

export interface Clv {
  source: 'transactions' | 'rfm';
  unit: 'day' | 'week' | 'month';
  units_per_month: number;
  horizon_months: number;
  discount: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; log_likelihood: number; customers: number } | null;
  gamma_gamma: { p: number; q: number; gamma: number; log_likelihood: number; customers: number;
    frequency_spend_correlation: number | null } | null;
  customers: ClvCustomer[];
  summary: {
    customers: number;
    clv_total: number | null;
    clv_mean: number | null;
    clv_quantiles: { p10: number; p50: number; p90: number; max: number } | null;
    expected_purchases_new_customer: number | null;
    new_customer_purchase_probabilities: number[];
  };
  historical: HistoricalClv | null;
  cohorts: { cohort: string; customers: number; revenue: number; clv: number | null;
    retention: number[]; revenue_by_month: number[] }[];
  by_channel: { channel: string; historical: HistoricalClv; predicted_clv_mean: number | null;
    cost: number | null; new_customers: number; cac: number | null; ltv_to_cac: number | null }[];
  /** transactions only */
  observation_end?: string;
  rfm_rules?: { purchase_records: number; excluded_status: number; excluded_full_refund: number;
    customers_after_calibration: number; currency: string | null };
  holdout?: { start: string; end: string; length: number; actual_purchases: number;
    predicted_purchases: number } | null;
  warnings: ClvMessage[];
  model_error: ClvMessage | null;
}
