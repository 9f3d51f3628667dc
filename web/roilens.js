// roilens JS API: the only module the page (or an app, or Node) uses to talk to the engine.
//
//   import { createEngine } from './roilens.js';
//   const engine = await createEngine({ worker: true });
//   const fileReport = await engine.addFile('contacts.csv', file, { onProgress });
//   const report = await engine.report({ grain: 'month', by: ['channel'] });
//   engine.dispose();
//
// In a browser the wasm runs in a module Web Worker (web/engine-worker.js): every call is a
// message with a messageId, answered once; chunks travel as transferred ArrayBuffers. Without a
// worker (Node, or `worker: false`) the same API calls the wasm directly. Errors reject with a
// RoilensError {code, messageEn, messageFr, file, line, column}.
import { DEFAULT_WASM_URL, loadModule, RoilensError, SessionHost } from './engine-core.js';

export { RoilensError };

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

function defaultUtcOffsetMinutes() {
  // Date#getTimezoneOffset is minutes *behind* UTC (Paris in winter: -60); the engine wants +60.
  return -new Date().getTimezoneOffset();
}

// Yields Uint8Array chunks of at most `chunkBytes` from bytes, a Blob/File or a ReadableStream.
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
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
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
    (typeof Blob !== 'undefined' && source instanceof Blob) ||
    (!!source && typeof source.getReader === 'function');
}

function sizeOf(source) {
  if (typeof source === 'string') return null;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return source.byteLength;
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source.size;
  return null;
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
async function directBackend({ wasmUrl, moduleFactory, sessionOptions }) {
  const host = new SessionHost(await loadModule({ wasmUrl, moduleFactory }), sessionOptions);
  return {
    call: async (type, args = [], _transfer) => {
      // Copy the chunk so a caller's buffer is never retained by the engine.
      const callArgs = type === 'feed' ? [new Uint8Array(args[0])] : args;
      return host[type](...callArgs);
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
async function workerBackend({ wasmUrl, sessionOptions, workerUrl }) {
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
    failAll(new RoilensError({ code: 'engine_unavailable',
      message_en: `the engine stopped: ${event.message ?? 'worker error'}`,
      message_fr: `le moteur s'est arrêté : ${event.message ?? 'erreur du worker'}` }));
  };
  const call = (type, args = [], transfer = []) => {
    if (broken) return Promise.reject(broken);
    const messageId = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(messageId, { resolve, reject });
      worker.postMessage({ messageId, type, args }, transfer);
    });
  };
  await call('init', { wasmUrl, sessionOptions });
  return {
    call,
    terminate: () => {
      worker.terminate();
      failAll(new RoilensError({ code: 'disposed', message_en: 'the engine was disposed',
        message_fr: 'le moteur a été fermé' }));
    },
  };
}

/**
 * Creates an engine. Options:
 *   worker: run the wasm in a Web Worker (default: true where Worker exists)
 *   utcOffsetMinutes: time zone used to read local dates and cut periods (default: this machine's)
 *   chunkBytes: size of the pieces a file is fed in (default 1 MiB)
 *   wasmUrl: URL of the Emscripten ES module (default ./wasm/roilens.mjs beside this file)
 *   moduleFactory: an already imported Emscripten factory (direct mode only)
 *   workerUrl: URL of engine-worker.js when a bundler moved it (default: beside this file)
 */
export async function createEngine(options = {}) {
  const {
    worker = typeof Worker !== 'undefined',
    utcOffsetMinutes = defaultUtcOffsetMinutes(),
    chunkBytes = DEFAULT_CHUNK_BYTES,
    wasmUrl = DEFAULT_WASM_URL,
    moduleFactory,
    workerUrl,
  } = options;
  const sessionOptions = { utc_offset_minutes: utcOffsetMinutes };
  const backend = worker
    ? await workerBackend({ wasmUrl, sessionOptions, workerUrl })
    : await directBackend({ wasmUrl, moduleFactory, sessionOptions });
  const exclusive = serialQueue();
  let disposed = false;
  const guard = () => {
    if (disposed) {
      throw new RoilensError({ code: 'disposed', message_en: 'the engine was disposed',
        message_fr: 'le moteur a été fermé' });
    }
  };

  const addFile = (name, source, fileOptions = {}) => exclusive(async () => {
    guard();
    if (!isSupportedSource(source)) {
      throw new RoilensError({ code: 'invalid_argument',
        message_en: `${name}: a file must be given as bytes, a Blob/File or a ReadableStream`,
        message_fr: `${name} : un fichier doit être fourni en octets, en Blob/File ou en ReadableStream` });
    }
    const { onProgress, ...engineOptions } = fileOptions;
    const total = sizeOf(source);
    await backend.call('beginFile', [name, engineOptions]);
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
      await backend.call('endFile').catch(() => {});
      throw error;
    }
    return backend.call('endFile');
  });

  const simple = (type) => (arg) => exclusive(async () => {
    guard();
    return backend.call(type, arg === undefined ? [] : [arg]);
  });

  return {
    addFile,
    inspect: simple('inspect'),
    report: simple('report'),
    catalogue: simple('catalogue'),
    fields: simple('fields'),
    attribution: simple('attribution'),
    clv: simple('clv'),
    // Forgets every file (a new empty Session); used before re-ingesting with a new mapping.
    reset: simple('reset'),
    dispose: () => exclusive(async () => {
      if (disposed) return;
      disposed = true;
      await backend.call('dispose').catch(() => {});
      backend.terminate();
    }),
  };
}
