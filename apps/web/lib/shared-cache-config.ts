/**
 * The shared cache's settings (cache-handler.mjs), read from the environment when the server
 * starts (next.config.ts) so a typo stops the start with a clear message instead of turning every
 * cached read into an error. REDIS_URL unset or empty: no shared cache, Next's own per-process
 * cache as before. cache-handler.mjs reads the same variables with the same defaults.
 *
 *   REDIS_URL                  redis:// or rediss:// URL of the Redis every instance shares.
 *   CACHE_KEY_PREFIX           prefix of every key this site writes, default `nourish:`.
 *   CACHE_REDIS_TIMEOUT_MS     the longest one cache read or write waits for a connected Redis
 *                              before the instance answers from its memory instead, default 5000
 *                              (a disconnected one is skipped at once). 1000 was too short: on a
 *                              saturated machine reads timed out and the cache stopped being shared.
 */
export type SharedCacheConfig = { redisUrl: string; keyPrefix: string; timeoutMs: number };

export const DEFAULT_KEY_PREFIX = 'nourish:';
export const DEFAULT_TIMEOUT_MS = 5000;

export function sharedCacheConfig(env: Record<string, string | undefined> = process.env): SharedCacheConfig | null {
  const redisUrl = env.REDIS_URL?.trim() ?? '';
  if (redisUrl === '') return null;
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    throw new Error(`REDIS_URL is not a URL: ${JSON.stringify(redisUrl)} (expected e.g. redis://127.0.0.1:6379)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${url.protocol}//`);
  }
  const keyPrefix = env.CACHE_KEY_PREFIX ?? DEFAULT_KEY_PREFIX;
  if (!/^[\w:.-]{1,64}$/.test(keyPrefix)) {
    throw new Error('CACHE_KEY_PREFIX must be 1-64 letters, digits, "_", ":", "." or "-"');
  }
  const rawTimeout = env.CACHE_REDIS_TIMEOUT_MS ?? String(DEFAULT_TIMEOUT_MS);
  const timeoutMs = Number(rawTimeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 10 || timeoutMs > 60_000) {
    throw new Error(
      `CACHE_REDIS_TIMEOUT_MS must be a whole number of milliseconds from 10 to 60000, got ${rawTimeout}`,
    );
  }
  return { redisUrl, keyPrefix, timeoutMs };
}
