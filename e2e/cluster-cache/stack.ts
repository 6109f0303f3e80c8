/**
 * The shared-cache suite's own stack: a private redis-server (no persistence), one CMS (fresh
 * SQLite database, demo seed) and site instances (`node server.mjs`) that all use that Redis as
 * their cache (REDIS_URL). Each is a child process in its own group, so a spec can freeze, kill
 * and restart it. The CMS sends its change notifications to instance A.
 *
 * Ports: the CMS uses E2E_CMS_PORT (the site's build allows next/image from there; the suites run
 * one after another), site instances E2E_CLUSTER_SITE_PORT (3111, 3112, ...), Redis
 * E2E_CLUSTER_REDIS_PORT (3120).
 */
import path from 'node:path';

import {
  inheritedEnv,
  privateRedisCommand,
  spawnService,
  waitForRedis,
  type ServiceProcess,
} from '@nourish/test-support';

import { CMS_ENV, CMS_PORT, CMS_URL, E2E_TMP, ROOT } from '../fixtures/env';
import { suiteCms } from '../fixtures/suite-cms';
import { SuiteService as Service } from '../fixtures/suite-service';

export { CMS_PORT, CMS_URL };
export const FIRST_SITE_PORT = Number(process.env.E2E_CLUSTER_SITE_PORT ?? 3111);
export const REDIS_PORT = Number(process.env.E2E_CLUSTER_REDIS_PORT ?? 3120);
export const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
/** Keys of this suite, so a look into Redis sees only what the sites wrote. */
export const KEY_PREFIX = 'e2e-cluster:';

const TMP = path.join(E2E_TMP, 'cluster-cache');
const processEnv = inheritedEnv();

/** The suite's Redis: started fresh (empty) each time, as after a crash without persistence. */
export class Redis {
  private process: ServiceProcess | undefined;

  async start(): Promise<void> {
    this.process = spawnService({
      command: privateRedisCommand(REDIS_PORT),
      cwd: TMP,
      env: processEnv,
      logFile: path.join(TMP, 'redis.log'),
      detached: true,
    });
    const started = this.process;
    await waitForRedis(REDIS_PORT, 10_000, () => !started.hasExited());
  }

  async kill(): Promise<void> {
    await this.process?.kill();
  }
}

export const siteUrl = (index: number) => `http://127.0.0.1:${FIRST_SITE_PORT + index}`;

/** Site instance number `index` (0 = A) on the shared Redis. */
export function siteInstance(index: number, options: { readyWhenAnswering?: boolean } = {}): Service {
  const port = FIRST_SITE_PORT + index;
  return new Service(
    `site-${String.fromCharCode(97 + index)}`,
    ['node', path.join(ROOT, 'apps/web/server.mjs'), '-p', String(port), '-H', '127.0.0.1'],
    {
      logDir: TMP,
      cwd: path.join(ROOT, 'apps/web'),
      readyUrl: `http://127.0.0.1:${port}/robots.txt`,
      readyTimeoutMs: 120_000,
      // Started while the CMS is down, an instance is ready once it answers at all.
      ...(options.readyWhenAnswering ? { isReady: () => true } : {}),
      env: {
        ...processEnv,
        NODE_ENV: 'production',
        STRAPI_URL: CMS_URL,
        STRAPI_API_TOKEN: CMS_ENV.SITE_API_TOKEN,
        SITE_URL: siteUrl(0),
        PREVIEW_SECRET: CMS_ENV.PREVIEW_SECRET,
        REVALIDATE_SECRET: CMS_ENV.REVALIDATE_SECRET,
        REDIS_URL,
        CACHE_KEY_PREFIX: KEY_PREFIX,
        // E2E_CLUSTER_DEBUG_CACHE=1: Next and the cache handler log every cache call.
        ...(process.env.E2E_CLUSTER_DEBUG_CACHE ? { NEXT_PRIVATE_DEBUG_CACHE: '1' } : {}),
      },
    },
  );
}

export type ClusterStack = {
  redis: Redis;
  cms: Service;
  sites: [Service, Service];
  /** Services a spec started itself, stopped with the rest. */
  extra: Service[];
  stop(): Promise<void>;
};

export async function startClusterStack(): Promise<ClusterStack> {
  const redis = new Redis();
  // Change notifications go to instance A only: B learns of them through Redis.
  const cms = suiteCms(TMP, siteUrl(0));

  const sites: [Service, Service] = [siteInstance(0), siteInstance(1)];
  const stack: ClusterStack = {
    redis,
    cms,
    sites,
    extra: [],
    async stop() {
      await Promise.all([...stack.extra, ...sites].map((site) => site.stop()));
      await Promise.all([cms.stop(), redis.kill()]);
    },
  };
  try {
    await redis.start();
    await cms.start();
    await Promise.all(sites.map((site) => site.start()));
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
