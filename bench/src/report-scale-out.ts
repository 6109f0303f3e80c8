/** The scale-out part's section of docs/benchmarks.md (issue #12). */
import type { CacheCounts } from './probes/next-cache-hits';
import type { CpuUse } from './probes/process-cpu';
import type { ScaleOutResult } from './results';

const table = (head: string[], rows: Array<Array<string | number>>) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const cores = (v: number | undefined) => (v ?? 0).toFixed(2);

/** Cores each process used, one row per process, one column per configuration. */
const cpuTable = (one: CpuUse, two: CpuUse) => {
  const names = [...new Set([...Object.keys(one.cores), ...Object.keys(two.cores)])];
  const ours = (u: CpuUse) => Object.values(u.cores).reduce((sum, v) => sum + v, 0);
  return table(
    ['process', 'one instance: cores', 'two instances: cores'],
    [
      ...names.map((name) => [name, cores(one.cores[name]), cores(two.cores[name])]),
      [
        'the rest (wrk, other databases, anything else on the machine)',
        cores(Math.max(0, one.machineCores - ours(one))),
        cores(Math.max(0, two.machineCores - ours(two))),
      ],
      ['**whole machine busy**', `**${cores(one.machineCores)}**`, `**${cores(two.machineCores)}**`],
    ],
  );
};

const cacheRow = (name: string, c: CacheCounts) => [
  name,
  c.hit,
  c.miss,
  c.stale,
  c.none,
  c.failed > 0
    ? `${c.failed} (${Object.entries(c.failures ?? {})
        .map(([why, n]) => `${why}: ${n}`)
        .join(', ')})`
    : 0,
  `**${percent(c.hitRatio)}**`,
];

export function scaleOutSection(s: ScaleOutResult, machineCores: number): string[] {
  const { render, cache, publish } = s;
  const ratio = render.two.load.requestsPerSec / render.one.load.requestsPerSec;
  return [
    '',
    `## Scale-out (issue #12; PostgreSQL, ${s.articles.toLocaleString('en')} articles, run ${s.date.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    'The production topology on this machine (`bench/src/scale-out.ts`): two CMS instances on one database, two site instances (each reading from its own CMS instance, each from its own copy of the build) sharing their cache in a private Redis, and the edge (Varnish) over both. Why the ratios are what they are: [performance.md](performance.md#scale-out-issue-12).',
    '',
    `Uncached renders through the edge, bypassed (requests carry an Authorization header, which the edge passes to a site without caching, in round robin): wrk, ${render.connections} connections, random article slugs, each asked once (${render.one.eachOnce && render.two.eachOnce ? 'held: no slug was asked twice' : '**not held: some slugs were asked twice**'}), one edge over one instance and one over both taking turns in ${render.rounds} rounds:`,
    '',
    table(
      ['configuration', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx + errors'],
      [['one site instance', render.one, 'one'] as const, ['two site instances', render.two, 'two'] as const].map(
        ([name, run]) => [
          name,
          run.load.requestsPerSec.toFixed(1),
          run.load.p50Ms,
          run.load.p99Ms,
          run.load.requests,
          run.load.non2xx + run.load.errors + run.load.timeouts,
        ],
      ),
    ),
    '',
    `Two instances against one: **${ratio.toFixed(2)}x**. CPU used during the measured runs (from /proc: average cores over ${render.one.cpu.seconds} s and ${render.two.cpu.seconds} s, each process with its children; PostgreSQL: the server processes connected to this database at the start of each round; the machine has ${machineCores}):`,
    '',
    cpuTable(render.one.cpu, render.two.cpu),
    '',
    `Site cache hit ratio: the same sequence of ${cache.paths.toLocaleString('en')} requests (15 % home, 25 % topic pages, 60 % articles by popularity among ${cache.articles.toLocaleString('en')} not yet rendered), ${cache.concurrency} at a time, through the edge bypassed (its round robin alternates the instances), counted from each answer's \`x-nextjs-cache\` (STALE: served from the cache while a render refreshes it). Each set-up starts empty.`,
    '',
    table(
      ['site caches', 'HIT', 'MISS', 'STALE', 'no header', 'failed', 'hit ratio'],
      [cacheRow('shared (Redis)', cache.shared), cacheRow('one per instance', cache.perInstance)],
    ),
    '',
    `Publish to live through the cluster: ${publish.runs} publishes through the first CMS instance (which notifies the sites through the edge), each polled every 25 ms at the edge and on each instance directly until the new version shows (Publish call alone: p50 ${publish.publishCall.p50Ms.toFixed(0)} ms, p95 ${publish.publishCall.p95Ms.toFixed(0)} ms):`,
    '',
    table(
      ['place', 'p50 ms', 'p95 ms', 'max ms'],
      [...(publish.places ?? []), { place: 'all three', ...publish.toLive }].map((p) => [
        p.place,
        p.p50Ms.toFixed(0),
        p.p95Ms.toFixed(0),
        p.maxMs.toFixed(0),
      ]),
    ),
    ...(publish.notLive?.length
      ? ['', `**Not live after 30 s** (counted as 30 s above): ${publish.notLive.join('; ')}.`]
      : []),
  ];
}
