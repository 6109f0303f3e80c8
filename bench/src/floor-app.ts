/**
 * The framework floor app (bench/floor-app): written with the audited article's text, built with
 * `next build` and started with `next start` on loopback, as the site is, and stopped by the caller.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { inheritedEnv, spawnService, waitUntilReady } from '@nourish/test-support';

import { FLOOR_ARTICLE_FILE, type FloorArticle } from '../floor-app/article';
import { ROOT, type Server } from './servers';

export const FLOOR_DIR = path.join(ROOT, 'bench/floor-app');
const NEXT_BIN = path.join(FLOOR_DIR, 'node_modules/next/dist/bin/next');

const env = () => ({ ...inheritedEnv(), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });

/** Builds the floor page with this article's text (a static page: the text is baked in). */
export function buildFloorApp(article: FloorArticle): void {
  fs.writeFileSync(path.join(FLOOR_DIR, FLOOR_ARTICLE_FILE), `${JSON.stringify(article, null, 2)}\n`);
  execFileSync(process.execPath, [NEXT_BIN, 'build'], { cwd: FLOOR_DIR, stdio: 'inherit', env: env() });
}

export async function startFloorApp(port: number): Promise<Server> {
  const url = `http://127.0.0.1:${String(port)}`;
  const service = spawnService({
    command: [process.execPath, NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'],
    cwd: FLOOR_DIR,
    env: env(),
  });
  await waitUntilReady(service, { name: 'floor app (next start)', url: `${url}/`, timeoutMs: 60_000, intervalMs: 300 });
  return { url, pid: service.pid, stop: () => service.stop(), output: () => service.output() };
}
