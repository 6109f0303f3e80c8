/**
 * Cache poisoning through the edge, and what it must never cache. Each poisoned request is sent
 * right after a purge, so it is the one that fills the cache; the next clean reader must then get
 * the cached copy (a hit) and it must be the page every reader gets.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

import { EDGE_URL, edge, expect, purge, test } from './support';

const EVIL = 'evil.example';
const EVERY_TAG = ['site-settings', 'articles', 'topics', 'authors', 'home-page'];
const PAGES = [
  '/',
  '/articles/magnesium-glycinate',
  '/topics/sleep',
  '/authors/amara-okafor',
  '/search?q=sleep',
  '/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
];

const POISONS: Array<Record<string, string>> = [
  { host: EVIL },
  { 'x-forwarded-host': EVIL },
  { 'x-forwarded-proto': 'https', 'x-forwarded-port': '8443', 'x-forwarded-scheme': 'https' },
  { 'x-host': EVIL, 'x-forwarded-server': EVIL, 'x-original-host': EVIL },
  { forwarded: `host=${EVIL};proto=https` },
  { 'x-original-url': '/no-such-page' },
  { 'x-rewrite-url': '/no-such-page' },
  { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  { cookie: `NEXT_LOCALE=evil; session=${EVIL}` },
  { 'accept-encoding': 'identity', 'user-agent': EVIL, accept: 'text/x-component' },
];

type Raw = { status: number; headers: http.IncomingHttpHeaders; text: string; body: Buffer };

/** Node's http client: unlike fetch, it sends any Host header. */
const raw = (path: string, headers: Record<string, string> = {}): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const request = http.get(`${EDGE_URL}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: body.toString('utf8'), body });
      });
    });
    request.on('error', reject);
    request.setTimeout(20_000, () => request.destroy(new Error(`timeout: ${path}`)));
  });

/** What a reader can tell apart: canonical and OpenGraph URLs, links to the attacker, HSTS. */
const identity = (reply: Raw) => ({
  status: reply.status,
  canonical: /<link rel="canonical" href="([^"]+)"/.exec(reply.text)?.[1] ?? null,
  ogUrl: /<meta property="og:url" content="([^"]+)"/.exec(reply.text)?.[1] ?? null,
  evil: reply.text.includes(EVIL) || reply.text.includes('no-such-page'),
  hsts: reply.headers['strict-transport-security'] ?? null,
  type: reply.headers['content-type'] ?? null,
});

test('attacker headers that fill the cache change nothing the next reader gets', async ({ stack }) => {
  expect(stack.edge.pid).toBeGreaterThan(0);
  const failures: string[] = [];
  for (const path of PAGES) {
    await purge(EVERY_TAG, 'hard');
    const reference = identity(await raw(path));
    expect(reference.status, path).toBe(200);
    expect(reference.evil, path).toBe(false);
    for (const headers of POISONS) {
      await purge(EVERY_TAG, 'hard');
      const label = `${path} after ${Object.keys(headers).join('+')}`;
      const poisoned = await raw(path, headers);
      if (poisoned.status >= 500) failures.push(`${label}: the poisoned request got ${poisoned.status}`);
      const next = await raw(path);
      if (next.headers['x-edge-cache'] !== 'hit')
        failures.push(`${label}: the next reader was a ${String(next.headers['x-edge-cache'])}, not a hit`);
      if (JSON.stringify(identity(next)) !== JSON.stringify(reference)) {
        failures.push(`${label}: ${JSON.stringify(identity(next))} instead of ${JSON.stringify(reference)}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('unknown query parameters are removed before the lookup: one copy, never reflected', async () => {
  const marker = `zq${Date.now().toString(36)}`;
  for (const [path, extra] of [
    ['/articles/magnesium-glycinate', ''],
    ['/topics/sleep', ''],
    ['/search?q=sleep', '&'],
    ['/', ''],
  ] as const) {
    await purge(EVERY_TAG, 'hard');
    const joiner = extra || '?';
    const probe = await edge(`${path}${joiner}utm_source=${marker}&${marker}=%3Cscript%3E&fbclid=${marker}`);
    expect(probe.status, path).toBe(200);
    expect(probe.text, path).not.toContain(marker);
    const clean = await edge(path);
    expect(clean.headers.get('x-edge-cache'), `${path}: one copy for both URLs`).toBe('hit');
  }
  // The parameters a page reads stay in the key: page 2 is not page 1, one query not another.
  await purge(EVERY_TAG, 'hard');
  const first = await edge('/search?q=sleep');
  const other = await edge('/search?q=magnesium');
  expect(first.headers.get('x-edge-cache')).toBe('miss');
  expect(other.headers.get('x-edge-cache')).toBe('miss');
  expect(
    (await edge('/search?q=%20sleep+&utm=1')).headers.get('x-edge-cache'),
    'the same query spelt differently',
  ).toBe('hit');
});

test("WordPress's `/?p=N` reaches the site's old-address lookup, its other parameters removed", async () => {
  const marker = `zp${Date.now().toString(36)}`;
  // No Redirect has this id: the lookup answers 404, where the home page would be 200.
  const unknown = await edge(`/?utm_source=${marker}&p=987654321&${marker}=%3Cscript%3E`);
  expect(unknown.status).toBe(404);
  expect(unknown.text).not.toContain(marker);
  expect(unknown.headers.get('x-edge-cache'), 'a per-request answer is not cached').not.toBe('hit');
  // Not a number: the home page, as any other unknown parameter.
  expect((await edge(`/?p=${marker}`)).status).toBe(200);
});

test('draft mode, preview sessions, the API, RSC requests and unknown methods bypass the cache', async () => {
  const article = '/articles/magnesium-glycinate';
  await edge(article);
  expect((await edge(article)).headers.get('x-edge-cache')).toBe('hit');
  const bypassing: Array<Record<string, string>> = [
    { cookie: '__prerender_bypass=anything' },
    { cookie: 'a=1; nourish_preview=anything' },
    { rsc: '1' },
    { 'next-router-prefetch': '1' },
    { authorization: 'Bearer x' },
  ];
  for (const headers of bypassing) {
    const reply = await edge(article, headers);
    expect(reply.headers.get('x-edge-cache'), JSON.stringify(headers)).toBe('pass');
  }
  for (const path of ['/api/preview/exit', '/api/revalidate', '/admin']) {
    await edge(path);
    expect((await edge(path)).headers.get('x-edge-cache'), path).toBe('pass');
  }
  expect((await fetch(`${EDGE_URL}/`, { method: 'PROPFIND' })).status).toBe(405);
});

test('tags stay at the edge: no Surrogate-Key or xkey reaches a reader; a purger can ask for them', async () => {
  const reply = await edge('/articles/magnesium-glycinate');
  expect(reply.headers.get('surrogate-key')).toBeNull();
  expect(reply.headers.get('xkey')).toBeNull();
  const debug = await edge('/articles/magnesium-glycinate', { 'x-edge-debug': '1' });
  expect(debug.headers.get('x-edge-keys')?.split(' ')).toEqual(
    expect.arrayContaining(['article:magnesium-glycinate', 'articles', 'site-settings']),
  );
  const missing = await fetch(`${EDGE_URL}/`, { method: 'PURGE' });
  expect(missing.status).toBe(400);
});

test('browsers get the stored gzip; clients without gzip get their own stored copy, not one gunzipped per request', async () => {
  const path = '/articles/magnesium-glycinate';
  const tag = 'article:magnesium-glycinate';
  await purge([tag], 'hard');
  const gzip = { 'accept-encoding': 'gzip, deflate, br' };
  const first = { gzip: await raw(path, gzip), plain: await raw(path) };
  expect([first.gzip.headers['x-edge-cache'], first.plain.headers['x-edge-cache']]).toEqual(['miss', 'miss']);
  const again = { gzip: await raw(path, gzip), plain: await raw(path) };
  expect([again.gzip.headers['x-edge-cache'], again.plain.headers['x-edge-cache']]).toEqual(['hit', 'hit']);
  expect(again.gzip.headers['content-encoding']).toBe('gzip');
  expect(again.plain.headers['content-encoding']).toBeUndefined();
  // Stored as it is sent: its length is known up front (a per-request gunzip is chunked).
  expect(again.plain.headers['content-length']).toBe(String(again.plain.body.length));
  expect(gunzipSync(again.gzip.body).equals(again.plain.body)).toBe(true);
  expect(again.plain.text).toContain('<h1');

  // One purge expires both copies.
  expect(await purge([tag], 'soft')).toBe(2);
  const after = { gzip: await raw(path, gzip), plain: await raw(path) };
  expect([after.gzip.headers['x-edge-cache'], after.plain.headers['x-edge-cache']]).toEqual(['miss', 'miss']);
});
