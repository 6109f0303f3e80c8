/** docs/benchmarks.md from one run's results: the machine, the tables, and the targets. */
import { mainThreadTable } from './main-thread-table';
import type { BenchResults, EdgeResult, LighthouseAudit, MainThreadResult, SiteResult } from './results';
import { scaleOutSection } from './report-scale-out';
import { evaluateTargets } from './targets';

const f1 = (v: number) => v.toFixed(1);
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** The edge's rows: each page against nginx with the same bytes, then the reader mix. */
const edgeSection = (edge: EdgeResult): string[] => {
  const { mix } = edge;
  return [
    '',
    `Through the edge (Varnish ${edge.varnish}, \`infra/edge\`), each page taking turns with nginx serving the same bytes (the targets use the rows with no encoding; Varnish keeps one copy for clients that take gzip and one for clients that do not, and sends each as stored):`,
    '',
    table(
      [
        'page',
        'client accepts',
        'bytes',
        'nginx req/s',
        'nginx p99 ms',
        'edge req/s',
        'edge p99 ms',
        'edge / nginx req/s',
        'edge / nginx p99',
        'edge non-2xx',
      ],
      edge.pages.map((p) => [
        `${p.page} (\`${p.path}\`)${p.sameBytes ? '' : ' **bytes differ**'}`,
        p.encoding === 'gzip' ? 'gzip (as browsers)' : 'no encoding',
        p.bytes.toLocaleString('en'),
        f1(p.nginx.requestsPerSec),
        p.nginx.p99Ms,
        f1(p.edge.requestsPerSec),
        p.edge.p99Ms,
        `${(p.edge.requestsPerSec / p.nginx.requestsPerSec).toFixed(2)}x`,
        `${(p.edge.p99Ms / Math.max(0.01, p.nginx.p99Ms)).toFixed(1)}x`,
        p.edge.non2xx,
      ]),
    ),
    '',
    `Reader mix through the edge (15 % home, 25 % topic pages, 60 % articles by popularity among ${mix.articles.toLocaleString('en')} random ones, after a warm-up with another sequence): ${f1(mix.load.requestsPerSec)} req/s, p99 ${mix.load.p99Ms} ms, ${mix.load.non2xx} non-2xx; hit ratio **${(mix.hitRatio * 100).toFixed(1)} %** (varnishstat: ${mix.hits} hits, ${mix.misses} misses).`,
  ];
};

/** "median (min-max)" when the run kept the spread; the one run's figure in runs before it. */
const spread = (median: number, range: [number, number] | undefined, show: (v: number) => string) =>
  range && range[0] !== range[1] ? `${show(median)} (${show(range[0])}-${show(range[1])})` : show(median);

/** Our pages and the framework floor, audited in the same interleaved rounds, with first-load JS. */
const lighthouseSection = (site: SiteResult): string[] => {
  const floor = site.floor;
  const js = (path: string): string => {
    const w = path === site.page ? site.weight : path === '/' ? site.listingWeights?.home : site.listingWeights?.topic;
    return w ? `${f1(w.jsGzip / 1000)} kB` : '';
  };
  const row = (label: string, l: LighthouseAudit, jsGzip: string) => [
    label,
    l.runs ?? '-',
    spread(l.performance, l.performanceRange, String),
    spread(l.tbtMs, l.tbtMsRange, (v) => v.toFixed(0)),
    l.accessibility,
    l.bestPractices,
    l.seo,
    l.lcpMs.toFixed(0),
    l.cls.toFixed(3),
    jsGzip,
  ];
  const runs = site.lighthouse[0]?.runs;
  return [
    '',
    `Lighthouse 12.2.3, mobile (default emulation and simulated throttling), Debian Chromium${runs ? `: the median of ${String(runs)} run(s) per page, the pages taking turns (floor, article, home, topic, floor, ...), with the spread (min-max) of performance and TBT` : ''}. The framework floor is \`bench/floor-app\`: a bare App Router page of the same Next and React (one server component, no CSS, no client component) with the audited article's text. First-load JS: external scripts of the page's HTML, gzip.`,
    '',
    table(
      [
        'page',
        'runs',
        'performance',
        'TBT ms',
        'accessibility',
        'best practices',
        'SEO',
        'LCP ms',
        'CLS',
        'first-load JS',
      ],
      [
        ...(floor && !('error' in floor)
          ? [row('framework floor (`bench/floor-app`)', floor.lighthouse, `${f1(floor.weight.jsGzip / 1000)} kB`)]
          : []),
        ...site.lighthouse.map((l) => {
          const path = new URL(l.url).pathname;
          return row(path, l, js(path));
        }),
      ],
    ),
    ...(floor && 'error' in floor ? ['', `The framework floor could not be measured: ${floor.error}`] : []),
  ];
};

