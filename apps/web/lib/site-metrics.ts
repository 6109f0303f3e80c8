/**
 * What the app counts for Prometheus. The registry belongs to the server process (server.mjs,
 * ops/metrics.mjs) and is shared through `globalThis`, because the app is bundled separately and
 * would otherwise get its own copy of prom-client. Under `next dev` there is none: a no-op.
 */
export type Labels = Record<string, string>;
export type CounterLike = { inc(labels: Labels, value?: number): void };
export type HistogramLike = { observe(labels: Labels, value: number): void };

export type SiteMetrics = {
  /** /api/revalidate calls by outcome: done, refused (secret, body), failed. */
  revalidations: CounterLike;
  /** Edge purges sent by outcome: ok, failed. */
  edgePurges: CounterLike;
  /** Calls to the CMS by outcome: ok, http_error, timeout, unreachable. */
  cmsCalls: CounterLike;
  cmsCallSeconds: HistogramLike;
  /** Next's incremental cache lookups by layer (redis, memory) and result: hit, miss, error. */
  cacheLookups: CounterLike;
  /** From the change at the CMS to the site's tags expired and the edge purged, in seconds. */
  publishToLiveSeconds: HistogramLike;
};

export const SITE_METRICS_KEY = Symbol.for('nourish.metrics');

const noop: CounterLike & HistogramLike = { inc: () => undefined, observe: () => undefined };
const none: SiteMetrics = {
  revalidations: noop,
  edgePurges: noop,
  cmsCalls: noop,
  cmsCallSeconds: noop,
  cacheLookups: noop,
  publishToLiveSeconds: noop,
};

export const siteMetrics = (): SiteMetrics =>
  (globalThis as { [SITE_METRICS_KEY]?: SiteMetrics })[SITE_METRICS_KEY] ?? none;

/** Outcome label of a failed fetch: a timeout or anything else that got no answer. */
export const fetchFailure = (error: unknown): 'timeout' | 'unreachable' =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timeout' : 'unreachable';
