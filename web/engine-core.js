// The one place that touches the wasm Session: used inside the Web Worker and, without a
// worker, directly (Node, tests). Every Session method returns a JSON string
// {"ok":true,"value":…} or {"ok":false,"error":{code,message_en,message_fr,file,line,column}};
// this module turns the first into a value and the second into a thrown RoilensError.

// Codes after which the engine instance cannot be trusted any more (its heap is exhausted or its
// state was left half-way by a trap): the caller replaces it (roilens.js does, and restores the
// files it had).
export const FATAL_CODES = new Set(['out_of_memory', 'engine_crashed']);

// The error shape of the whole API (docs/errors.md): the engine's JSON error object, and the
// fields of every RoilensError. `message` is `message_en`, as for any Error.
export class RoilensError extends Error {
  constructor({ code = 'internal', message_en, message_fr, file = '', line = 0, column = '' } = {}) {
    super(message_en || message_fr || code);
    this.name = 'RoilensError';
    this.code = code;
    this.message_en = message_en ?? this.message;
    this.message_fr = message_fr ?? this.message_en;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** @deprecated the same as `message_en` (the name used before the shape was settled). */
  get messageEn() {
    return this.message_en;
  }

  /** @deprecated the same as `message_fr`. */
  get messageFr() {
    return this.message_fr;
  }

  // Plain data that survives postMessage (an Error's own fields do not all survive cloning).
  toJSON() {
    return { code: this.code, message_en: this.message_en, message_fr: this.message_fr,
      file: this.file, line: this.line, column: this.column };
  }
}

// The Emscripten ES module (JS glue) and the WebAssembly binary it instantiates. Both are named
// with `new URL('…', import.meta.url)` so that Vite and webpack 5 copy them as assets.
export const DEFAULT_MODULE_URL = new URL('./wasm/roilens.mjs', import.meta.url).href;
export const DEFAULT_WASM_URL = new URL('./wasm/roilens.wasm', import.meta.url).href;

// wasm32 memory ends at 4 GiB (the build's -sMAXIMUM_MEMORY).
export const MAXIMUM_HEAP_BYTES = 4 * 1024 ** 3;

// Peak wasm heap per byte of input, reading the files and computing the report over them, where
// the 4 GiB ceiling is reached (measured with bench/heap_per_input_byte.mjs; docs/errors.md,
// "Files too large"): the engine takes 4 GiB / this of files in all, and refuses a file past
// that before reading it.
export const HEAP_BYTES_PER_INPUT_BYTE = 24;

function unwrap(answer) {
  let parsed;
  try {
    parsed = JSON.parse(answer);
  } catch {
    throw new RoilensError({ code: 'internal', message_en: 'the engine sent an unreadable answer',
      message_fr: 'le moteur a renvoyé une réponse illisible' });
  }
  if (parsed?.ok === true) return parsed.value;
  throw new RoilensError(parsed?.error ?? { code: 'internal' });
}

// A JS exception out of the wasm (a trap: "unreachable", "memory access out of bounds", an
// Emscripten abort, a failed allocation in JS) as the API's error.
export function crashError(cause) {
  if (cause instanceof RoilensError) return cause;
  const what = String(cause?.message ?? cause);
  return new RoilensError({ code: 'engine_crashed',
    message_en: `the computation engine stopped (${what})`,
    message_fr: `le moteur de calcul s'est arrêté (${what})` });
}

// Legacy: before the .wasm was a file of its own, `wasmUrl` named the ES module. A URL whose path
// ends in .mjs or .js is still read that way.
function isModuleUrl(url) {
  return typeof url === 'string' && /\.m?js$/i.test(url.split(/[?#]/)[0]);
}

// Which glue to import and which binary it should instantiate.
export function engineUrls({ moduleUrl, wasmUrl } = {}) {
  if (isModuleUrl(wasmUrl) && !moduleUrl) return { moduleUrl: wasmUrl, wasmUrl: undefined };
  return { moduleUrl: moduleUrl ?? DEFAULT_MODULE_URL,
    // A module moved without its binary: Emscripten's default, the .wasm beside the module.
    wasmUrl: wasmUrl ?? (moduleUrl ? undefined : DEFAULT_WASM_URL) };
}

const isNode = typeof process !== 'undefined' && !!process.versions?.node &&
  typeof window === 'undefined';

// Node 20 cannot fetch() a file: URL, and the build is for web and worker (TOOLCHAIN.md): in
// Node the binary is read from disk and handed over as `wasmBinary`.
async function nodeWasmBinary(wasmUrl, moduleUrl) {
  const url = wasmUrl ?? new URL('roilens.wasm', moduleUrl).href;
  if (!isNode || !url.startsWith('file:')) return undefined;
  const fsModule = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ fsModule);
  return readFile(new URL(url));
}

function unavailable(cause) {
  const what = cause?.message ?? cause;
  return new RoilensError({ code: 'engine_unavailable',
    message_en: `the computation engine could not be loaded (${what})`,
    message_fr: `le moteur de calcul n'a pas pu être chargé (${what})` });
}

// Imports the Emscripten factory (or uses `moduleFactory`) and instantiates the wasm:
// streaming compilation from `wasmUrl` in browsers (served as application/wasm), `wasmBinary`
// when given (or read from disk in Node).
export async function loadModule({ moduleUrl, wasmUrl, wasmBinary, moduleFactory } = {}) {
  const urls = engineUrls({ moduleUrl, wasmUrl });
  let factory = moduleFactory;
  try {
    // Left to the browser by bundlers (the URL is only known at run time).
    factory ??= (await import(/* @vite-ignore */ /* webpackIgnore: true */ urls.moduleUrl)).default;
    const binary = wasmBinary ?? (moduleFactory ? undefined
      : await nodeWasmBinary(urls.wasmUrl, urls.moduleUrl));
    const options = {};
    if (binary) options.wasmBinary = binary instanceof Uint8Array ? binary : new Uint8Array(binary);
    if (urls.wasmUrl) options.locateFile = (path, prefix) => (path.endsWith('.wasm') ? urls.wasmUrl : prefix + path);
    return await factory(options);
  } catch (cause) {
    throw unavailable(cause);
  }
}

// One wasm Module and its current Session. `reset()` starts an empty Session (used to
// re-ingest every file after a manual mapping changed).
export class SessionHost {
  constructor(module, sessionOptions) {
    this.module = module;
    this.sessionOptions = JSON.stringify(sessionOptions ?? {});
    this.session = new module.Session(this.sessionOptions);
  }

  reset() {
    this.session.delete();
    this.session = new this.module.Session(this.sessionOptions);
    return null;
  }

  beginFile(name, fileOptions) {
    return unwrap(this.session.beginFile(String(name), JSON.stringify(fileOptions ?? {})));
  }

  feed(bytes) {
    return unwrap(this.session.feed(bytes));
  }

  endFile() {
    return unwrap(this.session.endFile());
  }

  inspect() {
    return unwrap(this.session.inspect());
  }

  catalogue() {
    return unwrap(this.session.catalogue());
  }

  fields() {
    return unwrap(this.session.fields());
  }

  report(options) {
    return unwrap(this.session.report(JSON.stringify(options ?? {})));
  }

  attribution(options) {
    return unwrap(this.session.attribution(JSON.stringify(options ?? {})));
  }

  clv(options) {
    return unwrap(this.session.clv(JSON.stringify(options ?? {})));
  }

  // Bytes of wasm heap in use (allocated by the engine) and committed (the memory's size, which
  // never shrinks), and the ceiling.
  memory() {
    const committed = this.module.HEAP8?.buffer.byteLength ?? 0;
    const allocated = typeof this.module.heapAllocatedBytes === 'function'
      ? this.module.heapAllocatedBytes() : committed;
    return { allocated, committed, maximum: MAXIMUM_HEAP_BYTES };
  }

  // Test hook (the failure-recovery tests): makes the engine fail the way a real one does.
  // 'trap': the allocator is handed an address past the end of memory and the wasm traps
  // ("memory access out of bounds", a WebAssembly.RuntimeError); 'out_of_memory': the answer of
  // an exhausted heap.
  simulateFailure(kind) {
    if (kind === 'out_of_memory') {
      throw new RoilensError({ code: 'out_of_memory', message_en: 'the engine ran out of memory',
        message_fr: "le moteur n'a plus de mémoire" });
    }
    if (typeof this.module._free === 'function') this.module._free(0xfffffff0);
    throw new WebAssembly.RuntimeError('unreachable'); // a module without an allocator (a stub)
  }

  dispose() {
    this.session?.delete();
    this.session = null;
    return null;
  }
}

// The operations a caller may request by name (worker protocol and direct calls alike).
export const OPERATIONS = new Set(['reset', 'beginFile', 'feed', 'endFile', 'inspect',
  'catalogue', 'fields', 'report', 'attribution', 'clv', 'memory', 'simulateFailure', 'dispose']);
