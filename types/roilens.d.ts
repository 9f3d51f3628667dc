// roilens: the JS API (web/roilens.js). Works in browsers (the engine runs in a module Worker)
// and in Node >= 20 (in the calling thread).
import type { Attribution, AttributionOptions } from './attribution.js';
import type { Clv, ClvOptions } from './clv.js';
import type {
  CatalogueEntry, FieldCatalogue, FileOptions, FileReport, Inspection, Report, ReportOptions,
} from './report.js';

export * from './errors.js';
export type * from './report.js';
export type * from './attribution.js';
export type * from './clv.js';

/** What `addFile` reads: bytes, text, a Blob/File (read slice by slice) or a ReadableStream. */
export type FileSource = Uint8Array | ArrayBuffer | ArrayBufferView | string | Blob
  | ReadableStream<Uint8Array>;

export interface Progress {
  name: string;
  /** bytes fed so far */
  loaded: number;
  /** the file's size, or null for a stream */
  total: number | null;
}

export interface AddFileOptions extends FileOptions {
  onProgress?: (progress: Progress) => void;
}

/** Told after the engine was replaced following an out-of-memory failure or a trap. */
export interface RestartInfo {
  code: 'out_of_memory' | 'engine_crashed';
  /** files read again (from the Blob/File objects given to addFile), in order */
  restored: string[];
  /** files that must be added again (given as bytes or a stream, or failing themselves) */
  lost: string[];
}

export interface EngineOptions {
  /** Run the wasm in a module Web Worker (default: true where `Worker` exists). */
  worker?: boolean;
  /** Time zone used to read local dates and cut periods (default: this machine's). */
  utcOffsetMinutes?: number;
  /** Size of the pieces a file is fed in (default 1 MiB). */
  chunkBytes?: number;
  /**
   * URL of `roilens.wasm` (default: `wasm/roilens.wasm` beside roilens.js). Serve it as
   * `application/wasm` for streaming compilation. A URL ending in `.mjs`/`.js` is read as
   * `moduleUrl` (its meaning before the binary was a file of its own).
   */
  wasmUrl?: string | URL;
  /** URL of the Emscripten ES module `roilens.mjs` (default: `wasm/roilens.mjs` beside roilens.js). */
  moduleUrl?: string | URL;
  /** The bytes of `roilens.wasm`, instead of fetching `wasmUrl` (Node reads it from disk itself). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** An already imported Emscripten factory (`roilens/wasm`'s default export); direct mode only. */
  moduleFactory?: RoilensModuleFactory;
  /** URL of `engine-worker.js` when a bundler moved it (default: beside roilens.js). */
  workerUrl?: string | URL;
  /** Called after the engine was replaced (the failed call still rejects, saying the same). */
  onRestart?: (info: RestartInfo) => void;
  /** Adds `engine.simulateFailure()`, for tests of a host's recovery handling. */
  testHooks?: boolean;
}

/** Heap figures of the engine, in bytes. */
export interface MemoryUsage {
  /** held by the engine now */
  allocated: number;
  /** the WebAssembly memory's size (it only grows) */
  committed: number;
  /** the ceiling: 4 GiB (wasm32) */
  maximum: number;
}

export interface Engine {
  /**
   * Reads one file. Rejects with `file_too_large` before reading when the files already loaded
   * plus this one exceed inputLimitBytes() (docs/errors.md); resolves to the file report
   * otherwise (a file that could not be read resolves too, with `error` set).
   */
  addFile(name: string, source: FileSource, options?: AddFileOptions): Promise<FileReport>;
  inspect(): Promise<Inspection>;
  report(options?: ReportOptions): Promise<Report>;
  attribution(options?: AttributionOptions): Promise<Attribution>;
  clv(options?: ClvOptions): Promise<Clv>;
  catalogue(): Promise<CatalogueEntry[]>;
  fields(): Promise<FieldCatalogue>;
  memory(): Promise<MemoryUsage>;
  /** Forgets every file (a new empty session). */
  reset(): Promise<null>;
  /** Frees the engine (and ends its Worker); later calls reject with `disposed`. */
  dispose(): Promise<void>;
  /** With `testHooks: true` only: makes the engine fail as a trap or an exhausted heap does. */
  simulateFailure?(kind: 'trap' | 'out_of_memory'): Promise<null>;
}

export declare function createEngine(options?: EngineOptions): Promise<Engine>;

/** Default size of the pieces a file is fed in: 1 MiB. */
export declare const DEFAULT_CHUNK_BYTES: number;
/** Peak heap bytes per byte of input (reading and the report), used to refuse too large files up front. */
export declare const HEAP_BYTES_PER_INPUT_BYTE: number;
/** Bytes of files the engine takes in all: 4 GiB / HEAP_BYTES_PER_INPUT_BYTE. */
export declare function inputLimitBytes(): number;
/** The wasm32 heap ceiling: 4 GiB. */
export declare const MAXIMUM_HEAP_BYTES: number;

/** The Emscripten factory of `roilens/wasm` (see wasm.d.ts). */
export type RoilensModuleFactory = import('./wasm.js').RoilensModuleFactory;
