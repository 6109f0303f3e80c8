/**
 * A private `redis-server` for the sites' shared cache (as `pnpm cluster` runs one): nothing
 * persisted, on its own port, so the benchmark never touches a Redis something else uses.
 */
import net from 'node:net';

import { inheritedEnv, spawnService } from '@nourish/test-support';

import type { Server } from './servers';

/** Redis speaks no HTTP: it is up once a PING on a fresh connection answers +PONG. */
const ping = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });

export async function startRedis(port: number, timeoutMs = 20_000): Promise<Server> {
  const service = spawnService({
    command: ['redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    cwd: '/',
    env: inheritedEnv(),
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await ping(port))) {
    if (service.hasExited() || Date.now() > deadline) {
      await service.stop();
      throw new Error(`redis-server on port ${port} did not answer PING:\n${service.output().slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: service.pid,
    stop: () => service.stop(),
    output: () => service.output(),
  };
}
