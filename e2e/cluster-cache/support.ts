/**
 * Shared by the shared-cache specs: the worker-scoped stack (stack.ts, booted once), plain HTTP to
 * the instances, a look into the suite's Redis and the list of article URLs the demo content has.
 */
import { execFileSync } from 'node:child_process';

import { test as base } from '@playwright/test';

import { get as plainGet, type Reply } from '../fixtures/plain-get';
import { KEY_PREFIX, REDIS_PORT, siteUrl, startClusterStack, type ClusterStack } from './stack';

export { expect } from '@playwright/test';

export const test = base.extend<object, { stack: ClusterStack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this parameter, which must be an object pattern
    async ({}, use) => {
      const stack = await startClusterStack();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 360_000 },
  ],
});

/** One GET from site instance `index` (0 = A), no redirects followed; `timeoutMs` bounds the answer. */
export const get = (index: number, path: string, timeoutMs?: number): Promise<Reply> =>
  plainGet(`${siteUrl(index)}${path}`, {}, timeoutMs);

/** The page's <h1>, to compare what two instances serve for one URL. */
export const heading = (html: string): string => /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? '';

/** Polls until `check` is true; returns the milliseconds it took, or throws after `timeoutMs`. */
export async function until(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** How many keys the sites have written to the suite's Redis. */
export function sharedKeyCount(): number {
  const keys = execFileSync('redis-cli', ['-p', String(REDIS_PORT), '--scan', '--pattern', `${KEY_PREFIX}*`], {
    encoding: 'utf8',
  });
  return keys.split('\n').filter(Boolean).length;
}

/** Paths of the sitemap's pages from instance A, grouped: articles and the other pages. */
export async function sitemapPaths(): Promise<{ articles: string[]; others: string[] }> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  const files = locs((await get(0, '/sitemap.xml')).text);
  const pages = (await Promise.all(files.map(async (file) => locs((await get(0, file)).text)))).flat();
  const articles = [...new Set(pages.filter((path) => path.startsWith('/articles/')))];
  const others = [...new Set(pages.filter((path) => !path.startsWith('/articles/') && path !== '/'))];
  if (articles.length < 20) throw new Error(`the sitemaps list only ${articles.length} articles`);
  return { articles, others };
}
