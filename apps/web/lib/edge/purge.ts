/**
 * Purging cache tags at the edge caches in front of the site, after /api/revalidate has expired
 * them in Next. Callers see only `EdgePurger`; which edge it talks to is configuration:
 *
 *   EDGE_PURGE_URLS        where to send purges, separated by commas or spaces (one per edge
 *                          instance), e.g. `http://127.0.0.1:3000/`. Unset: no edge, nothing to do.
 *   EDGE_PURGE_TIMEOUT_MS  per edge, default 2000.
 *
 * Adding a CDN: write another `EdgePurger` (Fastly: `POST /service/<id>/purge` with a
 * `Surrogate-Key` header of space-separated keys and a `Fastly-Key` token; Cloudflare:
 * `POST /zones/<id>/purge_cache` with `{"tags": [...]}` and a bearer token), choose it in
 * `edgePurgerFromEnv`, and leave callers alone. The site already names every response's tags in
 * `Surrogate-Key` (surrogate-keys.ts); a CDN that wants another header name gets it from its own
 * config or a response-header rule. A purger never throws: each edge's outcome is reported.
 */
import { varnishXkeyPurger } from './varnish-xkey';

export type EdgePurgeResult =
  { edge: string; ok: true; purged: number | null } | { edge: string; ok: false; error: string };

export interface EdgePurger {
  /** Where purges go (for logs and reports); empty when there is no edge. */
  readonly edges: readonly string[];
  /** Purges these tags everywhere; resolves (never rejects) with one result per edge. */
  purge(tags: readonly string[]): Promise<EdgePurgeResult[]>;
}

/** No edge configured: nothing to purge. */
export const noEdgePurger: EdgePurger = { edges: [], purge: () => Promise.resolve([]) };

/** The purger EDGE_PURGE_URLS configures (Varnish xkey), or the no-op when it is unset. */
export function edgePurgerFromEnv(env: Record<string, string | undefined> = process.env): EdgePurger {
  const urls = (env.EDGE_PURGE_URLS ?? '').split(/[\s,]+/).filter(Boolean);
  if (urls.length === 0) return noEdgePurger;
  for (const url of urls) {
    // A typo here would only show at the first publish: refuse it at the first use instead.
    if (!/^https?:$/.test(new URL(url).protocol)) throw new Error(`EDGE_PURGE_URLS: not an http(s) URL: ${url}`);
  }
  const timeoutMs = Number(env.EDGE_PURGE_TIMEOUT_MS ?? 2000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error('EDGE_PURGE_TIMEOUT_MS must be a positive number');
  return varnishXkeyPurger(urls, { timeoutMs });
}
