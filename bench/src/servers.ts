/**
 * The production builds of both apps as child processes: `strapi start` and the site's server
 * (apps/web/server.mjs: Next's handler plus 503 for an unavailable CMS), in
 * production mode with secrets made for this run, and a way to read their memory while they run.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';

import { inheritedEnv, spawnService, waitUntilReady } from '@nourish/test-support';

import { childrenOf } from './probes/process-cpu';

export const ROOT = path.resolve(__dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'apps/cms');
const WEB_DIR = path.join(ROOT, 'apps/web');

export type Server = { url: string; pid: number; stop(): Promise<void>; output(): string };

const secret = () => randomBytes(24).toString('base64url');

/** One set of secrets shared by the CMS and the site for this run (production refuses the examples). */
export const runSecrets = () => ({
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  SITE_API_TOKEN: secret(),
  PREVIEW_SECRET: secret(),
  REVALIDATE_SECRET: secret(),
});
export type RunSecrets = ReturnType<typeof runSecrets>;

const spawnServer = async (
  command: [string, ...string[]],
  cwd: string,
  env: Record<string, string>,
  url: string,
  health: string,
  timeoutMs: number,
  logFile?: string,
): Promise<Server> => {
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const service = spawnService({ command, cwd, env: { ...inheritedEnv(), ...env }, logFile });
  await waitUntilReady(service, { name: command.join(' '), url: url + health, timeoutMs, intervalMs: 300 });
  return { url, pid: service.pid, stop: () => service.stop(), output: () => service.output() };
};

/**
 * The NODE_OPTIONS an app's production image sets (its Dockerfile's `ENV NODE_OPTIONS=...`), so
 * the benchmark runs each app with the heap limit production runs it with.
 */
export const productionNodeOptions = (appDir: string): string => {
  const dockerfile = fs.readFileSync(path.join(appDir, 'Dockerfile'), 'utf8');
  const value = /\bNODE_OPTIONS=("?)([^"\n]+)\1/.exec(dockerfile)?.[2];
  if (!value) throw new Error(`${path.relative(ROOT, appDir)}/Dockerfile sets no NODE_OPTIONS`);
  return value.trim();
};

/**
 * The example's demo logins (every `<ROLE>_EMAIL` / `<ROLE>_PASSWORD` it sets): a production CMS
 * refuses to start with any of them, so a role added to the demo must not need a change here.
 */
export const withoutDemoAccounts = (env: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !/^[A-Z]+_(EMAIL|PASSWORD)$/.test(name)));

export const exampleCmsEnv = () =>
  parseEnv(fs.readFileSync(path.join(CMS_DIR, '.env.example'), 'utf8')) as Record<string, string>;

