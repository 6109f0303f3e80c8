import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import { edgePurgerFromEnv, noEdgePurger } from '../lib/edge/purge';

type Seen = { method: string; url: string; keys: string | undefined };

/** A stand-in edge answering like infra/edge/nourish.vcl does; `reply` decides per request. */
async function fakeEdge(reply: (res: http.ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      keys: req.headers['xkey-softpurge'] as string | undefined,
    });
    reply(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('edgePurgerFromEnv', () => {
  test('no EDGE_PURGE_URLS: the no-op purger, which reaches nobody', async () => {
    const purger = edgePurgerFromEnv({});
    assert.equal(purger, noEdgePurger);
    assert.deepEqual(purger.edges, []);
    assert.deepEqual(await purger.purge(['articles']), []);
    assert.equal(edgePurgerFromEnv({ EDGE_PURGE_URLS: ' , ' }), noEdgePurger);
  });

  test('a value that is not an http(s) URL is refused with the variable named', () => {
    assert.throws(() => edgePurgerFromEnv({ EDGE_PURGE_URLS: 'varnish:6081' }), /EDGE_PURGE_URLS/);
    assert.throws(() => edgePurgerFromEnv({ EDGE_PURGE_URLS: 'not a url' }));
    assert.throws(
      () => edgePurgerFromEnv({ EDGE_PURGE_URLS: 'http://a/', EDGE_PURGE_TIMEOUT_MS: 'soon' }),
      /EDGE_PURGE_TIMEOUT_MS/,
    );
  });
});

describe('Varnish xkey purger', () => {
  const edges: Array<Awaited<ReturnType<typeof fakeEdge>>> = [];
  /** The i-th edge started in before(). */
  const edge = (i: number) => edges[i] ?? assert.fail(`edge ${i} was not started`);
  before(async () => {
    edges.push(await fakeEdge((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"purged":3}')));
    edges.push(await fakeEdge((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"purged":1}')));
    edges.push(await fakeEdge((res) => res.writeHead(403).end('Forbidden\n')));
  });
  after(async () => Promise.all(edges.map((edge) => edge.close())));

  test('every edge gets one PURGE with the tags, once each, space-separated', async () => {
    const [a, b] = [edge(0), edge(1)];
    const purger = edgePurgerFromEnv({ EDGE_PURGE_URLS: `${a.url}, ${b.url}` });
    assert.deepEqual(purger.edges, [a.url, b.url]);
    const results = await purger.purge(['article:kale', 'articles', 'article:kale']);
    assert.deepEqual(results, [
      { edge: a.url, ok: true, purged: 3 },
      { edge: b.url, ok: true, purged: 1 },
    ]);
    for (const edge of [a, b])
      assert.deepEqual(edge.seen.at(-1), { method: 'PURGE', url: '/', keys: 'article:kale articles' });
  });

  test('a refusing edge and an unreachable one are reported, and the others are still purged', async () => {
    const [a, refusing] = [edge(0), edge(2)];
    const closed = await fakeEdge(() => undefined);
    await closed.close();
    const before = a.seen.length;
    const results = await edgePurgerFromEnv({ EDGE_PURGE_URLS: `${refusing.url} ${closed.url} ${a.url}` }).purge([
      'home-page',
    ]);
    assert.equal(results.length, 3);
    assert.deepEqual(results[0], { edge: refusing.url, ok: false, error: 'HTTP 403 Forbidden' });
    assert.equal(results[1]?.ok, false);
    assert.deepEqual(results[2], { edge: a.url, ok: true, purged: 3 });
    assert.equal(a.seen.length, before + 1);
  });

  test('an edge that does not answer fails after the timeout instead of hanging the caller', async () => {
    const silent = await fakeEdge(() => undefined);
    try {
      const started = Date.now();
      const [result] = await edgePurgerFromEnv({ EDGE_PURGE_URLS: silent.url, EDGE_PURGE_TIMEOUT_MS: '300' }).purge([
        'articles',
      ]);
      assert.equal(result?.ok, false);
      assert.ok(Date.now() - started < 5000, 'returned long after the timeout');
    } finally {
      await silent.close();
    }
  });

  test('a tag that could break the header is never sent; nothing valid, no request', async () => {
    const a = edge(0);
    const purger = edgePurgerFromEnv({ EDGE_PURGE_URLS: a.url });
    await purger.purge(['articles', 'bad tag', 'x\r\nInjected: 1', '']);
    assert.equal(a.seen.at(-1)?.keys, 'articles');
    const before = a.seen.length;
    assert.deepEqual(await purger.purge(['a b', 'c,d']), []);
    assert.equal(a.seen.length, before);
  });
});
