/**
 * Every backend call the site makes goes through this module (server-only). Pages and
 * components call these getters and receive domain types from @nourish/content; they never
 * see Strapi shapes or call fetch. `cache()` dedupes calls within one render (e.g. a page and
 * its generateMetadata); across requests, validated CMS results are kept in Next's data cache
 * for REVALIDATE_SECONDS and tagged with `cacheTags` for on-demand revalidation.
 */
import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import * as content from '@nourish/content';
import type { CacheLayer, CmsClient, SearchResults } from '@nourish/content';
import {
  answerUnavailable,
  CMS_UNAVAILABLE_DIGEST,
  cmsFailedInThisRequest,
  currentRequestId,
  noteCmsAnswered,
  noteCmsUnavailable,
} from './availability';
import { cmsTimeoutMs, strapiToken, strapiUrl } from './env';
import { readPreviewSession } from './preview';
import { fetchFailure, siteMetrics } from './site-metrics';

/** Time-based revalidation for every cached CMS read (route files repeat the literal 300). */
export const REVALIDATE_SECONDS = 300;

export const PAGE_SIZE = 12;

/**
 * Caches the client's fetch + zod validation as one unit. Unlike caching the raw fetch, a
 * response that fails validation (or any CMS error) throws before anything is stored, so the
 * next request asks the CMS again and stale entries keep being served meanwhile.
 * (`use cache` would be the Next 16 idiom, but it needs cacheComponents, whose build-time
 * prerendering of at least one param per route cannot work while the CMS is down.)
 */
const nextDataCache: CacheLayer = (load, { key, tags, revalidate }) =>
  unstable_cache(() => reportingAvailability(load), ['cms', key], { tags, revalidate })();

/**
 * Tells the server whether the CMS answered (lib/availability.ts). An unavailable CMS gets the
 * digest the error boundaries recognise, so the reader sees "try again in a minute" with a 503.
 */
const reportingAvailability = async <T>(load: () => Promise<T>): Promise<T> => {
  try {
    const result = await load();
    noteCmsAnswered();
    return result;
  } catch (error) {
    if (content.isCmsUnavailable(error)) {
      noteCmsUnavailable();
      Object.assign(error, { digest: CMS_UNAVAILABLE_DIGEST });
    }
    throw error;
  }
};

/**
 * Once a CMS call of this request has failed as unavailable, the next ones fail at once: a page
 * whose calls run one after another answers within one timeout, not one per call.
 */
const failFastFetch: typeof fetch = (input, init) =>
  cmsFailedInThisRequest()
    ? Promise.reject(new Error('the CMS already failed during this request'))
    : countedFetch(input, init);

/** Every call that reaches the CMS: counted for the metrics, and carrying the reader request's id. */
const countedFetch: typeof fetch = async (input, init) => {
  const metrics = siteMetrics();
  const started = performance.now();
  const requestId = currentRequestId();
  const headers = new Headers(init?.headers);
  if (requestId) headers.set('x-request-id', requestId);
  try {
    const res = await fetch(input, { ...init, headers });
    metrics.cmsCalls.inc({ outcome: res.ok ? 'ok' : 'http_error' });
    return res;
  } catch (error) {
    metrics.cmsCalls.inc({ outcome: fetchFailure(error) });
    throw error;
  } finally {
    metrics.cmsCallSeconds.observe({}, (performance.now() - started) / 1000);
  }
};

let client: CmsClient | undefined;
const cms = (): CmsClient =>
  (client ??= content.createCmsClient({
    baseUrl: strapiUrl(),
    token: strapiToken(),
    timeoutMs: cmsTimeoutMs(),
    fetch: failFastFetch,
    revalidateSeconds: REVALIDATE_SECONDS,
    cacheLayer: nextDataCache,
  }));

export const getSiteSettings = cache(() => content.getSiteSettings(cms()));
export const getTopics = cache(() => content.getTopics(cms()));
export const getHomePage = cache(() => content.getHomePage(cms()));
/**
 * The document a valid preview session names, when this page is that document (its slug is the
 * one in the URL); otherwise `null`. A session for one draft never opens another by editing the
 * URL: other slugs get their published version.
 */
export const getPreviewArticle = cache(async (slug: string) => {
  const session = await readPreviewSession();
  if (!session) return null;
  const article = await content.getArticlePreview(cms(), session.documentId, session.status);
  return article?.slug === slug ? article : null;
});
/** The previewed version (see above) when there is one, uncached; otherwise the published article. */
export const getArticleBySlug = cache(
  async (slug: string) => (await getPreviewArticle(slug)) ?? content.getArticleBySlug(cms(), slug),
);
export const isPreviewOf = cache(async (slug: string) => (await getPreviewArticle(slug)) !== null);
export const getRedirect = cache((path: string) => content.getRedirect(cms(), path));
/** For paths of no known route (imported sites' old URLs): looked up, never cached. */
export const getRedirectUncached = cache((path: string) => content.getRedirect(cms(), path, { cached: false }));
export const getRelatedRails = cache((slug: string) => content.getRelatedRails(cms(), slug));
export const getTopicBySlug = cache((slug: string) => content.getTopicBySlug(cms(), slug));
export const getAuthorBySlug = cache((slug: string) => content.getAuthorBySlug(cms(), slug));
export const getLatestArticles = cache((limit: number) => content.getLatestArticles(cms(), limit));
export const getSitemapFiles = cache(() => content.getSitemapFiles(cms()));
export const getSitemapEntries = cache((file: content.SitemapFile) => content.getSitemapEntries(cms(), file));

/** One page of a topic's or author's articles, or `null` past the last page (never fetched). */
export const getTopicArticles = cache((topicSlug: string, page: number) =>
  content.getArticleListPage(cms(), { topicSlug, page, pageSize: PAGE_SIZE }),
);
export const getAuthorArticles = cache((authorSlug: string, page: number) =>
  content.getArticleListPage(cms(), { authorSlug, page, pageSize: PAGE_SIZE }),
);

export type SearchOutcome =
  { status: 'no-query' } | { status: 'ok'; results: SearchResults } | { status: 'unavailable' };

/**
 * Search never throws: a reader's query must not take the page down, so a CMS failure (or the
 * search route not being deployed yet) becomes an "unavailable" state the page explains, sent
 * as 503 + Retry-After.
 */
export const searchArticles = cache(async (rawQuery: string | undefined, page: number): Promise<SearchOutcome> => {
  const query = content.normalizeSearchQuery(rawQuery);
  if (!query) return { status: 'no-query' };
  try {
    return { status: 'ok', results: await content.searchArticles(cms(), { query, page, pageSize: 10 }) };
  } catch (error) {
    if (!(error instanceof content.CmsError)) throw error;
    console.error(`[search] ${error.message}`);
    if (content.isCmsUnavailable(error)) noteCmsUnavailable();
    answerUnavailable();
    return { status: 'unavailable' };
  }
});
