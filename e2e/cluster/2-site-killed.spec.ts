/**
 * Site instance 1 killed (SIGKILL) under load: 20 connections on a few demo pages at the edge
 * for 20 s while the edge's copies of every page are removed each second (hard purge), so the
 * edge must fetch from a site again and again, before and after the kill. The edge retries a
 * failed fetch on the other instance and its probe soon skips the dead one: not one reader may
 * get anything but a 2xx, and the readers keep being served after the kill.
 *
 * Leaves site-1 dead: later specs use the edge, site-2 and the CMS instances.
 */
import autocannon from 'autocannon';

import { get } from '../fixtures/plain-get';
import { EDGE_URL, EVERY_PAGE, SITE_URLS, edge, expect, purge, sitemapPagesAtEdge, test } from './support';

const DURATION_S = 20;
const KILL_AFTER_MS = 8_000;

test('site-1 killed under load with the edge purged every second: zero non-2xx, zero errors', async ({ stack }) => {
  test.setTimeout(180_000);
  const pages = await sitemapPagesAtEdge();
  const articles = pages.filter((path) => path.startsWith('/articles/')).slice(0, 3);
  const topics = pages.filter((path) => path.startsWith('/topics/')).slice(0, 1);
  const paths = ['/', ...articles, ...topics];
  expect(paths.length).toBe(5);
  for (const path of paths) {
    for (const site of SITE_URLS) expect((await get(`${site}${path}`)).status, `${site}${path}`).toBe(200);
    expect((await edge(path)).status, path).toBe(200);
  }

  let killedAt = 0;
  const after = { answers: 0, non2xx: 0 };
  let instance: autocannon.Instance | undefined;
  const run = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: EDGE_URL,
        connections: 20,
        duration: DURATION_S,
        timeout: 10,
        requests: paths.map((path) => ({ method: 'GET', path })),
      },
      (error: Error | null, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance?.on('response', (_client, status) => {
    if (!killedAt) return;
    after.answers++;
    if (status < 200 || status > 299) after.non2xx++;
  });

  const started = Date.now();
  const purges: number[] = [];
  let purgeError: unknown;
  const purging = (async () => {
    while (Date.now() - started < DURATION_S * 1000 - 500) {
      try {
        purges.push(await purge(EVERY_PAGE, 'hard'));
      } catch (error) {
        purgeError = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();

  await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
  stack.kill('site-1');
  killedAt = Date.now();
  await expect(
    fetch(`${SITE_URLS[0]}/robots.txt`, { signal: AbortSignal.timeout(2000) }),
    'site-1 is really gone',
  ).rejects.toThrow();

  const result = await run;
  await purging;
  console.log(
    `site-1 killed under load after ${killedAt - started} ms: ${result.requests.total} requests, ${result['2xx']} 2xx, ` +
      `${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.requests.average} req/s, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${after.answers} answers after the kill; ` +
      `${purges.length} hard purges (objects each: ${purges.join(',')}); statuses ${JSON.stringify(result.statusCodeStats)}`,
  );
  expect(purgeError).toBeUndefined();
  expect(purges.length).toBeGreaterThanOrEqual(DURATION_S - 3);
  // The purges really removed copies the edge had fetched during the run.
  expect(purges.filter((count) => count > 0).length).toBeGreaterThan(purges.length / 2);
  expect({ non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }).toEqual({
    non2xx: 0,
    errors: 0,
    timeouts: 0,
  });
  expect(after.non2xx).toBe(0);
  expect(after.answers).toBeGreaterThanOrEqual(200);

  // Still serving through the edge after the run, from site-2 alone.
  for (const path of paths) expect((await edge(path)).status, path).toBe(200);
});
