/**
 * Limits how often one client may call the public API's expensive reads: search, the listings
 * (collection finds of articles, authors and topics) and the sitemap pages. Each class has its own
 * count per client address (ctx.ip: the X-Forwarded-For address only when IS_PROXIED trusts the
 * proxy). Over the limit: 429, Retry-After in seconds and Strapi's JSON error.
 *
 * The reader site calls the CMS from one address for all its readers, so requests carrying
 * `X-Site-Token` equal to SITE_API_TOKEN are not counted. The header grants nothing else (drafts
 * still need the Bearer token); it is compared in constant time (src/api-policy/site-token.ts).
 */
import { errors } from '@strapi/utils';

import { siteTokenMatcher } from '../api-policy/site-token';
import { createFixedWindowLimiter } from '../utils/fixed-window-limiter';

export type PublicRateLimitConfig = {
  enabled: boolean;
  /** Requests per minute per client for listings and sitemap pages. */
  perMinute: number;
  /** Requests per minute per client for search. */
  searchPerMinute: number;
  siteToken?: string;
};

type RouteClass = 'search' | 'listings' | 'sitemap';

const LISTINGS = new Set(['/api/articles', '/api/authors', '/api/topics']);

export const routeClassOf = (method: string, path: string): RouteClass | null => {
  if (method !== 'GET' && method !== 'HEAD') return null;
  // Strapi's router ignores case and a trailing slash, so the classification does too.
  const p = path.toLowerCase().replace(/(.)\/+$/, '$1');
  if (p === '/api/search') return 'search';
  if (LISTINGS.has(p)) return 'listings';
  if (p.startsWith('/api/sitemap/')) return 'sitemap';
  return null;
};

type Ctx = {
  method: string;
  path: string;
  ip: string;
  get(name: string): string;
  set(name: string, value: string): void;
};

export default (config: PublicRateLimitConfig) => {
  if (!config.enabled) return (_ctx: unknown, next: () => Promise<void>) => next();
  const minute = 60_000;
  const limiters: Record<RouteClass, ReturnType<typeof createFixedWindowLimiter>> = {
    search: createFixedWindowLimiter(config.searchPerMinute, minute),
    listings: createFixedWindowLimiter(config.perMinute, minute),
    sitemap: createFixedWindowLimiter(config.perMinute, minute),
  };
  const isSite = siteTokenMatcher(config.siteToken);

  return async (ctx: Ctx, next: () => Promise<void>) => {
    const routeClass = routeClassOf(ctx.method, ctx.path);
    if (routeClass === null || isSite(ctx.get('x-site-token'))) return next();
    const result = limiters[routeClass].hit(ctx.ip);
    if (!result.allowed) {
      ctx.set('Retry-After', String(result.retryAfterSeconds));
      throw new errors.RateLimitError('Too many requests, please try again later.', {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
    await next();
  };
};
