// roilens JS API: the only module the page (or an app, or Node) uses to talk to the engine.
//
//   import { createEngine } from 'roilens';
//   const engine = await createEngine();
//   const fileReport = await engine.addFile('contacts.csv', file, { onProgress });
//   const report = await engine.report({ grain: 'month', by: ['channel'] });
//   await engine.dispose();
//
// In a browser the wasm runs in a module Web Worker (engine-worker.js): every call is a message
// with a messageId, answered once; chunks travel as transferred ArrayBuffers. Without a worker
// (Node, or `worker: false`) the same API calls the wasm directly. Errors reject with a
// RoilensError {code, message_en, message_fr, file, line, column} (docs/errors.md).
//
// When the engine runs out of memory or traps, it is replaced by a fresh one and the files it
// held are read again from the Blob/File objects kept here; the failed call still rejects, and
// says which files were restored and which must be added again.
import {
  crashError, FATAL_CODES, HEAP_BYTES_PER_INPUT_BYTE, loadModule, MAXIMUM_HEAP_BYTES,
  RoilensError, SessionHost,
} from './engine-core.js';

export { RoilensError, HEAP_BYTES_PER_INPUT_BYTE, MAXIMUM_HEAP_BYTES };

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

function defaultUtcOffsetMinutes() {
  // Date#getTimezoneOffset is minutes *behind* UTC (Paris in winter: -60); the engine wants +60.
  return -new Date().getTimezoneOffset();
}

const isBlob = (source) => typeof Blob !== 'undefined' && source instanceof Blob;

// Yields Uint8Array chunks of at most `chunkBytes` from bytes, a Blob/File or a ReadableStream.
// A Blob is read slice by slice, so a 2 GB file never sits in one JS buffer.
// `owned` tells whether the chunk's buffer may be handed over (transferred) to the worker.
async function* chunksOf(source, chunkBytes) {
  if (typeof source === 'string') source = new TextEncoder().encode(source);
  if (source instanceof ArrayBuffer) source = new Uint8Array(source);
  if (ArrayBuffer.isView(source)) {
    const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    for (let start = 0; start < bytes.length; start += chunkBytes) {
      yield { chunk: bytes.subarray(start, start + chunkBytes), owned: false };
    }
    return;
  }
  if (isBlob(source)) {
    for (let start = 0; start < source.size; start += chunkBytes) {
      const buffer = await source.slice(start, start + chunkBytes).arrayBuffer();
      yield { chunk: new Uint8Array(buffer), owned: true };
    }
    return;
  }
  if (typeof source.getReader === 'function') {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
        for (let start = 0; start < bytes.length; start += chunkBytes) {
          yield { chunk: bytes.subarray(start, start + chunkBytes), owned: false };
        }
      }
    } finally {
      reader.releaseLock();
    }
  }
}

function isSupportedSource(source) {
  return typeof source === 'string' || source instanceof ArrayBuffer || ArrayBuffer.isView(source) ||
    isBlob(source) || (!!source && typeof source.getReader === 'function');
}

function sizeOf(source) {
  if (typeof source === 'string') return null;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return source.byteLength;
  if (isBlob(source)) return source.size;
  return null;
}

// Blobs (and Files) cannot change and cost nothing to keep: a file given that way is read
// again after an engine failure. Bytes may be changed by their owner, and a stream is used up.
const isRestorable = (source) => isBlob(source) || typeof source === 'string';

// "1.5 GB" / "1,5 Go": sizes in the words of each language (decimal units, as file managers).
function formatBytes(bytes, lang) {
  const units = lang === 'fr' ? ['octets', 'ko', 'Mo', 'Go'] : ['bytes', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const text = unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  return `${lang === 'fr' ? text.replace('.', ',') : text} ${units[unit]}`;
}

// The input the engine can take in all: reading the files and computing the report over them
// takes up to HEAP_BYTES_PER_INPUT_BYTE bytes of heap per byte of file (docs/errors.md).
export function inputLimitBytes() {
  return Math.floor(MAXIMUM_HEAP_BYTES / HEAP_BYTES_PER_INPUT_BYTE);
}

// The up-front refusal of a file that, with the files already loaded, is more than the engine can
// take (docs/errors.md, "Files too large").
function tooLargeError(name, size, loadedBytes) {
  const left = Math.max(0, inputLimitBytes() - loadedBytes);
  const [en, fr] = ['en', 'fr'].map((lang) => [formatBytes(size, lang), formatBytes(left, lang),
    formatBytes(loadedBytes, lang), formatBytes(MAXIMUM_HEAP_BYTES, lang)]);
  return new RoilensError({ code: 'file_too_large', file: name,
    message_en: `${name}: this file (${en[0]}) is more than the engine can still take (${en[1]}, ` +
      `with ${en[2]} of files already loaded): reading files and computing the dashboard take ` +
      `up to ${HEAP_BYTES_PER_INPUT_BYTE} bytes of memory per byte of file, and the engine can ` +
      `use ${en[3]}. Remove files, or split this one (by date range).`,
    message_fr: `${name} : ce fichier (${fr[0]}) dépasse ce que le moteur peut encore prendre ` +
      `(${fr[1]}, avec ${fr[2]} de fichiers déjà chargés) : lire les fichiers et calculer le ` +
      `tableau de bord prend jusqu'à ${HEAP_BYTES_PER_INPUT_BYTE} octets de mémoire par octet de ` +
      `fichier, et le moteur peut utiliser ${fr[3]}. Retirez des fichiers, ou découpez celui-ci ` +
      '(par période).' });
}

// The failed call's error, completed with what the restart did.
function afterRestart(error, { restored, lost }) {
  const listEn = (names) => names.map((n) => `"${n}"`).join(', ');
  let en = `${error.message_en}. The engine was restarted`;
  let fr = `${error.message_fr}. Le moteur a été redémarré`;
  if (restored.length) {
    en += `; the files already loaded were read again (${listEn(restored)})`;
    fr += ` ; les fichiers déjà chargés ont été relus (${listEn(restored)})`;
  }
  if (lost.length) {
    en += `; add these files again: ${listEn(lost)}`;
    fr += ` ; ajoutez de nouveau ces fichiers : ${listEn(lost)}`;
  }
  return new RoilensError({ ...error.toJSON(), message_en: `${en}.`, message_fr: `${fr}.` });
}

// Runs engine calls one after another: a file's beginFile/feed/endFile must not interleave
// with another call on the same Session.
function serialQueue() {
  let tail = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => {});
    return run;
  };
}

