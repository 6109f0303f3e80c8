/**
 * The import suite's own stack: a fresh CMS (SQLite, the demo seed for the site's settings) on
 * E2E_CMS_PORT, which the site's build allows next/image from, and the site on
 * E2E_IMPORT_SITE_PORT; plus the importer's CLI run against the same database and uploads, as an
 * editor would run it beside a CMS that serves.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { inheritedEnv } from '@nourish/test-support';

import { CMS_ENV, CMS_URL, E2E_TMP, ROOT } from '../fixtures/env';
import { suiteCms } from '../fixtures/suite-cms';
import { SuiteService } from '../fixtures/suite-service';

export const IMPORT_SITE_PORT = Number(process.env.E2E_IMPORT_SITE_PORT ?? 3105);
export const IMPORT_SITE_URL = `http://127.0.0.1:${IMPORT_SITE_PORT}`;
export const DATA = path.join(E2E_TMP, 'import');

export type ImportStack = { cms: SuiteService; site: SuiteService; stop(): Promise<void> };

export async function startImportStack(): Promise<ImportStack> {
  const cms = suiteCms(DATA, IMPORT_SITE_URL);
  const site = new SuiteService(
    'site',
    ['node', path.join(ROOT, 'apps/web/server.mjs'), '-p', String(IMPORT_SITE_PORT), '-H', '127.0.0.1'],
    {
      logDir: DATA,
      cwd: path.join(ROOT, 'apps/web'),
      readyUrl: `${IMPORT_SITE_URL}/_live`,
      readyTimeoutMs: 120_000,
      env: {
        ...inheritedEnv(),
        NODE_ENV: 'production',
        STRAPI_URL: CMS_URL,
        STRAPI_API_TOKEN: CMS_ENV.SITE_API_TOKEN,
        SITE_URL: IMPORT_SITE_URL,
        PREVIEW_SECRET: CMS_ENV.PREVIEW_SECRET,
        REVALIDATE_SECRET: CMS_ENV.REVALIDATE_SECRET,
      },
    },
  );
  const stack = {
    cms,
    site,
    async stop() {
      await Promise.all([site.stop(), cms.stop()]);
    },
  };
  try {
    await cms.start();
    await site.start();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

export type ImportRun = { code: number | null; output: string };

/**
 * `pnpm run import <args>` in apps/cms (the root's script runs it through `pnpm --filter`, which
 * turns every failing exit code into 1; here the CLI's own code comes through), on the suite
 * CMS's database and uploads.
 */
export const runImport = (args: string[]): Promise<ImportRun> =>
  new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['run', '--silent', 'import', ...args], {
      cwd: path.join(ROOT, 'apps/cms'),
      env: {
        ...inheritedEnv(),
        ...CMS_ENV,
        SITE_URL: IMPORT_SITE_URL,
        DATABASE_CLIENT: 'sqlite',
        DATABASE_URL: '',
        DATABASE_FILENAME: path.join(DATA, 'cms.db'),
        PUBLIC_DIR: path.join(DATA, 'public'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
