/**
 * `pnpm bench`: generates content at each size, starts the production builds of both apps on it,
 * measures everything issue #5 names against baselines from the same run, and writes
 * docs/benchmarks.md and docs/benchmarks.json. `pnpm bench --smoke` does the same at 200 articles
 * with a few seconds per probe (CI runs it so the harness never rots) and writes to .tmp/bench/.
 *
 *   pnpm bench [--smoke] [--only=scale-out] [--lighthouse-runs=3] [--main-thread-loads=7] [--postgres=1000,10000,100000] [--sqlite=10000] [--skip-build] [--keep] [--out=DIR]
 *
 * --keep leaves the generated databases in place (they are dropped after each size by default).
 * --only=scale-out runs the scale-out part alone (issue #12; PostgreSQL 10k unless --postgres
 * says otherwise) and puts its results into the existing benchmarks.{md,json} of the same mode.
 * In a full run it runs at 10k (or the largest PostgreSQL size when 10k is not among them).
 * Ports: BENCH_CMS_PORT (1341), BENCH_SITE_PORT (3141), BENCH_EDGE_PORT (the site's + 1); the
 * scale-out part's second CMS BENCH_CMS2_PORT (the CMS's + 1), second site BENCH_SITE2_PORT
 * (the site's + 2), one-site edge BENCH_EDGE_ONE_PORT (+ 3) and Redis BENCH_REDIS_PORT (+ 4).
 * The framework floor app (bench/floor-app) listens on BENCH_FLOOR_PORT (the site's + 5).
 * --lighthouse-runs=N sets the Lighthouse runs per page (full run 3, smoke 1); --main-thread-loads=N
 * the loads per page of the main-thread probe (Chromium's counters, full run 7, smoke 3).
 * The WordPress import (issue #15: `pnpm run import` of a generated export into a fresh PostgreSQL
 * database) runs after the sizes at --import=200,10000 posts (smoke: 100); --only=import runs it
 * alone into the existing results. Its media server listens on BENCH_MEDIA_PORT (the site's + 6).
 * BENCH_DATABASE_PREFIX names the PostgreSQL databases (nourish_bench_).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Knex } from 'knex';

import { cloneArticles } from './generate/clone-articles';
import { freshDatabase, type DatabaseKind } from './generate/database';
import { measureEdgeMix, measureEdgePages, varnishVersion } from './probes/edge';
import { measureLoad, measureLoadAlternating, measureSequential } from './probes/http-load';
import { runLighthouse, type LighthouseMedian } from './probes/lighthouse';
import { measureMainThread } from './probes/main-thread';
import { buildFloorApp, startFloorApp } from './floor-app';
import { fetchFloorArticle } from './floor-article';
import { serveWithNginx } from './probes/nginx';
import { fetchBody, measurePageWeight } from './probes/page-weight';
import { measurePublishToLive } from './probes/publish-to-live';
import { countEditorialStatements, editorialInputs, measureEditorialCalls } from './probes/editorial-calls';
import { countStatements, measureStrapiCalls } from './probes/strapi-calls';
import { measureWxrImport } from './probes/wxr-import';
import { renderReport } from './report';
import type { BenchResults, FloorResult, MainThreadResult, ScaleOutResult, SiteResult, SizeResult } from './results';
import { measureScaleOut, type ScaleOutPorts } from './scale-out';
import {
  clearSiteCaches,
  exampleCmsEnv,
  peakRssSampler,
  ROOT,
  runSecrets,
  startCms,
  startEdge,
  startSite,
  type RunSecrets,
  type Server,
} from './servers';
import { evaluateTargets, IMPORT_SIZES } from './targets';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizesOption = (name: string, fallback: number[]) => {
  const value = option(name);
  if (value === undefined) return fallback;
  const sizes = value.split(',').filter(Boolean).map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 26))
    throw new Error(`--${name} takes article counts of at least 26, got "${value}"`);
  return sizes;
};

const smoke = flag('smoke');
const PARTS = ['scale-out', 'import'] as const;
const only = option('only');
if (only !== undefined && !(PARTS as readonly string[]).includes(only))
  throw new Error(`--only takes one of ${PARTS.join(', ')}, got "${only}"`);
const scaleOutOnly = only === 'scale-out';
const importOnly = only === 'import';
const settings = smoke
  ? { connections: 20, durationSec: 2, warmupSec: 1, samples: 20 }
  : { connections: 20, durationSec: 15, warmupSec: 5, samples: 200 };
const postgresSizes = sizesOption(
  'postgres',
  importOnly ? [] : smoke ? [200] : scaleOutOnly ? [10_000] : [1_000, 10_000, 100_000],
);
// The scale-out part is measured on PostgreSQL (the production shape) only.
const sqliteSizes = sizesOption('sqlite', scaleOutOnly || importOnly ? [] : smoke ? [200] : [10_000]);
const importSizes = sizesOption('import', scaleOutOnly ? [] : [...IMPORT_SIZES[smoke ? 'smoke' : 'full']]);
if (scaleOutOnly && sqliteSizes.length > 0) throw new Error('--only=scale-out runs on PostgreSQL only: drop --sqlite');
const scaleOutSize = postgresSizes.includes(10_000) ? 10_000 : Math.max(...postgresSizes);
const outDir = path.resolve(option('out') ?? (smoke ? path.join(ROOT, '.tmp/bench') : path.join(ROOT, 'docs')));
const workDir = path.join(ROOT, '.tmp/bench/work');
const CMS_PORT = Number(process.env.BENCH_CMS_PORT ?? 1341);
const SITE_PORT = Number(process.env.BENCH_SITE_PORT ?? 3141);
const EDGE_PORT = Number(process.env.BENCH_EDGE_PORT ?? SITE_PORT + 1);
const scaleOutPorts: ScaleOutPorts = {
  cms: [CMS_PORT, Number(process.env.BENCH_CMS2_PORT ?? CMS_PORT + 1)],
  sites: [SITE_PORT, Number(process.env.BENCH_SITE2_PORT ?? SITE_PORT + 2)],
  edge: EDGE_PORT,
  edgeOne: Number(process.env.BENCH_EDGE_ONE_PORT ?? SITE_PORT + 3),
  redis: Number(process.env.BENCH_REDIS_PORT ?? SITE_PORT + 4),
};
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? SITE_PORT + 5);
const MEDIA_PORT = Number(process.env.BENCH_MEDIA_PORT ?? SITE_PORT + 6);
const lighthouseRuns = Number(option('lighthouse-runs') ?? (smoke ? 1 : 3));
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1)
  throw new Error(`--lighthouse-runs takes a positive integer, got "${option('lighthouse-runs') ?? ''}"`);
// Loads per page of the main-thread probe: a smoke run keeps it working in about 30 s.
const mainThreadLoads = Number(option('main-thread-loads') ?? (smoke ? 3 : 7));
if (!Number.isInteger(mainThreadLoads) || mainThreadLoads < 1)
  throw new Error(`--main-thread-loads takes a positive integer, got "${option('main-thread-loads') ?? ''}"`);
const cmsUrl = `http://127.0.0.1:${CMS_PORT}`;
const siteUrl = `http://127.0.0.1:${SITE_PORT}`;
// Words every size has plenty of (the generated bodies reuse the demo articles' text).
const SEARCH_WORDS = ['sleep', 'protein', 'vitamin', 'iron', 'fibre', 'caffeine', 'magnesium', 'omega'];

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const seconds = (since: number) => (performance.now() - since) / 1000;

const build = () => {
  const pnpm = (cwd: string, script: string, env: Record<string, string> = {}) =>
    execFileSync('pnpm', ['run', script], { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (!fs.existsSync(path.join(ROOT, 'apps/cms/dist/src/index.js'))) {
    log('building the CMS');
    pnpm(path.join(ROOT, 'apps/cms'), 'build');
  }
  // next/image only fetches from the CMS named at build time.
  log(`building the site for ${cmsUrl}`);
  pnpm(path.join(ROOT, 'apps/web'), 'build', { STRAPI_URL: cmsUrl, NODE_ENV: 'production' });
};

const versions = (): BenchResults['machine'] => {
  const pkg = (p: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as { version: string }).version;
  const psql = (() => {
    try {
      return /\d+(\.\d+)+/.exec(execFileSync('psql', ['--version'], { encoding: 'utf8' }))?.[0] ?? 'unknown';
    } catch {
      return 'unknown';
    }
  })();
  const sqlite = (() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native module is loaded only here, from this path
    const Database = require(path.join(ROOT, 'bench/node_modules/better-sqlite3')) as new (f: string) => {
      prepare(sql: string): { get(): { v: string } };
      close(): void;
    };
    const db = new Database(':memory:');
    const v = db.prepare('select sqlite_version() as v').get().v;
    db.close();
    return v;
  })();
  return {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.versions.node,
    postgres: psql,
    sqlite,
    strapi: pkg('apps/cms/node_modules/@strapi/strapi/package.json'),
    next: pkg('apps/web/node_modules/next/package.json'),
  };
};

const measureSite = async (
  cms: Server,
  secrets: RunSecrets,
  kind: DatabaseKind,
  articles: number,
  slugs: string[],
  fresh: string[],
  topics: string[],
  popular: string[],
): Promise<SiteResult> => {
  const topic = topics[0];
  clearSiteCaches();
  const site = await startSite({ port: SITE_PORT, cmsUrl, secrets });
  try {
    const page = `/articles/${slugs[0]}`;
    for (let i = 0; i < 3; i++) await fetchBody(siteUrl + page); // render once, then served from cache
    const weight = await measurePageWeight(siteUrl, page);
    const { body, contentType } = await fetchBody(siteUrl + page);

    log('cached page and nginx under load');
    const sampler = peakRssSampler({ cms: cms.pid, site: site.pid });
    const nginx = await serveWithNginx(body, contentType);
    let nginxLoad, cached;
    try {
      [nginxLoad, cached] = await measureLoadAlternating([`${nginx.url}${page}`, siteUrl + page], settings);
    } finally {
      await nginx.stop();
    }
    // The framework's own floor: the smallest static file `next start` serves (a 1 kB icon).
    const nextStatic = await measureLoad(`${siteUrl}/icon.svg`, settings);

    log('uncached renders');
    let n = 0;
    const uncached = await measureSequential(
      async () => {
        await fetchBody(`${siteUrl}/articles/${fresh[n++]}`);
      },
      Math.min(settings.samples, fresh.length - 3),
      3,
    );

    log("home and topic page from the site's own cache");
    const listings = {
      home: await measureLoad(`${siteUrl}/`, settings),
      topic: await measureLoad(`${siteUrl}/topics/${topic}`, settings),
    };
    const peakRssBytes = sampler.stop() as { cms: number; site: number };

    log('the edge: pages against nginx, then a reader mix');
    const edgeServer = await startEdge({ port: EDGE_PORT, sitePorts: [SITE_PORT] });
    let edge;
    try {
      const edgeUrl = edgeServer.url;
      const pages = await measureEdgePages({
        siteUrl,
        edgeUrl,
        pages: [
          { page: 'article', path: page, encoding: 'identity' },
          { page: 'home', path: '/', encoding: 'identity' },
          { page: 'topic', path: `/topics/${topic}`, encoding: 'identity' },
          // What browsers get: Varnish stores the site's gzip and sends it as it is.
          { page: 'article', path: page, encoding: 'gzip' },
        ],
        load: settings,
      });
      const mix = await measureEdgeMix({
        edgeUrl,
        workdir: edgeServer.workdir,
        topics,
        articles: popular,
        load: settings,
      });
      edge = { varnish: varnishVersion(), pages, mix };
    } finally {
      await edgeServer.stop();
    }

    const listingWeights = {
      home: await measurePageWeight(siteUrl, '/'),
      topic: await measurePageWeight(siteUrl, `/topics/${topic}`),
    };

    // Smoke runs build and audit the floor too (about a minute: a 30 s build, one more audit), so CI
    // keeps the floor's build, start and audit working; its smoke target compares nothing.
    log("framework floor: building bench/floor-app with the audited article's text");
    let floorServer: Server | null = null;
    let floorError = 'not started';
    let floor: FloorResult;
    let lighthouse: LighthouseMedian[];
    let mainThread: MainThreadResult;
    try {
      try {
        buildFloorApp(await fetchFloorArticle(cmsUrl, slugs[0]));
        floorServer = await startFloorApp(FLOOR_PORT);
      } catch (error) {
        // The targets relative to the floor become "not measured"; our own pages are still audited.
        floorError = error instanceof Error ? error.message.slice(0, 500) : String(error);
        log(`framework floor not measured: ${floorError}`);
      }
      const floorWeight = floorServer ? await measurePageWeight(floorServer.url, '/') : null;

      log(`Lighthouse, ${String(lighthouseRuns)} run(s) per page, interleaved`);
      const ours = [siteUrl + page, `${siteUrl}/`, `${siteUrl}/topics/${topic}`];
      const audits = await runLighthouse(floorServer ? [`${floorServer.url}/`, ...ours] : ours, {
        runs: lighthouseRuns,
      });
      const floorAudit = floorServer ? audits.shift() : undefined;
      lighthouse = audits;
      floor =
        floorAudit && floorWeight ? { path: '/', weight: floorWeight, lighthouse: floorAudit } : { error: floorError };

      // Lighthouse has just loaded every page: the site's caches are warm, no warm-up round needed.
      log(`main-thread counters, ${String(mainThreadLoads)} loads per page, interleaved`);
      const labelled = [
        ...(floorServer ? [{ label: 'floor', url: `${floorServer.url}/` }] : []),
        { label: 'article', url: ours[0] },
        { label: 'home', url: ours[1] },
        { label: 'topic', url: ours[2] },
      ];
      try {
        const figures = await measureMainThread(
          labelled.map((p) => p.url),
          { loads: mainThreadLoads, warm: true },
        );
        mainThread = {
          loads: mainThreadLoads,
          pages: figures.map((f, n) => ({ label: labelled[n].label, figures: f })),
        };
      } catch (error) {
        mainThread = { error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
        log(`main-thread counters not measured: ${mainThread.error}`);
      }
    } finally {
      await floorServer?.stop();
    }

    log('publish to live');
    const env = exampleCmsEnv();
    const publish = await measurePublishToLive({
      cmsUrl,
      places: { site: siteUrl },
      email: env.EDITOR_EMAIL,
      password: env.EDITOR_PASSWORD,
      slug: slugs[1],
      runs: smoke ? 3 : 20,
    });
    return {
      database: kind,
      articles,
      page,
      cached,
      nginx: nginxLoad,
      nextStatic,
      uncached,
      weight,
      listingWeights,
      lighthouse,
      floor,
      mainThread,
      publish,
      peakRssBytes,
      listings,
      edge,
    };
  } finally {
    await site.stop();
  }
};

/** A copy in random order (Fisher-Yates: every order equally likely). */
const shuffled = <T>(items: T[]): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

