/**
 * Load probes shared by the benchmarks:
 * - measureLoad: concurrent HTTP load with wrk (throughput + latency percentiles);
 * - measureLoadAlternating: several load probes compared with each other, in alternating rounds;
 * - measureSequential: one-after-another timing of any async operation (latency only).
 *
 * Why wrk (Debian's package) and not a Node load client: the client shares the two cores with the
 * servers, and autocannon decodes every response body into a JS string. Measured here on a cached
 * article: a 44 kB gzip body capped autocannon at ~1,400 req/s whoever served it (nginx included),
 * where wrk saw nginx at ~30,000; and its GC pauses set the p99. wrk, in C, measures the server.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type LoadResult = {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Completed responses (all status codes) during the measured run. */
  requests: number;
  non2xx: number;
  /** Connection, read and write errors and timeouts. */
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

const WRK_BIN = process.env.WRK_BIN ?? 'wrk';
const WRK_SCRIPT = path.join(__dirname, 'wrk-load.lua');
/** As autocannon's default: a response slower than this counts as a timeout. */
const TIMEOUT_SEC = 10;

type WrkTotals = {
  durationUs: number;
  requests: number;
  non2xx: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  p50Us: number;
  p99Us: number;
};

const runWrk = (args: string[]) =>
  new Promise<WrkTotals>((resolve, reject) => {
    execFile(WRK_BIN, args, { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new Error(
            missing
              ? `${WRK_BIN} not found: the benchmarks load servers with wrk (Debian: apt-get install wrk)`
              : `wrk ${args.join(' ')} failed: ${stderr.trim() || err.message}`,
          ),
        );
        return;
      }
      const line = /^WRK_RESULT (\{.*\})$/m.exec(stdout)?.[1];
      if (!line) {
        reject(new Error(`wrk printed no result (is ${WRK_SCRIPT} intact?):\n${stdout}${stderr}`));
        return;
      }
      resolve(JSON.parse(line) as WrkTotals);
    });
  });

export async function measureLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const dir = options.paths?.length ? await mkdtemp(path.join(os.tmpdir(), 'bench-wrk-')) : undefined;
  try {
    const args = ['--threads', '1', '--connections', String(options.connections), '--timeout', `${TIMEOUT_SEC}s`];
    for (const [name, value] of Object.entries(options.headers ?? {})) args.push('--header', `${name}: ${value}`);
    args.push('--script', WRK_SCRIPT, url);
    if (dir && options.paths) {
      const list = path.join(dir, 'paths.txt');
      await writeFile(list, options.paths.join('\n') + '\n');
      args.push('--', list);
    }
    const withDuration = (seconds: number) => ['--duration', `${seconds}s`, ...args];

    const warmupSec = options.warmupSec ?? 0;
    // Same connection count as the measured run so the server sees the same concurrency; discarded.
    if (warmupSec > 0) await runWrk(withDuration(warmupSec));

    const totals = await runWrk(withDuration(options.durationSec));
    const ms = (us: number) => Math.round(us / 10) / 100;
    return {
      requestsPerSec: totals.requests / (totals.durationUs / 1e6),
      p50Ms: ms(totals.p50Us),
      p99Ms: ms(totals.p99Us),
      requests: totals.requests,
      non2xx: totals.non2xx,
      errors: totals.connect + totals.read + totals.write + totals.timeout,
      timeouts: totals.timeout,
    };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Loads each URL in turn for `rounds` rounds of durationSec / rounds each (a, b, a, b, ...), after
 * one warm-up each, and reports per URL the median rate and median p99 over the rounds, and the
 * summed counts. Two servers compared with each other then see the same moments of a noisy machine
 * (one 15 s run each, back to back, put p99 ratios anywhere between 0.8x and 3.3x here).
 */
export async function measureLoadAlternating(urls: string[], options: LoadOptions, rounds = 3): Promise<LoadResult[]> {
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error(`rounds must be a positive integer: ${rounds}`);
  const { warmupSec = 0, durationSec, ...rest } = options;
  if (warmupSec > 0) for (const url of urls) await measureLoad(url, { ...rest, durationSec: warmupSec });
  const perRound = Math.max(1, Math.round(durationSec / rounds));
  const runs = urls.map((): LoadResult[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, url] of urls.entries()) runs[i].push(await measureLoad(url, { ...rest, durationSec: perRound }));
  }
  const sum = (list: LoadResult[], key: 'requests' | 'non2xx' | 'errors' | 'timeouts') =>
    list.reduce((total, r) => total + r[key], 0);
  return runs.map((list) => ({
    requestsPerSec: median(list.map((r) => r.requestsPerSec)),
    p50Ms: median(list.map((r) => r.p50Ms)),
    p99Ms: median(list.map((r) => r.p99Ms)),
    requests: sum(list, 'requests'),
    non2xx: sum(list, 'non2xx'),
    errors: sum(list, 'errors'),
    timeouts: sum(list, 'timeouts'),
  }));
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
