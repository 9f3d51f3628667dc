// The one place that touches the wasm Session: used inside the Web Worker and, without a
// worker, directly (Node, tests). Every Session method returns a JSON string
// {"ok":true,"value":…} or {"ok":false,"error":{code,message_en,message_fr,file,line,column}};
// this module turns the first into a value and the second into a thrown RoilensError.

export class RoilensError extends Error {
  constructor({ code = 'internal', message_en, message_fr, file = '', line = 0, column = '' } = {}) {
    super(message_en || message_fr || code);
    this.name = 'RoilensError';
    this.code = code;
    this.messageEn = message_en ?? this.message;
    this.messageFr = message_fr ?? this.message;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  // Plain data that survives postMessage (an Error's own fields do not all survive cloning).
  toJSON() {
    return { code: this.code, message_en: this.messageEn, message_fr: this.messageFr,
      file: this.file, line: this.line, column: this.column };
  }
}

export const DEFAULT_WASM_URL = new URL('./wasm/roilens.mjs', import.meta.url).href;

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

// Loads the Emscripten factory from `wasmUrl` (or uses `moduleFactory` when the host hands it in).
export async function loadModule({ wasmUrl = DEFAULT_WASM_URL, moduleFactory } = {}) {
  let factory = moduleFactory;
  if (!factory) {
    try {
      // Left to the browser by bundlers (the URL is only known at run time).
      factory = (await import(/* @vite-ignore */ /* webpackIgnore: true */ wasmUrl)).default;
    } catch (cause) {
      throw new RoilensError({ code: 'engine_unavailable',
        message_en: `the computation engine could not be loaded (${cause?.message ?? cause}); ` +
          'build it with `npm run build:wasm`',
        message_fr: `le moteur de calcul n'a pas pu être chargé (${cause?.message ?? cause}) ; ` +
          'construisez-le avec `npm run build:wasm`' });
    }
  }
  return factory();
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

  dispose() {
    this.session?.delete();
    this.session = null;
    return null;
  }
}

// The operations a caller may request by name (worker protocol and direct calls alike).
export const OPERATIONS = new Set(['reset', 'beginFile', 'feed', 'endFile', 'inspect',
  'catalogue', 'fields', 'report', 'attribution', 'clv', 'dispose']);