// Direct backend: the wasm in this thread (Node, tests, or a host that wants no worker).
async function directBackend({ engineOptions, sessionOptions }) {
  const host = new SessionHost(await loadModule(engineOptions), sessionOptions);
  return {
    call: async (type, args = []) => {
      // Copy the chunk so a caller's buffer is never retained by the engine.
      const callArgs = type === 'feed' ? [new Uint8Array(args[0])] : args;
      try {
        return host[type](...callArgs);
      } catch (error) {
        throw crashError(error);
      }
    },
    terminate: () => {},
  };
}

// Without a workerUrl the Worker is created with the literal `new Worker(new URL(…, import.meta.url),
// {type: 'module'})` that Vite and webpack 5 recognise: they then bundle the worker themselves.
function startWorker(workerUrl) {
  if (workerUrl) return new Worker(workerUrl, { type: 'module', name: 'roilens-engine' });
  return new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module', name: 'roilens-engine' });
}

// Worker backend: one module Worker, a messageId per call and a map of pending promises.
async function workerBackend({ engineOptions, sessionOptions, workerUrl, testHooks }) {
  const worker = startWorker(workerUrl);
  const pending = new Map();
  let nextId = 1;
  let broken = null;
  const failAll = (error) => {
    broken = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = (event) => {
    const { messageId, ok, value, error } = event.data;
    const waiter = pending.get(messageId);
    if (!waiter) return;
    pending.delete(messageId);
    if (ok) waiter.resolve(value);
    else waiter.reject(new RoilensError(error));
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    failAll(crashError(event.message ?? 'worker error'));
  };
  const call = (type, args = [], transfer = []) => {
    if (broken) return Promise.reject(broken);
    const messageId = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(messageId, { resolve, reject });
      worker.postMessage({ messageId, type, args }, transfer);
    });
  };
  try {
    await call('init', { ...engineOptions, sessionOptions, testHooks });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    call,
    terminate: () => {
      worker.terminate();
      failAll(new RoilensError({ code: 'disposed', message_en: 'the engine was disposed',
        message_fr: 'le moteur a été fermé' }));
    },
  };
}

// URLs handed to the Worker are resolved against the host page first, like any URL in a page.
function absolute(url) {
  if (!url || typeof document === 'undefined') return url instanceof URL ? url.href : url;
  return new URL(url, document.baseURI).href;
}

/**
 * Creates an engine (types/roilens.d.ts documents every option and method). Options:
 *   worker: run the wasm in a Web Worker (default: true where Worker exists)
 *   utcOffsetMinutes: time zone used to read local dates and cut periods (default: this machine's)
 *   chunkBytes: size of the pieces a file is fed in (default 1 MiB)
 *   wasmUrl: URL of roilens.wasm (default beside this file, in wasm/)
 *   moduleUrl: URL of the Emscripten ES module roilens.mjs (default beside this file, in wasm/)
 *   wasmBinary: the bytes of roilens.wasm, instead of fetching wasmUrl
 *   moduleFactory: an already imported Emscripten factory (direct mode only)
 *   workerUrl: URL of engine-worker.js when a bundler moved it (default: beside this file)
 *   onRestart({code, restored, lost}): told after the engine was replaced following a failure
 *   testHooks: enables engine.simulateFailure(kind), for tests of the recovery
 */
