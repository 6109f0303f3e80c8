/**
 * Page budgets of the reader site, printed as a table (run in CI, not a timed test):
 * - first-load JavaScript of an article page, gzip (budget 120 kB);
 * - HTML of the longest demo article, gzip (budget 60 kB);
 * - the cached article page, one client, p95 of CACHED_RUNS requests: at most CACHED_P95_MS.
 *
 * The cached page has a fixed bound, not a ratio to the uncached render: a ratio gets easier to
 * meet as uncached renders get slower. The bound suits the machine class we run on (2 cores, shared
 * with the CMS): measured there on the longest demo article, a cached hit takes 14-16 ms median and
 * 27-34 ms p95, an uncached render 79-97 ms median. 50 ms at p95 leaves room for noise and still
 * fails when the page stops being served from the cache. The uncached render is printed for context.
 *
 *   SITE_URL=http://127.0.0.1:3100 CMS_URL=http://127.0.0.1:1338 REVALIDATE_SECRET=… pnpm --filter @nourish/bench budgets [--check]
 *
 * With --check it exits non-zero when a budget is missed.
 */
import { percentile } from './probes/http-load';
import { fetchBody, gzipBytes as gz, measurePageWeight } from './probes/page-weight';

const SITE_URL = process.env.SITE_URL ?? 'http://localhost:3000';
const CMS_URL = process.env.CMS_URL ?? 'http://localhost:1337';
// Default: the e2e servers' secret (e2e/fixtures/env.ts SHARED_SECRETS), which scripts/test.sh measures.
const SECRET = process.env.REVALIDATE_SECRET ?? 'e2e-revalidate-secret-Zr4Dm9Lp2Xv7Ca1Sy6Qt';
const RUNS = Number(process.env.RUNS ?? 15);
const CACHED_RUNS = 60;
const CACHED_P95_MS = 50;
const KB = 1000;

const median = (values: number[]) => percentile(values, 50);

const get = async (path: string) => {
  const started = performance.now();
  const { body } = await fetchBody(new URL(path, SITE_URL));
  return { ms: performance.now() - started, body };
};

const expire = async (slug: string) => {
  const res = await fetch(new URL('/api/revalidate', SITE_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-revalidate-secret': SECRET },
    body: JSON.stringify({ model: 'article', action: 'publish', documentId: null, slugs: [slug], referencedBy: [] }),
  });
  if (!res.ok) throw new Error(`revalidate: HTTP ${res.status}`);
};

const main = async () => {
  const slugs = (
    (await (await fetch(`${CMS_URL}/api/articles?fields[0]=slug&pagination[pageSize]=100`)).json()) as {
      data: Array<{ slug: string }>;
    }
  ).data.map((a) => a.slug);
  if (slugs.length === 0) throw new Error('no published articles');

  // HTML: every article once (this also warms the cache); keep the largest.
  let longest = { slug: '', gzip: 0 };
  for (const slug of slugs) {
    const { body } = await get(`/articles/${slug}`);
    if (gz(body) > longest.gzip) longest = { slug, gzip: gz(body) };
  }

  const { jsGzip: js, scripts } = await measurePageWeight(SITE_URL, `/articles/${longest.slug}`);

  const cached: number[] = [];
  for (let i = 0; i < CACHED_RUNS; i++) cached.push((await get(`/articles/${longest.slug}`)).ms);
  const cachedP95 = percentile(cached, 95);
  const uncached: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await expire(longest.slug);
    uncached.push((await get(`/articles/${longest.slug}`)).ms);
  }

  // [measure, value, budget, met?] — null where there is nothing to meet.
  const rows: Array<[string, string, string, boolean | null]> = [
    [
      `First-load JS, article page (${scripts} scripts, gzip)`,
      `${(js / KB).toFixed(1)} kB`,
      '<= 120 kB',
      js <= 120 * KB,
    ],
    [
      `HTML, longest article (/articles/${longest.slug}, gzip)`,
      `${(longest.gzip / KB).toFixed(1)} kB`,
      '<= 60 kB',
      longest.gzip <= 60 * KB,
    ],
    [
      `Cached article page, one client, p95 of ${CACHED_RUNS} (median ${median(cached).toFixed(1)} ms)`,
      `${cachedP95.toFixed(1)} ms`,
      `<= ${CACHED_P95_MS} ms`,
      cachedP95 <= CACHED_P95_MS,
    ],
    [
      `Uncached render of the same page, median of ${RUNS} (for context)`,
      `${median(uncached).toFixed(1)} ms`,
      '',
      null,
    ],
  ];
  console.log(`Page budgets, ${SITE_URL} (${new Date().toISOString()})\n`);
  console.log('| measure | value | budget | |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, value, budget, ok] of rows)
    console.log(`| ${name} | ${value} | ${budget} | ${ok === null ? '' : ok ? 'met' : 'MISSED'} |`);
  const missed = rows.filter(([, , , ok]) => ok === false);
  if (missed.length && process.argv.includes('--check')) process.exit(1);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
