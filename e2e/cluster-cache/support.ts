/**
 * Shared by the shared-cache specs: the worker-scoped stack (stack.ts, booted once), plain HTTP to
 * the instances, a look into the suite's Redis and the list of article URLs the demo content has.
 */
import { execFileSync } from 'node:child_process';

import { get as plainGet, type Reply } from '../fixtures/plain-get';
import { sitemapPages } from '../fixtures/sitemap-pages';
import { testWithStack } from '../fixtures/worker-stack';
import { KEY_PREFIX, REDIS_PORT, siteUrl, startClusterStack } from './stack';

export { expect } from '@playwright/test';
export { until } from '../fixtures/until';
export { heading } from '../fixtures/heading';

export const test = testWithStack(startClusterStack);

/** One GET from site instance `index` (0 = A), no redirects followed; `timeoutMs` bounds the answer. */
export const get = (index: number, path: string, timeoutMs?: number): Promise<Reply> =>
  plainGet(`${siteUrl(index)}${path}`, {}, timeoutMs);

/** How many keys the sites have written to the suite's Redis. */
export function sharedKeyCount(): number {
  const keys = execFileSync('redis-cli', ['-p', String(REDIS_PORT), '--scan', '--pattern', `${KEY_PREFIX}*`], {
    encoding: 'utf8',
  });
  return keys.split('\n').filter(Boolean).length;
}

/** Paths of the sitemap's pages from instance A, grouped: articles and the other pages. */
export async function sitemapPaths(): Promise<{ articles: string[]; others: string[] }> {
  const { pages } = await sitemapPages(siteUrl(0));
  const articles = [...new Set(pages.filter((path) => path.startsWith('/articles/')))];
  const others = [...new Set(pages.filter((path) => !path.startsWith('/articles/') && path !== '/'))];
  if (articles.length < 20) throw new Error(`the sitemaps list only ${articles.length} articles`);
  return { articles, others };
}
