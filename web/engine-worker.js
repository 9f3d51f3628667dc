// Module Web Worker that owns the wasm Session, so parsing and computing never freeze the page.
// Protocol (main thread → worker): {messageId, type, args}; type 'init' first with
// {moduleUrl, wasmUrl, wasmBinary, sessionOptions, testHooks}, then any name of OPERATIONS.
// Answers: {messageId, ok: true, value} or {messageId, ok: false, error: {code, message_en,
// message_fr, file, line, column}}. A JS exception out of the wasm (a trap) is answered with
// code 'engine_crashed': the main thread then replaces this worker.
import { crashError, loadModule, OPERATIONS, RoilensError, SessionHost } from './engine-core.js';

let host = null;
let testHooks = false;

async function perform(type, args) {
  if (type === 'init') {
    const module = await loadModule({ moduleUrl: args.moduleUrl, wasmUrl: args.wasmUrl,
      wasmBinary: args.wasmBinary });
    host = new SessionHost(module, args.sessionOptions);
    testHooks = !!args.testHooks;
    return null;
  }
  if (!OPERATIONS.has(type) || (type === 'simulateFailure' && !testHooks)) {
    throw new RoilensError({ code: 'invalid_argument', message_en: `unknown operation ${type}`,
      message_fr: `opération inconnue ${type}` });
  }
  if (!host) {
    throw new RoilensError({ code: 'engine_unavailable', message_en: 'the engine is not ready',
      message_fr: "le moteur n'est pas prêt" });
  }
  // A fed chunk arrives as a transferred ArrayBuffer; the Session wants a Uint8Array.
  const callArgs = type === 'feed' ? [new Uint8Array(args[0])] : args;
  return host[type](...callArgs);
}

self.onmessage = async (event) => {
  const { messageId, type, args } = event.data;
  try {
    const value = await perform(type, args);
    self.postMessage({ messageId, ok: true, value });
  } catch (error) {
    self.postMessage({ messageId, ok: false, error: crashError(error).toJSON() });
  }
};
