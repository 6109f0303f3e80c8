/**
 * Shared by the cluster specs: the worker-scoped `pnpm cluster` (stack.ts, booted once; the specs
 * run in file order, each later one living with what the earlier ones killed), plain HTTP to
 * each part and edge purges.
 */
import { purgeEdge } from '../fixtures/edge-purge';
import { get } from '../fixtures/plain-get';
import { sitemapPages } from '../fixtures/sitemap-pages';
import { testWithStack } from '../fixtures/worker-stack';
import { ClusterStack, EDGE_URL } from './stack';

export { expect } from '@playwright/test';
export { until } from '../fixtures/until';
export { heading } from '../fixtures/heading';
export { EVERY_PAGE } from '../fixtures/edge-purge';
export * from './stack';

// The first run builds the CMS and the site: up to 15 min on a loaded machine.
export const test = testWithStack(() => ClusterStack.start(), 1_000_000);

export const edge = (path: string, headers?: Record<string, string>, timeoutMs?: number) =>
  get(`${EDGE_URL}${path}`, headers, timeoutMs);

export const purge = (tags: readonly string[], mode: 'soft' | 'hard'): Promise<number> =>
  purgeEdge(EDGE_URL, tags, mode);

/** The page paths the sitemaps list, read through the edge. */
export const sitemapPagesAtEdge = async (): Promise<string[]> => (await sitemapPages(EDGE_URL)).pages;
