/**
 * Per-client limits on the public API's expensive reads (search, listings, sitemap pages), against
 * a real CMS booted with a limit of 5 per minute behind a trusted proxy. The reader site's
 * X-Site-Token exempts it; a wrong token does not.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { routeClassOf } from '../src/middlewares/public-rate-limit';
import { createFixedWindowLimiter } from '../src/utils/fixed-window-limiter';
import { EXAMPLE_ENV, exampleEnv, startCms, type CmsServer } from './helpers/cms-server';
import { createTestDatabase, type TestDatabase } from './helpers/databases';
import type { ErrorBody } from './helpers/http';

describe('fixed-window limiter', () => {
  it('allows `limit` hits per key per window, then says how long to wait', () => {
    let clock = 1_000_000;
    const limiter = createFixedWindowLimiter(3, 60_000, () => clock);
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.hit('a').allowed),
      [true, true, true],
    );
    clock += 20_000;
    assert.deepEqual(limiter.hit('a'), { allowed: false, remaining: 0, retryAfterSeconds: 40 });
    assert.equal(limiter.hit('b').allowed, true, 'keys are counted apart');
    clock += 40_000;
    assert.equal(limiter.hit('a').allowed, true, 'a new window starts');
    clock += 120_000;
    limiter.hit('c');
    assert.equal(limiter.size, 1, 'expired keys are swept');
  });

  it('classifies only the expensive public reads', () => {
    assert.equal(routeClassOf('GET', '/api/search'), 'search');
    for (const p of ['/api/articles', '/api/authors/', '/API/Topics'])
      assert.equal(routeClassOf('GET', p), 'listings', p);
    assert.equal(routeClassOf('GET', '/api/sitemap/articles/3'), 'sitemap');
    for (const p of [
      '/api/articles/by-slug/x',
      '/api/articles/abc',
      '/api/site-setting',
      '/admin/login',
      '/uploads/x.png',
    ])
      assert.equal(routeClassOf('GET', p), null, p);
    assert.equal(routeClassOf('POST', '/api/articles'), null);
  });
});

describe('public API rate limits on a booted CMS', { timeout: 300_000 }, () => {
  let db: TestDatabase | undefined;
  let cms: CmsServer;

  before(async () => {
    db = await createTestDatabase('sqlite');
    cms = await startCms({
      ...db.env,
      SEED_DEMO_CONTENT: 'false',
      IS_PROXIED: 'true',
      PUBLIC_RATE_LIMIT: 'true',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
      SEARCH_RATE_LIMIT_PER_MINUTE: '5',
    });
  });
  after(async () => {
    // before() may have failed before starting it.
    await (cms as CmsServer | undefined)?.stop();
    await db?.drop();
  });

  /** A GET as the client at `ip` (behind the trusted proxy), with optional extra headers. */
  const get = (path: string, ip: string, headers: Record<string, string> = {}) =>
    fetch(`${cms.url}/api${path}`, { headers: { 'X-Forwarded-For': ip, ...headers } });
  const statuses = async (n: number, path: string, ip: string, headers: Record<string, string> = {}) => {
    const seen: number[] = [];
    for (let i = 0; i < n; i += 1) seen.push((await get(path, ip, headers)).status);
    return seen;
  };

  it('answers the 6th search from one client with 429, Retry-After and a JSON error', async () => {
    assert.deepEqual(await statuses(5, '/search?q=magnesium', '198.51.100.1'), [200, 200, 200, 200, 200]);
    const limited = await get('/search?q=iron', '198.51.100.1');
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    const body = (await limited.json()) as ErrorBody;
    assert.equal(body.data, null);
    assert.equal(body.error.status, 429);
    assert.equal(body.error.name, 'RateLimitError');
    assert.match(body.error.message, /Too many requests/);
  });

  it('counts each route class and each client apart', async () => {
    assert.deepEqual(
      await statuses(5, '/articles', '198.51.100.1'),
      [200, 200, 200, 200, 200],
      'listings have their own count',
    );
    assert.equal((await get('/articles', '198.51.100.1')).status, 429);
    assert.equal((await get('/topics/', '198.51.100.1')).status, 429, 'all listings share one count');
    assert.equal((await get('/search?q=zinc', '198.51.100.2')).status, 200, 'another client is not affected');
    assert.deepEqual(
      await statuses(8, '/redirects', '198.51.100.1'),
      Array(8).fill(200),
      'other routes are not limited',
    );
    assert.deepEqual(await statuses(5, '/sitemap/articles', '198.51.100.3'), [200, 200, 200, 200, 200]);
    assert.equal((await get('/sitemap/articles/1', '198.51.100.3')).status, 429);
  });

  it('takes the address the trusted proxy appended, not one the client sent', async () => {
    // The client claims to be 192.0.2.50; the proxy appended the address it saw, 198.51.100.1.
    assert.equal((await get('/search?q=zinc', '192.0.2.50, 198.51.100.1')).status, 429);
  });

  it('never limits the reader site (X-Site-Token), and a wrong token is limited', async () => {
    const site = { 'X-Site-Token': exampleEnv('SITE_API_TOKEN') };
    assert.deepEqual(await statuses(12, '/search?q=magnesium', '198.51.100.1', site), Array(12).fill(200));
    assert.deepEqual(await statuses(12, '/articles', '198.51.100.1', site), Array(12).fill(200));
    assert.equal((await get('/search?q=magnesium', '198.51.100.1', { 'X-Site-Token': 'wrong-token' })).status, 429);
    assert.equal(
      (await get('/search?q=magnesium', '198.51.100.1', { 'X-Site-Token': `${exampleEnv('SITE_API_TOKEN')}x` })).status,
      429,
    );
    const drafts = await get('/articles?status=draft', '198.51.100.9', site);
    assert.equal(drafts.status, 403, 'the site token header grants no draft access');
  });

  it('keeps the admin login rate limit on', async () => {
    const attempt = () =>
      fetch(`${cms.url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EXAMPLE_ENV.ADMIN_EMAIL, password: 'wrong-password-1' }),
      });
    const seen: number[] = [];
    for (let i = 0; i < 8; i += 1) seen.push((await attempt()).status);
    assert.equal(seen[0], 400, 'a wrong password is refused');
    assert.ok(seen.includes(429), `admin login is rate limited: ${seen.join(',')}`);
  });
});
