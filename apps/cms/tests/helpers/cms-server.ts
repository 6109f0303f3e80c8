/**
 * Boots the real, built CMS (`strapi start` on dist/) as a child process on a free port with the
 * local example env plus overrides, and waits until it answers.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseEnv } from 'node:util';

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

export type CmsServer = { url: string; port: number; stop(): Promise<void>; output(): string };

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

/** Runs `strapi start` with the example env plus `env`, resolving once /_health answers. */
export const startCms = async (env: Record<string, string>, timeoutMs = 180_000): Promise<CmsServer> => {
  if (!fs.existsSync(path.join(APP_DIR, 'dist', 'src', 'index.js'))) {
    throw new Error('apps/cms is not built: run `pnpm --filter @nourish/cms build` first');
  }
  const port = await freePort();
  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: APP_DIR,
    env: {
      ...pickSystemEnv(),
      ...EXAMPLE_ENV,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(child, url, timeoutMs, () => output);
  return { url, port, stop: () => stop(child), output: () => output };
};

/** Runs the CMS and returns its exit code and output, for boots that are expected to fail. */
export const runCmsExpectingExit = async (env: Record<string, string>, timeoutMs = 120_000) => {
  const port = await freePort();
  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: APP_DIR,
    env: { ...pickSystemEnv(), ...EXAMPLE_ENV, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, timeoutMs);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, output };
};

// Only what a process needs to run; never the developer's own CMS settings.
const pickSystemEnv = () => {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_nodedir'];
  return Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
};

const waitForHealth = async (child: ChildProcess, url: string, timeoutMs: number, output: () => string) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`CMS exited with ${child.exitCode}:\n${output().slice(-4000)}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`CMS did not become healthy within ${timeoutMs} ms:\n${output().slice(-4000)}`);
};

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
