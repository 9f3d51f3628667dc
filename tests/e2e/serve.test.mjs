// scripts/serve.mjs: the static server `npm start` and the e2e tests use.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { WEB } from './harness.mjs';

let server;
before(async () => {
  server = await startServer({ root: WEB, port: 0, host: '127.0.0.1' });
});
after(async () => {
  await server.close();
});

// Raw GET (fetch would normalise "/../" away before it reaches the server).
function get(path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on 127.0.0.1 with a free port', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.ok(server.port > 0);
});

test('serves the page and modules with their content types', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.match(index.type, /^text\/html/);
  assert.match(index.body, /roilens/);
  assert.match((await get('/roilens.js')).type, /^text\/javascript/);
  assert.match((await get('/samples/manifest.json')).type, /^application\/json/);
});

test('serves the engine binary as application/wasm (what streaming compilation requires)', async (t) => {
  if (!existsSync(join(WEB, 'wasm', 'roilens.wasm'))) {
    t.skip('web/wasm/roilens.wasm is not built');
    return;
  }
  const wasm = await get('/wasm/roilens.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.type, 'application/wasm');
});

test('never serves a file outside the root', async () => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/samples/../../package.json', '/%00']) {
    const { status } = await get(path);
    assert.ok(status === 403 || status === 404, `${path} gave ${status}`);
  }
});

test('unknown files are 404', async () => {
  assert.equal((await get('/nope.js')).status, 404);
});
