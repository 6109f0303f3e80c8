import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { createCmsClient, stringifyQuery, type CacheLayer } from '../src/client';
import { CmsHttpError, CmsNetworkError, CmsTimeoutError, CmsValidationError, isCmsUnavailable } from '../src/errors';
import { fakeCms, queryPairs } from './helpers';

const okSchema = z.object({ data: z.object({ name: z.string() }) });

describe('createCmsClient', () => {
  it('builds the URL with qs brackets and sends the token only to read drafts', async () => {
    const { client, calls } = fakeCms(() => ({ data: { name: 'x' } }), { token: 'secret-token' });
    await client.get('/articles', { fields: ['title', 'slug'], filters: { slug: { $eq: 'a-b' } } }, okSchema, {
      tags: ['t'],
    });
    await client.get('/articles', { fields: ['title'], status: 'draft' }, okSchema, { noStore: true });
    const [published, draft] = calls;
    assert.ok(published && draft);
    assert.equal(published.url.origin + published.url.pathname, 'http://cms.test:1337/api/articles');
    assert.deepEqual(queryPairs(published.url), ['fields[0]=title', 'fields[1]=slug', 'filters[slug][$eq]=a-b']);
    assert.equal(new Headers(published.init.headers).get('authorization'), null);
    assert.equal(new Headers(draft.init.headers).get('authorization'), 'Bearer secret-token');
  });

  it('sends the token as X-Site-Token on every request (the rate limits exempt the site)', async () => {
    const { client, calls } = fakeCms(() => ({ data: { name: 'x' } }), { token: 'secret-token' });
    await client.get('/search', { q: 'iron' }, okSchema, { noStore: true });
    await client.get('/articles', { status: 'draft' }, okSchema, { noStore: true });
    assert.deepEqual(
      calls.map((call) => new Headers(call.init.headers).get('x-site-token')),
      ['secret-token', 'secret-token'],
    );
  });

  it('sends no Authorization or X-Site-Token header without a token', async () => {
    const anonymous = fakeCms(() => ({ data: { name: 'x' } }));
    await anonymous.client.get('/x', {}, okSchema, { tags: [] });
    await anonymous.client.get('/x', { status: 'draft' }, okSchema, { noStore: true });
    for (const call of anonymous.calls) {
      assert.equal(new Headers(call.init.headers).get('authorization'), null);
      assert.equal(new Headers(call.init.headers).get('x-site-token'), null);
    }
  });

  it('passes tags and the default revalidate time to Next, or no-store', async () => {
    const { client, calls } = fakeCms(() => ({ data: { name: 'x' } }));
    await client.get('/x', {}, okSchema, { tags: ['article:a', 'articles'] });
    assert.deepEqual(calls[0]?.init.next, { tags: ['article:a', 'articles'], revalidate: 300 });
    await client.get('/x', {}, okSchema, { noStore: true });
    assert.equal(calls[1]?.init.cache, 'no-store');
    assert.equal(calls[1].init.next, undefined);
  });

  it('returns the parsed data, stripped of unknown keys', async () => {
    const { client } = fakeCms(() => ({ data: { name: 'x', id: 3 } }));
    assert.deepEqual(await client.get('/x', {}, okSchema, { tags: [] }), { data: { name: 'x' } });
  });

  it('throws CmsHttpError with the status and the CMS message', async () => {
    const { client } = fakeCms(() =>
      Response.json(
        { data: null, error: { status: 400, message: 'pagination[pageSize] must be a whole number' } },
        { status: 400 },
      ),
    );
    await assert.rejects(
      client.get('/articles', { pagination: { pageSize: 101 } }, okSchema, { tags: [] }),
      (error: unknown) => {
        assert.ok(error instanceof CmsHttpError);
        assert.equal(error.status, 400);
        assert.match(error.message, /pageSize\] must be a whole number/);
        assert.match(error.path, /^\/api\/articles\?pagination\[pageSize\]=101$/);
        return true;
      },
    );
  });

  it('throws CmsValidationError naming the path of the bad field, and logs it', async () => {
    const logged: string[] = [];
    const { client } = fakeCms(() => ({ data: { name: 42 } }), {
      logger: { error: (message) => logged.push(String(message)) },
    });
    await assert.rejects(client.get('/x', {}, okSchema, { tags: [] }), (error: unknown) => {
      assert.ok(error instanceof CmsValidationError);
      assert.deepEqual(
        error.issues.map((issue) => issue.path),
        ['data.name'],
      );
      return true;
    });
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /data\.name/);
  });

  it('never puts the token in error messages', async () => {
    const { client } = fakeCms(() => new Response('oops', { status: 500 }), { token: 'secret-token' });
    await assert.rejects(client.get('/x', {}, okSchema, { tags: [] }), (error: unknown) => {
      assert.ok(error instanceof CmsHttpError);
      assert.doesNotMatch(error.message, /secret-token/);
      return true;
    });
  });

  it('turns a refused connection into CmsNetworkError', async () => {
    const client = createCmsClient({
      baseUrl: 'http://cms.test',
      fetch: () =>
        Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1399') })),
    });
    await assert.rejects(client.get('/x', {}, okSchema, { tags: [] }), (error: unknown) => {
      assert.ok(error instanceof CmsNetworkError);
      assert.match(error.message, /ECONNREFUSED/);
      return true;
    });
  });

  it('aborts a slow request after the timeout with CmsTimeoutError', async () => {
    const client = createCmsClient({
      baseUrl: 'http://cms.test',
      timeoutMs: 30,
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          // A real socket keeps the event loop alive while waiting; AbortSignal.timeout's timer does not.
          const keepAlive = setTimeout(() => reject(new Error('the client never aborted')), 5000);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(keepAlive);
            // AbortSignal.timeout aborts with a DOMException (an Error).
            reject(init.signal?.reason as Error);
          });
        }),
    });
    const started = Date.now();
    await assert.rejects(client.get('/x', {}, okSchema, { tags: [] }), CmsTimeoutError);
    assert.ok(Date.now() - started < 2000);
  });

  it('times out a CMS that sends its headers and then stalls the body', async () => {
    const client = createCmsClient({
      baseUrl: 'http://cms.test',
      timeoutMs: 30,
      fetch: (_input, init) => {
        const signal = init?.signal;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data":'));
            // The rest never comes; only the abort ends the stream (the timer keeps the loop alive).
            const keepAlive = setTimeout(() => controller.error(new Error('the client never aborted')), 5000);
            signal?.addEventListener('abort', () => {
              clearTimeout(keepAlive);
              controller.error(signal.reason);
            });
          },
        });
        return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
      },
      logger: { error: () => undefined },
    });
    const started = Date.now();
    await assert.rejects(client.get('/x', {}, okSchema, { tags: [] }), CmsTimeoutError);
    assert.ok(Date.now() - started < 2000);
  });

  it('tells an unavailable CMS (timeout, no connection, 5xx) from a wrong answer', () => {
    assert.equal(isCmsUnavailable(new CmsTimeoutError('/x', 2000)), true);
    assert.equal(isCmsUnavailable(new CmsNetworkError('/x', new Error('ECONNREFUSED'))), true);
    assert.equal(isCmsUnavailable(new CmsHttpError(503, '/x')), true);
    assert.equal(isCmsUnavailable(new CmsHttpError(404, '/x')), false);
    assert.equal(isCmsUnavailable(new CmsValidationError('/x', [])), false);
    assert.equal(isCmsUnavailable(new Error('render bug')), false);
  });

  it('makes upload paths absolute and leaves absolute URLs alone', () => {
    const client = createCmsClient({ baseUrl: 'http://cms:1337/' });
    assert.equal(client.mediaUrl('/uploads/a.webp'), 'http://cms:1337/uploads/a.webp');
    assert.equal(client.mediaUrl('https://cdn.example.org/a.webp'), 'https://cdn.example.org/a.webp');
  });

  it('stringifies nested queries the way Strapi reads them', () => {
    assert.equal(
      decodeURIComponent(stringifyQuery({ populate: { cover: { fields: ['url'] } }, sort: ['a:desc'] })),
      'populate[cover][fields][0]=url&sort[0]=a:desc',
    );
  });

  it('hands fetch + validation to the cache layer, so only valid results can be cached', async () => {
    const store = new Map<string, unknown>();
    const entries: Array<{ key: string; tags: string[]; revalidate: number }> = [];
    // Stores only what resolves, as Next's unstable_cache does.
    const cacheLayer: CacheLayer = async <T>(
      load: () => Promise<T>,
      entry: { key: string; tags: string[]; revalidate: number },
    ) => {
      entries.push(entry);
      if (store.has(entry.key)) return store.get(entry.key) as T;
      const value = await load();
      store.set(entry.key, value);
      return value;
    };
    let body: unknown = { data: { name: 42 } };
    const inits: RequestInit[] = [];
    const client = createCmsClient({
      baseUrl: 'http://cms.test',
      token: 'secret-token',
      revalidateSeconds: 120,
      cacheLayer,
      logger: { error: () => {} },
      fetch: (_input, init) => {
        inits.push(init ?? {});
        return Promise.resolve(Response.json(body));
      },
    });
    const read = () => client.get('/x', { fields: ['name'] }, okSchema, { tags: ['t'] });

    await assert.rejects(read(), CmsValidationError);
    assert.equal(store.size, 0, 'an invalid response is not cached');
    body = { data: { name: 'fixed' } };
    assert.deepEqual(await read(), { data: { name: 'fixed' } });
    assert.deepEqual(await read(), { data: { name: 'fixed' } });
    assert.equal(inits.length, 2, 'the third read came from the cache');
    assert.equal(inits[0]?.cache, 'no-store', 'the fetch underneath does not cache by itself');
    assert.deepEqual(entries[0], { key: 'http://cms.test /api/x?fields[0]=name', tags: ['t'], revalidate: 120 });
    assert.ok(!entries[0].key.includes('secret-token'));
  });
});
