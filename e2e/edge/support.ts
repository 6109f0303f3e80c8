/**
 * Shared by the edge specs: the worker-scoped stack (stack.ts; booted once, kept across spec
 * files), plain HTTP to the edge and the site, purges, and the list of URLs the demo content has.
 */
import { test as base } from '@playwright/test';

import { get } from '../fixtures/plain-get';
import { EDGE_URL, SITE_URL, startEdgeStack, type EdgeStack } from './stack';

export { EDGE_URL, SITE_URL };
export { expect } from '@playwright/test';

export const test = base.extend<object, { stack: EdgeStack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this parameter, which must be an object pattern
    async ({}, use) => {
      const stack = await startEdgeStack();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 360_000 },
  ],
});

export const edge = (path: string, headers?: Record<string, string>, timeoutMs?: number) =>
  get(`${EDGE_URL}${path}`, headers, timeoutMs);

/** Expires (soft) or removes (hard) every object carrying one of these tags; returns how many. */
export async function purge(tags: string[], mode: 'soft' | 'hard' = 'soft'): Promise<number> {
  const response = await fetch(`${EDGE_URL}/`, {
    method: 'PURGE',
    headers: { [mode === 'soft' ? 'xkey-softpurge' : 'xkey-purge']: tags.join(' ') },
  });
  if (!response.ok) throw new Error(`purge: HTTP ${response.status}`);
  return ((await response.json()) as { purged: number }).purged;
}

/** Tags every page of the site carries between them (see apps/web/lib/edge/surrogate-keys.ts). */
export const EVERY_PAGE = ['site-settings', 'articles'];

/** Polls until `check` is true; returns the milliseconds it took, or throws after `timeoutMs`. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 50,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** Every public URL of the demo content, from the sitemaps, plus the feed, robots and a search. */
export async function publicPaths(): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname);
  const files = locs((await edge('/sitemap.xml')).text);
  const pages = (await Promise.all(files.map(async (file) => locs((await edge(file)).text)))).flat();
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
