// @ts-check
/**
 * The Redis side of the shared cache (cache-handler.mjs), made safe to lose: every call either
 * answers within a bound or throws, so the handler after it (memory) answers instead. A Redis the
 * client knows is disconnected is skipped at once; a connected one is waited for up to the bound,
 * which is generous because a busy instance is slow to read its own answers, and giving up early
 * there un-shares the cache (measured: bench `scale-out`). Nothing queues while Redis is away; the
 * client reconnects by itself.
 */
import { createClient } from '@redis/client';

/** @typedef {import('@fortedigital/nextjs-cache-handler/redis-strings').default} CreateRedisHandler */
/** @typedef {ReturnType<CreateRedisHandler>} Handler */
/** @typedef {ReturnType<typeof createClient>} RedisClient */

/** Longest pause between reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * One client per process. Offline commands fail at once instead of queueing (disableOfflineQueue),
 * a half-open connection is noticed by the ping, and reconnection never gives up.
 * @param {string} url
 * @param {number} timeoutMs
 * @returns {RedisClient}
 */
export function connectSharedRedis(url, timeoutMs) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    pingInterval: 5000,
    socket: {
      connectTimeout: Math.max(timeoutMs, 1000),
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 5), MAX_RECONNECT_DELAY_MS),
    },
  });
  // One line per change of state, not one per failed attempt.
  /** @type {boolean | null} null until the first connection attempt has ended either way. */
  let up = null;
  client.on('ready', () => {
    up = true;
    console.log('[cache] Redis connected: pages and data are shared');
  });
  client.on('error', (/** @type {unknown} */ error) => {
    if (up === false) return;
    up = false;
    console.error(
      `[cache] Redis unavailable (${error instanceof Error ? error.message : String(error)}): serving from memory, reconnecting`,
    );
  });
  client.connect().catch((/** @type {unknown} */ error) => {
    console.error(
      `[cache] Redis connection failed for good: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return client;
}

/**
 * Settles when the client's first connection attempt has: the first requests of a fresh instance
 * should read what other instances rendered, not race the connection and miss.
 * @param {RedisClient} client
 * @param {number} timeoutMs
 * @returns {Promise<void>}
 */
function firstConnectionAttempt(client, timeoutMs) {
  if (client.isReady) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(timeoutMs, 1000));
    client.on('ready', done);
    client.on('error', done);
  });
}

let lastTimeoutLog = 0;
/** At most one line every 10 s: a slow Redis under load would otherwise flood the log. */
function noteTimeout(/** @type {string} */ what, /** @type {number} */ ms) {
  if (Date.now() - lastTimeoutLog < 10_000) return;
  lastTimeoutLog = Date.now();
  console.warn(`[cache] Redis ${what} took longer than ${ms} ms: answered from memory instead`);
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function within(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      noteTimeout(what, ms);
      reject(new Error(`Redis ${what}: no answer within ${ms} ms`));
    }, ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}

/** @param {string} what */
const notConnected = (what) => new Error(`Redis ${what}: not connected, answered from memory`);

/**
 * Bounds every call of the Redis handler. A tag expiry Redis could not take is kept and sent again
 * once Redis is back, so entries written before the outage do not outlive their revalidation.
 * @param {Handler} redis
 * @param {RedisClient} client
 * @param {number} timeoutMs
 * @returns {Handler}
 */
export function timeBoundRedisHandler(redis, client, timeoutMs) {
  /** @type {Set<string>} */
  const missedTags = new Set();
  const connecting = firstConnectionAttempt(client, timeoutMs);
  // Expiring a tag scans the tag index, so it may take longer than a read.
  const revalidateTimeoutMs = timeoutMs * 10;

  const expire = async (/** @type {string} */ tag) => {
    try {
      await within(redis.revalidateTag(tag), revalidateTimeoutMs, 'revalidateTag');
      missedTags.delete(tag);
    } catch (error) {
      missedTags.add(tag);
      throw error;
    }
  };
  client.on('ready', () => {
    for (const tag of missedTags) {
      expire(tag).then(
        () => console.log(`[cache] expired tag ${tag} in Redis after its outage`),
        () => undefined,
      );
    }
  });

  return {
    name: 'redis-time-bound',
    get: async (key, meta) => {
      await connecting;
      if (!client.isReady) throw notConnected('get');
      return within(redis.get(key, meta), timeoutMs, 'get');
    },
    set: async (key, value, ctx) => {
      await connecting;
      if (!client.isReady) throw notConnected('set');
      return within(redis.set(key, value, ctx), timeoutMs, 'set');
    },
    revalidateTag: expire,
    delete: (key) => within(redis.delete?.(key) ?? Promise.resolve(), timeoutMs, 'delete'),
    prepare: () => within(redis.prepare?.() ?? Promise.resolve(), revalidateTimeoutMs, 'prepare'),
  };
}