export function startCms(options: {
  port: number;
  siteUrl: string;
  database: Record<string, string>;
  secrets: RunSecrets;
  seed: boolean;
  countStatements?: boolean;
  timeoutMs?: number;
  /** Everything it prints is appended here too. */
  logFile?: string;
}) {
  const url = `http://127.0.0.1:${options.port}`;
  return spawnServer(
    [process.execPath, path.join(CMS_DIR, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
    CMS_DIR,
    {
      // Production creates no demo accounts (it refuses to start with them set); the publish probe
      // registers the first admin as the admin's first-run screen does.
      ...withoutDemoAccounts(exampleCmsEnv()),
      ...options.secrets,
      ...options.database,
      NODE_ENV: 'production',
      NODE_OPTIONS: productionNodeOptions(CMS_DIR),
      HOST: '127.0.0.1',
      PORT: String(options.port),
      PUBLIC_URL: url,
      SITE_URL: options.siteUrl,
      SEED_DEMO_CONTENT: String(options.seed),
      SQL_STATEMENT_COUNT: String(options.countStatements ?? false),
      // The publish probe logs in once per size; the admin's rate limit would refuse a quick rerun.
      ADMIN_RATE_LIMIT: 'false',
      // The probes call the CMS as the site does, far above one client's public rate limit.
      PUBLIC_RATE_LIMIT: 'false',
    },
    url,
    '/_health',
    options.timeoutMs ?? 300_000,
    options.logFile,
  );
}

export function startSite(options: {
  port: number;
  cmsUrl: string;
  secrets: RunSecrets;
  /** Where the site's build is (default apps/web): a second instance runs from its own copy. */
  dir?: string;
  /** More variables, e.g. the shared cache's REDIS_URL and the public origin behind an edge. */
  env?: Record<string, string>;
  /** Everything it prints is appended here too. */
  logFile?: string;
}) {
  const url = `http://127.0.0.1:${options.port}`;
  const dir = options.dir ?? WEB_DIR;
  return spawnServer(
    [process.execPath, path.join(dir, 'server.mjs'), '-p', String(options.port), '-H', '127.0.0.1'],
    dir,
    {
      NODE_ENV: 'production',
      NODE_OPTIONS: productionNodeOptions(WEB_DIR),
      STRAPI_URL: options.cmsUrl,
      STRAPI_API_TOKEN: options.secrets.SITE_API_TOKEN,
      SITE_URL: url,
      PREVIEW_SECRET: options.secrets.PREVIEW_SECRET,
      REVALIDATE_SECRET: options.secrets.REVALIDATE_SECRET,
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    url,
    '/robots.txt',
    120_000,
    options.logFile,
  );
}

/** Where Next keeps what it rendered or fetched at run time, inside the build directory. */
const RUNTIME_CACHE_DIRS = ['.next/cache', '.next/server/route-cache'];

/**
 * A copy of the site's build in `dir` for one instance, as a separate host would have: Next's
 * per-process cache writes rendered pages to its build directory, so two instances started from
 * one directory would share them on disk, which no two hosts do. Its dependencies are the
 * original's (a link to its node_modules); what the original rendered or fetched is left out.
 */
export function copySiteBuild(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  const skip = new Set(['node_modules', ...RUNTIME_CACHE_DIRS].map((d) => path.join(WEB_DIR, d)));
  fs.cpSync(WEB_DIR, dir, { recursive: true, filter: (source) => !skip.has(source) });
  fs.symlinkSync(path.join(WEB_DIR, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/**
 * The edge cache (infra/edge/start.sh: Varnish with the project's VCL) on `port`, in front of the
 * site instances on `sitePorts` (round robin), with a fresh working directory (an empty cache)
 * each start.
 */
export function startEdge(options: { port: number; sitePorts: number[]; logFile?: string }) {
  const url = `http://127.0.0.1:${options.port}`;
  // Varnish's worker user must be able to reach its working directory (not a 0700 mkdtemp).
  const workdir = path.join(os.tmpdir(), `nourish-edge-bench-${options.port}`);
  fs.rmSync(workdir, { recursive: true, force: true });
  return spawnServer(
    ['bash', path.join(ROOT, 'infra/edge/start.sh')],
    ROOT,
    {
      EDGE_LISTEN: `127.0.0.1:${options.port}`,
      EDGE_BACKEND: options.sitePorts.map((port) => `127.0.0.1:${port}`).join(','),
      EDGE_MEMORY: '256m',
      EDGE_WORKDIR: workdir,
      // As nginx's baseline, which runs with access_log off.
      EDGE_REQUEST_LOG: 'off',
    },
    url,
    '/icon.svg',
    60_000,
    options.logFile,
  ).then((server) => ({
    ...server,
    workdir,
    stop: async () => {
      await server.stop();
      fs.rmSync(workdir, { recursive: true, force: true });
    },
  }));
}

/** Next keeps rendered pages and fetched data on disk across restarts: a new database needs neither. */
export function clearSiteCaches(webDir = WEB_DIR) {
  for (const dir of ['.next/cache/fetch-cache', '.next/cache/images', '.next/server/route-cache']) {
    fs.rmSync(path.join(webDir, dir), { recursive: true, force: true });
  }
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = childrenOf();
  let total = 0;
  const visit = (p: number) => {
    try {
      total += Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/** Samples the peak resident memory of each named process tree until stopped. */
export function peakRssSampler(pids: Record<string, number>, intervalMs = 250) {
  const peak: Record<string, number> = Object.fromEntries(Object.keys(pids).map((k) => [k, 0]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) peak[name] = Math.max(peak[name], treeRss(pid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
