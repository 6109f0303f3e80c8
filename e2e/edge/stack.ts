/**
 * The edge suite's own stack: the CMS (fresh SQLite database, demo seed), the site and Varnish in
 * front of it (infra/edge/start.sh), each a child process this suite owns, so a spec can freeze,
 * kill and restart them. The CMS posts its change notifications through the edge, as in the demo.
 *
 * Ports: the CMS uses E2E_CMS_PORT (the site's build allows next/image from there), the site
 * E2E_EDGE_SITE_PORT (default 3101) and the edge E2E_EDGE_PORT (default 3102).
 */
import os from 'node:os';
import path from 'node:path';

import { inheritedEnv } from '@nourish/test-support';

import { CMS_ENV, CMS_URL, E2E_TMP, ROOT } from '../fixtures/env';
import { suiteCms } from '../fixtures/suite-cms';
import { SuiteService as Service } from '../fixtures/suite-service';

export const SITE_PORT = Number(process.env.E2E_EDGE_SITE_PORT ?? 3101);
export const EDGE_PORT = Number(process.env.E2E_EDGE_PORT ?? 3102);
/** The site's metrics endpoint (apps/web/ops/metrics.mjs), on a port of its own. */
export const SITE_METRICS_PORT = Number(process.env.E2E_EDGE_SITE_METRICS_PORT ?? 3103);
export const SITE_METRICS_TOKEN = 'e2e-site-metrics-token-0123456789';
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
export const EDGE_URL = `http://127.0.0.1:${EDGE_PORT}`;
/** Varnish's counters for Prometheus (infra/edge/start.sh, EDGE_METRICS_LISTEN). */
export const EDGE_METRICS_PORT = Number(process.env.E2E_EDGE_METRICS_PORT ?? 3104);
/** Varnish's working directory: `varnishadm -n` reads the edge's state from it. */
export const EDGE_WORKDIR = path.join(os.tmpdir(), `nourish-edge-e2e-${EDGE_PORT}`);
export { CMS_URL };

const TMP = path.join(E2E_TMP, 'edge');
const processEnv = inheritedEnv();

export type EdgeStack = { cms: Service; site: Service; edge: Service; stop(): Promise<void> };

export async function startEdgeStack(): Promise<EdgeStack> {
  // Change notifications go through the edge, like a reader's request would.
  // JSON logs with request ids on both apps: the operations spec follows one request through them.
  const cms = suiteCms(TMP, EDGE_URL, { LOG_FORMAT: 'json', REQUEST_LOG: 'true' });

  const site = new Service(
    'site',
    ['node', path.join(ROOT, 'apps/web/server.mjs'), '-p', String(SITE_PORT), '-H', '127.0.0.1'],
    {
      logDir: TMP,
      cwd: path.join(ROOT, 'apps/web'),
      readyUrl: `${SITE_URL}/_live`,
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
        LOG_FORMAT: 'json',
        METRICS_PORT: String(SITE_METRICS_PORT),
        METRICS_TOKEN: SITE_METRICS_TOKEN,
      },
    },
  );
  const edge = new Service('edge', ['bash', path.join(ROOT, 'infra/edge/start.sh')], {
    logDir: TMP,
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
      EDGE_WORKDIR,
      EDGE_METRICS_LISTEN: `127.0.0.1:${EDGE_METRICS_PORT}`,
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
