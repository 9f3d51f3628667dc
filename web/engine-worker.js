// Module Web Worker that owns the wasm Session, so parsing and computing never freeze the page.
// Protocol (main thread → worker): {messageId, type, args}; type 'init' first with
// {wasmUrl, sessionOptions}, then any name of OPERATIONS. Answers: {messageId, ok: true, value}
// or {messageId, ok: false, error: {code, message_en, message_fr, file, line, column}}.
import { loadModule, OPERATIONS, RoilensError, SessionHost } from './engine-core.js';

let host = null;

async function perform(type, args) {
  if (type === 'init') {
    const module = await loadModule({ wasmUrl: args.wasmUrl });
    host = new SessionHost(module, args.sessionOptions);
    return null;
  }
  if (!OPERATIONS.has(type)) {
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
    const plain = error instanceof RoilensError ? error.toJSON()
      : { code: 'internal', message_en: String(error?.message ?? error),
        message_fr: String(error?.message ?? error) };
    self.postMessage({ messageId, ok: false, error: plain });
  }
};
