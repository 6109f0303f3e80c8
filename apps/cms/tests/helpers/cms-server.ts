/**
 * Boots the real, built CMS (`strapi start` on dist/) as a child process on a free port with the
 * local example env plus overrides, and waits until it answers.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseEnv } from 'node:util';

import { exitWithin, inheritedEnv, spawnService, waitUntilReady } from '@nourish/test-support';

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const EXAMPLE_ENV = parseEnv(fs.readFileSync(path.join(APP_DIR, '.env.example'), 'utf8')) as Record<
  string,
  string
>;

/** One variable of .env.example, asserted to be set there. */
export const exampleEnv = (name: string): string => {
  const value = EXAMPLE_ENV[name];
  assert.ok(value, `.env.example sets ${name}`);
  return value;
};

export type CmsServer = {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash: no shutdown hooks run, open transactions die with the connections. */
  kill(): Promise<void>;
  output(): string;
};

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const strapiBin = path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

// Only what a process needs to run; never the developer's own CMS settings.
const systemEnv = () => inheritedEnv(['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_nodedir']);

/**
 * Runs `strapi start` with the example env plus `env`, resolving once /_health answers. It listens
 * on `env.PORT` when given (suites confined to a port range), else on a free port.
 */
export const startCms = async (env: Record<string, string>, timeoutMs = 180_000): Promise<CmsServer> => {
  if (!fs.existsSync(path.join(APP_DIR, 'dist', 'src', 'index.js'))) {
    throw new Error('apps/cms is not built: run `pnpm --filter @nourish/cms build` first');
  }
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cms = spawnService({
    command: [process.execPath, strapiBin, 'start'],
    cwd: APP_DIR,
    env: {
      ...systemEnv(),
      ...EXAMPLE_ENV,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      NODE_ENV: 'development',
      ...env,
    },
    // Tests assert on what the CMS logged while they ran: keep all of it.
    keepChars: Number.POSITIVE_INFINITY,
  });
  await waitUntilReady(cms, {
    name: 'CMS',
    url: `${url}/_health`,
    timeoutMs,
    isReady: (response) => response.status === 204,
  });
  return { url, port, pid: cms.pid, stop: () => cms.stop(), kill: () => cms.kill(), output: () => cms.output() };
};

/** Runs the CMS and returns its exit code and output, for boots that are expected to fail. */
export const runCmsExpectingExit = async (env: Record<string, string>, timeoutMs = 120_000) => {
  const port = await freePort();
  const cms = spawnService({
    command: [process.execPath, strapiBin, 'start'],
    cwd: APP_DIR,
    env: { ...systemEnv(), ...EXAMPLE_ENV, HOST: '127.0.0.1', PORT: String(port), ...env },
    keepChars: Number.POSITIVE_INFINITY,
  });
  const exit = await exitWithin(cms, timeoutMs);
  return { code: exit === 'running' ? null : exit, output: cms.output() };
};
