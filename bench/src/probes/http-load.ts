/**
 * Load probes shared by the benchmarks:
 * - measureLoad: concurrent HTTP load with autocannon (throughput + latency percentiles);
 * - measureSequential: one-after-another timing of any async operation (latency only).
 */
import autocannon from 'autocannon';

export type LoadResult = {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

export type LoadOptions = {
  connections: number;
  durationSec: number;
  /** Unrecorded run before the measured one (JIT, caches, keep-alive sockets, CPU frequency). */
  warmupSec?: number;
  headers?: Record<string, string>;
  /** Paths to rotate through (on the url's origin), so a probe is not one hot row in a cache. */
  paths?: string[];
};

export async function measureLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const base: autocannon.Options = {
    url,
    connections: options.connections,
    headers: options.headers,
  };
  const paths = options.paths;
  if (paths && paths.length > 0) {
    let next = 0;
    base.requests = [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }];
  }

  const warmupSec = options.warmupSec ?? 0;
  if (warmupSec > 0) {
    // Same connection count as the measured run so the server sees the same concurrency; result discarded.
    await autocannon({ ...base, duration: warmupSec });
  }

  const result = await autocannon({ ...base, duration: options.durationSec });
  return {
    // Mean of the per-second request counts over the measured run.
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // Completed responses (all status codes) during the measured run.
    requests: result.requests.total,
    non2xx: result.non2xx,
    // autocannon counts timeouts inside errors as well.
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Nearest-rank percentile: the smallest value such that at least p% of the samples are <= it,
 * i.e. sorted[ceil(p/100 * n) - 1]. Always returns one of the samples (no interpolation).
 * Accepts unsorted input (sorts a copy). p is in [0, 100]; p = 0 gives the minimum.
 */
export function percentile(sortedOrUnsorted: number[], p: number): number {
  if (sortedOrUnsorted.length === 0) throw new Error('percentile of an empty sample');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...sortedOrUnsorted].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export type SequentialResult = { p50Ms: number; p99Ms: number; meanMs: number; samples: number };

const summary = (samples: number[]): SequentialResult => ({
  p50Ms: percentile(samples, 50),
  p99Ms: percentile(samples, 99),
  meanMs: samples.reduce((sum, ms) => sum + ms, 0) / samples.length,
  samples: samples.length,
});

/** Times `fn` `count` times strictly one after another, after `warmup` untimed calls. */
export async function measureSequential(fn: () => Promise<void>, count: number, warmup = 5): Promise<SequentialResult> {
  return (await measureAlternating([fn], count, warmup))[0];
}

/**
 * Times each of `fns` `count` times, taking turns (a, b, a, b, ...), after `warmup` untimed rounds:
 * operations compared with each other see the same moments of a busy machine.
 */
export async function measureAlternating(
  fns: Array<() => Promise<void>>,
  count: number,
  warmup = 5,
): Promise<SequentialResult[]> {
  if (!(Number.isInteger(count) && count > 0)) throw new Error(`count must be a positive integer: ${count}`);
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();

  const samples = fns.map((): number[] => []);
  for (let i = 0; i < count; i++) {
    for (const [n, fn] of fns.entries()) {
      const started = performance.now();
      await fn();
      samples[n].push(performance.now() - started);
    }
  }
  return samples.map(summary);
}
