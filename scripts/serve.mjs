#!/usr/bin/env node
// A tiny static server for the page: 127.0.0.1 only, correct MIME types (application/wasm for
// streaming compilation), no directory listing, no path escaping the root.
//
//   node scripts/serve.mjs            # serves web/ on http://127.0.0.1:${PORT:-8080}
//   import { startServer } from './serve.mjs'; const s = await startServer({ root, port: 0 });
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
  "style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; " +
  "form-action 'none'; base-uri 'none'";

// Maps a URL path onto a file under root, or null when it would leave root.
function filePathFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(root, decoded));
  return candidate === root || candidate.startsWith(root + sep) ? candidate : null;
}

async function handle(root, overrides, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const urlPath = new URL(request.url, 'http://127.0.0.1').pathname;
  let path = overrides[urlPath] ?? filePathFor(root, urlPath);
  if (path === null) {
    response.writeHead(403).end('forbidden');
    return;
  }
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  response.writeHead(200, {
    // The same policy as the page's <meta>, sent as a header so it also binds the Worker:
    // own files only, wasm allowed, no eval, no request to any other host.
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(path).pipe(response);
}

// Starts serving `root`; port 0 picks a free port. Resolves to {url, port, close()}.
// `overrides` maps a URL path to a file outside root (tests swap in a stub engine this way).
export function startServer({ root = 'web', port = 8080, host = '127.0.0.1', overrides = {} } = {}) {
  const absoluteRoot = resolve(root);
  const server = createServer((request, response) => {
    handle(absoluteRoot, overrides, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actualPort = server.address().port;
      resolvePromise({
        url: `http://${host}:${actualPort}/`,
        port: actualPort,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(fileURLToPath(new URL('..', import.meta.url)), 'web');
  const port = Number.parseInt(process.env.PORT ?? '8080', 10);
  const { url } = await startServer({ root, port, host: '127.0.0.1' });
  console.log(`roilens is served at ${url}`);
}
