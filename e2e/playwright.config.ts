/**
 * Playwright drives Debian's Chromium (no browser download) against the real production builds:
 * the CMS on a fresh SQLite database with the demo seed, and the site pointed at it. Ports are
 * off the usual ones so a running demo does not interfere.
 */
import path from 'node:path';

import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from '@nourish/test-support';

import { CMS_ENV, CMS_PORT, CMS_URL, E2E_TMP, ROOT, SITE_PORT, SITE_URL } from './fixtures/env';

const processEnv = Object.fromEntries(
  ['PATH', 'HOME', 'TMPDIR', 'LANG'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!]),
);

export default defineConfig({
  testDir: '.',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: SITE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_FLAGS],
    },
  },
  projects: [
    // Readers and editors: `pnpm test`.
    {
      name: 'chromium',
      testMatch: ['reader/**/*.spec.ts', 'editor/**/*.spec.ts'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // The security suite against the same booted stack: `pnpm test:security` (docs/security.md).
    {
      name: 'security',
      testMatch: ['security/**/*.spec.ts'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // The site through a CMS outage, on a CMS and site the spec starts, freezes and kills itself
    // (resilience/stack.ts): `pnpm test:resilience`, which sets E2E_OWN_STACK=1 to skip the servers below.
    { name: 'resilience', testDir: './resilience' },
    // Issue #15 on the rendered site: the HTML fixtures imported into a fresh CMS of its own, then
    // read as a reader (import/stack.ts): `pnpm test:import`, with E2E_OWN_STACK=1 too.
    { name: 'import', testDir: './import', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer:
    process.env.E2E_OWN_STACK === '1'
      ? []
      : [
          {
            command: `node ${path.join(ROOT, 'apps/cms/node_modules/@strapi/strapi/bin/strapi.js')} start`,
            cwd: path.join(ROOT, 'apps/cms'),
            url: `${CMS_URL}/_health`,
            timeout: 240_000,
            // E2E_REUSE=1 lets a developer keep both servers running between runs.
            reuseExistingServer: process.env.E2E_REUSE === '1',
            stdout: 'ignore',
            stderr: 'pipe',
            env: {
              ...processEnv,
              ...CMS_ENV,
              HOST: '127.0.0.1',
              PORT: String(CMS_PORT),
              PUBLIC_URL: CMS_URL,
              SITE_URL,
              DATABASE_CLIENT: 'sqlite',
              DATABASE_URL: '',
              DATABASE_FILENAME: path.join(E2E_TMP, 'cms.db'),
              PUBLIC_DIR: path.join(E2E_TMP, 'public'),
              SEED_DEMO_CONTENT: 'true',
              // The suite logs the same editor in many times within a minute.
              ADMIN_RATE_LIMIT: 'false',
              // As behind the production proxy: the client address comes from X-Forwarded-For, which lets
              // the rate-limit spec play a client of its own (PROXY_HOPS=1 takes the proxy-appended one).
              IS_PROXIED: 'true',
            },
          },
          {
            command: `node ${path.join(ROOT, 'apps/web/server.mjs')} -p ${SITE_PORT} -H 127.0.0.1`,
            cwd: path.join(ROOT, 'apps/web'),
            url: `${SITE_URL}/robots.txt`,
            timeout: 120_000,
            reuseExistingServer: process.env.E2E_REUSE === '1',
            stdout: 'ignore',
            stderr: 'pipe',
            env: {
              ...processEnv,
              NODE_ENV: 'production',
              STRAPI_URL: CMS_URL,
              STRAPI_API_TOKEN: CMS_ENV.SITE_API_TOKEN,
              SITE_URL,
              PREVIEW_SECRET: CMS_ENV.PREVIEW_SECRET,
              REVALIDATE_SECRET: CMS_ENV.REVALIDATE_SECRET,
            },
          },
        ],
});
