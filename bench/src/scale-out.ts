/**
 * The scale-out part (issue #12): the production topology on this machine (two CMS instances on
 * one database, two site instances each reading from its own CMS, Redis shared by the sites, the
 * edge over both, as `pnpm cluster` runs it) and three measurements on it:
 * 1. uncached render throughput through the edge with one site instance and with two;
 * 2. the sites' cache hit ratio under one request sequence, shared in Redis vs one cache each;
 * 3. publish-to-live through the cluster, at the edge and on each instance.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { LoadOptions } from './probes/http-load';
import { readerMix } from './probes/edge';
import { countNextCache } from './probes/next-cache-hits';
import { measurePublishToLive } from './probes/publish-to-live';
import { measureUncachedScale } from './probes/uncached-scale';
import { startRedis } from './redis-server';
import type { ScaleOutResult } from './results';
import { copySiteBuild, exampleCmsEnv, startCms, startEdge, startSite, type RunSecrets, type Server } from './servers';

export type ScaleOutPorts = {
  cms: [number, number];
  sites: [number, number];
  /** The edge over both sites (readers' address; the CMS notifies the sites through it). */
  edge: number;
  /** The edge over the first site only (the one-instance side of the throughput comparison). */
  edgeOne: number;
  redis: number;
};

export type ScaleOutInputs = {
  database: Record<string, string>;
  articles: number;
  secrets: RunSecrets;
  ports: ScaleOutPorts;
  workDir: string;
  /** The PostgreSQL server processes serving this database now (their CPU is reported too). */
  databasePids: () => Promise<number[]>;
  /** The uncached renders' load, in 3 rounds per configuration (taking turns). */
  renderLoad: LoadOptions;
  /** Published slugs nothing has requested yet, for the uncached renders (split in disjoint runs). */
  renderSlugs: string[];
  /** The articles of the hit-ratio sequence, most read first; disjoint from renderSlugs. */
  mixArticles: string[];
  topics: string[];
  /** Length of the hit-ratio sequence and how many requests are in flight at once. */
  mixLength: number;
  mixConcurrency: number;
  publishSlug: string;
  publishRuns: number;
  log: (message: string) => void;
};

const url = (port: number) => `http://127.0.0.1:${port}`;

/** Stops what was started, last first, whatever fails. */
const stopAll = async (servers: Server[]) => {
  for (const server of servers.reverse()) await server.stop().catch(() => undefined);
};

export async function measureScaleOut(inputs: ScaleOutInputs): Promise<ScaleOutResult> {
  const { ports, secrets, log } = inputs;
  const edgeUrl = url(ports.edge);
  const edgeOneUrl = url(ports.edgeOne);
  const cmsUrls = ports.cms.map(url);
  // Each process's output, for a figure that needs explaining (kept until the next run).
  const logOf = (name: string) => path.join(inputs.workDir, 'logs', `scale-out-${name}.log`);
  // Each instance from its own copy of the build: from one directory they would share Next's
  // on-disk page cache, and the other parts' pages would be in it.
  const siteDirs = [1, 2].map((n) => copySiteBuild(path.join(inputs.workDir, `web-${n}`)));
  // The same sequence for both cache set-ups.
  const sequence = readerMix(inputs.topics, inputs.mixArticles, inputs.mixLength);

  const base: Server[] = [];
  try {
    base.push(await startRedis(ports.redis));
    for (const port of ports.cms) {
      base.push(
        await startCms({
          port,
          siteUrl: edgeUrl,
          database: inputs.database,
          secrets,
          seed: false,
          logFile: logOf(`cms-${port}`),
        }),
      );
    }
    const [redis, cms1, cms2] = base;

    /** Both site instances with `env`, and the edge over them (started after them: it probes them). */
    const startTier = async (env: Record<string, string>, withEdgeOne: boolean) => {
      const tier: Server[] = [];
      try {
        for (const [i, port] of ports.sites.entries()) {
          tier.push(
            await startSite({
              port,
              cmsUrl: cmsUrls[i],
              secrets,
              dir: siteDirs[i],
              env: { SITE_URL: edgeUrl, EDGE_PURGE_URLS: `${edgeUrl}/,${edgeOneUrl}/`, ...env },
              logFile: logOf(`site-${port}`),
            }),
          );
        }
        tier.push(await startEdge({ port: ports.edge, sitePorts: ports.sites, logFile: logOf(`edge-${ports.edge}`) }));
        if (withEdgeOne)
          tier.push(
            await startEdge({
              port: ports.edgeOne,
              sitePorts: [ports.sites[0]],
              logFile: logOf(`edge-${ports.edgeOne}`),
            }),
          );
        return tier;
      } catch (error) {
        await stopAll(tier);
        throw error;
      }
    };

    log('scale-out: hit ratio with a cache per instance');
    let tier = await startTier({}, false);
    let perInstance;
    try {
      perInstance = await countNextCache({ url: edgeUrl, paths: sequence, concurrency: inputs.mixConcurrency });
    } finally {
      await stopAll(tier);
    }

    log('scale-out: the shared cache (Redis)');
    tier = await startTier(
      { REDIS_URL: redis.url, CACHE_KEY_PREFIX: `bench-${randomBytes(4).toString('hex')}:` },
      true,
    );
    try {
      const shared = await countNextCache({ url: edgeUrl, paths: sequence, concurrency: inputs.mixConcurrency });

      log('scale-out: uncached renders, one instance vs two');
      const [site1, site2, edge, edgeOne] = tier;
      const render = await measureUncachedScale({
        oneUrl: edgeOneUrl,
        twoUrl: edgeUrl,
        slugs: inputs.renderSlugs,
        processes: {
          'site 1': site1.pid,
          'site 2': site2.pid,
          'CMS 1': cms1.pid,
          'CMS 2': cms2.pid,
          'edge (1 site)': edgeOne.pid,
          'edge (2 sites)': edge.pid,
          Redis: redis.pid,
        },
        moreProcesses: async () => ({ 'PostgreSQL (this database)': await inputs.databasePids() }),
        load: inputs.renderLoad,
      });

      log('scale-out: publish to live at the edge and on each instance');
      const env = exampleCmsEnv();
      const publish = await measurePublishToLive({
        cmsUrl: cmsUrls[0],
        places: { edge: edgeUrl, 'site 1': url(ports.sites[0]), 'site 2': url(ports.sites[1]) },
        email: env.EDITOR_EMAIL,
        password: env.EDITOR_PASSWORD,
        slug: inputs.publishSlug,
        runs: inputs.publishRuns,
      });
      return {
        date: new Date().toISOString(),
        database: 'postgres',
        articles: inputs.articles,
        render,
        cache: {
          paths: sequence.length,
          articles: inputs.mixArticles.length,
          concurrency: inputs.mixConcurrency,
          shared,
          perInstance,
        },
        publish,
      };
    } finally {
      await stopAll(tier);
    }
  } finally {
    await stopAll(base);
    for (const dir of siteDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}
