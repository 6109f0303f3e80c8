/**
 * The cluster suite's stack is `pnpm cluster` itself (packages/cluster/src/main.ts): the edge, two
 * site and two CMS instances, PostgreSQL, Redis and S3, as a child process in its own group. Its
 * database is dropped before and after, its files live in e2e/.tmp/cluster, and a spec kills one
 * part through the process groups the cluster lists in parts.json.
 *
 * Ports: the block from E2E_CLUSTER_PORT_BASE (default 8400; offsets in packages/cluster/src/config.ts).
 * The first run builds the CMS and the site (the site again whenever .next was built by another
 * suite: packages/cluster/src/site-build.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

import { clusterConfig } from '@nourish/cluster/config';
import { dropDatabase, queryDatabase } from '@nourish/cluster/database';
import { CLUSTER_SECRETS, urls } from '@nourish/cluster/part-env';
import { inheritedEnv, spawnService, type ServiceProcess } from '@nourish/test-support';

import { E2E_TMP, ROOT } from '../fixtures/env';
import { until } from '../fixtures/until';

export const PORT_BASE = Number(process.env.E2E_CLUSTER_PORT_BASE ?? 8400);
export const DATABASE = 'nourish_cluster_e2e';
export const CLUSTER_DIR = path.join(E2E_TMP, 'cluster');
/** What `pnpm cluster` is told; the URLs and secrets below come from its own code. */
const CLUSTER_ENV = {
  // The PostgreSQL server, as the cluster reads it (packages/cluster/src/config.ts).
  ...inheritedEnv(['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD']),
  CLUSTER_PORT_BASE: String(PORT_BASE),
  CLUSTER_DATABASE: DATABASE,
  CLUSTER_DIR,
};
const config = clusterConfig(ROOT, CLUSTER_ENV);
const url = urls(config);
export const EDGE_URL = url.edge;
export const SITE_URLS = url.sites;
export const CMS_URLS = url.cms;
export const REDIS_PORT = config.redisPort;
export const S3_URL = url.s3;
export const MEDIA_URL = url.media;
/** The token the sites read the CMS with. */
export const SITE_API_TOKEN = CLUSTER_SECRETS.SITE_API_TOKEN;

/** The parts `pnpm cluster` names in parts.json. */
export type PartName = 'redis' | 's3' | 'cms-1' | 'cms-2' | 'site-1' | 'site-2' | 'edge';

/** One query on the cluster's database; its rows. */
export const sql = <Row extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<Row[]> =>
  queryDatabase<Row>(config, text, values);

export class ClusterStack {
  private constructor(private readonly main: ServiceProcess) {}

  static async start(): Promise<ClusterStack> {
    await dropDatabase(config);
    fs.rmSync(CLUSTER_DIR, { recursive: true, force: true });
    fs.mkdirSync(CLUSTER_DIR, { recursive: true });
    const main = spawnService({
      command: ['node', '--import', 'tsx', 'src/main.ts'],
      cwd: path.join(ROOT, 'packages/cluster'),
      env: {
        ...inheritedEnv(['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_nodedir']),
        ...CLUSTER_ENV,
      },
      logFile: path.join(E2E_TMP, 'cluster-main.log'),
      detached: true,
    });
    const stack = new ClusterStack(main);
    try {
      // Builds included when needed: the CMS (2-4 min) and the site (3-6 min) on a loaded machine.
      await until(
        () => {
          if (main.hasExited()) throw new Error(`pnpm cluster exited:\n${main.output().slice(-4000)}`);
          return /^cluster: ready$/m.test(main.output());
        },
        900_000,
        'pnpm cluster ready',
        500,
      );
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** parts.json as the cluster wrote it: name -> process group. */
  parts(): Record<string, { pid: number; pgid: number }> {
    return JSON.parse(fs.readFileSync(path.join(CLUSTER_DIR, 'parts.json'), 'utf8')) as Record<
      string,
      { pid: number; pgid: number }
    >;
  }

  /** SIGKILL to one part's whole process group, as a crash (or the OOM killer) would. */
  kill(part: PartName): void {
    const entry = this.parts()[part];
    if (!entry) throw new Error(`${part} is not in parts.json`);
    process.kill(-entry.pgid, 'SIGKILL');
  }

  /** What `pnpm cluster` printed lately (it reports a part that died). */
  output(): string {
    return this.main.output();
  }

  /** SIGTERM, as Ctrl-C: the cluster stops every part it started; then its database goes. */
  async stop(): Promise<void> {
    let left: Record<string, { pid: number; pgid: number }> = {};
    try {
      left = this.parts();
    } catch {
      // not written yet, or removed by a clean stop
    }
    if (!this.main.hasExited()) {
      // It stops the parts one after another, each with a grace period: give it time.
      this.main.signal('SIGTERM');
      const timer = setTimeout(() => void this.main.kill(), 90_000);
      await this.main.exited;
      clearTimeout(timer);
    }
    // A cluster that was killed leaves its parts running: never leave them behind.
    for (const { pgid } of Object.values(left)) {
      try {
        process.kill(-pgid, 0);
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await dropDatabase(config);
  }
}
