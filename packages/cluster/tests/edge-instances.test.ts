/**
 * The edge (infra/edge/start.sh, Varnish) in front of two site instances, stood in for by small
 * HTTP servers that say who answered: requests are spread over both, and when one instance dies or
 * fails a fetch, readers still get the page from the other, before the health probe has noticed
 * (the retry on another instance) and after. Unsafe methods are never sent twice.
 *
 * Ports: EDGE_INSTANCES_TEST_PORT (default 3160) for the edge, the next two for the instances.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { inheritedEnv, spawnService, waitUntilReady, type ServiceProcess } from '@nourish/test-support';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const EDGE_PORT = Number(process.env.EDGE_INSTANCES_TEST_PORT ?? 3160);
const EDGE = `http://127.0.0.1:${EDGE_PORT}`;

type Instance = { name: string; port: number; server: http.Server; seen: string[]; failWith?: number };

function startInstance(name: string, port: number): Promise<Instance> {
  const instance: Instance = { name, port, server: http.createServer(), seen: [] };
  instance.server.on('request', (request, response) => {
    instance.seen.push(`${request.method} ${request.url}`);
    if (instance.failWith && request.url !== '/icon.svg') {
      response.writeHead(instance.failWith).end();
      return;
    }
    const page = request.url?.startsWith('/articles/');
    response.writeHead(200, {
      'Content-Type': 'text/plain',
      // Articles are cached by the edge (as the site's ISR pages are); the rest is passed.
      'Cache-Control': page ? 's-maxage=60' : 'no-store',
      'X-Instance': name,
    });
    response.end(name);
  });
  return new Promise((resolve) => instance.server.listen(port, '127.0.0.1', () => resolve(instance)));
}

/** Stops listening and drops the edge's pooled connections: the next connect is refused. */
const kill = (instance: Instance) =>
  new Promise<void>((resolve) => {
    instance.server.close(() => resolve());
    instance.server.closeAllConnections();
  });

const get = async (url: string, init?: RequestInit) => {
  const response = await fetch(`${EDGE}${url}`, init);
  return { status: response.status, instance: response.headers.get('x-instance'), body: await response.text() };
};

describe('the edge over two site instances', () => {
  let edge: ServiceProcess | undefined;
  let one: Instance;
  let two: Instance;

  before(async () => {
    [one, two] = await Promise.all([startInstance('one', EDGE_PORT + 1), startInstance('two', EDGE_PORT + 2)]);
    edge = spawnService({
      command: ['bash', path.join(ROOT, 'infra/edge/start.sh')],
      cwd: ROOT,
      env: {
        ...inheritedEnv(),
        EDGE_LISTEN: `127.0.0.1:${EDGE_PORT}`,
        EDGE_BACKEND: `127.0.0.1:${one.port}, 127.0.0.1:${two.port}`,
        EDGE_MEMORY: '16m',
        EDGE_WORKDIR: path.join(os.tmpdir(), `nourish-edge-instances-${EDGE_PORT}`),
      },
      detached: true,
    });
    await waitUntilReady(edge, { name: 'the edge', url: `${EDGE}/icon.svg`, timeoutMs: 60_000, isReady: (r) => r.ok });
  });

  after(async () => {
    await edge?.stop();
    for (const instance of [one, two]) if (instance.server.listening) await kill(instance);
  });

  it('spreads requests over both instances', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await get(`/api/spread-${i}`));
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(6).fill(200),
    );
    assert.deepEqual(new Set(answers.map((answer) => answer.instance)), new Set(['one', 'two']));
  });

  it('a page whose fetch gets a 5xx from one instance comes from the other', async () => {
    one.failWith = 500;
    try {
      for (let i = 0; i < 6; i++) {
        const answer = await get(`/articles/fails-on-one-${i}`);
        assert.equal(answer.status, 200, `article ${i}`);
        assert.equal(answer.instance, 'two');
      }
      assert.ok(
        one.seen.some((line) => line.startsWith('GET /articles/fails-on-one-')),
        'instance one was asked (and failed) for some of them',
      );
    } finally {
      delete one.failWith;
    }
  });

  it('a POST is not sent twice when its instance fails', async () => {
    one.failWith = 502;
    two.failWith = 502;
    try {
      const before = [...one.seen, ...two.seen].filter((line) => line.startsWith('POST')).length;
      const answer = await get('/api/form', { method: 'POST', body: 'x' });
      assert.equal(answer.status, 502, 'the instance answer goes back as is');
      const after = [...one.seen, ...two.seen].filter((line) => line.startsWith('POST')).length;
      assert.equal(after - before, 1, 'one POST reached the sites');
    } finally {
      delete one.failWith;
      delete two.failWith;
    }
  });

  it('with one instance dead, every request is answered by the other, before and after the probe notices', async () => {
    await kill(one);
    // Right away (the probe still says healthy: connections are refused and retried), then after
    // the probe has marked it sick (3 of 5 probes, 2 s apart).
    for (const phase of ['at once', 'after the probe']) {
      if (phase === 'after the probe') await new Promise((resolve) => setTimeout(resolve, 9000));
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          get(i % 2 ? `/articles/dead-one-${phase.length}-${i}` : `/api/dead-one-${i}`),
        ),
      );
      assert.deepEqual(
        answers.filter((answer) => answer.status !== 200 || answer.instance !== 'two'),
        [],
        phase,
      );
    }
  });
});
