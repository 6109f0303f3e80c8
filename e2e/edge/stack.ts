/**
 * The edge suite's own stack: the CMS (fresh SQLite database, demo seed), the site and Varnish in
 * front of it (infra/edge/start.sh), each a child process this suite owns, so a spec can freeze,
 * kill and restart them. The CMS posts its change notifications through the edge, as in the demo.
 *
 * Ports: the CMS uses E2E_CMS_PORT (the site's build allows next/image from there), the site
 * E2E_EDGE_SITE_PORT (default 3101) and the edge E2E_EDGE_PORT (default 3102).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { inheritedEnv, spawnService, waitUntilReady, type ServiceProcess } from '@nourish/test-support';

import { CMS_ENV, CMS_PORT, CMS_URL, E2E_TMP, ROOT } from '../fixtures/env';

export const SITE_PORT = Number(process.env.E2E_EDGE_SITE_PORT ?? 3101);
export const EDGE_PORT = Number(process.env.E2E_EDGE_PORT ?? 3102);
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
export const EDGE_URL = `http://127.0.0.1:${EDGE_PORT}`;
export { CMS_URL };

const TMP = path.join(E2E_TMP, 'edge');
const processEnv = inheritedEnv();

/** One server process in its own process group: started, waited for, signalled and stopped by the suite. */
export class Service {
  private process: ServiceProcess | undefined;

  constructor(
    readonly name: string,
    private readonly command: [string, ...string[]],
    private readonly options: { cwd: string; env: Record<string, string>; readyUrl: string; readyTimeoutMs: number },
  ) {}

  get pid(): number {
    if (!this.process) throw new Error(`${this.name} is not running`);
    return this.process.pid;
  }

  async start(): Promise<void> {
    this.process = spawnService({
      command: this.command,
      cwd: this.options.cwd,
      env: this.options.env,
      logFile: path.join(TMP, `${this.name}.log`),
      detached: true,
      continueBeforeStop: true,
    });
    await waitUntilReady(this.process, {
      name: this.name,
      url: this.options.readyUrl,
      timeoutMs: this.options.readyTimeoutMs,
      isReady: (response) => response.ok,
    });
  }

  /** Signals the whole process group (the server and anything it forked). */
  signal(signal: NodeJS.Signals): void {
    if (!this.process) throw new Error(`${this.name} is not running`);
    this.process.signal(signal);
  }

  async kill(): Promise<void> {
    await this.process?.kill();
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }
}

export type EdgeStack = { cms: Service; site: Service; edge: Service; stop(): Promise<void> };

export async function startEdgeStack(): Promise<EdgeStack> {
  fs.mkdirSync(path.join(TMP, 'public', 'uploads'), { recursive: true });
  const cms = new Service(
    'cms',
    ['node', path.join(ROOT, 'apps/cms/node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
    {
      cwd: path.join(ROOT, 'apps/cms'),
      readyUrl: `${CMS_URL}/_health`,
      readyTimeoutMs: 240_000,
      env: {
        ...processEnv,
        ...CMS_ENV,
        HOST: '127.0.0.1',
        PORT: String(CMS_PORT),
        PUBLIC_URL: CMS_URL,
        // Change notifications go through the edge, like a reader's request would.
        SITE_URL: EDGE_URL,
        DATABASE_CLIENT: 'sqlite',
        DATABASE_URL: '',
        DATABASE_FILENAME: path.join(TMP, 'cms.db'),
        PUBLIC_DIR: path.join(TMP, 'public'),
        SEED_DEMO_CONTENT: 'true',
        ADMIN_RATE_LIMIT: 'false',
        REQUEST_LOG: 'false',
      },
    },
  );
  const site = new Service(
    'site',
    ['node', path.join(ROOT, 'apps/web/server.mjs'), '-p', String(SITE_PORT), '-H', '127.0.0.1'],
    {
      cwd: path.join(ROOT, 'apps/web'),
      readyUrl: `${SITE_URL}/robots.txt`,
      readyTimeoutMs: 120_000,
      env: {
        ...processEnv,
        NODE_ENV: 'production',
        STRAPI_URL: CMS_URL,
        STRAPI_API_TOKEN: CMS_ENV.SITE_API_TOKEN,
        SITE_URL: EDGE_URL,
        PREVIEW_SECRET: CMS_ENV.PREVIEW_SECRET,
        REVALIDATE_SECRET: CMS_ENV.REVALIDATE_SECRET,
        EDGE_PURGE_URLS: `${EDGE_URL}/`,
      },
    },
  );
  const edge = new Service('edge', ['bash', path.join(ROOT, 'infra/edge/start.sh')], {
    cwd: ROOT,
    readyUrl: `${EDGE_URL}/icon.svg`,
    readyTimeoutMs: 60_000,
    env: {
      ...processEnv,
      EDGE_LISTEN: `127.0.0.1:${EDGE_PORT}`,
      EDGE_BACKEND: `127.0.0.1:${SITE_PORT}`,
      EDGE_PUBLIC_HOST: `127.0.0.1:${EDGE_PORT}`,
      EDGE_MEMORY: '64m',
      // Varnish's worker user must be able to reach its working directory.
      EDGE_WORKDIR: path.join(os.tmpdir(), `nourish-edge-e2e-${EDGE_PORT}`),
    },
  });
  const stack: EdgeStack = {
    cms,
    site,
    edge,
    async stop() {
      await Promise.all([edge.stop(), site.stop(), cms.stop()]);
    },
  };
  try {
    await cms.start();
    await site.start();
    await edge.start();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
