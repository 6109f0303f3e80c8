/**
 * A CMS and a site of the resilience suite's own, started and stopped by the spec so it can freeze
 * (SIGSTOP), kill (SIGKILL) and restart the CMS: the same production builds and environment as
 * the webServer entries of playwright.config.ts, on ports and a database of their own.
 */
import fs from 'node:fs';
import path from 'node:path';

import { inheritedEnv, spawnService, waitUntilReady, type ServiceProcess } from '@nourish/test-support';

import { CMS_ENV, CMS_PORT, E2E_TMP, ROOT, SITE_PORT } from '../fixtures/env';

export const RESILIENCE_CMS_PORT = Number(process.env.E2E_RESILIENCE_CMS_PORT ?? CMS_PORT + 2);
export const RESILIENCE_SITE_PORT = Number(process.env.E2E_RESILIENCE_SITE_PORT ?? SITE_PORT + 2);
export const RESILIENCE_CMS_URL = `http://127.0.0.1:${RESILIENCE_CMS_PORT}`;
export const RESILIENCE_SITE_URL = `http://127.0.0.1:${RESILIENCE_SITE_PORT}`;

const DATA = path.join(E2E_TMP, 'resilience');

export type Server = ServiceProcess;

/** Stopping sends SIGCONT first: a spec may have frozen the server (SIGSTOP). */
async function start(
  name: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  readyUrl: string,
  timeoutMs: number,
): Promise<Server> {
  // Everything the server prints is also kept in e2e/.tmp/resilience/<name>.log for a failed run.
  fs.mkdirSync(DATA, { recursive: true });
  const server = spawnService({
    command: [process.execPath, ...args],
    cwd,
    env: { ...inheritedEnv(), ...env },
    keepChars: 8000,
    logFile: path.join(DATA, `${name.replace(/^the /, '')}.log`),
    continueBeforeStop: true,
  });
  await waitUntilReady(server, { name, url: readyUrl, timeoutMs, isReady: (response) => response.status < 500 });
  return server;
}

/** The CMS on the suite's own SQLite file (seeded on first start; a restart reuses it). */
export function startCms(): Promise<Server> {
  fs.mkdirSync(path.join(DATA, 'public', 'uploads'), { recursive: true });
  return start(
    'the CMS',
    [path.join(ROOT, 'apps/cms/node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
    path.join(ROOT, 'apps/cms'),
    {
      ...CMS_ENV,
      HOST: '127.0.0.1',
      PORT: String(RESILIENCE_CMS_PORT),
      PUBLIC_URL: RESILIENCE_CMS_URL,
      SITE_URL: RESILIENCE_SITE_URL,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_URL: '',
      DATABASE_FILENAME: path.join(DATA, 'cms.db'),
      PUBLIC_DIR: path.join(DATA, 'public'),
      SEED_DEMO_CONTENT: 'true',
      ADMIN_RATE_LIMIT: 'false',
    },
    `${RESILIENCE_CMS_URL}/_health`,
    240_000,
  );
}

/** The site's production server (apps/web/server.mjs) with its default CMS timeout. */
export function startSite(): Promise<Server> {
  return start(
    'the site',
    [path.join(ROOT, 'apps/web/server.mjs'), '-p', String(RESILIENCE_SITE_PORT), '-H', '127.0.0.1'],
    path.join(ROOT, 'apps/web'),
    {
      NODE_ENV: 'production',
      STRAPI_URL: RESILIENCE_CMS_URL,
      STRAPI_API_TOKEN: CMS_ENV.SITE_API_TOKEN,
      SITE_URL: RESILIENCE_SITE_URL,
      PREVIEW_SECRET: CMS_ENV.PREVIEW_SECRET,
      REVALIDATE_SECRET: CMS_ENV.REVALIDATE_SECRET,
    },
    `${RESILIENCE_SITE_URL}/robots.txt`,
    120_000,
  );
}
