// `roilens/component`: importing it defines <roilens-dashboard> (docs/embedding.md), the whole
// page (drop zone, file cards, dashboard) in one element with an open shadow root.
import type { Attribution } from './attribution.js';
import type { Clv } from './clv.js';
import type { ErrorShape } from './errors.js';
import type { FileReport, Report } from './report.js';

/** The attributes of <roilens-dashboard> (docs/embedding.md, "Attributes"). */
export interface RoilensDashboardAttributes {
  /** labels' language; the element's own toggle sets it */
  lang?: 'en' | 'fr';
  /** the period grain (default month) */
  grain?: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';
  /** URL of a sample manifest `{"files": [{"name": "…"}]}`; without it, no sample button */
  samples?: string;
  /** where the engine is, if a bundler or a host moved it (see EngineOptions.wasmUrl) */
  'wasm-url'?: string;
  /** URL of engine-worker.js, if a bundler or a host moved it */
  'worker-url'?: string;
  /** keep the view in the page's URL hash (leave off when the host uses the hash itself) */
  'url-state'?: '' | boolean;
  /** set by the element while it reads files or computes */
  busy?: '' | boolean;
}

/** `roilens-file`'s detail for a file that could not be read at all. */
export interface FileFailure {
  file: string;
  error: Partial<ErrorShape> & {
    /** @deprecated use `message_en` */
    messageEn?: string;
    /** @deprecated use `message_fr` */
    messageFr?: string;
  };
}

/** `roilens-report`'s detail: the same document as the "Download the report" button. */
export interface DashboardReport {
  files: FileReport[];
  total?: Report;
  by_channel?: Report;
  by_other?: Report | null;
  attribution: Attribution | null;
  clv: Clv | null;
}

/** What the user chose (never data): `roilens-view`'s detail, `element.view`, the URL hash. */
export interface DashboardView {
  grain: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';
  /** YYYY-MM-DD or "" */
  from: string;
  to: string;
  /** a dimension, or "none" */
  breakdown: string;
  /** the period shown, or "" */
  period: string;
  trendKpis: string[];
  comparison: string;
  attribution: { model: string; measure: string };
  showEmpty: boolean;
  /** the folded panels */
  closed: string[];
}

export interface RoilensDashboardEventMap extends HTMLElementEventMap {
  /** once per file read (bubbles, composed) */
  'roilens-file': CustomEvent<FileReport | FileFailure>;
  /** after every computation (bubbles, composed) */
  'roilens-report': CustomEvent<DashboardReport>;
  /** after every change of the view (bubbles, composed) */
  'roilens-view': CustomEvent<DashboardView>;
}

export declare class RoilensDashboard extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Reads files (File/Blob objects with a name) as if they had been dropped. */
  addFiles(files: Iterable<File> | ArrayLike<File>): Promise<void>;
  /** The last `roilens-report` detail, or null before any file was read. */
  readonly report: DashboardReport | null;
  /** The current view (a copy). */
  readonly view: DashboardView;
  addEventListener<K extends keyof RoilensDashboardEventMap>(type: K,
    listener: (this: RoilensDashboard, event: RoilensDashboardEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof RoilensDashboardEventMap>(type: K,
    listener: (this: RoilensDashboard, event: RoilensDashboardEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'roilens-dashboard': RoilensDashboard;
  }
  interface DocumentEventMap {
    'roilens-file': CustomEvent<FileReport | FileFailure>;
    'roilens-report': CustomEvent<DashboardReport>;
    'roilens-view': CustomEvent<DashboardView>;
  }
}
