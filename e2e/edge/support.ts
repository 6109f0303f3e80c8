/**
 * Shared by the edge specs: the worker-scoped stack (stack.ts; booted once, kept across spec
 * files), plain HTTP to the edge and the site, purges, and the list of URLs the demo content has.
 */
import { EVERY_PAGE, purgeEdge } from '../fixtures/edge-purge';
import { get } from '../fixtures/plain-get';
import { sitemapPages } from '../fixtures/sitemap-pages';
import { testWithStack } from '../fixtures/worker-stack';
import { EDGE_URL, SITE_URL, startEdgeStack } from './stack';

export { EDGE_URL, EVERY_PAGE, SITE_URL };
export { expect } from '@playwright/test';
export { until } from '../fixtures/until';

export const test = testWithStack(startEdgeStack);

export const edge = (path: string, headers?: Record<string, string>, timeoutMs?: number) =>
  get(`${EDGE_URL}${path}`, headers, timeoutMs);

/** Expires (soft) or removes (hard) every object carrying one of these tags; returns how many. */
export const purge = (tags: readonly string[], mode: 'soft' | 'hard' = 'soft'): Promise<number> =>
  purgeEdge(EDGE_URL, tags, mode);

/** Every public URL of the demo content, from the sitemaps, plus the feed, robots and a search. */
export async function publicPaths(): Promise<string[]> {
  const { files, pages } = await sitemapPages(EDGE_URL);
  if (pages.length < 20) throw new Error(`the sitemaps list only ${pages.length} pages`);
  return [
    ...new Set([
      ...pages,
      ...files,
      '/sitemap.xml',
      '/feed.xml',
      '/robots.txt',
      '/search?q=sleep',
      '/topics/sleep?page=2',
    ]),
  ];
}
