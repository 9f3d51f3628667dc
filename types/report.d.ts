// The JSON documents of the engine: the report (docs/report-schema.md), the file report, the
// KPI catalogue and the model fields.
import type { ErrorShape } from './errors.js';

/** `{en, fr}`: every text meant for a reader comes in both languages. */
export interface Text {
  en: string;
  fr: string;
}

export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all' | 'cadence';
export type Dimension =
  | 'channel' | 'source' | 'campaign' | 'landing_page' | 'cta' | 'device' | 'social_network'
  | 'email' | 'segment' | 'category';
export type Table = 'contacts' | 'touchpoints' | 'traffic' | 'transactions' | 'costs' | 'emails'
  | 'paths' | 'rfm';
/** A breakdown slice: dimension → value ("(not set)" when the source does not know it). */
export type Dimensions = Partial<Record<Dimension, string>>;

export interface Goal {
  kpi: string;
  dimensions?: Dimensions;
  /** a period label ("2025-02", "2025-Q1", "2025-W09", "2025-02-01..2025-02-14") or "all" */
  period: string;
  target: number;
}

export interface AbTestRequest {
  /** a rate KPI with that dimension, or "conversion" */
  kpi: string;
  dimension: Dimension;
  a: string;
  b: string;
}

/** Options of `engine.report()` (docs/report-schema.md, "Options"). */
export interface ReportOptions {
  grain?: Grain;
  /** ISO dates (YYYY-MM-DD) */
  from?: string;
  to?: string;
  by?: Dimension[];
  filters?: Dimensions;
  /** the engine's own time zone is used when absent (createEngine's utcOffsetMinutes) */
  utc_offset_minutes?: number;
  kpis?: string[];
  goals?: Goal[];
  cadence_start?: string;
  ab_tests?: AbTestRequest[];
  compare?: boolean;
  explain?: { kpi: string; period: string; dimensions?: Dimensions };
}

export interface Period {
  label: string;
  start: string;
  end: string;
  grain: Grain | 'range';
}

export interface KpiValue {
  kpi: string;
  period: string;
  dimensions: Dimensions;
  /** null: not available (a ratio over 0); never NaN */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  inputs: string[];
  estimated: boolean;
}

export interface MissingInput {
  kpi: string;
  needs: Table[];
  message: Text;
}

export interface RankedPage {
  page: string;
  entrances: number;
  sessions: number;
  bounce_rate: number | null;
  lead_rate: number | null;
}

export interface StageVelocity {
  from: string;
  to: string;
  period: string;
  dimensions: Dimensions;
  contacts: number;
  mean_days: number | null;
  median_days: number | null;
}

export interface GoalResult extends Goal {
  dimensions: Dimensions;
  actual: number | null;
  progress: number | null;
  status: 'achieved' | 'not_achieved' | 'no_data' | 'missing_input' | 'not_applicable';
}

export interface CadencePeriod {
  start: string;
  end: string;
  label: string;
}

export interface Trend {
  kpi: string;
  period: string;
  dimensions: Dimensions;
  value: number | null;
  previous: number | null;
  previous_change: number | null;
  year_before: number | null;
  year_before_change: number | null;
}

export interface AbVariant {
  variant: string;
  conversions: number;
  trials: number;
  rate: number | null;
}

export interface AbTestResult {
  kpi: string;
  dimension: Dimension;
  period: string;
  a: AbVariant;
  b: AbVariant;
  difference: number | null;
  z: number | null;
  p_value: number | null;
  ci_95: [number, number] | null;
  significant: boolean;
  probability_b_beats_a: number | null;
  status: 'ok' | 'not_testable' | 'missing_input' | 'no_data';
}

export interface Explanation {
  kpi: string;
  period: string;
  dimensions: Dimensions;
  records: { measure: string; file: string; line: number; amount: number }[];
  truncated: boolean;
}

/** `engine.report()`: docs/report-schema.md. */
export interface Report {
  schema_version: string;
  options: ReportOptions;
  periods: Period[];
  values: KpiValue[];
  missing_inputs: MissingInput[];
  not_applicable?: { kpi: string; reason: 'by' | 'filters' }[];
  external?: { kpi: string; provider: 'attribution' | 'clv' }[];
  rankings?: { top_entry_pages: RankedPage[]; top_blog_posts: RankedPage[]; pages_to_fix: RankedPage[] };
  stage_velocity?: StageVelocity[];
  goals?: GoalResult[];
  cadence?: CadencePeriod[];
  trends?: Trend[];
  ab_tests?: AbTestResult[];
  visitors_basis?: 'users' | 'sessions' | null;
  currencies?: string[];
  explain?: Explanation | null;
  /** a range of more than 5,000 periods: the report is empty and says why */
  error?: { code: string; message: Text };
}

/** Options of `engine.addFile()` understood by the engine (besides onProgress). */
export interface FileOptions {
  /** force the source tool (an id of `roilens catalogue`/`inspect`) */
  tool?: string;
  /** the XLSX sheet to read */
  sheet?: string;
  /** header → model field (manual mapping) */
  columns?: Record<string, string>;
  /** model field → 1-based column number */
  column_indexes?: Record<string, number>;
  /** the days covered by an export that names none (e.g. an "All time" ads report) */
  period?: { from: string; to: string };
}

/** What `addFile` resolves to (and each entry of `inspect().files`). */
export interface FileReport {
  file: string;
  tool: string;
  confidence: number;
  tables: Table[];
  rows: { read: number; kept: number; rejected: number; skipped: number };
  skipped_detail: Record<string, number>;
  rejections: { line: number; column: string | null; reason: string; reason_fr: string }[];
  date_range: { from: string; to: string } | null;
  /** one code, null, or the list when the file mixes currencies */
  currency: string | string[] | null;
  warnings: string[];
  warnings_fr: string[];
  encoding: string;
  variant: string;
  header: string[];
  mapping: Record<string, string>;
  /** the file could not be read (the one error shape, docs/errors.md) */
  error?: ErrorShape;
}

export interface Inspection {
  files: FileReport[];
}

/** One KPI of `engine.catalogue()` (docs/report-schema.md, "The catalogue"). */
export interface CatalogueEntry {
  id: string;
  section: number;
  section_title: Text;
  family: string | null;
  label: Text;
  description: Text;
  formula: Text;
  kind: 'count' | 'sum' | 'ratio' | 'derived' | 'conversion';
  /** whether numerator and denominator name measures or other KPIs */
  operands: 'measures' | 'kpis';
  numerator: string | null;
  denominator: string | null;
  scale: 1 | 100;
  unit: 'count' | 'percent' | 'currency' | 'days' | 'ratio';
  polarity: 'up_is_good' | 'up_is_bad' | 'neutral';
  dimensions: Dimension[];
  breakdown: Dimension[];
  /** built-in filter, `{}` when none (e.g. `{"device": "mobile"}`) */
  filter: Dimensions;
  /** source article(s), e.g. "000, 003" */
  seed: string;
  output: 'values' | 'ranking' | 'stage_velocity' | 'goals' | 'cadence' | 'ab_tests' | 'trends' | 'external';
  provider: 'attribution' | 'clv' | null;
  needs: Table[];
}

/** `engine.fields()`: the model's tables and fields, for a manual mapping. */
export interface FieldCatalogue {
  tables: { table: Table; fields: { name: string; kind: 'number' | 'date' | 'text' }[] }[];
}
