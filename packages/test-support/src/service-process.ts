/**
 * A server the test suites run as a child process: spawned with the environment it is given, its
 * output kept (and optionally logged to a file), waited for until a URL answers, and stopped with
 * SIGTERM, then SIGKILL after 10 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export type ServiceProcessOptions = {
  /** The program and its arguments. */
  command: readonly [string, ...string[]];
  cwd: string;
  /** The whole environment of the process (nothing is inherited unless passed). */
  env: Record<string, string>;
  /** How much of the latest output to keep in memory, in characters (default 20 000). */
  keepChars?: number;
  /** Everything the process prints is also appended to this file. */
  logFile?: string;
  /** Its own process group, so a signal reaches everything it forks too. */
  detached?: boolean;
  /** Send SIGCONT before SIGTERM on stop, for a process a test may have frozen with SIGSTOP. */
  continueBeforeStop?: boolean;
};

export type ServiceProcess = {
  readonly child: ChildProcess;
  readonly pid: number;
  /** The latest output (stdout and stderr together), for failure messages and assertions. */
  output(): string;
  hasExited(): boolean;
  /** Resolves once the process has exited, with its exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Signals the process (its whole group when detached). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM (after SIGCONT if asked), SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL; resolves once it has exited. */
  kill(): Promise<void>;
};

const STOP_GRACE_MS = 10_000;

/** The variables of this process's environment a child needs to run, and no project settings. */
export const inheritedEnv = (names: readonly string[] = ['PATH', 'HOME', 'TMPDIR', 'LANG']): Record<string, string> =>
  Object.fromEntries(names.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));

export function spawnService(options: ServiceProcessOptions): ServiceProcess {
  const [bin, ...args] = options.command;
  const child = spawn(bin, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  if (child.pid === undefined) throw new Error(`could not start ${options.command.join(' ')}`);
  const pid = child.pid;
  const keepChars = options.keepChars ?? 20_000;
  const file = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  let output = '';
  const keep = (chunk: Buffer) => {
    file?.write(chunk);
    output = (output + chunk.toString()).slice(-keepChars);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      file?.end();
      resolve(code);
    }),
  );
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const signal = (name: NodeJS.Signals) => {
    if (options.detached) process.kill(-pid, name);
    else child.kill(name);
  };
  const send = (name: NodeJS.Signals) => {
    try {
      signal(name);
    } catch {
      // it exited meanwhile
    }
  };
  return {
    child,
    pid,
    output: () => output,
    hasExited,
    exited,
    signal,
    async stop() {
      if (hasExited()) return;
      if (options.continueBeforeStop) send('SIGCONT');
      send('SIGTERM');
      const timer = setTimeout(() => send('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (hasExited()) return;
      send('SIGKILL');
      await exited;
    },
  };
}

export type ReadyCheck = {
  /** Used in error messages, e.g. "the CMS". */
  name: string;
  url: string;
  timeoutMs: number;
  /** Whether an answer means ready (default: any status below 400). */
  isReady?: (response: Response) => boolean;
  intervalMs?: number;
};

/**
 * Resolves once `url` answers as ready. Throws with the tail of the output if the process exits
 * first, or stops it and throws if it does not answer in time.
 */
export async function waitUntilReady(service: ServiceProcess, check: ReadyCheck): Promise<void> {
  const isReady = check.isReady ?? ((response: Response) => response.status < 400);
  const tail = () => service.output().slice(-4000);
  const deadline = Date.now() + check.timeoutMs;
  while (Date.now() < deadline) {
    if (service.hasExited())
      throw new Error(`${check.name} exited with ${service.child.exitCode ?? service.child.signalCode}:\n${tail()}`);
    try {
      if (isReady(await fetch(check.url, { signal: AbortSignal.timeout(5000) }))) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, check.intervalMs ?? 500));
  }
  await service.stop();
  throw new Error(`${check.name} did not answer ${check.url} within ${check.timeoutMs} ms:\n${tail()}`);
}

/**
 * For a process expected to exit by itself: its exit code, or 'running' (and it is killed) if it
 * is still running after `timeoutMs`.
 */
export async function exitWithin(service: ServiceProcess, timeoutMs: number): Promise<number | null | 'running'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'running'>((resolve) => {
    timer = setTimeout(() => resolve('running'), timeoutMs);
  });
  const result = await Promise.race([service.exited, timedOut]);
  clearTimeout(timer);
  if (result === 'running') await service.kill();
  return result;
}
