// `roilens/worker`: the module Worker that runs the engine (engine-worker.js). Not imported:
// give its URL to `createEngine({ workerUrl })` when a bundler moved it. It exports nothing.
export {};
