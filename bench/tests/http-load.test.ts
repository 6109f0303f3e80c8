/**
 * The load probe (src/probes/http-load.ts) against a local server that counts what it receives:
 * wrk's Lua script rotates through the paths, counts non-2xx and reports totals that match.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';

import { measureLoad, measureLoadAlternating } from '../src/probes/http-load';

const received = new Map<string, number>();
const accepts = new Set<string>();
const server = http.createServer((req, res) => {
  received.set(req.url ?? '', (received.get(req.url ?? '') ?? 0) + 1);
  accepts.add(req.headers.accept ?? '');
  const known = req.url === '/ok' || req.url === '/also-ok';
  res.writeHead(known ? 200 : 404, { 'content-type': 'text/plain' });
  res.end(known ? 'fine' : 'missing');
});
let origin = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('rotates through the paths and counts the non-2xx among them', async () => {
  received.clear();
  const result = await measureLoad(origin, { connections: 2, durationSec: 1, paths: ['/ok', '/missing', '/also-ok'] });
  const total = [...received.values()].reduce((a, b) => a + b, 0);
  assert.ok(result.requests > 30, `only ${result.requests} requests`);
  // wrk may leave a few requests in flight when it stops: they reach the server uncounted.
  assert.ok(total >= result.requests && total - result.requests <= 4, `${total} received, ${result.requests} counted`);
  assert.deepEqual([...received.keys()].sort(), ['/also-ok', '/missing', '/ok']);
  const missing = received.get('/missing') ?? 0;
  assert.ok(Math.abs(result.non2xx - missing) <= 2, `${result.non2xx} non-2xx counted, ${missing} sent to /missing`);
  assert.ok(Math.abs(result.non2xx / result.requests - 1 / 3) < 0.05, `${result.non2xx} of ${result.requests}`);
  assert.equal(result.errors, 0);
  assert.ok(result.p50Ms > 0 && result.p99Ms >= result.p50Ms, JSON.stringify(result));
  assert.ok(result.requestsPerSec > 30);
});

test('alternating probes report one result per URL, their counts summed over the rounds', async () => {
  received.clear();
  const [ok, missing] = await measureLoadAlternating([`${origin}/ok`, `${origin}/missing`], {
    connections: 1,
    durationSec: 3,
  });
  assert.equal(ok.non2xx, 0);
  assert.equal(missing.non2xx, missing.requests);
  assert.ok(Math.abs(ok.requests - (received.get('/ok') ?? 0)) <= 3);
  assert.ok(Math.abs(missing.requests - (received.get('/missing') ?? 0)) <= 3);
});

test('sends the headers it is given, and refuses a server that is not there', async () => {
  accepts.clear();
  await measureLoad(`${origin}/ok`, { connections: 1, durationSec: 1, headers: { accept: 'text/x-probe' } });
  assert.deepEqual([...accepts], ['text/x-probe']);
  await assert.rejects(measureLoad('http://127.0.0.1:9/', { connections: 1, durationSec: 1 }), /Connection refused/);
});
