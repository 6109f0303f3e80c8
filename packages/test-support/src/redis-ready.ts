/** Redis speaks no HTTP: it is ready once a PING on a fresh connection answers +PONG. */
import net from 'node:net';

/** Whether a redis-server on 127.0.0.1:`port` answers PING with +PONG (false on any error or after 2 s). */
export const pingRedis = (port: number): Promise<boolean> =>
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

/**
 * Resolves once the redis-server on `port` answers PING. Throws if `isAlive` says its process has
 * exited, or if it does not answer within `timeoutMs`.
 */
export async function waitForRedis(
  port: number,
  timeoutMs: number,
  isAlive: () => boolean = () => true,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`redis-server on port ${port} exited`);
    if (await pingRedis(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within ${timeoutMs} ms`);
}