export async function createEngine(options = {}) {
  const {
    worker = typeof Worker !== 'undefined',
    utcOffsetMinutes = defaultUtcOffsetMinutes(),
    chunkBytes = DEFAULT_CHUNK_BYTES,
    wasmUrl, moduleUrl, wasmBinary, moduleFactory, workerUrl, onRestart,
    testHooks = false,
  } = options;
  const sessionOptions = { utc_offset_minutes: utcOffsetMinutes };
  const engineOptions = { wasmUrl: absolute(wasmUrl), moduleUrl: absolute(moduleUrl), wasmBinary };
  const start = () => (worker
    ? workerBackend({ engineOptions, sessionOptions, workerUrl: absolute(workerUrl), testHooks })
    : directBackend({ engineOptions: { ...engineOptions, moduleFactory }, sessionOptions }));
  let backend = await start();
  const exclusive = serialQueue();
  // The files the current Session holds, in the order read: {name, source, options, bytes}.
  let held = [];
  let disposed = false;
  const guard = () => {
    if (disposed) {
      throw new RoilensError({ code: 'disposed', message_en: 'the engine was disposed',
        message_fr: 'le moteur a été fermé' });
    }
  };

  const loadedBytes = () => held.reduce((sum, file) => sum + file.bytes, 0);

  // Feeds one file through the current backend; returns its file report and the bytes fed.
  const feedFile = async (name, source, engineFileOptions, onProgress) => {
    const total = sizeOf(source);
    if (total !== null && loadedBytes() + total > inputLimitBytes()) {
      throw tooLargeError(name, total, loadedBytes());
    }
    await backend.call('beginFile', [name, engineFileOptions]);
    let loaded = 0;
    try {
      for await (const { chunk, owned } of chunksOf(source, chunkBytes)) {
        // Transfer the buffer when we own it; otherwise send a copy we can transfer.
        const piece = owned && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength
          ? chunk : chunk.slice();
        // Read the length first: a transferred buffer is detached (length 0) once posted.
        const length = chunk.byteLength;
        await backend.call('feed', [piece.buffer], worker ? [piece.buffer] : []);
        loaded += length;
        onProgress?.({ name, loaded, total });
      }
    } catch (error) {
      // Close the file so the Session is ready for the next one, then report the cause.
      if (!FATAL_CODES.has(error?.code)) await backend.call('endFile').catch(() => {});
      throw error;
    }
    return { report: await backend.call('endFile'), bytes: loaded };
  };

  // A new backend holding the same files: each kept Blob is read again; a file that cannot be
  // (bytes, a stream, or a file that now fails itself) is dropped and named in `lost`.
  const replaceBackend = async () => {
    backend.terminate();
    const lost = held.filter((f) => !isRestorable(f.source)).map((f) => f.name);
    let toRestore = held.filter((f) => isRestorable(f.source));
    for (;;) {
      backend = await start();
      held = [];
      const restored = [];
      let failed = null;
      for (const file of toRestore) {
        try {
          await feedFile(file.name, file.source, file.options);
          restored.push(file);
          held = restored;
        } catch (error) {
          if (!FATAL_CODES.has(error?.code)) throw error;
          failed = file;
          break;
        }
      }
      if (!failed) {
        held = restored;
        return { restored: restored.map((f) => f.name), lost };
      }
      backend.terminate();
      lost.push(failed.name);
      toRestore = toRestore.filter((f) => f !== failed);
    }
  };

  // Every engine call goes through here: a fatal failure replaces the engine before rejecting.
  const run = (task) => exclusive(async () => {
    guard();
    try {
      return await task();
    } catch (error) {
      if (!FATAL_CODES.has(error?.code) || disposed) throw error;
      const outcome = await replaceBackend();
      onRestart?.({ code: error.code, ...outcome });
      throw afterRestart(error, outcome);
    }
  });

  const addFile = (name, source, fileOptions = {}) => run(async () => {
    if (!isSupportedSource(source)) {
      throw new RoilensError({ code: 'invalid_argument', file: String(name),
        message_en: `${name}: a file must be given as bytes, a Blob/File or a ReadableStream`,
        message_fr: `${name} : un fichier doit être fourni en octets, en Blob/File ou en ReadableStream` });
    }
    const { onProgress, ...engineFileOptions } = fileOptions;
    const { report, bytes } = await feedFile(name, source, engineFileOptions, onProgress);
    held.push({ name, source, options: engineFileOptions, bytes });
    return report;
  });

  const simple = (type) => (arg) => run(() => backend.call(type, arg === undefined ? [] : [arg]));

  const engine = {
    addFile,
    inspect: simple('inspect'),
    report: simple('report'),
    catalogue: simple('catalogue'),
    fields: simple('fields'),
    attribution: simple('attribution'),
    clv: simple('clv'),
    memory: simple('memory'),
    // Forgets every file (a new empty Session); used before re-ingesting with a new mapping.
    reset: () => run(async () => {
      held = [];
      return backend.call('reset');
    }),
    dispose: () => exclusive(async () => {
      if (disposed) return;
      disposed = true;
      held = [];
      await backend.call('dispose').catch(() => {});
      backend.terminate();
    }),
  };
  if (testHooks) engine.simulateFailure = simple('simulateFailure');
  return engine;
}
