/**
 * The target logic (src/targets.ts) and bench:check (src/check.ts) on made-up results: what was
 * not measured fails, a floor slower than the product is no floor, smoke results fail the full targets.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import type { LoadResult } from '../src/probes/http-load';
import type { EditorialCallId, EditorialMeasure } from '../src/probes/editorial-calls';
import type { CallId, CallMeasure } from '../src/probes/strapi-calls';
import type { CacheCounts } from '../src/probes/next-cache-hits';
import type { WxrImportMeasure } from '../src/probes/wxr-import';
import type { BenchResults, EdgePageResult, ScaleOutResult, SiteResult, SizeResult } from '../src/results';
import { evaluateTargets, FULL_TARGETS, SMOKE_TARGETS } from '../src/targets';

const load = (requestsPerSec: number, p99Ms = 20): LoadResult => ({
  requestsPerSec,
  p50Ms: p99Ms / 2,
  p99Ms,
  requests: requestsPerSec * 2,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
});
const seq = (p50Ms: number) => ({ p50Ms, p99Ms: p50Ms * 2, meanMs: p50Ms, samples: 20 });

const call = (id: CallId, productMs: number, floorMs: number, statements: number): CallMeasure => ({
  call: id,
  label: id,
  statements,
  single: seq(productMs),
  load: load(300),
  floor: seq(floorMs),
  floorChecked: id === 'article' ? 50 : 0,
});

const panel = (id: EditorialCallId, p50Ms: number, statements: number): EditorialMeasure => ({
  call: id,
  label: id,
  statements,
  single: seq(p50Ms),
  rows: 12,
});

const size = (database: 'postgres' | 'sqlite', articles: number, articleFloorMs = 1): SizeResult => ({
  database,
  articles,
  demoSeedSeconds: 15,
  generateSeconds: 2,
  cmsPeakRssBytes: 300e6,
  calls: [
    call('article', 4, articleFloorMs, 2),
    call('related', 7, 2, 11),
    call('listing', 9, 1, 8),
    call('search', 3, 1, 8),
  ],
  editorial: [panel('reviews-due', 12, 5), panel('impact', 6, 5), panel('impact-most-pinned', 30, 5)],
});

const lh = (page: string, performance = 98, tbtMs = 30) => ({
  url: `http://127.0.0.1:1${page}`,
  performance,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcpMs: 2000,
  tbtMs,
  cls: 0,
  runs: 3,
  performanceRange: [performance - 2, performance + 1] as [number, number],
  tbtMsRange: [tbtMs - 10, tbtMs + 20] as [number, number],
});
const weight = (path: string, jsGzip: number) => ({ path, htmlGzip: 20_000, jsGzip, scripts: 10 });

const site = (articles: number): SiteResult => ({
  database: 'postgres',
  articles,
  page: '/articles/a',
  cached: load(1100, 20),
  nginx: load(4000, 6),
  nextStatic: load(1900, 20),
  uncached: seq(40),
  weight: weight('/articles/a', 110_000),
  listingWeights: { home: weight('/', 108_000), topic: weight('/topics/t', 109_000) },
  lighthouse: [lh('/articles/a'), lh('/'), lh('/topics/t')],
  // The framework floor: our pages are within 5 points, 1.3x its TBT and 10 kB of its JS.
  floor: { path: '/', weight: weight('/', 101_000), lighthouse: lh('/', 99, 25) },
  publish: { runs: 20, publishCall: { p50Ms: 150, p95Ms: 250 }, toLive: { p50Ms: 200, p95Ms: 350, maxMs: 400 } },
  peakRssBytes: { cms: 300e6, site: 250e6 },
  listings: { home: load(700, 30), topic: load(800, 30) },
  edge: {
    varnish: '7.1.1',
    pages: (['article', 'home', 'topic'] as const).map((page) => ({
      page,
      path: page === 'home' ? '/' : `/${page}s/a`,
      bytes: 50_000,
      sameBytes: true,
      nginx: load(4000, 6),
      edge: load(3000, 8),
    })),
    mix: { paths: 1000, articles: 200, load: load(2000, 30), hits: 900, misses: 100, hitRatio: 0.9 },
  },
});

const cpu = { seconds: 30, cores: { 'site 1': 0.9, 'site 2': 0.5 }, machineCores: 2 };
const counts = (hit: number, miss: number): CacheCounts => ({
  requests: hit + miss,
  hit,
  miss,
  stale: 0,
  none: 0,
  failed: 0,
  hitRatio: hit / (hit + miss),
});
const place = (name: string, p95Ms: number) => ({ place: name, p50Ms: p95Ms / 2, p95Ms, maxMs: p95Ms });
const scaleOut = (articles: number): ScaleOutResult => ({
  date: '2026-01-01T00:00:00.000Z',
  database: 'postgres',
  articles,
  render: {
    connections: 10,
    rounds: 3,
    one: { load: load(20, 900), slugs: 3000, eachOnce: true, cpu },
    two: { load: load(26, 800), slugs: 3000, eachOnce: true, cpu },
  },
  cache: { paths: 3000, articles: 1000, concurrency: 8, shared: counts(2300, 700), perInstance: counts(2000, 1000) },
  publish: {
    runs: 20,
    publishCall: { p50Ms: 600, p95Ms: 900 },
    toLive: { p50Ms: 900, p95Ms: 1700, maxMs: 1800 },
    places: [place('edge', 1700), place('site 1', 1600), place('site 2', 1650)],
  },
});

const wxrImport = (posts: number, seconds: number, peakMB: number): WxrImportMeasure => ({
  posts,
  wxrBytes: posts * 3200,
  command: 'pnpm run --silent import <wxr.xml> --publish',
  exit: 0,
  seconds,
  postsPerSec: posts / seconds,
  articles: posts,
  published: posts - Math.round(posts / 25),
  sourceDrafts: Math.round(posts / 25),
  mediaRequests: 40,
  peakRssBytes: peakMB * 1e6,
});

const run = (mode: 'full' | 'smoke', sizes: SizeResult[], withSite = true): BenchResults => ({
  mode,
  date: '2026-01-01T00:00:00.000Z',
  machine: { cores: 2, memoryGiB: 24, cpu: 'test', node: '20', postgres: '15', sqlite: '3', strapi: '5', next: '16' },
  settings: { connections: 20, durationSec: 2, warmupSec: 1, samples: 20 },
  sizes,
  site: withSite ? site(Math.max(...sizes.filter((s) => s.database === 'postgres').map((s) => s.articles))) : null,
  scaleOut: scaleOut(mode === 'smoke' ? 200 : 10_000),
  imports: mode === 'smoke' ? [wxrImport(100, 40, 420)] : [wxrImport(200, 40, 420), wxrImport(10_000, 480, 470)],
});

const fullRun = () =>
  run('full', [size('postgres', 1_000), size('postgres', 10_000), size('postgres', 100_000), size('sqlite', 10_000)]);
const outcome = (r: BenchResults, targets: typeof FULL_TARGETS, starts: string) => {
  const found = evaluateTargets(r, targets).filter((t) => t.target.startsWith(starts));
  assert.equal(found.length, 1, `one target starting "${starts}"`);
  return found[0];
};

test('a full run that meets everything meets every full target', () => {
  const failing = evaluateTargets(fullRun(), FULL_TARGETS).filter((t) => t.outcome !== 'met');
  assert.deepEqual(failing, []);
});

test('a scenario missing from the run is not measured, with the reason', () => {
  const r = run('full', [size('postgres', 10_000)]);
  const t = outcome(r, FULL_TARGETS, 'Search, PostgreSQL 100k');
  assert.equal(t.outcome, 'not measured');
  assert.match(t.measured, /no postgres database of 100,000 articles/);
  assert.equal(
    outcome(run('full', [size('postgres', 10_000)], false), FULL_TARGETS, 'Publish to live').outcome,
    'not measured',
  );
});

test('a floor slower than the product is not a floor, not a met target', () => {
  const r = fullRun();
  r.sizes[1] = size('postgres', 10_000, 6); // floor 6 ms, product 4 ms
  const t = outcome(r, FULL_TARGETS, 'Article call, PostgreSQL 10k: within 5x');
  assert.equal(t.outcome, 'not measured');
  assert.match(t.measured, /floor slower than product: not a floor/);
  assert.equal(
    outcome(run('smoke', [size('postgres', 200, 6)]), SMOKE_TARGETS, 'Article call, PostgreSQL: within 10x').outcome,
    'not measured',
  );
});

test('a floor not checked against the product does not count', () => {
  const r = fullRun();
  delete r.sizes[1].calls[0].floorChecked;
  assert.equal(outcome(r, FULL_TARGETS, 'Article call, PostgreSQL 10k: within 5x').outcome, 'not measured');
});

test('smoke targets: met by a healthy smoke run, missed by an uncached page or a query per row', () => {
  const healthy = run('smoke', [size('postgres', 200), size('sqlite', 200)]);
  assert.deepEqual(
    evaluateTargets(healthy, SMOKE_TARGETS).filter((t) => t.outcome !== 'met'),
    [],
  );

  const uncached = run('smoke', [size('postgres', 200)]);
  uncached.site!.cached = load(25, 900);
  assert.equal(outcome(uncached, SMOKE_TARGETS, 'Cached article page').outcome, 'missed');

  const nPlusOne = run('smoke', [size('postgres', 200)]);
  nPlusOne.sizes[0].calls[1].statements = 17;
  assert.equal(outcome(nPlusOne, SMOKE_TARGETS, 'Both related rails').outcome, 'missed');

  const noBaseline = run('smoke', [size('postgres', 200)]);
  noBaseline.site!.nextStatic = { ...load(0), requests: 0 };
  assert.equal(outcome(noBaseline, SMOKE_TARGETS, 'Cached article page').outcome, 'not measured');

  const silent = run('smoke', [size('postgres', 200)]);
  silent.sizes[0].calls[2].load = { ...load(0), requests: 0 };
  assert.equal(outcome(silent, SMOKE_TARGETS, 'Every load probe').outcome, 'missed');

  const failing = run('smoke', [size('postgres', 200)]);
  failing.site!.cached = { ...load(1000), non2xx: 3 };
  assert.equal(outcome(failing, SMOKE_TARGETS, 'Every load probe').outcome, 'missed');

  const slowPublish = run('smoke', [size('postgres', 200)]);
  slowPublish.site!.publish.toLive.p95Ms = 6000;
  assert.equal(outcome(slowPublish, SMOKE_TARGETS, 'Publish to live').outcome, 'missed');
});

test('bench:check: smoke results fail the full targets and pass the smoke ones', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
  try {
    const file = path.join(dir, 'benchmarks.json');
    fs.writeFileSync(file, JSON.stringify(run('smoke', [size('postgres', 200), size('sqlite', 200)])));
    const check = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../src/check.ts'), ...args, file], {
        encoding: 'utf8',
      });
    const smoke = check('--smoke');
    assert.equal(smoke.status, 0, smoke.stdout + smoke.stderr);
    const full = check();
    assert.equal(full.status, 1, full.stdout + full.stderr);
    assert.match(full.stderr, /these are smoke results: a smoke run .* cannot pass the full targets/);
    assert.match(full.stderr, /not measured: a target the run did not measure is not met/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('edge targets: missed below the ratios, not measured without the edge or with other bytes', () => {
  const edgePage = (r: BenchResults, page: string) =>
    r.site!.edge!.pages.find((p) => p.page === page) as EdgePageResult;

  const slow = fullRun();
  edgePage(slow, 'home').edge = load(2000, 8); // 0.5x nginx's req/s
  assert.equal(outcome(slow, FULL_TARGETS, 'Edge, home page').outcome, 'missed');
  assert.equal(outcome(slow, FULL_TARGETS, 'Edge, article page').outcome, 'met');

  const jittery = fullRun();
  edgePage(jittery, 'topic').edge = load(3500, 10); // p99 1.7x nginx's
  assert.equal(outcome(jittery, FULL_TARGETS, 'Edge, topic page').outcome, 'missed');

  const otherBytes = fullRun();
  edgePage(otherBytes, 'article').sameBytes = false;
  assert.equal(outcome(otherBytes, FULL_TARGETS, 'Edge, article page').outcome, 'not measured');

  const noEdge = fullRun();
  delete noEdge.site!.edge;
  delete noEdge.site!.listings;
  for (const starts of ['Edge, article page', 'Edge hit ratio', 'Site alone, home page', 'Edge: every probe'])
    assert.equal(outcome(noEdge, FULL_TARGETS, starts).outcome, 'not measured', starts);

  const slowListing = fullRun();
  slowListing.site!.listings!.home = load(48, 1100); // rendered per request
  assert.equal(outcome(slowListing, FULL_TARGETS, 'Site alone, home page').outcome, 'missed');

  const failing = run('smoke', [size('postgres', 200)]);
  failing.site!.edge!.mix.load = { ...load(2000), non2xx: 4 };
  assert.equal(outcome(failing, SMOKE_TARGETS, 'Edge: every probe').outcome, 'missed');

  const passing = run('smoke', [size('postgres', 200)]);
  edgePage(passing, 'article').edge = load(900); // below the site alone (1100 req/s)
  assert.equal(outcome(passing, SMOKE_TARGETS, 'Edge, cached article page').outcome, 'missed');
});

test('scale-out targets: the ratio, the hit ratios and each place of publish-to-live', () => {
  const met = fullRun();
  for (const starts of ['Scale-out at 10k: uncached', 'Scale-out at 10k: site cache', 'Scale-out at 10k: publish'])
    assert.equal(outcome(met, FULL_TARGETS, starts).outcome, 'met', starts);

  const slow = fullRun();
  slow.scaleOut!.render.two.load = load(21, 800);
  assert.equal(outcome(slow, FULL_TARGETS, 'Scale-out at 10k: uncached').outcome, 'missed');

  const repeated = fullRun();
  repeated.scaleOut!.render.one.eachOnce = false;
  const t = outcome(repeated, FULL_TARGETS, 'Scale-out at 10k: uncached');
  assert.equal(t.outcome, 'not measured');
  assert.match(t.measured, /asked twice/);

  const oneFailed = fullRun();
  oneFailed.scaleOut!.cache.perInstance = { ...counts(2000, 999), failed: 1, requests: 3000 };
  assert.equal(outcome(oneFailed, FULL_TARGETS, 'Scale-out at 10k: site cache').outcome, 'met');
  assert.equal(outcome(oneFailed, FULL_TARGETS, 'Scale-out: every probe').outcome, 'missed');
  const manyFailed = fullRun();
  manyFailed.scaleOut!.cache.perInstance = { ...counts(2000, 900), failed: 100, requests: 3000 };
  assert.equal(outcome(manyFailed, FULL_TARGETS, 'Scale-out at 10k: site cache').outcome, 'not measured');

  const unshared = fullRun();
  unshared.scaleOut!.cache.shared = counts(2000, 1000);
  assert.equal(outcome(unshared, FULL_TARGETS, 'Scale-out at 10k: site cache').outcome, 'missed');

  const lateInstance = fullRun();
  lateInstance.scaleOut!.publish.places = [place('edge', 1700), place('site 1', 1600), place('site 2', 2600)];
  const late = outcome(lateInstance, FULL_TARGETS, 'Scale-out at 10k: publish');
  assert.equal(late.outcome, 'missed');
  assert.match(late.measured, /site 2 2600\.0 ms/);

  const edgeOnly = fullRun();
  edgeOnly.scaleOut!.publish.places = [place('edge', 1700)];
  assert.equal(outcome(edgeOnly, FULL_TARGETS, 'Scale-out at 10k: publish').outcome, 'not measured');

  const small = fullRun();
  small.scaleOut!.articles = 200;
  assert.equal(outcome(small, FULL_TARGETS, 'Scale-out at 10k: uncached').outcome, 'not measured');

  const none = fullRun();
  delete none.scaleOut;
  assert.equal(outcome(none, FULL_TARGETS, 'Scale-out: every probe').outcome, 'not measured');
});

test('scale-out smoke target: a few failures pass, many or an empty probe do not', () => {
  const r = run('smoke', [size('postgres', 200), size('sqlite', 200)]);
  assert.equal(outcome(r, SMOKE_TARGETS, 'Scale-out: every probe').outcome, 'met');
  r.scaleOut!.cache.perInstance = { ...counts(100, 48), failed: 2, requests: 150 };
  assert.equal(outcome(r, SMOKE_TARGETS, 'Scale-out: every probe').outcome, 'met');
  r.scaleOut!.cache.perInstance = { ...counts(100, 30), failed: 20, requests: 150 };
  assert.equal(outcome(r, SMOKE_TARGETS, 'Scale-out: every probe').outcome, 'missed');
  r.scaleOut!.cache.perInstance = counts(100, 50);
  r.scaleOut!.render.two.load = { ...load(0), requests: 0 };
  assert.equal(outcome(r, SMOKE_TARGETS, 'Scale-out: every probe').outcome, 'missed');
});

test('framework floor targets: met within the margins, missed beyond them, for each page', () => {
  const met = fullRun();
  for (const page of ['article', 'home', 'topic'])
    for (const starts of [
      `Lighthouse mobile, ${page} page: TBT`,
      `Lighthouse mobile, ${page} page: performance`,
      `${page[0].toUpperCase()}${page.slice(1)} page: first-load JS at most the framework floor's`,
    ])
      assert.equal(outcome(met, FULL_TARGETS, starts).outcome, 'met', starts);

  // Floor TBT 25 ms: 1.3x is 32.5 ms.
  const slowTbt = fullRun();
  slowTbt.site!.lighthouse[1] = lh('/', 98, 33);
  const tbt = outcome(slowTbt, FULL_TARGETS, 'Lighthouse mobile, home page: TBT');
  assert.equal(tbt.outcome, 'missed');
  assert.match(tbt.measured, /1\.32x \(33 vs 25 ms\)/);
  assert.equal(outcome(slowTbt, FULL_TARGETS, 'Lighthouse mobile, article page: TBT').outcome, 'met');

  // Floor 99: 94 is the lowest that passes.
  const lowScore = fullRun();
  lowScore.site!.lighthouse[0] = lh('/articles/a', 93);
  const perf = outcome(lowScore, FULL_TARGETS, 'Lighthouse mobile, article page: performance');
  assert.deepEqual([perf.outcome, perf.measured], ['missed', '93 vs 99']);
  lowScore.site!.lighthouse[0] = lh('/articles/a', 94);
  assert.equal(outcome(lowScore, FULL_TARGETS, 'Lighthouse mobile, article page: performance').outcome, 'met');

  // Floor 101 kB: 111 kB passes, 111.1 kB does not.
  const heavy = fullRun();
  heavy.site!.listingWeights!.topic = weight('/topics/t', 111_100);
  const js = outcome(heavy, FULL_TARGETS, "Topic page: first-load JS at most the framework floor's");
  assert.deepEqual([js.outcome, js.measured], ['missed', '111.1 kB vs 101.0 kB (+10.1 kB)']);
  heavy.site!.listingWeights!.topic = weight('/topics/t', 111_000);
  assert.equal(outcome(heavy, FULL_TARGETS, "Topic page: first-load JS at most the framework floor's").outcome, 'met');
});

test('framework floor targets: not measured without a floor, with a failed floor, or with fewer than 3 runs', () => {
  const floorTargets = (r: BenchResults) =>
    evaluateTargets(r, FULL_TARGETS).filter((t) => /framework floor/.test(t.target));

  const noFloor = fullRun();
  delete noFloor.site!.floor;
  assert.equal(floorTargets(noFloor).length, 9);
  for (const t of floorTargets(noFloor)) {
    assert.equal(t.outcome, 'not measured', t.target);
    assert.match(t.measured, /no framework floor/);
  }

  const failed = fullRun();
  failed.site!.floor = { error: 'next build exited with 1' };
  for (const t of floorTargets(failed)) {
    assert.equal(t.outcome, 'not measured', t.target);
    assert.match(t.measured, /could not be measured: next build exited with 1/);
  }

  const oneRun = fullRun();
  oneRun.site!.lighthouse[2] = { ...lh('/topics/t'), runs: 1 };
  const t = outcome(oneRun, FULL_TARGETS, 'Lighthouse mobile, topic page: TBT');
  assert.deepEqual([t.outcome, t.measured], ['not measured', 'topic page: 1 Lighthouse run(s), fewer than 3']);
  const floorOneRun = fullRun();
  const floor = floorOneRun.site!.floor as { lighthouse: { runs?: number } };
  floor.lighthouse.runs = 2;
  assert.match(
    outcome(floorOneRun, FULL_TARGETS, 'Lighthouse mobile, home page: performance').measured,
    /floor page: 2/,
  );

  // No absolute performance score is a full target any more.
  assert.deepEqual(
    FULL_TARGETS.filter((x) => /performance at least/.test(x.target)).map((x) => x.target),
    [],
  );
});

test('smoke: the framework floor must be built and audited, its figures are not compared', () => {
  const r = run('smoke', [size('postgres', 200)]);
  // One run and a slow page: the smoke run reports the floor, it does not compare with it.
  r.site!.floor = { path: '/', weight: weight('/', 101_000), lighthouse: { ...lh('/', 99, 25), runs: 1 } };
  r.site!.lighthouse[0] = { ...lh('/articles/a', 60, 900), runs: 1 };
  const t = outcome(r, SMOKE_TARGETS, 'Framework floor');
  assert.deepEqual([t.outcome, t.measured], ['met', 'performance 99, TBT 25 ms, first-load JS 101.0 kB']);

  r.site!.floor = { error: 'next build exited with 1' };
  assert.equal(outcome(r, SMOKE_TARGETS, 'Framework floor').outcome, 'not measured');
  delete r.site!.floor;
  assert.equal(outcome(r, SMOKE_TARGETS, 'Framework floor').outcome, 'not measured');
});

test('editorial panels: missed by a statement per row or a slow panel, not measured in runs without them', () => {
  const perRow = fullRun();
  perRow.sizes[2].editorial![2].statements = 40;
  assert.equal(outcome(perRow, FULL_TARGETS, 'Admin editorial panels (reviews due').outcome, 'missed');
  assert.equal(outcome(perRow, SMOKE_TARGETS, 'Admin editorial panels (reviews due').outcome, 'missed');
  assert.equal(outcome(perRow, FULL_TARGETS, 'Admin editorial panels: single-client').outcome, 'met');

  const slow = fullRun();
  slow.sizes[2].editorial![0].single = seq(140);
  assert.equal(outcome(slow, FULL_TARGETS, 'Admin editorial panels: single-client').outcome, 'missed');

  const older = fullRun();
  for (const s of older.sizes) delete s.editorial;
  assert.equal(outcome(older, FULL_TARGETS, 'Admin editorial panels: single-client').outcome, 'not measured');
  assert.equal(outcome(older, SMOKE_TARGETS, 'Admin editorial panels (reviews due').outcome, 'not measured');
});

test('WordPress import targets: a failed command, a lost post, slow or growing memory miss; a missing size is not measured', () => {
  const target = (r: BenchResults, starts: string) => outcome(r, FULL_TARGETS, starts).outcome;
  const complete = 'WordPress import of 10,000 posts (';
  const withImport = (change: (i: WxrImportMeasure) => void) => {
    const r = fullRun();
    const large = r.imports?.[1];
    assert.ok(large);
    change(large);
    return r;
  };
  assert.equal(target(fullRun(), complete), 'met');
  assert.equal(
    target(
      withImport((i) => (i.exit = 1)),
      complete,
    ),
    'missed',
  );
  assert.equal(
    target(
      withImport((i) => (i.articles = i.posts - 1)),
      complete,
    ),
    'missed',
  );
  assert.equal(
    target(
      withImport((i) => (i.published = i.posts)),
      complete,
    ),
    'missed',
    'a source draft was published',
  );
  assert.equal(
    target(
      withImport((i) => (i.seconds = 601)),
      'WordPress import of 10,000 posts in at most',
    ),
    'missed',
  );
  assert.equal(
    target(
      withImport((i) => (i.peakRssBytes = 1100e6)),
      "WordPress import: the importer's peak",
    ),
    'missed',
  );
  assert.equal(
    target(
      withImport((i) => (i.peakRssBytes = 2 * 420e6)),
      'WordPress import: the largest',
    ),
    'missed',
  );
  const onlySmall = fullRun();
  onlySmall.imports = onlySmall.imports?.slice(0, 1);
  assert.equal(target(onlySmall, complete), 'not measured');
  assert.equal(target(onlySmall, 'WordPress import: the largest'), 'not measured');
});
