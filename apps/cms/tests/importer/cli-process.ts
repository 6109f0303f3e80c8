/** The import CLI as a child process, as `pnpm run import` runs it, on a test database. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { inheritedEnv } from '@nourish/test-support';

import type { RunReport } from '../../src/importer/report';
import { APP_DIR, EXAMPLE_ENV } from '../helpers/cms-server';

const CLI = path.join(APP_DIR, 'src', 'importer', 'cli.ts');

export type CliRun = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

/** Starts the CLI with the example env, the test database's env and `args`. */
export const startCli = (databaseEnv: Record<string, string>, args: string[]): CliRun => {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: APP_DIR,
    env: {
      ...inheritedEnv(['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_nodedir']),
      ...EXAMPLE_ENV,
      // No site listens here: notifications stay in the outbox, as when the site is down.
      SITE_URL: 'http://127.0.0.1:9',
      ...databaseEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
};

/** Runs the CLI to its end; returns its exit code, output and JSON report. */
export const runCli = async (databaseEnv: Record<string, string>, input: string, flags: string[] = []) => {
  const reportFile = path.join(path.dirname(input), `report-${String(Date.now())}.json`);
  const run = startCli(databaseEnv, [input, '--report', reportFile, ...flags]);
  const code = await run.exit;
  const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as RunReport) : null;
  return { code, output: run.output(), report };
};