/** Chromium's main-thread counters per page load, ours beside the floor's. */
const mainThreadSection = (result: MainThreadResult): string[] =>
  'error' in result
    ? ['', `The main-thread probe could not run: ${result.error}`]
    : [
        '',
        `Main-thread work per page load (\`probes/main-thread.ts\`): Chromium's own counters (CDP \`Performance.getMetrics\` in thread time: the main thread's CPU time in all its tasks, in script, layout and style recalculation; DOM nodes) for one load in a fresh browser context, mobile viewport, no throttling, read once the page has loaded and the main thread has been idle; ${String(result.loads)} loads per page, the pages taking turns with the floor. Min / median; the ratios are of the minimums. Thread time does not count the time other processes hold the cores, but a busy machine still slows the thread itself (caches), by less.`,
        '',
        mainThreadTable(result.pages, 'floor'),
      ];

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const s = r.settings;
  const parts: string[] = [
    `# Benchmarks${r.mode === 'smoke' ? ' (smoke run)' : ''}`,
    '',
    `Run on ${r.date.slice(0, 10)} with \`pnpm bench${r.mode === 'smoke' ? ' --smoke' : ''}\`: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory; Node ${m.node}, PostgreSQL ${m.postgres}, SQLite ${m.sqlite}, Strapi ${m.strapi}, Next.js ${m.next}.`,
    'Generated by `bench/src/run.ts`; do not edit. What each figure means, what was changed because of it and why the misses are out of reach on this stack: [performance.md](performance.md).',
    '',
    `Load: wrk (one thread) on loopback, ${s.connections} connections, ${s.durationSec} s after a ${s.warmupSec} s warm-up; a server compared with a baseline (nginx) takes turns with it in 3 rounds of a third of that, and the medians are reported. Single-client figures: ${s.samples} requests one after another. Both apps run their production builds (\`strapi start\`, \`next start\`) with NODE_ENV=production; the load generator shares the machine's cores with them.`,
    '',
    '## Targets',
    '',
    r.mode === 'smoke'
      ? 'The smoke targets (`bench/src/targets.ts`): what must hold even at 200 articles with seconds per probe. A smoke run cannot pass the full targets. A target the run did not measure fails like a miss (`pnpm bench:check --smoke`).'
      : 'A target the run did not measure fails like a miss (`pnpm bench:check`).',
    '',
    table(
      ['target', 'measured', ''],
      evaluateTargets(r).map((t) => [t.target, t.measured, t.outcome === 'met' ? 'met' : `**${t.outcome}**`]),
    ),
  ];

  if (r.site) {
    const site = r.site;
    parts.push(
      '',
      `## Reader site (${site.database}, ${site.articles.toLocaleString('en')} articles, \`${site.page}\`)`,
      '',
      table(
        ['measure', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'],
        [
          [
            'nginx serving the same HTML bytes (baseline)',
            f1(site.nginx.requestsPerSec),
            site.nginx.p50Ms,
            site.nginx.p99Ms,
            site.nginx.non2xx,
          ],
          [
            'Cached article page (`next start`)',
            f1(site.cached.requestsPerSec),
            site.cached.p50Ms,
            site.cached.p99Ms,
            site.cached.non2xx,
          ],
          [
            '`next start` serving a 1 kB static file (the framework floor)',
            f1(site.nextStatic.requestsPerSec),
            site.nextStatic.p50Ms,
            site.nextStatic.p99Ms,
            site.nextStatic.non2xx,
          ],
          [
            'Cached page / nginx',
            `${(site.cached.requestsPerSec / site.nginx.requestsPerSec).toFixed(2)}x`,
            '',
            `${(site.cached.p99Ms / Math.max(0.01, site.nginx.p99Ms)).toFixed(1)}x`,
            '',
          ],
          ...(site.listings
            ? (['home', 'topic'] as const).map((page) => {
                const l = site.listings![page];
                return [
                  `${page === 'home' ? 'Home' : 'Topic'} page from the site's own cache (\`next start\`)`,
                  f1(l.requestsPerSec),
                  l.p50Ms,
                  l.p99Ms,
                  l.non2xx,
                ];
              })
            : []),
          [
            'Uncached render (a new article each time, one client)',
            '',
            f1(site.uncached.p50Ms),
            f1(site.uncached.p99Ms),
            '',
          ],
        ],
      ),
      ...(site.edge ? edgeSection(site.edge) : []),
      '',
      table(
        ['measure', 'value'],
        [
          [`First-load JS (${site.weight.scripts} scripts, gzip)`, `${f1(site.weight.jsGzip / 1000)} kB`],
          ['HTML (gzip)', `${f1(site.weight.htmlGzip / 1000)} kB`],
          [
            `Publish call alone, p50 / p95 (${site.publish.runs} publishes)`,
            `${f1(site.publish.publishCall.p50Ms)} / ${f1(site.publish.publishCall.p95Ms)} ms`,
          ],
          [
            'Publish to live, p50 / p95 / max',
            `${f1(site.publish.toLive.p50Ms)} / ${f1(site.publish.toLive.p95Ms)} / ${f1(site.publish.toLive.maxMs)} ms`,
          ],
          ['Peak RSS under load: CMS / site', `${mb(site.peakRssBytes.cms)} / ${mb(site.peakRssBytes.site)}`],
        ],
      ),
      ...lighthouseSection(site),
      ...(site.mainThread ? mainThreadSection(site.mainThread) : []),
    );
  }

  parts.push(
    '',
    '## Strapi calls the site makes',
    '',
    'Single client: p50 / p99 in ms. Load: req/s and p99 ms at the connection count above. Floor: the same data through the same driver with no HTTP or framework, single client: for the article, plain SELECTs per relation assembled in JS (written independently of the read model, and checked in the run to return exactly what the product returns for every article probed); for the others, one hand-written SQL statement (not checked against the product). A floor slower than the product is not a floor, and says so.',
    ...(r.sizes.some((size) => size.calls.some((c) => c.call === 'article' && !c.floorChecked))
      ? [
          '',
          "This run predates the floor check: its article floor was an earlier one-statement query close to the product's own, so its floor figures and ratios are not comparable with later runs.",
        ]
      : []),
    '',
    table(
      [
        'database',
        'articles',
        'call',
        'SQL statements',
        'single p50 / p99',
        'load req/s',
        'load p99',
        'floor p50 / p99',
        'p50 / floor',
        'floor returns the same data',
      ],
      r.sizes.flatMap((size) =>
        size.calls.map((c) => [
          size.database,
          size.articles.toLocaleString('en'),
          c.label,
          c.statements,
          `${f1(c.single.p50Ms)} / ${f1(c.single.p99Ms)}`,
          f1(c.load.requestsPerSec),
          c.load.p99Ms,
          `${f1(c.floor.p50Ms)} / ${f1(c.floor.p99Ms)}`,
          c.floor.p50Ms >= c.single.p50Ms
            ? 'floor slower than product: not a floor'
            : `${(c.single.p50Ms / c.floor.p50Ms).toFixed(1)}x`,
          c.floorChecked ? `checked (${c.floorChecked} articles)` : 'not checked',
        ]),
      ),
    ),
    '',
    table(
      ['database', 'articles', 'demo seed (first boot)', 'bulk generation', 'CMS peak RSS under API load'],
      r.sizes.map((size) => [
        size.database,
        size.articles.toLocaleString('en'),
        `${f1(size.demoSeedSeconds)} s`,
        `${f1(size.generateSeconds)} s`,
        mb(size.cmsPeakRssBytes),
      ]),
    ),
  );

  if (r.sizes.some((size) => size.editorial)) {
    parts.push(
      '',
      "## The admin's editorial panels",
      '',
      'As an editor opens them, single client, p50 / p99 in ms; SQL statements per request include the admin session check.',
      '',
      table(
        ['database', 'articles', 'panel', 'SQL statements', 'single p50 / p99', 'rows listed'],
        r.sizes.flatMap((size) =>
          (size.editorial ?? []).map((c) => [
            size.database,
            size.articles.toLocaleString('en'),
            c.label,
            c.statements,
            `${f1(c.single.p50Ms)} / ${f1(c.single.p99Ms)}`,
            c.rows,
          ]),
        ),
      ),
    );
  }

  const at = (d: string, n: number) => r.sizes.find((x) => x.database === d && x.articles === n);
  const small = at('postgres', 10_000);
  const large = at('postgres', 100_000);
  if (small && large) {
    parts.push(
      '',
      'PostgreSQL, 100k against 10k (single-client p50 ratio; above 1 is slower):',
      '',
      table(
        ['call', '100k / 10k'],
        large.calls.map((c) => {
          const base = small.calls.find((x) => x.call === c.call)!;
          return [c.label, `${(c.single.p50Ms / base.single.p50Ms).toFixed(2)}x`];
        }),
      ),
    );
  }
  if (r.scaleOut) parts.push(...scaleOutSection(r.scaleOut, r.machine.cores));
  if (r.imports?.length) {
    parts.push(
      '',
      '## WordPress import',
      '',
      'A WordPress export generated from the WXR fixture (its 53 posts cloned with new ids, slugs and links; `apps/cms/tests/helpers/wxr-generate.ts`), imported by the CLI into a fresh PostgreSQL database with the production environment; its images are served by a local HTTP server as the old site would. Time is the whole command (Strapi boot included); RSS is its largest process, sampled every 250 ms; articles are counted in the database afterwards.',
      '',
      table(
        [
          'posts',
          'export',
          'command',
          'exit',
          'time',
          'posts/s',
          'articles',
          'published (of)',
          'media requests',
          'peak RSS',
        ],
        r.imports.map((i) => [
          i.posts.toLocaleString('en'),
          `${(i.wxrBytes / 1_000_000).toFixed(1)} MB`,
          `\`${i.command}\``,
          String(i.exit),
          `${i.seconds.toFixed(1)} s`,
          i.postsPerSec.toFixed(1),
          i.articles.toLocaleString('en'),
          `${i.published.toLocaleString('en')} (${(i.posts - i.sourceDrafts).toLocaleString('en')})`,
          i.mediaRequests.toLocaleString('en'),
          mb(i.peakRssBytes),
        ]),
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}
