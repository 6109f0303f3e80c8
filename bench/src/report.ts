/** docs/benchmarks.md from one run's results: the machine, the tables, and the targets. */
import type { BenchResults } from './results';
import { evaluateTargets } from './targets';

const f1 = (v: number) => v.toFixed(1);
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const s = r.settings;
  const parts: string[] = [
    `# Benchmarks${r.mode === 'smoke' ? ' (smoke run)' : ''}`,
    '',
    `Run on ${r.date.slice(0, 10)} with \`pnpm bench${r.mode === 'smoke' ? ' --smoke' : ''}\`: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory; Node ${m.node}, PostgreSQL ${m.postgres}, SQLite ${m.sqlite}, Strapi ${m.strapi}, Next.js ${m.next}.`,
    `Load: autocannon on loopback, ${s.connections} connections, ${s.durationSec} s after a ${s.warmupSec} s warm-up. Single-client figures: ${s.samples} requests one after another. Both apps run their production builds (\`strapi start\`, \`next start\`) with NODE_ENV=production; the load generator shares the machine's cores with them.`,
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', ''],
      evaluateTargets(r).map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'met' : '**missed**']),
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
          ['nginx serving the same HTML bytes (baseline)', f1(site.nginx.requestsPerSec), site.nginx.p50Ms, site.nginx.p99Ms, site.nginx.non2xx],
          ['Cached article page (`next start`)', f1(site.cached.requestsPerSec), site.cached.p50Ms, site.cached.p99Ms, site.cached.non2xx],
          ['`next start` serving a 1 kB static file (the framework floor)', f1(site.nextStatic.requestsPerSec), site.nextStatic.p50Ms, site.nextStatic.p99Ms, site.nextStatic.non2xx],
          ['Cached page / nginx', `${(site.cached.requestsPerSec / site.nginx.requestsPerSec).toFixed(2)}x`, '', `${(site.cached.p99Ms / Math.max(1, site.nginx.p99Ms)).toFixed(1)}x`, ''],
          ['Uncached render (a new article each time, one client)', '', f1(site.uncached.p50Ms), f1(site.uncached.p99Ms), ''],
        ],
      ),
      '',
      table(
        ['measure', 'value'],
        [
          [`First-load JS (${site.weight.scripts} scripts, gzip)`, `${f1(site.weight.jsGzip / 1000)} kB`],
          ['HTML (gzip)', `${f1(site.weight.htmlGzip / 1000)} kB`],
          [`Publish call alone, p50 / p95 (${site.publish.runs} publishes)`, `${f1(site.publish.publishCall.p50Ms)} / ${f1(site.publish.publishCall.p95Ms)} ms`],
          ['Publish to live, p50 / p95 / max', `${f1(site.publish.toLive.p50Ms)} / ${f1(site.publish.toLive.p95Ms)} / ${f1(site.publish.toLive.maxMs)} ms`],
          ['Peak RSS under load: CMS / site', `${mb(site.peakRssBytes.cms)} / ${mb(site.peakRssBytes.site)}`],
        ],
      ),
      '',
      'Lighthouse 12.2.3, mobile (default emulation and simulated throttling), Debian Chromium:',
      '',
      table(
        ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP ms', 'TBT ms', 'CLS'],
        site.lighthouse.map((l) => [new URL(l.url).pathname, l.performance, l.accessibility, l.bestPractices, l.seo, l.lcpMs.toFixed(0), l.tbtMs.toFixed(0), l.cls.toFixed(3)]),
      ),
    );
  }

  parts.push(
    '',
    '## Strapi calls the site makes',
    '',
    'Single client: p50 / p99 in ms. Load: req/s and p99 ms at the connection count above. Floor: the same data with one hand-written SQL statement through the same driver, single client.',
    '',
    table(
      ['database', 'articles', 'call', 'SQL statements', 'single p50 / p99', 'load req/s', 'load p99', 'floor p50 / p99', 'p50 / floor'],
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
          `${(c.single.p50Ms / c.floor.p50Ms).toFixed(1)}x`,
        ]),
      ),
    ),
    '',
    table(
      ['database', 'articles', 'demo seed (first boot)', 'bulk generation', 'CMS peak RSS under API load'],
      r.sizes.map((size) => [size.database, size.articles.toLocaleString('en'), `${f1(size.demoSeedSeconds)} s`, `${f1(size.generateSeconds)} s`, mb(size.cmsPeakRssBytes)]),
    ),
  );

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
  return `${parts.join('\n')}\n`;
}
