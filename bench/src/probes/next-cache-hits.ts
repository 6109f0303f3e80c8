/**
 * How often the site instances answer from their cache rather than render: one fixed sequence of
 * paths sent through the edge with the edge bypassed (so its round robin spreads the requests over
 * the instances and every request reaches one), a few at a time, each answer's `x-nextjs-cache`
 * header counted. HIT: served from the cache; MISS: rendered for this request; STALE: served from
 * the cache while a render refreshes it. The same sequence against instances sharing a cache in
 * Redis and against instances with a cache each shows what sharing saves.
 */
import { EDGE_BYPASS } from './uncached-scale';

export type CacheCounts = {
  requests: number;
  hit: number;
  miss: number;
  stale: number;
  /** Answers without the header (a page Next does not cache). */
  none: number;
  /** Non-2xx answers and requests that failed. */
  failed: number;
  /** The failures by status or error, e.g. `{ "503": 2 }`. */
  failures?: Record<string, number>;
  /** HIT / (HIT + MISS + STALE): the share of cacheable answers that needed no render. */
  hitRatio: number;
};

const TIMEOUT_MS = 60_000;

export async function countNextCache(options: {
  url: string;
  paths: string[];
  concurrency: number;
}): Promise<CacheCounts> {
  const counts = { hit: 0, miss: 0, stale: 0, none: 0, failed: 0 };
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    counts.failed++;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  let next = 0;
  const worker = async () => {
    while (next < options.paths.length) {
      const path = options.paths[next++];
      try {
        const res = await fetch(options.url + path, {
          headers: { ...EDGE_BYPASS },
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.arrayBuffer();
        if (res.status < 200 || res.status > 299) {
          fail(`HTTP ${res.status}`);
          continue;
        }
        const state = res.headers.get('x-nextjs-cache')?.toUpperCase();
        if (state === 'HIT') counts.hit++;
        else if (state === 'MISS') counts.miss++;
        else if (state === 'STALE') counts.stale++;
        else counts.none++;
      } catch (error) {
        fail(error instanceof Error ? error.name : 'error');
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const cacheable = counts.hit + counts.miss + counts.stale;
  return {
    requests: options.paths.length,
    ...counts,
    failures,
    hitRatio: cacheable > 0 ? counts.hit / cacheable : 0,
  };
}
