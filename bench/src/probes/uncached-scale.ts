/**
 * Uncached render throughput through the edge with one site instance behind it and with two: wrk
 * on random article slugs, each requested once (every request a render: nothing is in a cache
 * yet), with the edge bypassed (an Authorization header, which nourish.vcl passes to a site, in
 * round robin, without looking up or storing). Both edges run side by side and take turns, each
 * round with slugs no earlier round used, so both configurations see the same moments of a busy
 * machine. The CPU each process used during the measured runs says where the cores went.
 */
import type { LoadOptions, LoadResult } from './http-load';
import { measureLoad } from './http-load';
import { cpuMeter, type CpuUse, type Processes } from './process-cpu';

export type UncachedRun = {
  load: LoadResult;
  /** Slugs the measured runs had: more than the requests sent means none was asked twice. */
  slugs: number;
  /** Every request was for a slug no earlier request asked for (so each was a render). */
  eachOnce: boolean;
  cpu: CpuUse;
};

export type UncachedScale = { connections: number; rounds: number; one: UncachedRun; two: UncachedRun };

/** Any value: the edge passes a request carrying credentials, and the site's pages ignore them. */
export const EDGE_BYPASS = { authorization: 'Bearer bench-uncached' } as const;

/** Averages of several meters' readings, weighted by their length. */
const combineCpu = (uses: CpuUse[]): CpuUse => {
  const seconds = uses.reduce((sum, u) => sum + u.seconds, 0);
  const weighted = (pick: (u: CpuUse) => number) =>
    Math.round((uses.reduce((sum, u) => sum + pick(u) * u.seconds, 0) / seconds) * 100) / 100;
  const names = Object.keys(uses[0]?.cores ?? {});
  return {
    seconds: Math.round(seconds * 10) / 10,
    cores: Object.fromEntries(names.map((name) => [name, weighted((u) => u.cores[name] ?? 0)])),
    machineCores: weighted((u) => u.machineCores),
  };
};

/** Sums the rounds' counts; the rate is requests over the measured time of all rounds. */
const combineLoad = (runs: Array<{ load: LoadResult; seconds: number }>): LoadResult => {
  const sum = (key: 'requests' | 'non2xx' | 'errors' | 'timeouts') => runs.reduce((t, r) => t + r.load[key], 0);
  const seconds = runs.reduce((t, r) => t + r.seconds, 0);
  const byMedian = (key: 'p50Ms' | 'p99Ms') => {
    const sorted = runs.map((r) => r.load[key]).sort((a, b) => a - b);
    return sorted[sorted.length >> 1];
  };
  return {
    requestsPerSec: sum('requests') / seconds,
    p50Ms: byMedian('p50Ms'),
    p99Ms: byMedian('p99Ms'),
    requests: sum('requests'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
  };
};

/**
 * `slugs` are split into disjoint slices, one per run (warm-ups included). `processes` names the
 * pids whose CPU is reported (sites, CMS instances, edges, Redis), `moreProcesses` finds more.
 */
export async function measureUncachedScale(options: {
  oneUrl: string;
  twoUrl: string;
  slugs: string[];
  processes: Record<string, number>;
  /** More processes, found again before each run (a database's server processes come and go). */
  moreProcesses?: () => Promise<Processes>;
  load: LoadOptions;
  rounds?: number;
}): Promise<UncachedScale> {
  const rounds = options.rounds ?? 3;
  const { warmupSec = 0, durationSec, connections } = options.load;
  const runs = 2 * rounds + (warmupSec > 0 ? 2 : 0);
  const sliceLength = Math.floor(options.slugs.length / runs);
  if (sliceLength < 1) throw new Error(`${options.slugs.length} slugs cannot make ${runs} disjoint runs`);
  let nextSlice = 0;
  const slice = () => {
    const from = nextSlice++ * sliceLength;
    return options.slugs.slice(from, from + sliceLength).map((slug) => `/articles/${slug}`);
  };
  const run = (url: string, seconds: number, paths: string[]) =>
    measureLoad(url, { connections, durationSec: seconds, headers: { ...EDGE_BYPASS }, paths });

  if (warmupSec > 0) for (const url of [options.oneUrl, options.twoUrl]) await run(url, warmupSec, slice());
  const perRound = Math.max(1, Math.round(durationSec / rounds));
  type Round = { load: LoadResult; seconds: number; cpu: CpuUse };
  const results: Record<'one' | 'two', Round[]> = { one: [], two: [] };
  for (let round = 0; round < rounds; round++) {
    for (const which of ['one', 'two'] as const) {
      const meter = cpuMeter({ ...options.processes, ...(await options.moreProcesses?.()) });
      const load = await run(which === 'one' ? options.oneUrl : options.twoUrl, perRound, slice());
      const cpu = meter.stop();
      // wrk's own clock for the rate; the meter's (a little longer: wrk's start and exit) for CPU.
      const seconds = load.requests > 0 ? load.requests / load.requestsPerSec : perRound;
      results[which].push({ load, seconds, cpu });
    }
  }
  const summary = (list: Round[]): UncachedRun => {
    const load = combineLoad(list);
    return {
      load,
      slugs: sliceLength * list.length,
      // A run sends at most `connections` requests more than it completes.
      eachOnce: list.every((r) => r.load.requests + connections <= sliceLength),
      cpu: combineCpu(list.map((r) => r.cpu)),
    };
  };
  return { connections, rounds, one: summary(results.one), two: summary(results.two) };
}
