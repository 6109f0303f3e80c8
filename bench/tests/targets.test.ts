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
import type { CallId, CallMeasure } from '../src/probes/strapi-calls';
import type { CacheCounts } from '../src/probes/next-cache-hits';
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
});

const lh = (page: string) => ({
  url: `http://127.0.0.1:1${page}`,
  performance: 98,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcpMs: 2000,
  tbtMs: 30,
  cls: 0,
});

const site = (articles: number): SiteResult => ({
  database: 'postgres',
  articles,
  page: '/articles/a',
  cached: load(1100, 20),
  nginx: load(4000, 6),
  nextStatic: load(1900, 20),
  uncached: seq(40),
  weight: { path: '/articles/a', htmlGzip: 20_000, jsGzip: 110_000, scripts: 10 },
  lighthouse: [lh('/'), lh('/topics/t'), lh('/articles/a')],
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

const run = (mode: 'full' | 'smoke', sizes: SizeResult[], withSite = true): BenchResults => ({
  mode,
  date: '2026-01-01T00:00:00.000Z',
  machine: { cores: 2, memoryGiB: 24, cpu: 'test', node: '20', postgres: '15', sqlite: '3', strapi: '5', next: '16' },
  settings: { connections: 20, durationSec: 2, warmupSec: 1, samples: 20 },
  sizes,
  site: withSite ? site(Math.max(...sizes.filter((s) => s.database === 'postgres').map((s) => s.articles))) : null,
  scaleOut: scaleOut(mode === 'smoke' ? 200 : 10_000),
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
