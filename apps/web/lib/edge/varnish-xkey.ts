/**
 * Varnish with vmod_xkey (infra/edge/nourish.vcl): one `PURGE` per edge carrying the tags in
 * `xkey-softpurge`. A soft purge expires the tagged objects but keeps them as the stale fallback:
 * while the site is up, the edge never serves them again; if it is down, readers keep the last copy.
 */
import { currentRequestId } from '../availability';
import type { EdgePurger, EdgePurgeResult } from './purge';

type Options = { timeoutMs: number; fetch?: typeof fetch };

/** Tags travel in one header, space-separated: only characters a tag can have (see cacheTags). */
const TAG = /^[A-Za-z0-9:._-]{1,200}$/;

/** The VCL answers `{"purged":N}`; another body still means the purge was accepted. */
const purgedCount = (body: string): number | null => {
  try {
    const purged = (JSON.parse(body) as { purged?: unknown }).purged;
    return typeof purged === 'number' ? purged : null;
  } catch {
    return null;
  }
};

const requestIdHeader = (): Record<string, string> => {
  const requestId = currentRequestId();
  return requestId ? { 'x-request-id': requestId } : {};
};

export function varnishXkeyPurger(
  urls: readonly string[],
  { timeoutMs, fetch: fetchImpl = fetch }: Options,
): EdgePurger {
  const purgeOne = async (url: string, header: string): Promise<EdgePurgeResult> => {
    try {
      const response = await fetchImpl(url, {
        method: 'PURGE',
        // The revalidation's request id (the CMS's change): the edge's log shows the same id.
        headers: { 'xkey-softpurge': header, ...requestIdHeader() },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) return { edge: url, ok: false, error: `HTTP ${response.status} ${text.trim().slice(0, 200)}` };
      return { edge: url, ok: true, purged: purgedCount(text) };
    } catch (error) {
      return { edge: url, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    edges: [...urls],
    async purge(tags) {
      const valid = [...new Set(tags)].filter((tag) => TAG.test(tag));
      if (valid.length === 0) return [];
      return Promise.all(urls.map((url) => purgeOne(url, valid.join(' '))));
    },
  };
}
