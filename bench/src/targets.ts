/**
 * The performance targets (issue #5), evaluated against one run's results. Each target says what
 * it measured; a target whose scenario is not in the run (e.g. 100k in smoke mode) is "n/a".
 */
import type { BenchResults, SizeResult } from './results';

export type TargetResult = { target: string; measured: string; met: boolean | null };

const MB = 1_000_000;
const ms = (v: number) => `${v.toFixed(1)} ms`;

const size = (r: BenchResults, database: 'postgres' | 'sqlite', articles: number): SizeResult | undefined =>
  r.sizes.find((s) => s.database === database && s.articles === articles);

const call = (s: SizeResult | undefined, name: string) => s?.calls.find((c) => c.call === name);

export function evaluateTargets(r: BenchResults): TargetResult[] {
  const out: TargetResult[] = [];
  const add = (target: string, measured: string | null, met: boolean | null) => out.push({ target, measured: measured ?? 'not in this run', met: measured === null ? null : met });

  const site = r.site;
  if (site) {
    const rps = site.cached.requestsPerSec / site.nginx.requestsPerSec;
    add('Cached article page: req/s at least 0.25x nginx (same bytes)', `${rps.toFixed(2)}x (${site.cached.requestsPerSec.toFixed(0)} vs ${site.nginx.requestsPerSec.toFixed(0)} req/s)`, rps >= 0.25);
    // autocannon reports whole milliseconds: compare with nginx's p99, at least 1 ms.
    const p99 = site.cached.p99Ms / Math.max(1, site.nginx.p99Ms);
    add('Cached article page: p99 within 4x of nginx', `${p99.toFixed(1)}x (${site.cached.p99Ms} vs ${site.nginx.p99Ms} ms)`, p99 <= 4);
    add('Cached article page: zero non-2xx', `${site.cached.non2xx} non-2xx, ${site.cached.errors} errors`, site.cached.non2xx === 0 && site.cached.errors === 0);
    add('Article page first-load JS at most 120 kB gzip', `${(site.weight.jsGzip / 1000).toFixed(1)} kB`, site.weight.jsGzip <= 120_000);
    add('Article page HTML at most 60 kB gzip', `${(site.weight.htmlGzip / 1000).toFixed(1)} kB`, site.weight.htmlGzip <= 60_000);
    for (const lh of site.lighthouse) {
      const path = new URL(lh.url).pathname;
      add(`Lighthouse mobile ${path}: performance at least 95`, String(lh.performance), lh.performance >= 95);
      const rest = [lh.accessibility, lh.bestPractices, lh.seo];
      add(`Lighthouse mobile ${path}: accessibility, best practices, SEO 100`, rest.join(' / '), rest.every((s) => s === 100));
    }
    add('Publish to live: p95 at most 2 s', ms(site.publish.toLive.p95Ms), site.publish.toLive.p95Ms <= 2000);
  } else {
    add('Site targets (cached page, page weight, Lighthouse, publish)', null, null);
  }

  const at10k = size(r, 'postgres', 10_000);
  const at100k = size(r, 'postgres', 100_000);
  const a10 = call(at10k, 'article');
  const a100 = call(at100k, 'article');
  add('Article call, PostgreSQL 10k: single-client p50 at most 15 ms', a10 ? ms(a10.single.p50Ms) : null, a10 ? a10.single.p50Ms <= 15 : null);
  add('Article call, PostgreSQL 10k: at least 300 req/s at 20 clients', a10 ? `${a10.load.requestsPerSec.toFixed(0)} req/s` : null, a10 ? a10.load.requestsPerSec >= 300 : null);
  add('Article call, PostgreSQL 10k: p99 at most 150 ms at 20 clients', a10 ? `${a10.load.p99Ms} ms` : null, a10 ? a10.load.p99Ms <= 150 : null);
  if (a10 && a100) {
    const worse = [a100.single.p50Ms / a10.single.p50Ms, a10.load.requestsPerSec / a100.load.requestsPerSec, a100.load.p99Ms / Math.max(1, a10.load.p99Ms)];
    add('Article call at 100k no more than 1.3x worse than 10k (p50, req/s, p99)', worse.map((w) => `${w.toFixed(2)}x`).join(', '), worse.every((w) => w <= 1.3));
  } else {
    add('Article call at 100k no more than 1.3x worse than 10k', null, null);
  }
  const articleCalls = r.sizes.map((s) => call(s, 'article')).filter((c) => c !== undefined);
  if (articleCalls.length > 0) {
    const counts = [...new Set(articleCalls.map((c) => c.statements))];
    add('Article call: SQL statements the same at every size and at most 10', counts.join(', '), counts.length === 1 && counts[0] <= 10);
  }
  if (a10) {
    const ratio = a10.single.p50Ms / a10.floor.p50Ms;
    add('Article call, PostgreSQL 10k: within 5x of the hand-written query (p50)', `${ratio.toFixed(1)}x (${ms(a10.single.p50Ms)} vs ${ms(a10.floor.p50Ms)})`, ratio <= 5);
  }
  const s100 = call(at100k, 'search');
  add('Search, PostgreSQL 100k: single-client p99 at most 100 ms', s100 ? ms(s100.single.p99Ms) : null, s100 ? s100.single.p99Ms <= 100 : null);
  if (site && site.articles === 100_000) {
    // The CMS is under load while its calls are measured, not while the site serves cached pages.
    const cms = Math.max(site.peakRssBytes.cms, at100k?.cmsPeakRssBytes ?? 0);
    add('CMS at most 500 MB RSS under load at 100k', `${(cms / MB).toFixed(0)} MB`, cms <= 500 * MB);
    add('Site at most 400 MB RSS under load at 100k', `${(site.peakRssBytes.site / MB).toFixed(0)} MB`, site.peakRssBytes.site <= 400 * MB);
  } else {
    add('CMS and site RSS under load at 100k', null, null);
  }
  return out;
}
