/**
 * Rate limits on the public API's expensive routes: a burst from one client gets 429 with
 * Retry-After and a JSON error; the site's server (which calls for every reader) is exempt, and a
 * wrong exemption header is no exemption. The e2e CMS trusts X-Forwarded-For (IS_PROXIED, as behind
 * the production proxy), so the burst comes from its own made-up client address and spends nobody
 * else's allowance.
 */
import { expect, test } from '@playwright/test';

import { api } from './support';

/** Above any per-minute limit the stack runs with (e2e/playwright.config.ts). */
const BURST = Number(process.env.RATE_LIMIT_BURST ?? 400);

test('a burst of searches from one client is limited with 429 and Retry-After', async () => {
  test.setTimeout(120_000);
  const client = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  const other = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
  let limited: Awaited<ReturnType<typeof api>> | undefined;
  for (let i = 0; i < BURST && !limited; i++) {
    const res = await api(`/search?q=magnesium&page=1&pageSize=${1 + (i % 5)}`, {
      headers: { 'x-forwarded-for': client, 'x-site-token': 'not-the-token' },
    });
    if (res.status === 429) limited = res;
    else expect(res.status, res.text.slice(0, 200)).toBe(200);
  }
  expect(limited, `no 429 within ${BURST} searches`).toBeTruthy();
  const retryAfter = Number(limited!.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`).toBe(true);
  expect((limited!.json as { error?: { status?: number; message?: string } }).error?.status).toBe(429);
  // Another client is unaffected, and the site's server is never limited: it calls for every reader.
  expect((await api('/search?q=magnesium&page=1&pageSize=1', { headers: { 'x-forwarded-for': other } })).status).toBe(
    200,
  );
  const exempt = await api('/search?q=magnesium&page=1&pageSize=1', {
    siteHeader: true,
    headers: { 'x-forwarded-for': client },
  });
  expect(exempt.status).toBe(200);
});
