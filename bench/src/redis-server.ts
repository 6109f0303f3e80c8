/**
 * A private `redis-server` for the sites' shared cache (as `pnpm cluster` runs one): nothing
 * persisted, on its own port, so the benchmark never touches a Redis something else uses.
 */
import { inheritedEnv, privateRedisCommand, spawnService, waitForRedis } from '@nourish/test-support';

import type { Server } from './servers';

export async function startRedis(port: number, timeoutMs = 20_000): Promise<Server> {
  const service = spawnService({
    command: privateRedisCommand(port),
    cwd: '/',
    env: inheritedEnv(),
  });
  try {
    await waitForRedis(port, timeoutMs, () => !service.hasExited());
  } catch (error) {
    await service.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}:\n${service.output().slice(-2000)}`);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: service.pid,
    stop: () => service.stop(),
    output: () => service.output(),
  };
}
