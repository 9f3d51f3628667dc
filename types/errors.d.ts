// The one error shape of roilens (docs/errors.md): the engine's JSON error object, the `error` of
// a file report, and the fields of every RoilensError.

/** Codes from the engine (core) and from the JS API. */
export type ErrorCode =
  | 'invalid_argument' | 'unreadable_file' | 'malformed_record' | 'bad_value' | 'missing_column'
  | 'unrecognised_file' | 'missing_input' | 'not_converged' | 'internal'
  /** the file is larger than what the engine can still load (checked before reading) */
  | 'file_too_large'
  /** the engine's WebAssembly heap is exhausted; the engine was replaced */
  | 'out_of_memory'
  /** the engine trapped or its worker died; the engine was replaced */
  | 'engine_crashed'
  /** roilens.mjs / roilens.wasm / the worker could not be loaded */
  | 'engine_unavailable'
  /** a call after dispose() */
  | 'disposed';

/** `{code, message_en, message_fr, file, line, column}`: in JSON and on RoilensError alike. */
export interface ErrorShape {
  code: ErrorCode | (string & {});
  /** English, with the position: "deals.csv, line 12, column 'Amount': …" */
  message_en: string;
  /** French, with the position: "deals.csv, ligne 12, colonne 'Amount' : …" */
  message_fr: string;
  /** the file concerned, or "" */
  file: string;
  /** 1-based physical line, 0 when unknown */
  line: number;
  /** a 1-based column number or a header name, or an option name; "" when unknown */
  column: string;
}

/** What every promise of the API rejects with. */
export declare class RoilensError extends Error implements ErrorShape {
  constructor(shape?: Partial<ErrorShape>);
  readonly name: 'RoilensError';
  code: ErrorShape['code'];
  message_en: string;
  message_fr: string;
  file: string;
  line: number;
  column: string;
  /** @deprecated use `message_en` */
  readonly messageEn: string;
  /** @deprecated use `message_fr` */
  readonly messageFr: string;
  /** The plain shape (what crosses postMessage and JSON.stringify). */
  toJSON(): ErrorShape;
}