/** The scale-out part on the generated database (the other parts' servers are stopped by now). */
const scaleOut = async (knex: Knex, database: Record<string, string>, articles: number, secrets: RunSecrets) => {
  // Every published article in random order: each is used by one probe only, so nothing it asks
  // for was rendered for another probe.
  const slugs = shuffled(
    (await knex('articles').whereNotNull('published_at').distinct<Array<{ slug: string }>>('slug')).map((r) => r.slug),
  );
  const topics = (await knex('topics').whereNotNull('published_at').select<Array<{ slug: string }>>('slug')).map(
    (r) => r.slug,
  );
  const mixArticles = smoke ? 40 : 1_000;
  return measureScaleOut({
    database,
    articles,
    secrets,
    ports: scaleOutPorts,
    workDir,
    databasePids: async () =>
      (
        await knex.raw<{ rows: Array<{ pid: number }> }>(
          'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        )
      ).rows.map((r) => r.pid),
    // Renders take seconds each under load: rounds long enough to complete many of them.
    renderLoad: smoke
      ? { connections: 10, durationSec: 9, warmupSec: 2 }
      : { connections: 10, durationSec: 30, warmupSec: 5 },
    publishSlug: slugs[0],
    mixArticles: slugs.slice(1, 1 + mixArticles),
    renderSlugs: slugs.slice(1 + mixArticles),
    topics,
    mixLength: smoke ? 150 : 3_000,
    mixConcurrency: smoke ? 4 : 8,
    publishRuns: smoke ? 3 : 20,
    log,
  });
};

type Parts = { calls: boolean; site: boolean; scaleOut: boolean };

const measureSize = async (
  kind: DatabaseKind,
  articles: number,
  parts: Parts,
  publicDir: string,
): Promise<{ size: SizeResult | null; site: SiteResult | null; scaleOut: ScaleOutResult | null }> => {
  const label = `${kind}_${articles}`;
  const db = await freshDatabase(kind, label, workDir, publicDir);
  const secrets = runSecrets();

  log(`${label}: first boot with the demo seed`);
  let started = performance.now();
  const seeding = await startCms({ port: CMS_PORT, siteUrl, database: db.env, secrets, seed: true });
  const demoSeedSeconds = seconds(started);
  await seeding.stop();

  const knex = db.connect();
  try {
    log(`${label}: generating ${articles} articles`);
    started = performance.now();
    let lastLog = 0;
    await cloneArticles(knex, articles, (done, total) => {
      if (performance.now() - lastLog > 15_000) {
        log(`  ${done} / ${total}`);
        lastLog = performance.now();
      }
    });
    const generateSeconds = seconds(started);
    log(`${label}: generated in ${generateSeconds.toFixed(1)} s`);

    const callsAndSite = async () => {
      const sample = (await knex('articles')
        .whereNotNull('published_at')
        .select('slug')
        .orderByRaw('random()')
        .limit(60 + settings.samples)) as Array<{ slug: string }>;
      const slugs = sample.slice(0, 50).map((r) => r.slug);
      const fresh = sample.slice(50).map((r) => r.slug);
      const topics = (await knex('topics').whereNotNull('published_at').select<Array<{ slug: string }>>('slug')).map(
        (r) => r.slug,
      );
      const inputs = { slugs, topics, words: SEARCH_WORDS };
      // The reader mix's articles, in order of popularity (random: nothing is warm because it is first).
      const popular = (
        (await knex('articles')
          .whereNotNull('published_at')
          .select('slug')
          .orderByRaw('random()')
          .limit(2_000)) as Array<{ slug: string }>
      ).map((r) => r.slug);

      // Statements are counted on a separate boot: the counting hooks every promise, which would
      // slow down the timed runs.
      const counting = await startCms({
        port: CMS_PORT,
        siteUrl,
        database: db.env,
        secrets,
        seed: false,
        countStatements: true,
      });
      // The editorial panels are admin calls: the first login registers the run's admin.
      const editorial = await editorialInputs(knex);
      const env = exampleCmsEnv();
      const login = { email: env.EDITOR_EMAIL, password: env.EDITOR_PASSWORD };
      let statements;
      let editorialStatements;
      try {
        statements = await countStatements(cmsUrl, inputs);
        editorialStatements = await countEditorialStatements(cmsUrl, login, editorial);
      } finally {
        await counting.stop();
      }

      const cms = await startCms({ port: CMS_PORT, siteUrl, database: db.env, secrets, seed: false });
      try {
        log(`${label}: Strapi calls`);
        const sampler = peakRssSampler({ cms: cms.pid });
        const calls = await measureStrapiCalls({
          cmsUrl,
          knex,
          dialect: kind,
          inputs,
          statements,
          samples: settings.samples,
          load: settings,
        });
        const cmsPeakRssBytes = sampler.stop().cms;
        log(`${label}: editorial panels`);
        const editorialCalls = await measureEditorialCalls({
          cmsUrl,
          login,
          inputs: editorial,
          statements: editorialStatements,
          samples: settings.samples,
        });
        for (const c of editorialCalls) {
          log(`  ${c.call}: p50 ${c.single.p50Ms.toFixed(1)} ms, ${c.statements} SQL statements, ${c.rows} rows`);
        }
        const size: SizeResult = {
          database: kind,
          articles,
          demoSeedSeconds,
          generateSeconds,
          calls,
          editorial: editorialCalls,
          cmsPeakRssBytes,
        };
        const site = parts.site ? await measureSite(cms, secrets, kind, articles, slugs, fresh, topics, popular) : null;
        return { size, site };
      } finally {
        await cms.stop();
      }
    };

    const { size, site } = parts.calls ? await callsAndSite() : { size: null, site: null };
    const measuredScaleOut = parts.scaleOut ? await scaleOut(knex, db.env, articles, secrets) : null;
    return { size, site, scaleOut: measuredScaleOut };
  } finally {
    await knex.destroy();
    if (!flag('keep')) await db.drop();
  }
};

const main = async () => {
  if (!flag('skip-build')) build();
  fs.rmSync(workDir, { recursive: true, force: true });
  const publicDir = path.join(workDir, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });

  const mode = smoke ? 'smoke' : 'full';
  const resultsFile = path.join(outDir, 'benchmarks.json');
  const earlier =
    only !== undefined && fs.existsSync(resultsFile)
      ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults)
      : null;
  // --only=<part> keeps an earlier run's other parts (of the same mode) and replaces its own.
  const results: BenchResults =
    earlier?.mode === mode
      ? earlier
      : { mode, date: new Date().toISOString(), machine: versions(), settings, sizes: [], site: null };
  // The site is measured once, on the largest PostgreSQL database (the production shape).
  const siteSize = Math.max(...postgresSizes);
  const scenarios: Array<[DatabaseKind, number]> = [
    ...postgresSizes.map((n): [DatabaseKind, number] => ['postgres', n]),
    ...sqliteSizes.map((n): [DatabaseKind, number] => ['sqlite', n]),
  ];
  let siteMeasured = false;
  let scaleOutMeasured = false;
  for (const [kind, articles] of scenarios) {
    const withSite = kind === 'postgres' && articles === siteSize && !siteMeasured;
    const { size, site, scaleOut } = await measureSize(
      kind,
      articles,
      {
        calls: !scaleOutOnly,
        site: withSite && !scaleOutOnly,
        scaleOut: kind === 'postgres' && articles === scaleOutSize && !scaleOutMeasured,
      },
      publicDir,
    );
    if (size) results.sizes.push(size);
    if (withSite) siteMeasured = true;
    if (site) results.site = site;
    if (scaleOut) {
      scaleOutMeasured = true;
      results.scaleOut = scaleOut;
    }
  }

  if (importSizes.length > 0) {
    results.imports = [];
    for (const posts of importSizes) {
      log(`WordPress import: ${posts} posts`);
      const measured = await measureWxrImport({
        posts,
        workDir,
        publicDir,
        mediaPort: MEDIA_PORT,
        // 2.5 posts/s at least (10k: 67 minutes, the full target is 10): a miss is still measured.
        // This machine did 3.3-3.9 posts/s (docs/performance.md, "WordPress import").
        timeoutMs: Math.max(5 * 60_000, posts * 400),
        keep: flag('keep'),
        log,
      });
      log(
        `  exit ${String(measured.exit)} in ${measured.seconds.toFixed(1)} s (${measured.postsPerSec.toFixed(1)} posts/s), ${measured.articles} articles, peak RSS ${(measured.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      if (measured.error) log(`  the import failed:\n${measured.error}`);
      results.imports.push(measured);
    }
  }

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const report = renderReport(results);
  fs.writeFileSync(path.join(outDir, 'benchmarks.md'), report);
  console.log(`\n${report}`);
  const failing = evaluateTargets(results).filter((t) => t.outcome !== 'met').length;
  log(
    `wrote ${path.relative(ROOT, outDir)}/benchmarks.{md,json}; ${failing} ${results.mode} target(s) missed or not measured (\`pnpm bench:check${smoke ? ' --smoke' : ''}\` fails on those)`,
  );
};

main().catch((error: unknown) => {
  // Query builder errors quote the whole statement: keep the message readable.
  console.error(
    error instanceof Error
      ? `${error.message.slice(0, 2000)}\n${error.stack?.split('\n').slice(1, 8).join('\n')}`
      : error,
  );
  process.exit(1);
});
