/**
 * The one place that talks HTTP to Strapi: builds the query string with `qs`, sends the token,
 * enforces a timeout, validates the body with zod and turns every failure into a typed error.
 *
 * Caching: with a `cacheLayer` (the web app passes one built on Next's `unstable_cache`) the
 * *validated* result is cached under its tags, so neither an HTTP error nor a response that
 * fails validation is ever stored. Without one, reads fall back to Next's `fetch` options
 * (`next.tags` / `next.revalidate`), which store any 200 response; outside Next those options
 * are simply ignored.
 */
import qs from 'qs';
import type { z } from 'zod';
import { CmsHttpError, CmsNetworkError, CmsTimeoutError, CmsValidationError, type CmsValidationIssue } from './errors';

/** A Strapi REST query: always explicit `fields` and `populate`, never `populate=*`. */
export type StrapiQuery = Record<string, unknown>;

export type CacheOptions =
  /** Cached by Next for `revalidate` seconds (client default when omitted) and invalidated by these tags. */
  | { tags: readonly string[]; revalidate?: number }
  /** Never cached: user input such as search terms would fill the cache with one-off entries. */
  | { noStore: true };

export type CmsLogger = Pick<Console, 'error'>;

/**
 * Caches the result of `load` (fetch + validation) under `key`, for `revalidate` seconds and
 * until one of `tags` is revalidated. A rejected `load` must not be stored.
 */
export type CacheLayer = <T>(
  load: () => Promise<T>,
  entry: { key: string; tags: string[]; revalidate: number },
) => Promise<T>;

export type CmsClientOptions = {
  /** Origin of the CMS, e.g. `http://localhost:1337` (no trailing `/api`). */
  baseUrl: string;
  /**
   * The site's read-only API token. Sent on every request as `X-Site-Token`, which exempts the
   * site (one address for all its readers) from the CMS's per-client rate limits and grants
   * nothing else; sent as a Bearer token on draft (preview) reads only.
   */
  token?: string | undefined;
  /** Abort a request, body included, after this many milliseconds (default 2000). */
  timeoutMs?: number;
  /** Default time-based revalidation in seconds for cached reads (default 300). */
  revalidateSeconds?: number;
  /** Injected in tests and wrapped by the site; defaults to the global (Next-patched) fetch. */
  fetch?: typeof fetch;
  cacheLayer?: CacheLayer;
  logger?: CmsLogger;
};

/** `RequestInit` plus the `next` options Next's patched fetch understands. */
type NextRequestInit = RequestInit & { next?: { tags?: string[]; revalidate?: number | false } };

export type CmsClient = {
  readonly baseUrl: string;
  /** GET `/api${path}` with `query`, validated by `schema`. */
  get<S extends z.ZodType>(path: string, query: StrapiQuery, schema: S, cache: CacheOptions): Promise<z.output<S>>;
  /** Absolute URL for an upload path (`/uploads/...`); absolute URLs pass through. A plain function: pass it around freely. */
  mediaUrl: (url: string) => string;
};

/** `qs` settings Strapi documents for its REST API: brackets, values encoded, keys readable. */
export const stringifyQuery = (query: StrapiQuery): string =>
  qs.stringify(query, { encodeValuesOnly: true, arrayFormat: 'indices', skipNulls: true });

const toIssues = (error: z.ZodError): CmsValidationIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('')
      .replace(/^\./, ''),
    message: issue.message,
  }));

const errorDetail = async (response: Response): Promise<string | undefined> => {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body) {
      const error = (body as { error?: { message?: unknown } }).error;
      if (typeof error?.message === 'string') return error.message.slice(0, 200);
    }
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): the status alone has to do.
  }
  return undefined;
};

const isAbort = (cause: unknown): boolean =>
  cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');

export const createCmsClient = (options: CmsClientOptions): CmsClient => {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 2000;
  const revalidateSeconds = options.revalidateSeconds ?? 300;
  const logger = options.logger ?? console;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  const mediaUrl = (url: string): string =>
    /^https?:\/\//i.test(url) ? url : `${baseUrl}${url.startsWith('/') ? '' : '/'}${url}`;

  async function get<S extends z.ZodType>(
    path: string,
    query: StrapiQuery,
    schema: S,
    cache: CacheOptions,
  ): Promise<z.output<S>> {
    const search = stringifyQuery(query);
    const requestPath = `/api${path}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.token) headers['X-Site-Token'] = options.token;
    // The token only unlocks drafts (preview). Published content is public, and authenticating a
    // token costs the CMS four SQL statements per request (bench/), so reads go without it.
    if (options.token && query.status === 'draft') headers.Authorization = `Bearer ${options.token}`;

    if ('noStore' in cache) return load(requestPath, headers, schema, { cache: 'no-store' });
    const tags = [...cache.tags];
    const revalidate = cache.revalidate ?? revalidateSeconds;
    if (!options.cacheLayer) return load(requestPath, headers, schema, { next: { tags, revalidate } });
    // The cache layer stores what `load` returns, so the fetch underneath must not cache on its own.
    const key = `${baseUrl} ${requestPath}`;
    return options.cacheLayer(() => load(requestPath, headers, schema, { cache: 'no-store' }), {
      key,
      tags,
      revalidate,
    });
  }

  async function load<S extends z.ZodType>(
    requestPath: string,
    headers: Record<string, string>,
    schema: S,
    caching: Pick<NextRequestInit, 'cache' | 'next'>,
  ): Promise<z.output<S>> {
    const init: NextRequestInit = { method: 'GET', headers, signal: AbortSignal.timeout(timeoutMs), ...caching };

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${requestPath}`, init);
    } catch (cause) {
      if (isAbort(cause)) throw new CmsTimeoutError(requestPath, timeoutMs, cause);
      throw new CmsNetworkError(requestPath, cause);
    }

    if (!response.ok) throw new CmsHttpError(response.status, requestPath, await errorDetail(response));

    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      // The signal also covers the body: a CMS that sends headers and then stalls times out too.
      if (isAbort(cause)) throw new CmsTimeoutError(requestPath, timeoutMs, cause);
      const error = new CmsValidationError(requestPath, [{ path: '', message: `body is not JSON (${String(cause)})` }]);
      logger.error(`[cms] ${error.message}`);
      throw error;
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      // Logged here with every path so the broken field is findable; thrown so the page render
      // fails and Next keeps serving the last good version instead of half a page.
      const error = new CmsValidationError(requestPath, toIssues(parsed.error));
      logger.error(`[cms] ${error.message}`);
      throw error;
    }
    return parsed.data;
  }

  return { baseUrl, get, mediaUrl };
};
