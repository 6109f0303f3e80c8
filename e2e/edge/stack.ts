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
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';

export const SITE_PORT = Number(process.env.E2E_EDGE_SITE_PORT ?? 3101);
export const EDGE_PORT = Number(process.env.E2E_EDGE_PORT ?? 3102);
/** The site's metrics endpoint (apps/web/ops/metrics.mjs), on a port of its own. */
export const SITE_METRICS_PORT = Number(process.env.E2E_EDGE_SITE_METRICS_PORT ?? 3103);
export const SITE_METRICS_TOKEN = 'e2e-site-metrics-token-0123456789';
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
export const EDGE_URL = `http://127.0.0.1:${EDGE_PORT}`;
/** Varnish's counters for Prometheus (infra/edge/start.sh, EDGE_METRICS_LISTEN). */
export const EDGE_METRICS_PORT = Number(process.env.E2E_EDGE_METRICS_PORT ?? 3104);
/** The suite's OTLP/HTTP receiver (otlp-receiver.ts), where both apps export their traces. */
export const OTLP_PORT = Number(process.env.E2E_EDGE_OTLP_PORT ?? 3109);
/** Varnish's working directory: `varnishadm -n` reads the edge's state from it. */
export const EDGE_WORKDIR = path.join(os.tmpdir(), `nourish-edge-e2e-${EDGE_PORT}`);
export { CMS_URL };

const TMP = path.join(E2E_TMP, 'edge');
const processEnv = inheritedEnv();

export type EdgeStack = { cms: Service; site: Service; edge: Service; otlp: OtlpReceiver; stop(): Promise<void> };

/** OpenTelemetry on both apps, exporting to the suite's receiver (the standard variables). */
const telemetryEnv = (serviceName: string): Record<string, string> => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_PORT}`,
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  OTEL_SERVICE_NAME: serviceName,
  // Sent within a fifth of a second, not the default five.
  OTEL_BSP_SCHEDULE_DELAY: '200',
});

export async function startEdgeStack(): Promise<EdgeStack> {
  // Change notifications go through the edge, like a reader's request would.
  // JSON logs with request ids on both apps: the operations spec follows one request through them.
  // OpenTelemetry loaded before Strapi, as `pnpm start` does (apps/cms/ops/telemetry.mjs).
  const otlp = await startOtlpReceiver(OTLP_PORT);
  const cms = suiteCms(TMP, EDGE_URL, {
    LOG_FORMAT: 'json',
    REQUEST_LOG: 'true',
    NODE_OPTIONS: `--import ${path.join(ROOT, 'apps/cms/ops/telemetry.mjs')}`,
    ...telemetryEnv('nourish-cms-e2e'),
  });

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
        ...telemetryEnv('nourish-web-e2e'),
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
    otlp,
    async stop() {
      await Promise.all([edge.stop(), site.stop(), cms.stop()]);
      await otlp.close();
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
