// @ts-check
/**
 * Next's incremental cache (ISR pages and `unstable_cache` data, lib/data.ts) in Redis, shared by
 * every site instance; next.config.ts loads it only when REDIS_URL is set (lib/shared-cache-config.ts
 * validates the variables at start; this file reads them with the same defaults).
 *
 * This is `cacheHandler` (the incremental cache), not `cacheHandlers` ('use cache'): the site does
 * not use cacheComponents. @fortedigital/nextjs-cache-handler stores the entries and shares tag
 * expiry: `revalidateTag` deletes every entry carrying the tag in Redis, so one /api/revalidate on
 * any instance takes effect on all. Its handlers are tried in order and a throwing one is skipped,
 * and writes go to all of them, so behind Redis sits a per-process LRU that already holds what this
 * instance read or wrote: Redis down or not yet connected -> answers come from memory at once, Redis
 * slow -> within CACHE_REDIS_TIMEOUT_MS (redis-fallback-handler.mjs), and the client reconnects in the background.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';

import { withStoredLifetime } from './cache-lifetime.mjs';
import { connectSharedRedis, timeBoundRedisHandler } from './redis-fallback-handler.mjs';

/** Stale entries stay in Redis this long: an instance started during a CMS outage still has them. */
const KEEP_STALE_SECONDS = 7 * 24 * 60 * 60;

/**
 * Counts each layer's lookups for the metrics endpoint (lib/site-metrics.ts; absent during
 * builds). Layers are asked in order, so memory is asked only when Redis missed or failed.
 * @template {{ get: (key: string, meta: any) => Promise<unknown> }} H
 * @param {H} handler
 * @param {'redis' | 'memory'} layer
 * @returns {H}
 */
const counted = (handler, layer) => ({
  ...handler,
  async get(key, meta) {
    const metrics =
      /** @type {Record<symbol, { cacheLookups: { inc(labels: Record<string, string>): void } } | undefined>} */ (
        globalThis
      )[Symbol.for('nourish.metrics')];
    try {
      const value = await handler.get(key, meta);
      metrics?.cacheLookups.inc({ layer, result: value ? 'hit' : 'miss' });
      return value;
    } catch (error) {
      metrics?.cacheLookups.inc({ layer, result: 'error' });
      throw error;
    }
  },
});

CacheHandler.onCreation(() => {
  const memory = createLruHandler({ maxItemsNumber: 2000, maxItemSizeBytes: 256 * 1024 * 1024 });
  const redisUrl = process.env.REDIS_URL;
  // `next build` renders nothing worth sharing and must not need Redis.
  if (!redisUrl || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [counted(memory, 'memory')] };

  const timeoutMs = Number(process.env.CACHE_REDIS_TIMEOUT_MS ?? 5000);
  const client = connectSharedRedis(redisUrl, timeoutMs);
  const redis = createRedisHandler({
    client,
    keyPrefix: process.env.CACHE_KEY_PREFIX ?? 'nourish:',
    timeoutMs,
  });
  const shared = timeBoundRedisHandler(redis, client, timeoutMs);
  // For /api/revalidate, which must purge the edge only after Redis has expired the tags
  // (lib/shared-cache-expiry.ts).
  Object.assign(globalThis, {
    [Symbol.for('nourish.sharedCacheExpiry')]: async (/** @type {string[]} */ tags) => {
      for (const tag of tags) await shared.revalidateTag(tag);
    },
    // For the readiness probe (ops/probes.mjs).
    [Symbol.for('nourish.sharedCacheConnected')]: () => client.isReady,
  });
  // What this instance reads from Redis is kept in memory too, for when Redis goes away; pages
  // carry their lifetime, which Next does not know for pages other instances rendered.
  /** @type {typeof shared} */
  const sharedKeptInMemory = {
    ...shared,
    async get(key, meta) {
      const value = withStoredLifetime(await shared.get(key, meta));
      if (value) await memory.set(key, { ...value });
      return value ?? null;
    },
  };
  return {
    handlers: [counted(sharedKeptInMemory, 'redis'), counted(memory, 'memory')],
    ttl: { estimateExpireAge: (staleAge) => Math.max(staleAge * 1.5, KEEP_STALE_SECONDS) },
  };
});

export default CacheHandler;
