// `roilens/wasm`: the Emscripten ES module (web/wasm/roilens.mjs). Most users want `createEngine`
// instead; this is the raw Embind surface. Every Session method returns a JSON string
// `{"ok": true, "value": …}` or `{"ok": false, "error": ErrorShape}`; nothing throws.

export interface RoilensSession {
  beginFile(name: string, fileOptionsJson: string): string;
  feed(bytes: Uint8Array): string;
  endFile(): string;
  inspect(): string;
  catalogue(): string;
  fields(): string;
  report(optionsJson: string): string;
  attribution(optionsJson: string): string;
  clv(optionsJson: string): string;
  /** frees the C++ session (Embind objects are not garbage-collected) */
  delete(): void;
}

export interface RoilensModule {
  Session: new (sessionOptionsJson: string) => RoilensSession;
  /** The command line (as the native `roilens`): `{"exit_code", "stdout", "stderr"}` as JSON. */
  runCli(args: string[], files: Record<string, Uint8Array>): string;
  /** Bytes of wasm heap the engine holds. */
  heapAllocatedBytes(): number;
  HEAP8: Int8Array;
}

export interface RoilensModuleOptions {
  /** the bytes of roilens.wasm (needed in Node, which cannot fetch a file: URL) */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** where the module finds roilens.wasm: `(path, prefix) => url` */
  locateFile?: (path: string, prefix: string) => string;
}

export type RoilensModuleFactory = (options?: RoilensModuleOptions) => Promise<RoilensModule>;

declare const createRoilensModule: RoilensModuleFactory;
export default createRoilensModule;
